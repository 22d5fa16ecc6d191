// Text-encoding checks on what producers send. Setu stores the bytes it received, so a string it
// cannot hold as Unicode text is refused rather than silently altered:
//   - invalid UTF-8 bytes (RFC 3629: truncated sequences, overlong forms, encoded surrogates,
//     code points above U+10FFFF, bytes 0xC0, 0xC1, 0xF5-0xFF) would be decoded to U+FFFD;
//   - a JSON escape of a lone surrogate ("\ud800") is valid ASCII but names no character: any
//     re-serialisation (UTF-8 encoding, PostgreSQL jsonb, RFC 8785 canonical JSON for ids) either
//     fails or writes U+FFFD, and RFC 7493 (I-JSON) forbids it.
import { isUtf8 } from 'node:buffer';

/** Absolute offset of the first byte in [start, end) that is not part of well-formed UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array, start = 0, end = bytes.length): number {
  if (isUtf8(bytes.subarray(start, end))) return -1;
  let p = start;
  while (p < end) {
    const b = bytes[p] as number;
    if (b < 0x80) {
      p++;
      continue;
    }
    const length = sequenceLength(bytes, p, end);
    if (length === 0) return p;
    p += length;
  }
  return -1;
}

/** Length of the well-formed multi-byte sequence starting at p, or 0 when it is not one. */
function sequenceLength(bytes: Uint8Array, p: number, end: number): number {
  const b = bytes[p] as number;
  const at = (k: number): number => (p + k < end ? (bytes[p + k] as number) : -1);
  const cont = (k: number, low = 0x80, high = 0xbf): boolean => at(k) >= low && at(k) <= high;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0; // not U+D800-U+DFFF
  if (b === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b >= 0xf1 && b <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0; // not above U+10FFFF
  return 0;
}

/** The bytes at offset shown as hex ("ED A0 80"), at most four, for messages. */
export function bytesAt(bytes: Uint8Array, offset: number): string {
  const shown: string[] = [];
  for (let k = offset; k < Math.min(offset + 4, bytes.length); k++) {
    const b = bytes[k] as number;
    if (k > offset && b < 0x80) break;
    shown.push(b.toString(16).toUpperCase().padStart(2, '0'));
  }
  return shown.join(' ');
}

export interface LoneSurrogate {
  /** Offset of the backslash in the JSON text. */
  readonly index: number;
  /** The escape as written, e.g. "\ud800". */
  readonly escape: string;
}

/** The first \uXXXX escape in a JSON text that is a surrogate not paired as high-then-low, or null. */
export function loneSurrogateEscape(json: string): LoneSurrogate | null {
  let p = json.indexOf('\\');
  if (p === -1 || json.indexOf('\\u', p) === -1) return null;
  while (p !== -1 && p < json.length) {
    const next = json.charCodeAt(p + 1);
    if (next !== 0x75) {
      // any other escape (including "\\") is two characters
      p = json.indexOf('\\', p + 2);
      continue;
    }
    const unit = parseInt(json.slice(p + 2, p + 6), 16);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const low = json.charCodeAt(p + 6) === 0x5c && json.charCodeAt(p + 7) === 0x75 ? parseInt(json.slice(p + 8, p + 12), 16) : NaN;
      if (low >= 0xdc00 && low <= 0xdfff) {
        p = json.indexOf('\\', p + 12);
        continue;
      }
      return { index: p, escape: json.slice(p, p + 6) };
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) return { index: p, escape: json.slice(p, p + 6) };
    p = json.indexOf('\\', p + 6);
  }
  return null;
}
