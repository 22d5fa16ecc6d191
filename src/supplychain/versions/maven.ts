// Maven versions ordered as org.apache.maven.artifact.versioning.ComparableVersion: a tree of
// integer, qualifier and list items ('-' opens a sub-list, digit/letter changes split items),
// trailing nulls (0, "", ga/final/release) dropped; qualifiers alpha < beta < milestone < rc <
// snapshot < "" < sp < any other (then alphabetically); a/b/m followed by a digit mean alpha/beta/milestone.
import { bad, compareDigits, compareText, defineScheme, isDigit, ok } from './scheme.js';
import type { Order } from './scheme.js';

type Item = { readonly kind: 'int'; readonly value: string } | { readonly kind: 'string'; readonly value: string } | { readonly kind: 'list'; readonly items: Item[] };

const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'] as const;
const ALIASES: Readonly<Record<string, string>> = { ga: '', final: '', release: '', cr: 'rc' };
const RELEASE_INDEX = String(QUALIFIERS.indexOf(''));

function comparableQualifier(q: string): string {
  const i = (QUALIFIERS as readonly string[]).indexOf(q);
  return i === -1 ? `${QUALIFIERS.length}-${q}` : String(i);
}

function stringItem(value: string, followedByDigit: boolean): Item {
  let v = value;
  if (followedByDigit && v.length === 1) v = v === 'a' ? 'alpha' : v === 'b' ? 'beta' : v === 'm' ? 'milestone' : v;
  return { kind: 'string', value: ALIASES[v] ?? v };
}

function intItem(digits: string): Item {
  return { kind: 'int', value: digits.replace(/^0+(?=.)/, '') };
}

function isNull(item: Item): boolean {
  return item.kind === 'int' ? item.value === '0' : item.kind === 'string' ? item.value === '' : item.items.length === 0;
}

function normalize(list: Item[]): void {
  for (let i = list.length - 1; i >= 0; i--) {
    const last = list[i]!;
    if (isNull(last)) list.splice(i, 1);
    else if (last.kind !== 'list') break;
  }
}

export function parseMaven(text: string): Item {
  const version = text.toLowerCase();
  const root: Item[] = [];
  let list = root;
  const stack: Item[][] = [root];
  let digit = false;
  let start = 0;
  const item = (s: string): Item => (digit ? intItem(s) : stringItem(s, false));
  const openList = (): void => {
    const child: Item[] = [];
    list.push({ kind: 'list', items: child });
    list = child;
    stack.push(child);
  };
  for (let i = 0; i < version.length; i++) {
    const c = version[i]!;
    if (c === '.') {
      list.push(i === start ? intItem('0') : item(version.slice(start, i)));
      start = i + 1;
    } else if (c === '-') {
      list.push(i === start ? intItem('0') : item(version.slice(start, i)));
      start = i + 1;
      openList();
    } else if (isDigit(c)) {
      if (!digit && i > start) {
        list.push(stringItem(version.slice(start, i), true));
        start = i;
        openList();
      }
      digit = true;
    } else {
      if (digit && i > start) {
        list.push(intItem(version.slice(start, i)));
        start = i;
        openList();
      }
      digit = false;
    }
  }
  if (version.length > start) list.push(item(version.slice(start)));
  while (stack.length > 0) normalize(stack.pop()!);
  return { kind: 'list', items: root };
}

function compareItem(a: Item, b: Item | undefined): Order {
  if (a.kind === 'int') {
    if (b === undefined) return a.value === '0' ? 0 : 1;
    return b.kind === 'int' ? compareDigits(a.value, b.value) : 1;
  }
  if (a.kind === 'string') {
    if (b === undefined) return compareText(comparableQualifier(a.value), RELEASE_INDEX);
    if (b.kind === 'int' || b.kind === 'list') return -1;
    return compareText(comparableQualifier(a.value), comparableQualifier(b.value));
  }
  if (b === undefined) return a.items.length === 0 ? 0 : compareItem(a.items[0]!, undefined);
  if (b.kind === 'int') return -1;
  if (b.kind === 'string') return 1;
  const n = Math.max(a.items.length, b.items.length);
  for (let i = 0; i < n; i++) {
    const l = a.items[i];
    const r = b.items[i];
    const result = l === undefined ? (r === undefined ? 0 : (-compareItem(r, l) as Order)) : compareItem(l, r);
    if (result !== 0) return result;
  }
  return 0;
}

function show(item: Item): string {
  if (item.kind !== 'list') return item.value;
  return item.items.map((x, i) => (x.kind === 'list' ? `-${show(x)}` : `${i === 0 ? '' : '.'}${show(x)}`)).join('');
}

export const mavenScheme = defineScheme<Item>({
  rule: 'Maven ComparableVersion',
  parse(text) {
    const version = text.trim();
    if (version === '') return bad('a Maven version is not empty');
    const parsed = parseMaven(version);
    return ok(parsed, show(parsed));
  },
  compare: compareItem,
});
