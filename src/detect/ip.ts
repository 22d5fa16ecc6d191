// Fast IP parsing for the CIDR index. Accepts exactly what pattern/ accepts for ISSUBSET operands
// and observed values (dotted decimal without leading zeros; RFC 4291 text with `::` and an
// optional dotted IPv4 tail; an optional /prefix), but yields 16-bit words instead of bigints so
// the hot path allocates little. The fast-check property in test/detect proves the agreement.
export interface ParsedIp {
  readonly version: 4 | 6;
  /** IPv4: two 16-bit words; IPv6: eight. */
  readonly words: Uint16Array;
  readonly prefix: number;
}

function parseV4Into(text: string, start: number, end: number, words: Uint16Array, at: number): boolean {
  let part = 0;
  let digits = 0;
  let first = 0;
  let dots = 0;
  let value = 0;
  for (let i = start; i <= end; i++) {
    const c = i === end ? 46 : text.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || (digits > 1 && first === 48) || part > 255) return false;
      value = value * 256 + part;
      dots++;
      part = 0;
      digits = 0;
      continue;
    }
    if (c < 48 || c > 57 || digits === 3) return false;
    if (digits === 0) first = c;
    part = part * 10 + (c - 48);
    digits++;
  }
  if (dots !== 4) return false;
  words[at] = value >>> 16;
  words[at + 1] = value & 0xffff;
  return true;
}

function hexGroup(text: string, start: number, end: number): number {
  const length = end - start;
  if (length < 1 || length > 4) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
    if (d < 0) return -1;
    value = value * 16 + d;
  }
  return value;
}

function parseV6(text: string, end: number): Uint16Array | undefined {
  const words = new Uint16Array(8);
  const lastColon = text.lastIndexOf(':', end - 1);
  let groupsEnd = end;
  let tail = 0;
  const dot = text.indexOf('.', lastColon);
  if (dot !== -1 && dot < end) {
    // An IPv4 tail stands for the last two groups.
    const v4 = new Uint16Array(2);
    if (!parseV4Into(text, lastColon + 1, end, v4, 0)) return undefined;
    tail = 2;
    words[6] = v4[0] as number;
    words[7] = v4[1] as number;
    groupsEnd = lastColon + 1;
  }
  const head = text.slice(0, groupsEnd);
  const body = tail === 2 ? `${head}0:0` : head;
  const halves = body.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (part: string | undefined): string[] => (part === undefined || part === '' ? [] : part.split(':'));
  const left = groupsOf(halves[0]);
  const right = groupsOf(halves[1]);
  const missing = 8 - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  for (let i = 0; i < 8; i++) {
    const group = all[i] as string;
    const value = hexGroup(group, 0, group.length);
    if (value < 0) return undefined;
    if (i < 6 || tail === 0) words[i] = value;
  }
  return words;
}

function parsePrefix(text: string, from: number, width: number): number {
  const length = text.length - from;
  if (length < 1 || length > 3) return -1;
  let value = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    value = value * 10 + (c - 48);
  }
  return value > width ? -1 : value;
}

/** Parses "addr" or "addr/prefix"; undefined when pattern/ would not read it as an IP block. */
export function parseIp(text: string): ParsedIp | undefined {
  const slash = text.indexOf('/');
  const end = slash === -1 ? text.length : slash;
  const isV6 = text.lastIndexOf(':', end - 1) !== -1;
  let words: Uint16Array | undefined;
  if (isV6) words = parseV6(text, end);
  else {
    words = new Uint16Array(2);
    if (!parseV4Into(text, 0, end, words, 0)) words = undefined;
  }
  if (words === undefined) return undefined;
  const width = isV6 ? 128 : 32;
  const prefix = slash === -1 ? width : parsePrefix(text, slash + 1, width);
  if (prefix < 0) return undefined;
  return { version: isV6 ? 6 : 4, words, prefix };
}

/** Bit `index` (0 = most significant) of an address. */
export function bitAt(words: Uint16Array, index: number): number {
  return ((words[index >>> 4] as number) >>> (15 - (index & 15))) & 1;
}
