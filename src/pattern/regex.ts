// MATCHES: the operand is a PCRE regular expression (pcre.ts translates it), searched anywhere in
// the value. Two forms are compiled: a Unicode one for string values and a byte-wise one (each
// byte one char) for binary values, used only when every pattern character fits in a byte.
import { translatePcre } from './pcre.js';

export interface CompiledRegex {
  readonly text: RegExp;
  /** Byte-wise form, built on first use; undefined when the expression does not fit in bytes. */
  readonly bytes: RegExp | undefined;
}

export type RegexResult =
  | { readonly ok: true; readonly regex: CompiledRegex }
  /** `unsupported`: valid PCRE the JavaScript engine cannot run; `invalid`: not a regular expression. */
  | { readonly ok: false; readonly kind: 'unsupported' | 'invalid'; readonly message: string };

/** Translates and compiles the MATCHES operand, or says why it cannot be. */
export function buildRegex(pcre: string): RegexResult {
  const normalised = pcre.normalize('NFC');
  const translated = translatePcre(normalised);
  if (!translated.ok) return translated;
  let text: RegExp;
  try {
    text = new RegExp(translated.source, translated.flags);
  } catch (error) {
    return { ok: false, kind: 'invalid', message: (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '') };
  }
  let bytes: RegExp | undefined | null = null;
  const regex: CompiledRegex = {
    text,
    get bytes() {
      if (bytes === null) bytes = /^[\u0000-\u00ff]*$/.test(normalised) ? new RegExp(translated.source, translated.flags) : undefined;
      return bytes;
    },
  };
  return { ok: true, regex };
}

/** Compiles the MATCHES operand, or returns undefined when it cannot be compiled. */
export function compileRegex(pcre: string): CompiledRegex | undefined {
  const built = buildRegex(pcre);
  return built.ok ? built.regex : undefined;
}
