// Declarations for the three entry points of @secvisogram/csaf-validator-lib 2.0.10 that Setu uses
// (the package ships JavaScript with JSDoc types and no declaration files).
declare module '@secvisogram/csaf-validator-lib/validate.js' {
  type DocumentTest = (doc: unknown) => unknown;
  interface TestResult {
    readonly name: string;
    readonly isValid: boolean;
    readonly errors: readonly { readonly instancePath: string; readonly message: string }[];
  }
  export default function validate(tests: readonly DocumentTest[], doc: unknown): Promise<{ readonly isValid: boolean; readonly tests: readonly TestResult[] }>;
}

declare module '@secvisogram/csaf-validator-lib/schemaTests.js' {
  export const csaf_2_0_strict: (doc: unknown) => unknown;
  export const csaf_2_0: (doc: unknown) => unknown;
}

declare module '@secvisogram/csaf-validator-lib/mandatoryTests.js' {
  const tests: Record<string, (doc: unknown) => unknown> & { readonly default?: Record<string, (doc: unknown) => unknown> };
  export = tests;
}
