// Recursive-descent parser for the STIX 2.1 pattern grammar. Precedence, loosest first:
// FOLLOWEDBY, OR, AND between observations; qualifiers bind to the observation expression just
// before them; inside brackets OR is looser than AND. Never throws: a syntax error comes back as
// data with line, column and the token kinds that would have been accepted there.
import {
  ComparisonAndNode, ComparisonNode, ComparisonOrNode, ExistsNode, FollowedByNode, GroupNode, LiteralNode,
  ObjectPathNode, ObservationAndNode, ObservationNode, ObservationOrNode, Pattern, RepeatsNode, SetLiteralNode,
  StartStopNode, WithinNode,
} from './ast/index.js';
import type { ComparisonExpression, ComparisonOperator, LiteralType, ObservationExpression, PathStep, Span } from './ast/index.js';
import { tokenize } from './lexer.js';
import { displayName } from './tokens.js';
import type { Token, TokenType } from './tokens.js';

export interface PatternError {
  /** What is wrong, without the position: callers print `line`/`column` once, in their own form. */
  message: string;
  line: number;
  column: number;
  expected?: string[];
}

export type ParseResult = { ok: true; ast: Pattern } | { ok: false; error: PatternError };

const ORDERABLE_LITERALS = [
  'IntPosLiteral', 'IntNegLiteral', 'FloatPosLiteral', 'FloatNegLiteral', 'StringLiteral', 'BinaryLiteral',
  'HexLiteral', 'TimestampLiteral',
] as const satisfies readonly TokenType[];
const PRIMITIVE_LITERALS = [...ORDERABLE_LITERALS, 'BoolLiteral'] as const satisfies readonly TokenType[];
type LiteralToken = (typeof PRIMITIVE_LITERALS)[number];
const STRING_ONLY = ['StringLiteral'] as const satisfies readonly LiteralToken[];

const LITERAL_TYPE_OF: Record<LiteralToken, LiteralType> = {
  IntPosLiteral: 'int', IntNegLiteral: 'int', FloatPosLiteral: 'float', FloatNegLiteral: 'float',
  StringLiteral: 'string', BinaryLiteral: 'binary', HexLiteral: 'hex', TimestampLiteral: 'timestamp', BoolLiteral: 'bool',
};

const OPERATOR_OF: Partial<Record<TokenType, ComparisonOperator>> = {
  EQ: '=', NEQ: '!=', LT: '<', LE: '<=', GT: '>', GE: '>=', IN: 'IN', LIKE: 'LIKE', MATCHES: 'MATCHES',
  ISSUBSET: 'ISSUBSET', ISSUPERSET: 'ISSUPERSET',
};
const COMPARISON_TOKENS = ['EQ', 'NEQ', 'LT', 'LE', 'GT', 'GE', 'IN', 'LIKE', 'MATCHES', 'ISSUBSET', 'ISSUPERSET'] as const;

const LITERAL_VALUE: Record<LiteralType, (text: string) => number | string | boolean> = {
  int: Number,
  float: Number,
  string: (text) => unescapeString(text),
  bool: (text) => text === 'true',
  timestamp: (text) => text.slice(2, -1),
  binary: (text) => text.slice(2, -1),
  hex: (text) => text.slice(2, -1),
};

