// Per-type purl rules that the purl specification states (PURL-TYPES and the type definitions
// behind its tests at purl-spec 16f3d0e) and packageurl-js 2.0.1 does not check yet. Data only;
// purl.ts applies them after the library has parsed or built a purl.
export interface PurlTypeRule {
  readonly namespace?: 'required' | 'prohibited';
  /** A pattern the name must match, and the rule to cite when it does not. */
  readonly name?: { readonly pattern: RegExp; readonly rule: string };
  readonly version?: { readonly pattern: RegExp; readonly rule: string };
  readonly requiredQualifiers?: readonly string[];
  /** Namespace and name are case-insensitive and written in lower case. */
  readonly lowercase?: boolean;
  /** How many path segments the namespace has; the rest form the name, which may hold '/'. */
  readonly namespaceSegments?: number;
}

export const PURL_TYPE_RULES: Readonly<Record<string, PurlTypeRule>> = {
  brew: { lowercase: true },
  'chrome-extension': {
    name: { pattern: /^[a-p]{32}$/, rule: 'a chrome-extension name is the 32-letter extension id (letters a to p)' },
    version: { pattern: /^[0-9]+(?:\.[0-9]+){0,3}$/, rule: 'a chrome-extension version is one to four dot-separated integers' },
  },
  cpan: { name: { pattern: /^(?!.*::).+$/, rule: 'a cpan name is the distribution name (with "-"), never a "::" module name' } },
  git: { lowercase: true, namespaceSegments: 1 },
  julia: { requiredQualifiers: ['uuid'] },
  otp: { namespace: 'prohibited' },
  vcpkg: { namespace: 'prohibited' },
  'vscode-extension': { namespace: 'required' },
};
