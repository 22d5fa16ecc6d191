// Translates a PCRE regular expression (the dialect STIX MATCHES names) into JavaScript `u`-mode
// source with the same meaning, or refuses it with the construct and its position.
//
// | PCRE                                   | JavaScript                                           |
// |----------------------------------------|------------------------------------------------------|
// | (?i) (?s) (?m) (?x), (?-i), (?i:...)   | flags tracked per group; i becomes the `i` flag when  |
// |                                        | it covers the whole expression, else [aA] expansion  |
// | .  ^  $  (by the s and m flags)        | [^\n] or [^]; ^ or (?:^|(?<=\n)(?=[^])); (?=\n?$)...  |
// | \A \Z \z                               | (?<![^])  (?=\n?(?![^]))  (?![^])                     |
// | [[:alpha:]] and the other POSIX names  | ASCII ranges; [:^digit:] [:^space:] [:^word:] too    |
// | \h \H \v \V \R \N \e \a \o{..} \x{..}  | explicit classes and code points                     |
// | (?P<n>..) (?'n'..) (?P=n) \k{n} \g{n}  | (?<n>..) and \k<n>; \g{-1} and \gN by number         |
// | \Q...\E, (?#...), x-mode # comments    | quoted literally; comments dropped                   |
// | \ before punctuation, lone { } ]       | the literal character                                |
// Refused (no JavaScript equivalent): possessive quantifiers, atomic groups, recursion and
// subroutine calls, conditionals, branch reset, callouts, backtracking verbs, \G \K \X \C, the
// n U J flags, and back-references inside a case-insensitive part that is not the whole expression.
// Pure: no I/O. Whether the result compiles is left to the caller (the engine is the judge).
import { caseVariants, insideClass, LAST_CASED, outsideClass } from './pcre-chars.js';

export type PcreTranslation =
  | { readonly ok: true; readonly source: string; readonly flags: string }
  /** `unsupported`: valid PCRE this engine cannot run; `invalid`: not a valid PCRE expression. */
  | { readonly ok: false; readonly kind: 'unsupported' | 'invalid'; readonly message: string; readonly index: number };


interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  x: boolean;
}

class Refusal {
  constructor(
    readonly kind: 'unsupported' | 'invalid',
    readonly message: string,
    readonly index: number,
  ) {}
}

const POSIX: Readonly<Record<string, string>> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: '0-9A-Za-z', upper: 'A-Z', lower: 'a-z', space: '\\t\\n\\v\\f\\r ',
  blank: '\\t ', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', cntrl: '\\0-\\x1f\\x7f', print: ' -~', graph: '!-~',
  word: '\\w', ascii: '\\0-\\x7f',
};
const NEGATED_POSIX: Readonly<Record<string, string>> = { digit: '\\D', space: '\\S', word: '\\W' };
const HSPACE = '\\t \\xa0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000';
const VSPACE = '\\n\\v\\f\\r\\x85\\u2028\\u2029';
const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { a: 7, e: 27, f: 12, n: 10, r: 13, t: 9 };
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

type ClassItem = { kind: 'char'; cp: number } | { kind: 'range'; lo: number; hi: number } | { kind: 'raw'; text: string };

class Translator {
  private at = 0;
  private groups = 0;
  private readonly stack: Flags[] = [];
  private flags: Flags = { i: false, m: false, s: false, x: false };
  /** Case-insensitivity seen at each atom: decides between the `i` flag and expansion. */
  readonly caseStates = new Set<boolean>();

  constructor(
    private readonly src: string,
    private readonly expandCase: boolean,
  ) {}

  private refuse(what: string, index: number, why = 'has no JavaScript equivalent'): never {
    throw new Refusal('unsupported', `${what} at character ${index + 1} ${why}`, index);
  }

  private invalid(message: string, index: number): never {
    throw new Refusal('invalid', `${message} at character ${index + 1}`, index);
  }

  private peek(n = 0): string {
    return this.src[this.at + n] ?? '';
  }

  private caseless(): boolean {
    this.caseStates.add(this.flags.i);
    return this.flags.i && this.expandCase;
  }

  private literal(cp: number): string {
    if (!this.caseless()) return outsideClass(cp);
    const variants = caseVariants(cp);
    return variants.length === 1 ? outsideClass(cp) : `[${variants.map(insideClass).join('')}]`;
  }

  translate(): string {
    let out = '';
    while (this.at < this.src.length) out += this.next();
    if (this.stack.length > 0) this.invalid('missing )', this.src.length);
    return out;
  }

