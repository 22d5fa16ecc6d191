// Fast IP parsing for the CIDR index. Accepts exactly what pattern/ accepts for ISSUBSET operands
// and observed values (dotted decimal without leading zeros; RFC 4291 text with `::` and an
// optional dotted IPv4 tail; an optional /prefix), but yields unsigned 32-bit words instead of
// bigints so the hot path stays in small numbers. The fast-check property in test/detect proves
// the agreement.
export interface ParsedIp {
  readonly version: 4 | 6;
  /** IPv4: one unsigned 32-bit word; IPv6: four, most significant first. */
  readonly words: readonly number[];
  readonly prefix: number;
}

/** The unsigned value of dotted-decimal text[start, end), or -1. */
function parseV4(text: string, start: number, end: number): number {
  let part = 0;
  let digits = 0;
  let first = 0;
  let dots = 0;
  let value = 0;
  for (let i = start; i <= end; i++) {
    const c = i === end ? 46 : text.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || (digits > 1 && first === 48) || part > 255) return -1;
      value = value * 256 + part;
      dots++;
      part = 0;
      digits = 0;
      continue;
    }
    if (c < 48 || c > 57 || digits === 3) return -1;
    if (digits === 0) first = c;
    part = part * 10 + (c - 48);
    digits++;
  }
  return dots === 4 ? value : -1;
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

function parseV6(text: string, end: number): number[] | undefined {
  const groups = new Array<number>(8).fill(0);
  const lastColon = text.lastIndexOf(':', end - 1);
  let groupsEnd = end;
  let tail = -1;
  const dot = text.indexOf('.', lastColon);
  if (dot !== -1 && dot < end) {
    // An IPv4 tail stands for the last two groups.
    tail = parseV4(text, lastColon + 1, end);
    if (tail < 0) return undefined;
    groupsEnd = lastColon + 1;
  }
  const head = text.slice(0, groupsEnd);
  const body = tail >= 0 ? `${head}0:0` : head;
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
    groups[i] = value;
  }
  if (tail >= 0) {
    groups[6] = Math.floor(tail / 65536);
    groups[7] = tail % 65536;
  }
  const words: number[] = [];
  for (let i = 0; i < 8; i += 2) words.push((groups[i] as number) * 65536 + (groups[i + 1] as number));
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
  let words: number[] | undefined;
  if (isV6) words = parseV6(text, end);
  else {
    const value = parseV4(text, 0, end);
    words = value < 0 ? undefined : [value];
  }
  if (words === undefined) return undefined;
  const width = isV6 ? 128 : 32;
  const prefix = slash === -1 ? width : parsePrefix(text, slash + 1, width);
  if (prefix < 0) return undefined;
  return { version: isV6 ? 6 : 4, words, prefix };
}


/** 4 or 6 when the text is a bare IP address (no prefix) that parseIp accepts, else 0. */
export function ipVersionOf(text: string): 0 | 4 | 6 {
  if (text.indexOf('/') !== -1) return 0;
  if (text.indexOf(':') === -1) return parseV4(text, 0, text.length) >= 0 ? 4 : 0;
  return parseV6(text, text.length) === undefined ? 0 : 6;
}

/** The unsigned value of a bare dotted-decimal IPv4 address (as parseIp reads it), or -1. */
export function parseV4Address(text: string): number {
  return parseV4(text, 0, text.length);
}
