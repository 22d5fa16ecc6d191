// MATCHES: the operand is a PCRE-style regular expression, searched anywhere in the value. This
// translates the common PCRE spellings JavaScript lacks and compiles two forms: a Unicode one for
// string values and a byte-wise one (each byte one char) for binary values, used only when every
// pattern character fits in a byte.
export interface CompiledRegex {
  readonly text: RegExp;
  /** Byte-wise form, built on first use; undefined when the expression does not fit in bytes. */
  readonly bytes: RegExp | undefined;
}

function translate(pcre: string): string {
  return pcre
    .replace(/\(\?P<([a-zA-Z_][a-zA-Z0-9_]*)>/g, '(?<$1>')
    .replace(/\(\?P=([a-zA-Z_][a-zA-Z0-9_]*)\)/g, '\\k<$1>')
    .replace(/\\A/g, '^')
    .replace(/\\[Zz]/g, '$(?![\\s\\S])');
}

/** Removes escapes of punctuation that PCRE accepts but JavaScript's `u` mode rejects. */
function dropIdentityEscapes(source: string): string {
  return source.replace(/\\([^A-Za-z0-9\\^$.*+?()[\]{}|/-])/g, '$1');
}

function compile(source: string, flags: string): RegExp | undefined {
  try {
    return new RegExp(source, flags);
  } catch {
    return undefined;
  }
}

/** Compiles the MATCHES operand, or returns undefined when it is not a valid expression. */
export function compileRegex(pcre: string): CompiledRegex | undefined {
  const source = translate(pcre.normalize('NFC'));
  const text = compile(source, 'u') ?? compile(dropIdentityEscapes(source), 'u') ?? compile(source, '');
  if (text === undefined) return undefined;
  let bytes: RegExp | undefined | null = null;
  return {
    text,
    get bytes() {
      if (bytes === null) bytes = /^[\u0000-\u00ff]*$/.test(source) ? compile(source, '') : undefined;
      return bytes;
    },
  };
}
