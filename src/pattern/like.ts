// LIKE: SQL-style wildcards over the whole value, '%' any run of code points, '_' exactly one;
// both span line breaks, as in SQL. Both sides are compared in Unicode NFC form.
// Only the regex syntax characters are escaped: under the `u` flag, escaping anything else (such
// as '-', common in host names) is itself a syntax error.
const REGEX_SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

export function likeToRegExp(like: string): RegExp {
  let source = '^';
  for (const ch of like.normalize('NFC')) {
    if (ch === '%') source += '[^]*';
    else if (ch === '_') source += '[^]';
    else source += ch.replace(REGEX_SYNTAX, '\\$&');
  }
  return new RegExp(`${source}$`, 'u');
}
