// Which part of a found version matched a search, for the `matched` field of a result: the first
// condition (in query order) that the version, as the reader receives it, shows. A value names
// its kind, canonical value and where it was found; evidence names the reference a version was
// found through; words name the text field they are in.
import { indexTermsOf, keyString, wordsOf } from '../search/index.js';
import type { SearchCondition } from '../store/index.js';

const EVIDENCE_PROPERTIES = ['observed_data_refs', 'object_refs'] as const;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

function termMatch(object: unknown, keys: readonly { kind: string; value: string }[]): string | undefined {
  const wanted = new Set(keys.map((k) => `${k.kind}\t${k.value}`));
  const term = indexTermsOf(object).terms.find((t) => wanted.has(keyString(t)));
  return term === undefined ? undefined : `${term.kind} ${term.value} at ${term.source}`;
}

function evidenceMatch(object: Record<string, unknown>): string | undefined {
  for (const property of EVIDENCE_PROPERTIES) {
    const refs = object[property];
    if ((object['type'] === 'sighting') === (property === 'observed_data_refs') && Array.isArray(refs) && refs.length > 0) {
      return `evidence ${property}`;
    }
  }
  return undefined;
}

function wordsMatch(object: unknown, words: readonly string[], field: 'name' | 'all'): string | undefined {
  for (const text of indexTermsOf(object).text) {
    if (field === 'name' && text.field !== 'name') continue;
    const found = wordsOf(text.text);
    const whole = text.text.normalize('NFKC').toLowerCase();
    if (words.every((w) => found.includes(w) || (CJK.test(w) && whole.includes(w)))) return `text ${text.field}`;
  }
  return undefined;
}

/** What of the version shows condition `c` (undefined: nothing does). */
function shown(object: unknown, c: SearchCondition): string | undefined {
  const record = typeof object === 'object' && object !== null ? (object as Record<string, unknown>) : {};
  switch (c.kind) {
    case 'terms':
      return termMatch(object, c.keys) ?? evidenceMatch(record);
    case 'words':
      return wordsMatch(object, c.words, c.field);
    case 'type':
    case 'id':
    case 'tlp':
      return c.kind;
  }
}

function parsed(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/** The first condition the version shows, described (see the header). */
export function matchedBy(json: string, conditions: readonly SearchCondition[]): string {
  const object = parsed(json);
  for (const c of conditions) {
    const found = shown(object, c);
    if (found !== undefined) return found;
  }
  return 'query';
}

/**
 * True when the version as served still shows every condition: a foreign reader's copy may have
 * had the matching text redacted by the gate, and must then not be found by it.
 */
export function showsEvery(json: string, conditions: readonly SearchCondition[]): boolean {
  const object = parsed(json);
  return conditions.every((c) => shown(object, c) !== undefined);
}