  private next(): string {
    const start = this.at;
    const ch = this.src.codePointAt(this.at)!;
    const c = String.fromCodePoint(ch);
    this.at += c.length;
    if (this.flags.x && /[ \t\n\r\f\v]/.test(c)) return '';
    if (this.flags.x && c === '#') {
      while (this.at < this.src.length && this.peek() !== '\n') this.at++;
      return '';
    }
    switch (c) {
      case '\\':
        return this.escape(start);
      case '[':
        return this.characterClass(start);
      case '(':
        return this.open(start);
      case ')':
        if (this.stack.length === 0) this.invalid('unmatched )', start);
        this.flags = this.stack.pop()!;
        return ')' + this.quantifier();
      case '.':
        return (this.flags.s ? '[^]' : '[^\\n]') + this.quantifier();
      case '^':
        return this.flags.m ? '(?:^|(?<=\\n)(?=[^]))' : '^';
      case '$':
        return this.flags.m ? '(?=\\n|$)' : '(?=\\n?$)';
      case '|':
        return '|';
      case '*':
      case '+':
      case '?':
        return this.invalid(`quantifier '${c}' follows nothing`, start);
      case '{': {
        const q = this.braceQuantifier();
        if (q !== undefined) this.invalid(`quantifier '${q}' follows nothing`, start);
        return '\\{' + this.quantifier();
      }
      default:
        return this.literal(ch) + this.quantifier();
    }
  }

