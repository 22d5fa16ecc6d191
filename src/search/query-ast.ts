// The typed query parseQuery returns: a list of clauses, all of which must hold (AND). Spans are
// 0-based [start, end) offsets into the query text, so a UI can underline each clause.
import type { SearchErrorCode } from './errors.js';
import type { SearchField } from './fields.js';
import type { SearchKey } from './term.js';

export interface QuerySpan {
  readonly start: number;
  readonly end: number;
}

/** A bare value whose kind was detected (`203.0.113.45`, `hxxp://bad[.]example`, `T1059.001`). */
export interface ValueClause {
  readonly kind: 'value';
  /** The detected reading, canonical. */
  readonly term: SearchKey;
  readonly defanged: boolean;
  /** Every key to probe (searchKeysFor of the value). */
  readonly keys: readonly SearchKey[];
  readonly span: QuerySpan;
}

/** `field:value`. `keys` for exact-value fields; `value` canonical for checked fields, as written for text fields. */
export interface FieldClause {
  readonly kind: 'field';
  readonly field: SearchField;
  readonly value: string;
  readonly keys: readonly SearchKey[];
  readonly span: QuerySpan;
}

/** Full-text words (wordsOf): one bare token, or a quoted phrase whose words must be adjacent. */
export interface WordsClause {
  readonly kind: 'words';
  readonly words: readonly string[];
  readonly phrase: boolean;
  readonly span: QuerySpan;
}

export type QueryClause = ValueClause | FieldClause | WordsClause;

export interface SearchQuery {
  readonly clauses: readonly QueryClause[];
}

export interface QueryError {
  readonly code: SearchErrorCode;
  /** 0-based offset of the offending text. */
  readonly position: number;
  readonly reason: string;
}

export type ParseQueryResult = { readonly ok: true; readonly query: SearchQuery } | { readonly ok: false; readonly error: QueryError };
