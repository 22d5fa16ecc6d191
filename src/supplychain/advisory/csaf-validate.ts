// CSAF 2.0 validation with @secvisogram/csaf-validator-lib 2.0.10: the JSON schema test and the
// mandatory tests (CSAF 2.0 section 6.1). Each error the library reports becomes a finding naming
// the document, the JSON path (the library's instancePath) and the test that failed. The tests
// are pure functions over the document; the library runs them asynchronously. The library
// compiles its JSON schemas when it is loaded (about a second), so it is imported on the first
// validation, never when supplychain/ is imported (Node's module cache keeps it afterwards).
import { finding } from '../errors.js';
import type { Finding } from '../errors.js';

type DocumentTest = (doc: unknown) => unknown;

export interface CsafValidation {
  readonly valid: boolean;
  readonly findings: readonly Finding[];
  /** Per test run: the CSAF section ("schema" for the JSON schema) and whether it passed. */
  readonly tests: readonly { readonly test: string; readonly valid: boolean }[];
}

/** A JSON pointer ("/a/0/b") as a JSON path ("$.a[0].b"). */
const jsonPath = (pointer: string): string =>
  '$' + pointer.split('/').slice(1).map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~')).map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`)).join('');

/** The library names mandatory tests mandatoryTest_6_1_27_1; the section is 6.1.27.1. */
const sectionOf = (name: string): string => (name.startsWith('mandatoryTest_') ? name.replace('mandatoryTest_', '').replaceAll('_', '.') : 'schema');

async function loadTests(): Promise<{ schema: DocumentTest; mandatory: ReadonlyMap<string, DocumentTest> }> {
  const [schemaTests, mandatory] = await Promise.all([import('@secvisogram/csaf-validator-lib/schemaTests.js'), import('@secvisogram/csaf-validator-lib/mandatoryTests.js')]);
  return { schema: schemaTests.csaf_2_0_strict, mandatory: new Map(Object.entries(mandatory.default ?? mandatory).filter(([name]) => name.startsWith('mandatoryTest_')).map(([name, fn]) => [sectionOf(name), fn as DocumentTest])) };
}

/** The CSAF sections of the mandatory tests the library runs ("6.1.1" ... "6.1.33"). */
export async function csafMandatorySections(): Promise<string[]> {
  return [...(await loadTests()).mandatory.keys()];
}

/** Validate against the schema and the mandatory tests, or only the named sections when given. */
export async function validateCsaf(doc: unknown, name = 'csaf', sections?: readonly string[]): Promise<CsafValidation> {
  const tracking = typeof doc === 'object' && doc !== null ? ((doc as Record<string, unknown>)['document'] as Record<string, Record<string, unknown>> | undefined)?.['tracking']?.['id'] : undefined;
  const document = typeof tracking === 'string' ? tracking : name;
  let result: { readonly isValid: boolean; readonly tests: readonly { readonly name: string; readonly isValid: boolean; readonly errors: readonly { readonly instancePath: string; readonly message: string }[] }[] };
  try {
    const { schema, mandatory } = await loadTests();
    const chosen = sections === undefined ? [schema, ...mandatory.values()] : sections.map((s) => (s === 'schema' ? schema : mandatory.get(s))).filter((t): t is DocumentTest => t !== undefined);
    const { default: validate } = await import('@secvisogram/csaf-validator-lib/validate.js');
    result = await validate(chosen, doc);
  } catch (error) {
    const rule = `the CSAF validator could not run on this document: ${error instanceof Error ? error.message : String(error)}`;
    return { valid: false, findings: [finding('SETU_ERR_SUPPLYCHAIN_CSAF_INVALID', document, '$', rule)], tests: [] };
  }
  const findings = result.tests.flatMap((t) => t.errors.map((e) => finding('SETU_ERR_SUPPLYCHAIN_CSAF_INVALID', document, jsonPath(e.instancePath), `CSAF ${sectionOf(t.name)}: ${e.message}`)));
  return { valid: result.isValid, findings, tests: result.tests.map((t) => ({ test: sectionOf(t.name), valid: t.isValid })) };
}
