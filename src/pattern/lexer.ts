// Turns pattern text into tokens, following the STIX 2.1 ANTLR grammar's lexer rules: keywords are
// upper case, literals with a t/b/h prefix must be well formed or the prefix lexes as an identifier
// (so the parser reports the error at the prefix), whitespace and comments are skipped.
import { KEYWORDS } from './tokens.js';
import type { Keyword, Token, TokenType } from './tokens.js';

export interface LexError {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** On failure, `tokens` holds what was lexed before the error, ended by an EOF token at the error. */
export type LexResult = { ok: true; tokens: Token[] } | { ok: false; error: LexError; tokens: Token[] };

const KEYWORD_SET: ReadonlySet<string> = new Set(KEYWORDS);
const WHITESPACE = /[ \t\r\n\u000B\u000C\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/y;
const BLOCK_COMMENT = /\/\*[\s\S]*?\*\//y;
const LINE_COMMENT = /\/\/[^\r\n]*/y;
const IDENTIFIER = /[a-zA-Z_][a-zA-Z0-9_-]*/y;
const TIMESTAMP =
  /t'[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])T(?:[01][0-9]|2[0-3]):[0-5][0-9]:(?:[0-5][0-9]|60)(?:\.[0-9]+)?Z'/y;
const BINARY = /b'(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?'/y;
const HEX = /h'(?:[0-9A-Fa-f]{2})*'/y;
const STRING = /'(?:[^'\\]|\\'|\\\\)*'/y;
const FLOAT = /[+-]?[0-9]*\.[0-9]+/y;
const INT = /[+-]?(?:0|[1-9][0-9]*)/y;

const OPERATORS: readonly (readonly [string, TokenType])[] = [
  ['==', 'EQ'], ['!=', 'NEQ'], ['<>', 'NEQ'], ['<=', 'LE'], ['>=', 'GE'],
  ['=', 'EQ'], ['<', 'LT'], ['>', 'GT'], [':', 'COLON'], ['.', 'DOT'], [',', 'COMMA'], ['(', 'LPAREN'],
  [')', 'RPAREN'], ['[', 'LBRACK'], [']', 'RBRACK'], ['*', 'ASTERISK'], ['+', 'PLUS'], ['-', 'MINUS'],
  ['^', 'POWER_OP'], ['/', 'DIVIDE'],
];

function matchAt(re: RegExp, text: string, offset: number): string | undefined {
  re.lastIndex = offset;
  const found = re.exec(text);
  return found?.[0];
}

/** Longest of the candidate matches, first listed wins a tie (ANTLR's rule). */
function longest(candidates: readonly (readonly [TokenType, string | undefined])[]): [TokenType, string] | undefined {
  let best: [TokenType, string] | undefined;
  for (const [type, text] of candidates) {
    if (text !== undefined && text.length > 0 && (best === undefined || text.length > best[1].length)) best = [type, text];
  }
  return best;
}

function identifierType(text: string): TokenType {
  if (KEYWORD_SET.has(text)) return text as Keyword;
  if (text === 'true' || text === 'false') return 'BoolLiteral';
  return text.includes('-') ? 'IdentifierWithHyphen' : 'IdentifierWithoutHyphen';
}

export function tokenize(text: string): LexResult {
  const tokens: Token[] = [];
  let offset = 0;
  let line = 1;
  let lineStart = 0;
  const advance = (consumed: string): void => {
    for (let i = 0; i < consumed.length; i++) {
      if (consumed.charCodeAt(i) === 10) {
        line++;
        lineStart = offset + i + 1;
      }
    }
    offset += consumed.length;
  };
  while (offset < text.length) {
    const code = text.charCodeAt(offset);
    if (code === 32 || code === 9) {
      offset++;
      continue;
    }
    const skipped = matchAt(WHITESPACE, text, offset) ?? matchAt(BLOCK_COMMENT, text, offset) ?? matchAt(LINE_COMMENT, text, offset);
    if (skipped !== undefined) {
      advance(skipped);
      continue;
    }
    const column = offset - lineStart + 1;
    const ch = text[offset] as string;
    let found: [TokenType, string] | undefined;
    const isLetter = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
    const isNumeric = (code >= 48 && code <= 57) || code === 43 || code === 45 || code === 46;
    if (isLetter) {
      const ident = matchAt(IDENTIFIER, text, offset) as string;
      found = longest([
        ['TimestampLiteral', ch === 't' ? matchAt(TIMESTAMP, text, offset) : undefined],
        ['BinaryLiteral', ch === 'b' ? matchAt(BINARY, text, offset) : undefined],
        ['HexLiteral', ch === 'h' ? matchAt(HEX, text, offset) : undefined],
        [identifierType(ident), ident],
      ]);
    } else if (ch === "'") {
      const str = matchAt(STRING, text, offset);
      if (str === undefined) {
        const message = `unterminated or badly escaped string literal (only \\' and \\\\ are escapes)`;
        tokens.push({ type: 'EOF', text: '<EOF>', line, column, offset });
        return { ok: false, error: { message, line, column, offset }, tokens };
      }
      found = ['StringLiteral', str];
    } else if (isNumeric) {
      const float = matchAt(FLOAT, text, offset);
      const int = matchAt(INT, text, offset);
      const negative = ch === '-';
      found = longest([
        [negative ? 'FloatNegLiteral' : 'FloatPosLiteral', float],
        [negative ? 'IntNegLiteral' : 'IntPosLiteral', int],
      ]);
    }
    if (found === undefined) {
      const op = OPERATORS.find(([spelling]) => text.startsWith(spelling, offset));
      if (op !== undefined) found = [op[1], op[0]];
    }
    if (found === undefined) {
      tokens.push({ type: 'EOF', text: '<EOF>', line, column, offset });
      return { ok: false, error: { message: `unexpected character '${ch}'`, line, column, offset }, tokens };
    }
    tokens.push({ type: found[0], text: found[1], line, column, offset });
    if (found[0] === 'StringLiteral') advance(found[1]);
    else offset += found[1].length;
  }
  tokens.push({ type: 'EOF', text: '<EOF>', line, column: offset - lineStart + 1, offset });
  return { ok: true, tokens };
}
