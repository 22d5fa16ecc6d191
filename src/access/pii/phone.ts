// Telephone numbers in free text. Three shapes are recognised, each bounded so that digits inside
// hashes, ids, IP addresses or timestamps do not match:
// - international: +CC then 5-15 digits in groups separated by one space, hyphen, dot or
//   parentheses; digits after the country code may be masked with x, X, * or # (+91 98xxx xxxxx);
// - Indian mobile: an optional 0/91/+91 prefix, then 10 digits starting 6-9 (98765 43210);
// - Japanese: 0 plus 9 or 10 digits in hyphenated groups (03-1234-5678, 090-1234-5678).
// Masked digits count only when at least two real digits remain besides the country code.
import type { TextMatch } from './kinds.js';

const SEP = String.raw`(?:[ .\-]|\)\s?|\s?\()?`;
const SYM = String.raw`[0-9xX*#]`;
const INTERNATIONAL = new RegExp(String.raw`(?<![\w+])\+\s?\(?([1-9][0-9]{0,2})\)?[ .\-]?\(?(${SYM}(?:${SEP}${SYM}){4,14})(?![\w])`, 'g');
const INDIA_MOBILE = /(?<![\w+.:/-])(?:0|91[ -]?)?([6-9][0-9]{4}[ -]?[0-9]{5})(?![\w.:/-])/g;
const JAPAN = /(?<![\w+.:/-])(0[0-9]{1,4}-[0-9]{1,4}-[0-9]{4})(?![\w.:/-])/g;

const digitsOf = (s: string): string => s.replace(/[^0-9]/g, '');
const symbolsOf = (s: string): string => s.replace(/[^0-9xX*#]/g, '');

export function findPhones(text: string): TextMatch[] {
  const out: TextMatch[] = [];
  const taken: [number, number][] = [];
  const overlaps = (start: number, end: number) => taken.some(([s, e]) => start < e && s < end);
  const push = (start: number, match: string, normal: string) => {
    const end = start + match.length;
    if (overlaps(start, end)) return;
    taken.push([start, end]);
    out.push({ kind: 'phone', start, end, match, normal });
  };
  for (const m of text.matchAll(INTERNATIONAL)) {
    const cc = m[1] ?? '';
    const rest = symbolsOf(m[2] ?? '');
    if (digitsOf(rest).length < 2 || rest.length > 15) continue;
    push(m.index, m[0], `+${cc}${rest.toLowerCase()}`);
  }
  for (const m of text.matchAll(INDIA_MOBILE)) push(m.index, m[0], `+91${digitsOf(m[1] ?? '')}`);
  for (const m of text.matchAll(JAPAN)) {
    const digits = digitsOf(m[1] ?? '');
    if (digits.length === 10 || digits.length === 11) push(m.index, m[0], `+81${digits.slice(1)}`);
  }
  return out.sort((a, b) => a.start - b.start);
}
