// CSAF 2.0 validation with @secvisogram/csaf-validator-lib 2.0.10: the JSON schema test and the
// mandatory tests (CSAF 2.0 section 6.1). Each error the library reports becomes a finding naming
// the document, the JSON path (the library's instancePath) and the test that failed. The tests
// are pure functions over the document; the library runs them asynchronously.
import { csaf_2_0_strict } from '@secvisogram/csaf-validator-lib/schemaTests.js';
import * as mandatory from '@secvisogram/csaf-validator-lib/mandatoryTests.js';
import validate from '@secvisogram/csaf-validator-lib/validate.js';
import { finding } from '../errors.js';
import type { Finding } from '../errors.js';

type DocumentTest = (doc: unknown) => unknown;

/** The mandatory tests by CSAF section ("6.1.27.1"), as the library names them (mandatoryTest_6_1_27_1). */
export const CSAF_MANDATORY_TESTS: ReadonlyMap<string, DocumentTest> = new Map(
  Object.entries(mandatory).map(([name, fn]) => [name.replace('mandatoryTest_', '').replaceAll('_', '.'), fn]),
);

export interface CsafValidation {
  readonly valid: boolean;
  readonly findings: readonly Finding[];
  /** Per test run: the CSAF section ("schema" for the JSON schema) and whether it passed. */
  readonly tests: readonly { readonly test: string; readonly valid: boolean }[];
}

/** A JSON pointer ("/a/0/b") as a JSON path ("$.a[0].b"). */
const jsonPath = (pointer: string): string =>
  '$' + pointer.split('/').slice(1).map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~')).map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`)).join('');

const sectionOf = (name: string): string => (name.startsWith('mandatoryTest_') ? name.replace('mandatoryTest_', '').replaceAll('_', '.') : 'schema');

/** Validate against the schema and the mandatory tests, or only the named sections when given. */
export async function validateCsaf(doc: unknown, name = 'csaf', sections?: readonly string[]): Promise<CsafValidation> {
  const chosen = sections === undefined ? [csaf_2_0_strict, ...CSAF_MANDATORY_TESTS.values()] : sections.map((s) => (s === 'schema' ? csaf_2_0_strict : CSAF_MANDATORY_TESTS.get(s))).filter((t): t is DocumentTest => t !== undefined);
  const document = typeof doc === 'object' && doc !== null ? String(((doc as Record<string, unknown>)['document'] as Record<string, Record<string, unknown>> | undefined)?.['tracking']?.['id'] ?? name) : name;
  let result: Awaited<ReturnType<typeof validate>>;
  try {
    result = await validate(chosen, doc);
  } catch (error) {
    const rule = `the CSAF validator could not run on this document: ${error instanceof Error ? error.message : String(error)}`;
    return { valid: false, findings: [finding('SETU_ERR_SUPPLYCHAIN_CSAF_INVALID', document, '$', rule)], tests: [] };
  }
  const findings = result.tests.flatMap((t) => t.errors.map((e) => finding('SETU_ERR_SUPPLYCHAIN_CSAF_INVALID', document, jsonPath(e.instancePath), `CSAF ${sectionOf(t.name)}: ${e.message}`)));
  return { valid: result.isValid, findings, tests: result.tests.map((t) => ({ test: sectionOf(t.name), valid: t.isValid })) };
}
