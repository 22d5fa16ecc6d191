// Pattern literals as runtime values, and the type rules for comparing them with observed JSON
// values: numbers compare with numbers, strings with strings, booleans with booleans, binary with
// binary or with strings whose code points all fit in a byte, timestamps with timestamp strings.
// Any other pairing is "not equal" and "not ordered".
import { SetuError } from '../errors/index.js';
import type { LiteralNode } from './ast/index.js';
import { parseTimestamp } from './timestamps.js';

export class Timestamp {
  constructor(readonly nanos: bigint) {}
}

export type LiteralValue = number | string | boolean | Uint8Array | Timestamp;

function invalidLiteral(literal: LiteralNode, why: string): never {
  throw new SetuError('SETU_ERR_PATTERN_INVALID_LITERAL', `invalid ${literal.type} literal ${literal.text}: ${why}`, {
    literal: literal.text,
    line: literal.span.line,
    column: literal.span.column,
  });
}

export function decodeHex(hex: string): Uint8Array | undefined {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return undefined;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

export function decodeBase64(text: string): Uint8Array | undefined {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) return undefined;
  return new Uint8Array(Buffer.from(text, 'base64'));
}

const LITERAL_DECODERS: Record<LiteralNode['type'], (literal: LiteralNode) => LiteralValue> = {
  int: (l) => l.value as number,
  float: (l) => l.value as number,
  string: (l) => l.value as string,
  bool: (l) => l.value as boolean,
  timestamp: (l) => {
    const nanos = parseTimestamp(l.value as string);
    return nanos === undefined ? invalidLiteral(l, 'no such date or time') : new Timestamp(nanos);
  },
  binary: (l) => decodeBase64(l.value as string) ?? invalidLiteral(l, 'not base64'),
  hex: (l) => decodeHex(l.value as string) ?? invalidLiteral(l, 'not hex'),
};

export function decodeLiteral(literal: LiteralNode): LiteralValue {
  return LITERAL_DECODERS[literal.type](literal);
}

/** Observed values of properties named `*_hex` / `*_bin` are binary, as STIX encodes them. */
export function decodeSuffixed(key: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (key.endsWith('_hex')) return decodeHex(value) ?? invalidValue(`property ${key} is not hex: ${value}`);
  if (key.endsWith('_bin')) return decodeBase64(value) ?? invalidValue(`property ${key} is not base64: ${value}`);
  return value;
}

export function invalidValue(message: string): never {
  throw new SetuError('SETU_ERR_PATTERN_INVALID_VALUE', message);
}

/** A JSON string compared with a timestamp literal must itself be a timestamp. */
export function asTimestamp(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const nanos = parseTimestamp(value);
  return nanos === undefined ? invalidValue(`invalid timestamp in observed data: ${value}`) : new Timestamp(nanos);
}

function stringAsBytes(text: string): Uint8Array | undefined {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 255) return undefined;
    bytes[i] = code;
  }
  return bytes;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const x = [...a];
  const y = [...b];
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const d = ((x[i] as string).codePointAt(0) as number) - ((y[i] as string).codePointAt(0) as number);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** Orders an observed value against a literal: <0, 0, >0, or undefined when they do not compare. */
export function compareValues(value: unknown, literal: LiteralValue): number | undefined {
  if (typeof literal === 'number') return typeof value === 'number' ? Math.sign(value - literal) : undefined;
  if (typeof literal === 'string') {
    if (typeof value === 'string') return compareCodePoints(value, literal);
    if (value instanceof Uint8Array) {
      const bytes = stringAsBytes(literal);
      return bytes === undefined ? undefined : compareBytes(value, bytes);
    }
    return undefined;
  }
  if (literal instanceof Uint8Array) {
    if (value instanceof Uint8Array) return compareBytes(value, literal);
    if (typeof value === 'string') {
      const bytes = stringAsBytes(value);
      return bytes === undefined ? undefined : compareBytes(bytes, literal);
    }
    return undefined;
  }
  if (literal instanceof Timestamp) {
    return value instanceof Timestamp ? (value.nanos < literal.nanos ? -1 : value.nanos > literal.nanos ? 1 : 0) : undefined;
  }
  return undefined;
}

export function equalValues(value: unknown, literal: LiteralValue): boolean {
  if (typeof literal === 'boolean') return value === literal;
  return compareValues(value, literal) === 0;
}

/** The kind used for the homogeneity rule of IN sets (int and float count as one kind). */
export function literalKind(literal: LiteralValue): string {
  if (typeof literal === 'number') return 'number';
  if (literal instanceof Uint8Array) return 'binary';
  if (literal instanceof Timestamp) return 'timestamp';
  return typeof literal;
}
