// Public face of search's pure core: what the indexes take from an object (indexTermsOf), the keys
// a value is looked up under (searchKeysFor), and the query parser (parseQuery). No I/O, no clock;
// the store indexes, the API route and the CLI come in a later increment (docs/search.md).
export { indexTermsOf } from './index-terms.js';
export { refsOf, isStixId, UNINDEXED_REF_PROPERTIES, type ObjectRef } from './refs.js';
export { searchKeysFor } from './search-keys.js';
export { parseQuery, MAX_CLAUSES, MAX_QUERY_LENGTH } from './query.js';
export type { FieldClause, ParseQueryResult, QueryClause, QueryError, QuerySpan, SearchQuery, ValueClause, WordsClause } from './query-ast.js';
export { keyString } from './term.js';
export type { IndexFinding, IndexTerm, ObjectIndexEntries, SearchKey, TextField } from './term.js';
export type { TextFieldName } from './text-fields.js';
export { HASH_ALGORITHMS, HASH_KINDS, TERM_KINDS, VALUE_KINDS, canonicalHashAlgorithm, isTermKind } from './kinds.js';
export type { HashAlgorithm, HashKind, TermKind, ValueKind } from './kinds.js';
export { FIELD_SPECS, SEARCH_FIELDS, isSearchField } from './fields.js';
export type { FieldSpec, SearchField } from './fields.js';
export { detectKind, candidateTerms } from './detect-value.js';
export { refang, isDefanged } from './defang.js';
export { wordsOf } from './words.js';
export { normaliseValue } from './values.js';
export { ipTerm, coveringTerms } from './ip-text.js';
export type { IpKind, IpTerm } from './ip-text.js';
export { canonicalDomain, parentDomains } from './domain-text.js';
export { SCO_VALUE_PROPERTIES } from './property-kinds.js';
export { SEARCH_ERRORS } from './errors.js';
export type { SearchErrorCode } from './errors.js';
