// National identifiers in free text: Aadhaar (India, Verhoeff-checked), PAN (India) and My Number
// (Japan, mod-11 checked). Twelve digits may be written in groups of four separated by one space,
// hyphen or dot (used consistently); a number whose check digit fails is not reported, which keeps
// arbitrary 12-digit numbers (counters, serials) out. A number can satisfy both checks; it is then
// reported once per kind, and the profile decides for each.
import type { TextMatch } from './kinds.js';
import { myNumberValid } from './my-number.js';
import { verhoeffValid } from './verhoeff.js';

const TWELVE = /(?<![\w.\-])([0-9]{4})([ .\-]?)([0-9]{4})\2([0-9]{4})(?![\w\-]|\.[0-9])/g;
// Fourth letter: the holder's status (P person, C company, H HUF, F firm, A AOP, T trust, B BOI,
// L local authority, J artificial juridical person, G government).
const PAN = /(?<![A-Za-z0-9])([A-Z]{3}[ABCFGHJLPT][A-Z][0-9]{4}[A-Z])(?![A-Za-z0-9])/g;

export function findNationalIds(text: string): TextMatch[] {
  const out: TextMatch[] = [];
  for (const m of text.matchAll(TWELVE)) {
    const digits = `${m[1] ?? ''}${m[3] ?? ''}${m[4] ?? ''}`;
    const span = { start: m.index, end: m.index + m[0].length, match: m[0], normal: digits };
    if (/^[2-9]/.test(digits) && verhoeffValid(digits)) out.push({ kind: 'aadhaar', ...span });
    if (myNumberValid(digits)) out.push({ kind: 'my-number', ...span });
  }
  for (const m of text.matchAll(PAN)) {
    const pan = m[1] ?? '';
    out.push({ kind: 'pan', start: m.index, end: m.index + pan.length, match: pan, normal: pan });
  }
  return out;
}
