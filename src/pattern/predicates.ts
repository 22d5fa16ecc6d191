// One predicate per comparison operator: given the literal (decoded once, at compile time), a
// function deciding whether one observed value satisfies `value <op> literal`. NOT is applied by
// the caller. Literals that cannot work (bad regex, bad CIDR, mixed sets) throw SetuError here,
// so a compiled pattern never fails on them later.
import { SetuError } from '../errors/index.js';
import type { ComparisonNode, ComparisonOperator, LiteralNode, SetLiteralNode } from './ast/index.js';
import { isSubsetBlock, parseIpBlock } from './cidr.js';
import type { IpBlock } from './cidr.js';
import { likeToRegExp } from './like.js';
import { buildRegex } from './regex.js';
import { asTimestamp, compareValues, decodeLiteral, equalValues, literalKind, Timestamp } from './values.js';
import type { LiteralValue } from './values.js';

export type ValuePredicate = (value: unknown) => boolean;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function single(node: ComparisonNode): LiteralValue {
  return decodeLiteral(node.value as LiteralNode);
}

function coerce(literal: LiteralValue): (value: unknown) => unknown {
  return literal instanceof Timestamp ? asTimestamp : (value) => value;
}

function ordered(test: (order: number) => boolean): (node: ComparisonNode) => ValuePredicate {
  return (node) => {
    const literal = single(node);
    const prepare = coerce(literal);
    return (value) => {
      const order = compareValues(prepare(value), literal);
      return order !== undefined && test(order);
    };
  };
}

function valueKind(value: unknown): string {
  if (value instanceof Uint8Array) return 'binary';
  if (value instanceof Timestamp) return 'timestamp';
  return typeof value;
}

function setPredicate(node: ComparisonNode): ValuePredicate {
  const set = node.value as SetLiteralNode;
  const members = set.values.map(decodeLiteral);
  const kinds = new Set(members.map(literalKind));
  if (kinds.size > 1) {
    throw new SetuError('SETU_ERR_PATTERN_NONHOMOGENEOUS_SET', `IN set mixes ${[...kinds].join(' and ')} literals`, {
      line: set.span.line,
      column: set.span.column,
    });
  }
  const kind = [...kinds][0];
  const prepare = kind === 'timestamp' ? asTimestamp : (value: unknown) => value;
  return (raw) => {
    const value = prepare(raw);
    return valueKind(value) === kind && members.some((member) => equalValues(value, member));
  };
}

function cidrLiteral(node: ComparisonNode): IpBlock {
  const text = single(node) as string;
  const block = parseIpBlock(text);
  if (block === undefined) {
    throw new SetuError('SETU_ERR_PATTERN_INVALID_CIDR', `not an IP address or CIDR block: ${text}`, {
      line: node.value.span.line,
      column: node.value.span.column,
    });
  }
  return block;
}

const PREDICATES: Record<ComparisonOperator, (node: ComparisonNode) => ValuePredicate> = {
  '=': (node) => {
    const literal = single(node);
    const prepare = coerce(literal);
    return (value) => equalValues(prepare(value), literal);
  },
  '!=': (node) => {
    const literal = single(node);
    const prepare = coerce(literal);
    return (value) => !equalValues(prepare(value), literal);
  },
  '<': ordered((o) => o < 0),
  '<=': ordered((o) => o <= 0),
  '>': ordered((o) => o > 0),
  '>=': ordered((o) => o >= 0),
  IN: setPredicate,
  LIKE: (node) => {
    const regex = likeToRegExp(single(node) as string);
    return (value) => {
      let text = value;
      if (value instanceof Uint8Array) {
        try {
          text = UTF8.decode(value);
        } catch {
          return false;
        }
      }
      return typeof text === 'string' && regex.test(text.normalize('NFC'));
    };
  },
  MATCHES: (node) => {
    const source = single(node) as string;
    const built = buildRegex(source);
    if (!built.ok) {
      const what = built.kind === 'unsupported' ? 'uses a regular expression construct this engine cannot run' : 'is not a valid regular expression';
      throw new SetuError('SETU_ERR_PATTERN_INVALID_REGEX', `MATCHES operand ${what}: ${built.message} (in '${source}')`, {
        line: node.value.span.line,
        column: node.value.span.column,
      });
    }
    const { text, bytes } = built.regex;
    return (value) => {
      if (typeof value === 'string') return text.test(value.normalize('NFC'));
      if (value instanceof Uint8Array && bytes !== undefined) return bytes.test(Buffer.from(value).toString('latin1'));
      return false;
    };
  },
  ISSUBSET: (node) => {
    const outer = cidrLiteral(node);
    return (value) => {
      const inner = typeof value === 'string' ? parseIpBlock(value) : undefined;
      return inner !== undefined && isSubsetBlock(inner, outer);
    };
  },
  ISSUPERSET: (node) => {
    const inner = cidrLiteral(node);
    return (value) => {
      const outer = typeof value === 'string' ? parseIpBlock(value) : undefined;
      return outer !== undefined && isSubsetBlock(inner, outer);
    };
  },
};

export function compilePredicate(node: ComparisonNode): ValuePredicate {
  const predicate = PREDICATES[node.operator](node);
  return node.negated ? (value) => !predicate(value) : predicate;
}
