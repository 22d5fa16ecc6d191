// parseQuery: a search box's text to a typed query. Clauses are separated by white space:
//   "quoted phrase"          words that must appear together
//   field:value, field:"a b" a supported field (fields.ts); an unknown `name:` is an error
//   a bare value             an address, block, URL, e-mail, hash, CVE, ATT&CK id ... (defanged too)
//   anything else            full-text words (words.ts)
// Bad input comes back as { ok: false, error: { code, position, reason } }; nothing throws.
import { isDefanged } from './defang.js';
import { detectKind } from './detect-value.js';
import { FIELD_SPECS, isSearchField, SEARCH_FIELDS } from './fields.js';
import type { SearchField } from './fields.js';
import type { FieldClause, ParseQueryResult, QueryClause, QueryError } from './query-ast.js';
import { searchKeysFor } from './search-keys.js';
import { wordsOf } from './words.js';

export const MAX_QUERY_LENGTH = 1000;
export const MAX_CLAUSES = 32;

const FIELD_PREFIX = /^([A-Za-z][A-Za-z0-9_-]*):/;

class QueryFailure {
  constructor(readonly error: QueryError) {}
}

const fail = (code: QueryError['code'], position: number, reason: string): never => {
  throw new QueryFailure({ code, position, reason });
};

/** The end of a quoted run starting at `open` (the index after its closing quote). */
function closingQuote(q: string, open: number): number {
  const close = q.indexOf('"', open + 1);
  if (close === -1) fail('SETU_ERR_SEARCH_UNTERMINATED_QUOTE', open, 'this quote is never closed');
  return close + 1;
}

function tokenEnd(q: string, from: number): number {
  let i = from;
  while (i < q.length && !/\s/.test(q[i] as string)) i++;
  return i;
}

function fieldClause(field: SearchField, raw: string, start: number, valueAt: number, end: number): FieldClause {
  const spec = FIELD_SPECS[field];
  const span = { start, end };
  if (raw.trim() === '') fail('SETU_ERR_SEARCH_BAD_FIELD_VALUE', valueAt, `${field}: needs a value`);
  switch (spec.kind) {
    case 'terms': {
      const keys = searchKeysFor(raw, spec.terms);
      if (keys.length === 0) fail('SETU_ERR_SEARCH_BAD_FIELD_VALUE', valueAt, `'${raw}' is not a ${field} value`);
      return { kind: 'field', field, value: (keys[0] as { value: string }).value, keys, span };
    }
    case 'checked': {
      const value = spec.check(raw.trim());
      if (value === undefined) fail('SETU_ERR_SEARCH_BAD_FIELD_VALUE', valueAt, `'${raw}' is not ${spec.expected}`);
      return { kind: 'field', field, value: value as string, keys: [], span };
    }
    case 'text':
      return { kind: 'field', field, value: raw.trim(), keys: [], span };
  }
}

function clauses(q: string): QueryClause[] {
  const out: QueryClause[] = [];
  let i = 0;
  while (i < q.length) {
    if (/\s/.test(q[i] as string)) {
      i++;
      continue;
    }
    if (out.length === MAX_CLAUSES) fail('SETU_ERR_SEARCH_QUERY_TOO_LONG', i, `more than ${MAX_CLAUSES} clauses`);
    const start = i;
    if (q[i] === '"') {
      const end = closingQuote(q, i);
      const words = wordsOf(q.slice(i + 1, end - 1));
      if (words.length > 0) out.push({ kind: 'words', words, phrase: true, span: { start, end } });
      i = end;
      continue;
    }
    const prefix = FIELD_PREFIX.exec(q.slice(i));
    const name = prefix?.[1]?.toLowerCase();
    if (prefix !== null && name !== undefined && isSearchField(name)) {
      const valueAt = i + prefix[0].length;
      const quoted = q[valueAt] === '"';
      const end = quoted ? closingQuote(q, valueAt) : tokenEnd(q, valueAt);
      const raw = quoted ? q.slice(valueAt + 1, end - 1) : q.slice(valueAt, end);
      out.push(fieldClause(name, raw, start, valueAt, end));
      i = end;
      continue;
    }
    const end = tokenEnd(q, i);
    const token = q.slice(i, end);
    const term = detectKind(token);
    if (term !== undefined) {
      out.push({ kind: 'value', term, defanged: isDefanged(token), keys: searchKeysFor(token), span: { start, end } });
    } else if (prefix !== null && end > i + prefix[0].length) {
      fail('SETU_ERR_SEARCH_UNKNOWN_FIELD', i, `'${prefix[1]}' is not a search field (fields: ${SEARCH_FIELDS.join(', ')}); put the text in quotes to search for it as words`);
    } else {
      const words = wordsOf(token);
      if (words.length > 0) out.push({ kind: 'words', words, phrase: false, span: { start, end } });
    }
    i = end;
  }
  return out;
}

export function parseQuery(q: string): ParseQueryResult {
  if (q.length > MAX_QUERY_LENGTH) {
    return { ok: false, error: { code: 'SETU_ERR_SEARCH_QUERY_TOO_LONG', position: MAX_QUERY_LENGTH, reason: `the query is longer than ${MAX_QUERY_LENGTH} characters` } };
  }
  try {
    const found = clauses(q);
    if (found.length === 0) return { ok: false, error: { code: 'SETU_ERR_SEARCH_EMPTY_QUERY', position: 0, reason: 'the query holds no value, field or word' } };
    return { ok: true, query: { clauses: found } };
  } catch (error) {
    if (error instanceof QueryFailure) return { ok: false, error: error.error };
    throw error;
  }
}