/** Decodes the body of a string literal: only \' and \\ are escapes in the grammar. */
export function unescapeString(text: string): string {
  return text.slice(1, -1).replace(/\\(['\\])/g, '$1');
}

class SyntaxFailure {
  constructor(readonly error: PatternError) {}
}

class Parser {
  private position = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  private get current(): Token {
    return this.tokens[this.position] ?? (this.tokens[this.tokens.length - 1] as Token);
  }

  private span(token: Token = this.current): Span {
    return { line: token.line, column: token.column, offset: token.offset };
  }

  private fail(expected: readonly TokenType[]): never {
    const token = this.current;
    const names = [...new Set(expected.map(displayName))];
    const found = token.type === 'EOF' ? '<EOF>' : `'${token.text}'`;
    const wanted = names.length === 1 ? names[0] : `one of ${names.join(', ')}`;
    throw new SyntaxFailure({
      message: `unexpected ${found}, expecting ${wanted}`,
      line: token.line,
      column: token.column,
      expected: names,
    });
  }

  private accept(type: TokenType): Token | undefined {
    if (this.current.type !== type) return undefined;
    return this.tokens[this.position++];
  }

  private expect(...types: TokenType[]): Token {
    if (types.includes(this.current.type)) return this.tokens[this.position++] as Token;
    return this.fail(types);
  }

  parsePattern(): Pattern {
    const start = this.span();
    const expression = this.parseFollowedBy();
    if (this.current.type !== 'EOF') this.fail(['EOF', 'FOLLOWEDBY', 'OR', 'AND', 'START', 'WITHIN', 'REPEATS']);
    return Pattern.create(expression, start);
  }

  private parseFollowedBy(): ObservationExpression {
    let left = this.parseObservationOr();
    while (this.current.type === 'FOLLOWEDBY') {
      const operator = this.span();
      this.position++;
      left = FollowedByNode.create(left, this.parseObservationOr(), operator);
    }
    return left;
  }

  private parseObservationOr(): ObservationExpression {
    let left = this.parseObservationAnd();
    while (this.current.type === 'OR') {
      const operator = this.span();
      this.position++;
      left = ObservationOrNode.create(left, this.parseObservationAnd(), operator);
    }
    return left;
  }

  private parseObservationAnd(): ObservationExpression {
    let left = this.parseQualified();
    while (this.current.type === 'AND') {
      const operator = this.span();
      this.position++;
      left = ObservationAndNode.create(left, this.parseQualified(), operator);
    }
    return left;
  }

  private parseQualified(): ObservationExpression {
    let expression = this.parseObservationPrimary();
    for (;;) {
      const at = this.span();
      if (this.accept('START')) {
        const start = this.expect('TimestampLiteral');
        this.expect('STOP');
        const stop = this.expect('TimestampLiteral');
        expression = StartStopNode.create(expression, start.text.slice(2, -1), stop.text.slice(2, -1), at);
      } else if (this.accept('WITHIN')) {
        const amount = this.expect('IntPosLiteral', 'FloatPosLiteral');
        this.expect('SECONDS');
        expression = WithinNode.create(expression, Number(amount.text), amount.text, at);
      } else if (this.accept('REPEATS')) {
        const times = this.expect('IntPosLiteral');
        this.expect('TIMES');
        expression = RepeatsNode.create(expression, Number(times.text), at);
      } else {
        return expression;
      }
    }
  }

  private parseObservationPrimary(): ObservationExpression {
    const at = this.span();
    if (this.accept('LBRACK')) {
      const comparison = this.parseComparisonOr();
      this.expect('RBRACK');
      return ObservationNode.create(comparison, at);
    }
    if (this.accept('LPAREN')) {
      const inner = this.parseFollowedBy();
      this.expect('RPAREN');
      return GroupNode.create(inner, at);
    }
    return this.fail(['LBRACK', 'LPAREN']);
  }

  private parseComparisonOr(): ComparisonExpression {
    let left = this.parseComparisonAnd();
    while (this.current.type === 'OR') {
      const operator = this.span();
      this.position++;
      left = ComparisonOrNode.create(left, this.parseComparisonAnd(), operator);
    }
    return left;
  }

  private parseComparisonAnd(): ComparisonExpression {
    let left = this.parsePropTest();
    while (this.current.type === 'AND') {
      const operator = this.span();
      this.position++;
      left = ComparisonAndNode.create(left, this.parsePropTest(), operator);
    }
    return left;
  }

  private parsePropTest(): ComparisonExpression {
    const at = this.span();
    if (this.accept('LPAREN')) {
      const inner = this.parseComparisonOr();
      this.expect('RPAREN');
      return inner;
    }
    if (this.accept('EXISTS')) return ExistsNode.create(this.parseObjectPath(), at);
    if (this.current.type !== 'IdentifierWithoutHyphen' && this.current.type !== 'IdentifierWithHyphen') {
      this.fail(['LPAREN', 'EXISTS', 'IdentifierWithoutHyphen', 'IdentifierWithHyphen']);
    }
    const path = this.parseObjectPath();
    const negated = this.accept('NOT') !== undefined;
    const operatorToken = this.expect(...(negated ? COMPARISON_TOKENS : (['NOT', ...COMPARISON_TOKENS] as TokenType[])));
    const operator = OPERATOR_OF[operatorToken.type] as ComparisonOperator;
    return ComparisonNode.create(path, operator, negated, OPERANDS[operator](this), at);
  }

  parseSet(): SetLiteralNode {
    const at = this.span();
    this.expect('LPAREN');
    const values: LiteralNode[] = [];
    if (!this.accept('RPAREN')) {
      values.push(this.parseLiteral(PRIMITIVE_LITERALS));
      while (!this.accept('RPAREN')) {
        if (!this.accept('COMMA')) this.fail(['COMMA', 'RPAREN']);
        values.push(this.parseLiteral(PRIMITIVE_LITERALS));
      }
    }
    return SetLiteralNode.create(values, at);
  }

  parseLiteral(allowed: readonly LiteralToken[]): LiteralNode {
    const token = this.expect(...allowed);
    const type = LITERAL_TYPE_OF[token.type as LiteralToken];
    return LiteralNode.create(type, LITERAL_VALUE[type](token.text), token.text, this.span(token));
  }

  private parseObjectPath(): ObjectPathNode {
    const at = this.span();
    const objectType = this.expect('IdentifierWithoutHyphen', 'IdentifierWithHyphen');
    this.expect('COLON');
    const steps: PathStep[] = [this.parseKey()];
    for (;;) {
      if (this.accept('DOT')) {
        steps.push(this.parseKey());
      } else if (this.accept('LBRACK')) {
        const index = this.expect('IntPosLiteral', 'IntNegLiteral', 'ASTERISK');
        steps.push(index.type === 'ASTERISK' ? { type: 'star' } : { type: 'index', index: Number(index.text) });
        this.expect('RBRACK');
      } else {
        return ObjectPathNode.create(objectType.text, steps, at);
      }
    }
  }

  private parseKey(): PathStep {
    const key = this.expect('IdentifierWithoutHyphen', 'StringLiteral');
    return key.type === 'StringLiteral'
      ? { type: 'key', name: unescapeString(key.text), quoted: true }
      : { type: 'key', name: key.text, quoted: false };
  }
}

/** What each operator takes on its right: any literal, an orderable one, a set, or a string. */
const OPERANDS: Record<ComparisonOperator, (parser: Parser) => LiteralNode | SetLiteralNode> = {
  '=': (p) => p.parseLiteral(PRIMITIVE_LITERALS),
  '!=': (p) => p.parseLiteral(PRIMITIVE_LITERALS),
  '<': (p) => p.parseLiteral(ORDERABLE_LITERALS),
  '<=': (p) => p.parseLiteral(ORDERABLE_LITERALS),
  '>': (p) => p.parseLiteral(ORDERABLE_LITERALS),
  '>=': (p) => p.parseLiteral(ORDERABLE_LITERALS),
  IN: (p) => p.parseSet(),
  LIKE: (p) => p.parseLiteral(STRING_ONLY),
  MATCHES: (p) => p.parseLiteral(STRING_ONLY),
  ISSUBSET: (p) => p.parseLiteral(STRING_ONLY),
  ISSUPERSET: (p) => p.parseLiteral(STRING_ONLY),
};

export function parsePattern(text: string): ParseResult {
  const lexed = tokenize(text);
  let result: ParseResult;
  try {
    result = { ok: true, ast: new Parser(lexed.tokens).parsePattern() };
  } catch (failure) {
    if (!(failure instanceof SyntaxFailure)) throw failure;
    result = { ok: false, error: failure.error };
  }
  if (lexed.ok) return result;
  // The tokens stop at the first unlexable character: a syntax error before it is the one to report.
  const { message, line, column } = lexed.error;
  if (!result.ok && (result.error.line < line || (result.error.line === line && result.error.column < column))) return result;
  return { ok: false, error: { message, line, column } };
}
