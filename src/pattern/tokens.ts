// Token kinds of the STIX 2.1 pattern grammar, and how each is named in "expected ..." messages.
export const KEYWORDS = [
  'AND', 'OR', 'NOT', 'FOLLOWEDBY', 'LIKE', 'MATCHES', 'ISSUPERSET', 'ISSUBSET', 'EXISTS', 'LAST', 'IN',
  'START', 'STOP', 'SECONDS', 'WITHIN', 'REPEATS', 'TIMES',
] as const;
export type Keyword = (typeof KEYWORDS)[number];

export const TOKEN_TYPES = [
  ...KEYWORDS,
  'BoolLiteral', 'IntPosLiteral', 'IntNegLiteral', 'FloatPosLiteral', 'FloatNegLiteral', 'StringLiteral',
  'BinaryLiteral', 'HexLiteral', 'TimestampLiteral', 'IdentifierWithoutHyphen', 'IdentifierWithHyphen',
  'EQ', 'NEQ', 'LT', 'LE', 'GT', 'GE', 'COLON', 'DOT', 'COMMA', 'LPAREN', 'RPAREN', 'LBRACK', 'RBRACK',
  'ASTERISK', 'PLUS', 'MINUS', 'POWER_OP', 'DIVIDE', 'EOF',
] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];

export interface Token {
  readonly type: TokenType;
  readonly text: string;
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

const PUNCTUATION_NAMES = {
  EQ: "'='", NEQ: "'!='", LT: "'<'", LE: "'<='", GT: "'>'", GE: "'>='", COLON: "':'", DOT: "'.'", COMMA: "','",
  LPAREN: "'('", RPAREN: "')'", LBRACK: "'['", RBRACK: "']'", ASTERISK: "'*'", PLUS: "'+'", MINUS: "'-'",
  POWER_OP: "'^'", DIVIDE: "'/'", EOF: '<EOF>',
} as const satisfies Partial<Record<TokenType, string>>;

/** How a token type is spelled in an error's `expected` list. */
export function displayName(type: TokenType): string {
  if ((KEYWORDS as readonly string[]).includes(type)) return `'${type}'`;
  return (PUNCTUATION_NAMES as Partial<Record<TokenType, string>>)[type] ?? type;
}
