// A single-pass scanner over a TAXII envelope or STIX bundle that yields each element of the
// top-level `objects` array as its exact raw text (a substring of the input, or the decoded bytes
// of that element). Nothing is parsed into values here and no second copy of the body is made:
// the caller parses one element at a time, and the stored JSON is byte for byte what was sent.
// The envelope around `objects` is checked for well-formedness (strings, escapes, nesting,
// literals, numbers, trailing content); elements themselves are checked by JSON.parse later.
//
// Works on a string (UTF-16 code units) or on UTF-8 bytes: every structural character of JSON is
// ASCII, so both are scanned by the same code through a code-unit accessor.
//
// Bytes that are not well-formed UTF-8 are never decoded to U+FFFD and stored: an element holding
// some is yielded as an UndecodableElement (ingest refuses that object alone); anywhere else in the
// body they refuse the whole request. The check costs one native pass when the body is clean.

import { isUtf8 } from 'node:buffer';
import { SetuError } from '../errors/index.js';
import { bytesAt, firstInvalidUtf8 } from './utf8.js';

/** An element of `objects` whose bytes are not well-formed UTF-8. */
export interface UndecodableElement {
  readonly kind: 'undecodable';
  /** Absolute byte offset of the first bad byte in the body. */
  readonly offset: number;
  /** The bad bytes in hex, e.g. "ED A0 80". */
  readonly bytes: string;
  /** The element decoded with replacement characters: only for naming the object, never stored. */
  readonly lossyText: string;
}

/** What the splitter yields for one element: its exact text, or why it cannot be decoded. */
export type RawElement = string | UndecodableElement;

interface Source<E> {
  readonly length: number;
  at(index: number): number;
  /** Text for the scanner's own use (property names, literals). */
  text(start: number, end: number): string;
  /** What is yielded for one element. */
  element(start: number, end: number): E;
  /** Checks the bytes between elements (envelope text); throws when they cannot be decoded. */
  between?(start: number, end: number): void;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/** Splits a JSON text (string) into the raw texts of its top-level `objects` elements. */
export function splitBundle(text: string): Generator<string, void, undefined> {
  const slice = (s: number, e: number): string => text.slice(s, e);
  return scan({ length: text.length, at: (i) => text.charCodeAt(i), text: slice, element: slice });
}

/**
 * Same as splitBundle, over UTF-8 bytes (e.g. a request body buffer): each element is decoded
 * alone, or yielded as an UndecodableElement when its bytes are not well-formed UTF-8.
 */
export function splitBundleBytes(bytes: Uint8Array): Generator<RawElement, void, undefined> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = (i: number): number => buffer[i] ?? -1;
  const decode = (s: number, e: number): string => buffer.toString('utf8', s, e);
  if (isUtf8(buffer)) return scan({ length: buffer.length, at, text: decode, element: decode });
  return scan<RawElement>({
    length: buffer.length,
    at,
    text: decode,
    element: (s, e) => {
      const offset = firstInvalidUtf8(buffer, s, e);
      if (offset === -1) return buffer.toString('utf8', s, e);
      return { kind: 'undecodable', offset, bytes: bytesAt(buffer, offset), lossyText: buffer.toString('utf8', s, e) };
    },
    between: (s, e) => {
      const offset = firstInvalidUtf8(buffer, s, e);
      if (offset !== -1) throw invalidUtf8(offset, bytesAt(buffer, offset));
    },
  });
}

function* scan<E>(src: Source<E>): Generator<E, void, undefined> {
  const reader = new Reader(src);
  reader.skipBom();
  reader.skipWhitespace();
  if (reader.peek() !== OPEN_BRACE) {
    if (reader.atEnd()) throw malformed(reader, 'the body is empty');
    reader.skipValue();
    reader.skipWhitespace();
    if (!reader.atEnd()) throw malformed(reader, 'unexpected content after the JSON value');
    throw badEnvelope('the body must be a JSON object (a TAXII envelope or STIX bundle) with an "objects" array');
  }
  reader.pos++;
  let sawObjects = false;
  reader.skipWhitespace();
  if (reader.peek() === CLOSE_BRACE) {
    reader.pos++;
  } else {
    for (;;) {
      reader.skipWhitespace();
      if (reader.peek() !== QUOTE) throw malformed(reader, 'expected a property name');
      const key = reader.readKey();
      reader.skipWhitespace();
      reader.expect(COLON, "':' after a property name");
      reader.skipWhitespace();
      if (key === 'objects') {
        if (sawObjects) throw badEnvelope('the "objects" property appears more than once');
        sawObjects = true;
        if (reader.peek() !== OPEN_BRACKET) {
          reader.skipValue();
          throw badEnvelope('"objects" must be an array');
        }
        yield* reader.elements();
      } else {
        reader.skipValue();
      }
      reader.skipWhitespace();
      const c = reader.peek();
      reader.pos++;
      if (c === COMMA) continue;
      if (c === CLOSE_BRACE) break;
      reader.pos--;
      throw malformed(reader, "expected ',' or '}' in the top-level object");
    }
  }
  reader.skipWhitespace();
  if (!reader.atEnd()) throw malformed(reader, 'unexpected content after the top-level object');
  src.between?.(reader.checkedUpTo, src.length);
  if (!sawObjects) throw badEnvelope('the top-level object has no "objects" array');
}

class Reader<E> {
  pos = 0;
  /** End of the last element handed out: the text before it has been checked by src.between. */
  checkedUpTo = 0;
  constructor(private readonly src: Source<E>) {}

  atEnd(): boolean {
    return this.pos >= this.src.length;
  }

  peek(): number {
    return this.pos < this.src.length ? this.src.at(this.pos) : -1;
  }

