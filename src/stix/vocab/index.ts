// Vocabularies, precompiled to Sets once at load.
import { OPEN_VOCABULARIES, type OpenVocabName } from './open.js';
import { ENUMERATIONS, type EnumName } from './enums.js';

export { OPEN_VOCABULARIES, type OpenVocabName } from './open.js';
export { ENUMERATIONS, type EnumName } from './enums.js';

export interface CompiledVocab {
  readonly name: string;
  readonly check: string;
  readonly values: ReadonlySet<string>;
  /** Lowercase-hyphenated vocabularies also get the open-vocab-format check. */
  readonly formatChecked: boolean;
}

function compileOpen(name: OpenVocabName): CompiledVocab {
  const v = OPEN_VOCABULARIES[name];
  const values = new Set<string>(v.values);
  return { name, check: v.check, values, formatChecked: [...values].every((s) => s === s.toLowerCase()) && name !== 'implementation-language-ov' };
}

export const COMPILED_OPEN: Readonly<Record<OpenVocabName, CompiledVocab>> = Object.fromEntries(
  (Object.keys(OPEN_VOCABULARIES) as OpenVocabName[]).map((n) => [n, compileOpen(n)]),
) as Record<OpenVocabName, CompiledVocab>;

export const COMPILED_ENUMS: Readonly<Record<EnumName, ReadonlySet<string>>> = Object.fromEntries(
  (Object.keys(ENUMERATIONS) as EnumName[]).map((n) => [n, new Set<string>(ENUMERATIONS[n])]),
) as unknown as Record<EnumName, ReadonlySet<string>>;
