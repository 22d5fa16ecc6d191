// Codes for a search query the parser refuses. parseQuery returns them as data (with position and
// reason), never throws them: the API answers 400 with the code and the CLI exits 2.
export const SEARCH_ERRORS = {
  SETU_ERR_SEARCH_EMPTY_QUERY: 'the search query holds no value, field or word',
  SETU_ERR_SEARCH_QUERY_TOO_LONG: 'the search query is longer than the limit (1,000 characters, 32 clauses)',
  SETU_ERR_SEARCH_UNTERMINATED_QUOTE: 'a quoted phrase or field value in the search query has no closing quote',
  SETU_ERR_SEARCH_UNKNOWN_FIELD: 'a `name:value` clause names a field the search does not support',
  SETU_ERR_SEARCH_BAD_FIELD_VALUE: 'the value of a `field:value` clause is empty or not a value of that field',
  SETU_ERR_SEARCH_BAD_CURSOR: 'the search cursor is not one this node handed out (pass `next` of the previous page as it was)',
  SETU_ERR_SEARCH_BAD_PARAMETER: 'a search parameter (type, tlp, collection, since, limit) is not a value it accepts',
} as const;

export type SearchErrorCode = keyof typeof SEARCH_ERRORS;