  skipBom(): void {
    if (this.peek() === 0xfeff) this.pos += 1;
    else if (this.peek() === 0xef && this.src.at(1) === 0xbb && this.src.at(2) === 0xbf) this.pos += 3;
  }

  skipWhitespace(): void {
    const src = this.src;
    let p = this.pos;
    for (; p < src.length; p++) {
      const c = src.at(p);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    }
    this.pos = p;
  }

  expect(code: number, what: string): void {
    if (this.peek() !== code) throw malformed(this, `expected ${what}`);
    this.pos++;
  }

  /** Yields the raw text of each array element; leaves pos after the closing ']'. */
  *elements(): Generator<E, void, undefined> {
    this.pos++; // '['
    this.skipWhitespace();
    if (this.peek() === CLOSE_BRACKET) {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipWhitespace();
      const start = this.pos;
      this.skipValue();
      this.src.between?.(this.checkedUpTo, start);
      this.checkedUpTo = this.pos;
      yield this.src.element(start, this.pos);
      this.skipWhitespace();
      const c = this.peek();
      this.pos++;
      if (c === COMMA) continue;
      if (c === CLOSE_BRACKET) return;
      this.pos--;
      throw malformed(this, "expected ',' or ']' in the \"objects\" array");
    }
  }

  /** Reads a property name (a JSON string) and returns it decoded only when it is short and plain. */
  readKey(): string {
    const start = this.pos;
    this.skipString();
    const raw = this.src.text(start + 1, this.pos - 1);
    return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
  }

  /** Skips one JSON value, checking its structure with an explicit stack (no recursion limit). */
  skipValue(): void {
    const stack: number[] = [];
    for (;;) {
      this.skipWhitespace();
      const c = this.peek();
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        this.pos++;
        this.skipWhitespace();
        const close = c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
        if (this.peek() === close) {
          this.pos++;
        } else {
          stack.push(close);
          if (close === CLOSE_BRACE) this.memberName();
          continue;
        }
      } else if (c === QUOTE) {
        this.skipString();
      } else if (c === -1) {
        throw malformed(this, 'unexpected end of input');
      } else {
        this.skipScalar();
      }
      // after a value: close containers or move to the next member/element
      for (;;) {
        if (stack.length === 0) return;
        this.skipWhitespace();
        const top = stack[stack.length - 1];
        const n = this.peek();
        if (n === top) {
          this.pos++;
          stack.pop();
          continue;
        }
        if (n === COMMA) {
          this.pos++;
          if (top === CLOSE_BRACE) this.memberName();
          break;
        }
        if (n === -1) throw malformed(this, 'unexpected end of input');
        throw malformed(this, `expected ',' or '${top === CLOSE_BRACE ? '}' : ']'}'`);
      }
    }
  }

  private memberName(): void {
    this.skipWhitespace();
    if (this.peek() !== QUOTE) throw malformed(this, 'expected a property name');
    this.skipString();
    this.skipWhitespace();
    this.expect(COLON, "':' after a property name");
  }

  skipString(): void {
    const src = this.src;
    let p = this.pos + 1;
    for (;;) {
      if (p >= src.length) {
        this.pos = p;
        throw malformed(this, 'unterminated string');
      }
      const c = src.at(p);
      if (c === QUOTE) break;
      if (c < 0x20) {
        this.pos = p;
        throw malformed(this, 'control character inside a string');
      }
      if (c === BACKSLASH) {
        const e = p + 1 < src.length ? src.at(p + 1) : -1;
        if (e === 0x75) {
          for (let k = p + 2; k < p + 6; k++) {
            const h = k < src.length ? src.at(k) : -1;
            const hex = (h >= 0x30 && h <= 0x39) || (h >= 0x41 && h <= 0x46) || (h >= 0x61 && h <= 0x66);
            if (!hex) {
              this.pos = p;
              throw malformed(this, 'bad \\u escape in a string');
            }
          }
          p += 6;
          continue;
        }
        // " \ / b f n r t
        if (e !== 0x22 && e !== 0x5c && e !== 0x2f && e !== 0x62 && e !== 0x66 && e !== 0x6e && e !== 0x72 && e !== 0x74) {
          this.pos = p;
          throw malformed(this, 'bad escape in a string');
        }
        p += 2;
        continue;
      }
      p++;
    }
    this.pos = p + 1;
  }

  private skipScalar(): void {
    const start = this.pos;
    let p = start;
    const src = this.src;
    for (; p < src.length; p++) {
      const c = src.at(p);
      const literalChar = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x45;
      if (!literalChar) break;
    }
    const token = src.text(start, p);
    if (token === 'true' || token === 'false' || token === 'null' || NUMBER.test(token)) {
      this.pos = p;
      return;
    }
    throw malformed(this, token === '' ? 'unexpected character' : `invalid literal "${token.slice(0, 20)}"`);
  }
}

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function malformed(reader: Reader<unknown>, problem: string): SetuError {
  return new SetuError('SETU_ERR_INGEST_MALFORMED_JSON', `Malformed JSON at offset ${reader.pos}: ${problem}.`, { offset: reader.pos });
}

function invalidUtf8(offset: number, bytes: string): SetuError {
  return new SetuError('SETU_ERR_INGEST_BAD_ENCODING', `The body holds invalid UTF-8 (bytes ${bytes}) at byte offset ${offset}, outside the objects; nothing was stored.`, { offset });
}

function badEnvelope(problem: string): SetuError {
  return new SetuError('SETU_ERR_INGEST_BAD_ENVELOPE', `Not a TAXII envelope or STIX bundle: ${problem}.`);
}