  /** `{n}`, `{n,}`, `{n,m}` at the cursor (consumed), or undefined (then `{` is a literal). */
  private braceQuantifier(): string | undefined {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.at - 1));
    if (m === null) return undefined;
    this.at += m[0].length - 1;
    if (m[3] !== undefined && m[3] !== '' && Number(m[3]) < Number(m[1])) this.invalid(`quantifier ${m[0]} has its numbers out of order`, this.at - m[0].length);
    return m[0];
  }

  private quantifier(): string {
    let out = '';
    for (;;) {
      if (this.flags.x) while (/[ \t\n\r\f\v]/.test(this.peek()) && this.peek() !== '') this.at++;
      const c = this.peek();
      const start = this.at;
      let q: string | undefined;
      if (c === '*' || c === '+' || c === '?') {
        this.at++;
        q = c;
      } else if (c === '{') {
        this.at++;
        q = this.braceQuantifier();
        if (q === undefined) {
          this.at--;
          return out;
        }
      } else {
        return out;
      }
      if (out !== '') this.invalid(`quantifier '${q}' follows another quantifier`, start);
      if (this.peek() === '+') this.refuse(`possessive quantifier '${q}+'`, start, "has no JavaScript equivalent (drop the final '+')");
      if (this.peek() === '?') {
        this.at++;
        q += '?';
      }
      out += q;
    }
  }

  private backReference(ref: string, start: number): string {
    if (this.caseless()) this.refuse('a back-reference inside a case-insensitive part', start, 'is supported only when (?i) covers the whole expression');
    return `(?:${ref})`;
  }

  private groupName(open: string, close: string, start: number): string {
    const end = this.src.indexOf(close, this.at);
    if (end === -1) this.invalid(`group name after '${open}' is not closed by '${close}'`, start);
    const name = this.src.slice(this.at, end);
    if (!NAME.test(name)) this.invalid(`'${name}' is not a valid group name`, start);
    this.at = end + close.length;
    return name;
  }

  private push(next: Flags = { ...this.flags }): void {
    this.stack.push(this.flags);
    this.flags = next;
  }

  private open(start: number): string {
    if (this.peek() === '*') this.refuse(`backtracking verb or start option '(*${/^[A-Za-z0-9_]*/.exec(this.src.slice(this.at + 1))?.[0] ?? ''}'`, start);
    if (this.peek() !== '?') {
      this.groups++;
      this.push();
      return '(';
    }
    this.at++;
    const rest = this.src.slice(this.at);
    const two = rest.slice(0, 2);
    if (rest[0] === '#') {
      const end = this.src.indexOf(')', this.at);
      if (end === -1) this.invalid('comment (?# is not closed', start);
      this.at = end + 1;
      return '';
    }
    if (rest[0] === ':' || rest[0] === '=' || rest[0] === '!' || two === '<=' || two === '<!') {
      const len = rest[0] === '<' ? 2 : 1;
      this.at += len;
      this.push();
      return `(?${rest.slice(0, len)}`;
    }
    if (two === 'P<' || rest[0] === '<' || rest[0] === "'") {
      const open = two === 'P<' ? '(?P<' : `(?${rest[0]}`;
      this.at += two === 'P<' ? 2 : 1;
      const name = this.groupName(open, rest[0] === "'" ? "'" : '>', start);
      this.groups++;
      this.push();
      return `(?<${name}>`;
    }
    if (two === 'P=') {
      this.at += 2;
      return this.backReference(`\\k<${this.groupName('(?P=', ')', start)}>`, start) + this.quantifier();
    }
    if (rest[0] === '>') this.refuse("atomic group '(?>'", start);
    if (rest[0] === '|') this.refuse("branch reset group '(?|'", start);
    if (rest[0] === '(') this.refuse("conditional group '(?('", start);
    if (rest[0] === 'C') this.refuse("callout '(?C'", start);
    if (/^(?:R|[+-]?\d|&|P>)/.test(rest)) this.refuse(`recursion or subroutine call '(?${/^(?:P>|.)[^)]*/.exec(rest)?.[0] ?? ''})'`, start);
    const m = /^(\^)?([A-Za-z]*)(?:-([A-Za-z]*))?([):])/.exec(rest);
    if (m === null) this.invalid(`unknown group syntax '(?${rest.slice(0, 1)}'`, start);
    const next: Flags = m[1] === '^' ? { i: false, m: false, s: false, x: false } : { ...this.flags };
    for (const [letters, value] of [[m[2] ?? '', true], [m[3] ?? '', false]] as const) {
      for (const flag of letters) {
        if (flag === 'i' || flag === 'm' || flag === 's' || flag === 'x') next[flag] = value;
        else if (flag === 'n' || flag === 'U' || flag === 'J') this.refuse(`inline flag '${flag}' in '(?${m[0]}'`, start);
        else this.invalid(`unknown inline flag '${flag}' in '(?${m[0]}'`, start);
      }
    }
    this.at += m[0].length;
    if (m[4] === ')') {
      // (?i) changes the flags of the rest of the enclosing group.
      this.flags = next;
      return '';
    }
    this.push(next);
    return '(?:';
  }

  /** A code point written as an escape (valid inside and outside classes), or undefined. */
  private codePointEscape(c: string, start: number, inClass: boolean): number | undefined {
    if (c in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[c];
    if (c === 'x') {
      if (this.peek() === '{') {
        const m = /^\{([0-9A-Fa-f]+)\}/.exec(this.src.slice(this.at));
        if (m === null || parseInt(m[1]!, 16) > 0x10ffff) this.invalid("malformed '\\x{...}'", start);
        this.at += m[0].length;
        return parseInt(m[1]!, 16);
      }
      const m = /^[0-9A-Fa-f]{0,2}/.exec(this.src.slice(this.at))![0];
      this.at += m.length;
      return m === '' ? 0 : parseInt(m, 16);
    }
    if (c === 'o') {
      const m = /^\{([0-7]+)\}/.exec(this.src.slice(this.at));
      if (m === null || parseInt(m[1]!, 8) > 0x10ffff) this.invalid("malformed '\\o{...}'", start);
      this.at += m[0].length;
      return parseInt(m[1]!, 8);
    }
    if (c === 'c') {
      const target = this.peek();
      if (target === '' || target.charCodeAt(0) > 0x7e) this.invalid("'\\c' must be followed by a printable ASCII character", start);
      this.at++;
      return target.toUpperCase().charCodeAt(0) ^ 0x40;
    }
    if (c === '0' || (inClass && /[1-7]/.test(c))) {
      const m = /^[0-7]{0,2}/.exec(this.src.slice(this.at))![0];
      this.at += m.length;
      return parseInt(c + m, 8);
    }
    if (!/[A-Za-z0-9]/.test(c)) return c.codePointAt(0);
    return undefined;
  }

  /** `\p{..}`, `\P{..}`, `\pL`: JavaScript names, or a script name tried as Script=. */
  private property(c: string, start: number): string {
    let name: string;
    if (this.peek() === '{') {
      const end = this.src.indexOf('}', this.at);
      if (end === -1) this.invalid(`'\\${c}{' is not closed`, start);
      name = this.src.slice(this.at + 1, end);
      this.at = end + 1;
    } else {
      name = this.peek();
      this.at++;
    }
    let negated = c === 'P';
    if (name.startsWith('^')) {
      negated = !negated;
      name = name.slice(1);
    }
    if (name === 'L&') name = 'LC';
    const letter = negated ? 'P' : 'p';
    for (const candidate of [name, `Script=${name}`]) {
      try {
        new RegExp(`\\p{${candidate}}`, 'u');
        return `\\${letter}{${candidate}}`;
      } catch {
        // try the next spelling
      }
    }
    return this.refuse(`Unicode property '\\${c}{${name}}'`, start, 'is not known to the JavaScript engine');
  }

  private escape(start: number): string {
    const c = this.peek();
    if (c === '') this.invalid("'\\' at the end of the expression", start);
    this.at++;
    if (c === 'Q') return this.quoted(false);
    if (c === 'E') return '';
    if (/[1-9]/.test(c)) {
      const digits = c + /^\d*/.exec(this.src.slice(this.at))![0];
      const n = Number(digits);
      if (n < 10 || c === '8' || c === '9' || n <= this.groups) {
        this.at += digits.length - 1;
        return this.backReference(`\\${n}`, start) + this.quantifier();
      }
      const octal = /^[0-7]{1,3}/.exec(digits)![0];
      this.at += octal.length - 1;
      return this.literal(parseInt(octal, 8)) + this.quantifier();
    }
    switch (c) {
      case 'A':
        return '(?<![^])';
      case 'Z':
        return '(?=\\n?(?![^]))';
      case 'z':
        return '(?![^])';
      case 'b':
      case 'B':
        return `\\${c}`;
      case 'd': case 'D': case 's': case 'S': case 'w': case 'W':
        return `\\${c}` + this.quantifier();
      case 'h':
        return `[${HSPACE}]` + this.quantifier();
      case 'H':
        return `[^${HSPACE}]` + this.quantifier();
      case 'v':
        return `[${VSPACE}]` + this.quantifier();
      case 'V':
        return `[^${VSPACE}]` + this.quantifier();
      case 'R':
        return `(?:\\r\\n|[${VSPACE}])` + this.quantifier();
      case 'N':
        if (this.peek() === '{') this.refuse("'\\N{...}'", start);
        return '[^\\n]' + this.quantifier();
      case 'p':
      case 'P':
        return this.property(c, start) + this.quantifier();
      case 'k':
      case 'g':
        return this.namedReference(c, start) + this.quantifier();
      case 'G': case 'K': case 'X': case 'C':
        return this.refuse(`'\\${c}'`, start);
    }
    const cp = this.codePointEscape(c, start, false);
    if (cp === undefined) this.invalid(`'\\${c}' is not a PCRE escape`, start);
    return this.literal(cp) + this.quantifier();
  }

  private namedReference(c: string, start: number): string {
    const open = this.peek();
    const close = open === '<' ? '>' : open === "'" ? "'" : open === '{' ? '}' : undefined;
    if (c === 'g' && (open === '<' || open === "'")) this.refuse(`subroutine call '\\g${open}'`, start);
    let ref: string;
    if (close !== undefined) {
      const end = this.src.indexOf(close, this.at + 1);
      if (end === -1) this.invalid(`'\\${c}${open}' is not closed`, start);
      ref = this.src.slice(this.at + 1, end);
      this.at = end + 1;
    } else if (c === 'g') {
      ref = /^-?\d*/.exec(this.src.slice(this.at))![0];
      this.at += ref.length;
    } else {
      return this.invalid("'\\k' must be followed by <name>, 'name' or {name}", start);
    }
    if (c === 'g' && /^[+-]?\d+$/.test(ref)) {
      const n = Number(ref);
      const group = ref.startsWith('-') ? this.groups + 1 + n : ref.startsWith('+') ? this.refuse(`forward relative reference '\\g{${ref}}'`, start) : n;
      if (!(group >= 1)) this.invalid(`'\\g${ref}' refers to no group`, start);
      return this.backReference(`\\${group}`, start);
    }
    if (!NAME.test(ref)) this.invalid(`'${ref}' is not a valid group name`, start);
    return this.backReference(`\\k<${ref}>`, start);
  }

  /** `\Q...\E`: every character up to `\E` (or the end) is literal. */
  private quoted(inClass: boolean): string {
    const end = this.src.indexOf('\\E', this.at);
    const text = this.src.slice(this.at, end === -1 ? undefined : end);
    this.at = end === -1 ? this.src.length : end + 2;
    if (inClass) return [...text].map((ch) => insideClass(ch.codePointAt(0)!)).join('');
    const points = [...text].map((ch) => this.literal(ch.codePointAt(0)!));
    // A quantifier after \E applies to the last quoted character only, as in PCRE.
    return points.length === 0 ? '' : points.join('') + this.quantifier();
  }

  private characterClass(start: number): string {
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.at++;
    }
    const items: ClassItem[] = [];
    // A ']' first in the class is a literal, as in PCRE.
    let first = true;
    for (;;) {
      const item = this.classAtom(start, first);
      first = false;
      if (item === undefined) break;
      if (item.kind === 'char' && this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== '') {
        this.at++;
        const rangeStart = this.at;
        const end = this.classAtom(start, false);
        if (end?.kind === 'char') {
          if (end.cp < item.cp) this.invalid('range out of order in bracket expression', rangeStart);
          items.push({ kind: 'range', lo: item.cp, hi: end.cp });
          continue;
        }
        // '-' next to a class such as \d is a literal hyphen.
        items.push(item, { kind: 'char', cp: 0x2d });
        if (end === undefined) break;
        items.push(end);
        continue;
      }
      items.push(item);
    }
    return `[${negated ? '^' : ''}${this.classBody(items)}]` + this.quantifier();
  }

  /** One member of a bracket expression, or undefined at its closing ']'. */
  private classAtom(start: number, first: boolean): ClassItem | undefined {
    if (this.at >= this.src.length) this.invalid("'[' is not closed", start);
    const itemStart = this.at;
    const c = String.fromCodePoint(this.src.codePointAt(this.at)!);
    this.at += c.length;
    if (c === ']' && !first) return undefined;
    if (c === '[' && /^[:.=]/.test(this.peek())) {
      const m = /^:(\^?)([a-z]+):\]/.exec(this.src.slice(this.at));
      if (m === null) this.invalid(`malformed POSIX class '${this.src.slice(itemStart, itemStart + 12)}'`, itemStart);
      const name = m[2]!;
      if (!Object.hasOwn(POSIX, name)) this.invalid(`unknown POSIX class '[:${m[1]}${name}:]'`, itemStart);
      if (m[1] === '^' && !Object.hasOwn(NEGATED_POSIX, name)) this.refuse(`negated POSIX class '[:^${name}:]' inside a bracket expression`, itemStart);
      this.at += m[0].length;
      // Caseless, [:upper:] and [:lower:] both mean every ASCII letter, as in PCRE.
      if (this.flags.i && (name === 'upper' || name === 'lower')) return { kind: 'raw', text: m[1] === '^' ? '' : POSIX['alpha']! };
      return { kind: 'raw', text: m[1] === '^' ? NEGATED_POSIX[name]! : POSIX[name]! };
    }
    if (c !== '\\') return { kind: 'char', cp: c.codePointAt(0)! };
    const e = this.peek();
    if (e === '') this.invalid("'\\' at the end of the expression", itemStart);
    this.at++;
    if (e === 'Q') return { kind: 'raw', text: this.quoted(true) };
    if (e === 'E') return this.classAtom(start, false);
    if ('dDsSwW'.includes(e)) return { kind: 'raw', text: `\\${e}` };
    if (e === 'h' || e === 'v') return { kind: 'raw', text: e === 'h' ? HSPACE : VSPACE };
    if (e === 'p' || e === 'P') return { kind: 'raw', text: this.property(e, itemStart) };
    if (e === 'b') return { kind: 'char', cp: 8 };
    if (e === 'H' || e === 'V') this.refuse(`'\\${e}' inside a bracket expression`, itemStart);
    const cp = this.codePointEscape(e, itemStart, true);
    if (cp === undefined) this.invalid(`'\\${e}' is not valid inside a bracket expression`, itemStart);
    return { kind: 'char', cp };
  }

  private classBody(items: readonly ClassItem[]): string {
    const caseless = this.caseless();
    let out = '';
    const extra = new Set<number>();
    for (const item of items) {
      if (item.kind === 'raw') out += item.text;
      else if (item.kind === 'char') {
        out += insideClass(item.cp);
        if (caseless) for (const v of caseVariants(item.cp)) if (v !== item.cp) extra.add(v);
      } else {
        out += `${insideClass(item.lo)}-${insideClass(item.hi)}`;
        if (caseless) {
          for (let cp = item.lo; cp <= Math.min(item.hi, LAST_CASED); cp++) {
            for (const v of caseVariants(cp)) if (v < item.lo || v > item.hi) extra.add(v);
          }
        }
      }
    }
    for (const cp of extra) out += insideClass(cp);
    return out;
  }
}

function run(pcre: string, expandCase: boolean): { source: string; caseStates: ReadonlySet<boolean> } {
  const translator = new Translator(pcre, expandCase);
  const source = translator.translate();
  return { source, caseStates: translator.caseStates };
}

/** Translates a PCRE expression into JavaScript source and flags (always `u`, and `i` when it covers everything). */
export function translatePcre(pcre: string): PcreTranslation {
  try {
    const plain = run(pcre, false);
    if (!plain.caseStates.has(true)) return { ok: true, source: plain.source, flags: 'u' };
    if (!plain.caseStates.has(false)) return { ok: true, source: plain.source, flags: 'iu' };
    return { ok: true, source: run(pcre, true).source, flags: 'u' };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return { ok: false, kind: error.kind, message: error.message, index: error.index };
  }
}
