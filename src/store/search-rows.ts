// What the search indexes (migration 11) hold for one stored object version, computed once for
// both adapters from the pure core (search/indexTermsOf): its exact-value terms, one row each per
// (kind, value) with the first place it was found, and its words as search/wordsOf cuts a query
// (so every store engine sees the same tokens: 'APT29による攻撃' is 'apt29 による 攻撃'), split into
// the name and the rest. Japanese text (Han, Hiragana, Katakana) is also kept whole, NFKC-normalised
// and lower-cased, for the substring index, and only for the versions that hold some.
import { indexTermsOf, keyString, wordsOf } from '../search/index.js';

export interface SearchTermRow {
  readonly kind: string;
  readonly value: string;
  readonly source: string;
}

export interface SearchIndexRows {
  readonly terms: readonly SearchTermRow[];
  /** The words of the `name` text, space-separated ('' when none). */
  readonly name: string;
  /** The words of every other text field, space-separated ('' when none). */
  readonly body: string;
  /** name and body together when they hold Japanese characters, else null. */
  readonly cjk: string | null;
}

/**
 * Limits that keep every index row writable on both stores: PostgreSQL's B-tree refuses keys of
 * more than about 2,700 bytes and a tsvector over 1 MiB, and its text takes no NUL character. A
 * longer value is not indexed as a term; text past the limit is not indexed as words.
 */
export const MAX_TERM_BYTES = 2000;
export const MAX_TEXT_CHARS = 200_000;

/** The term kind of an evidence reference: a version that holds no value finds by what it points at. */
export const EVIDENCE_KIND = 'evidence';

/**
 * The references through which a search for a value also finds a version that points at a match:
 * a sighting's observed-data, an observed-data's SCOs (docs/search.md).
 */
const EVIDENCE_REFS: Readonly<Record<string, string>> = { sighting: 'observed_data_refs', 'observed-data': 'object_refs' };

function evidenceOf(object: unknown, into: SearchTermRow[]): void {
  if (typeof object !== 'object' || object === null) return;
  const record = object as Record<string, unknown>;
  const type = record['type'];
  const property = typeof type === 'string' && Object.hasOwn(EVIDENCE_REFS, type) ? EVIDENCE_REFS[type] : undefined;
  const refs = property === undefined ? undefined : record[property];
  if (!Array.isArray(refs)) return;
  const seen = new Set<string>();
  refs.forEach((ref, i) => {
    if (typeof ref !== 'string' || seen.has(ref) || ref.includes('\u0000') || Buffer.byteLength(ref, 'utf8') > MAX_TERM_BYTES) return;
    seen.add(ref);
    into.push({ kind: EVIDENCE_KIND, value: ref, source: `$.${property}[${i}]` });
  });
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}々〆]/u;

/** True when a word is searched as a substring (the trigram index), not as a whole token. */
export function isCjkWord(word: string): boolean {
  return CJK.test(word);
}

const normal = (text: string): string => text.normalize('NFKC').toLowerCase();
/** A word as search/wordsOf cuts one in text without Japanese: a letter or digit, then letters, marks, digits. */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/**
 * wordsOf's words, space-separated. Without Japanese characters no script change can cut a run,
 * so one regular expression finds the same words (the hot path of ingest); with them, wordsOf.
 */
function wordText(text: string, normalised: string, cjk: boolean): string {
  if (text === '') return '';
  return cjk ? wordsOf(text).join(' ') : (normalised.match(WORD) ?? []).join(' ');
}

/** The index rows of one version's JSON text (a JSON text that is no object gets no rows). */
export function searchRowsOf(json: string): SearchIndexRows {
  let object: unknown;
  try {
    object = JSON.parse(json);
  } catch {
    return { terms: [], name: '', body: '', cjk: null };
  }
  const entries = indexTermsOf(object);
  const seen = new Set<string>();
  const terms: SearchTermRow[] = [];
  for (const term of entries.terms) {
    const key = keyString(term);
    if (seen.has(key) || term.value.includes('\u0000') || Buffer.byteLength(key, 'utf8') > MAX_TERM_BYTES) continue;
    seen.add(key);
    terms.push({ kind: term.kind, value: term.value, source: term.source.replaceAll('\u0000', ' ') });
  }
  evidenceOf(object, terms);
  const names: string[] = [];
  const rest: string[] = [];
  for (const field of entries.text) (field.field === 'name' ? names : rest).push(field.text);
  const name = names.join('\n').replaceAll('\u0000', ' ').slice(0, MAX_TEXT_CHARS);
  const body = rest.join('\n').replaceAll('\u0000', ' ').slice(0, MAX_TEXT_CHARS);
  const normalName = normal(name);
  const normalBody = normal(body);
  // NFKC can make Japanese of other characters (㉄ is 問): test the normalised text.
  const cjk = CJK.test(normalName) || CJK.test(normalBody);
  return {
    terms,
    name: wordText(name, normalName, cjk),
    body: wordText(body, normalBody, cjk),
    cjk: cjk ? (normalName === '' ? normalBody : normalBody === '' ? normalName : `${normalName}\n${normalBody}`) : null,
  };
}
