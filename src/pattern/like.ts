// LIKE: SQL-style wildcards over the whole value, '%' any run of characters, '_' exactly one.
// Both sides are compared in Unicode NFC form.
const REGEX_SYNTAX = /[\\^$.*+?()[\]{}|/-]/g;

export function likeToRegExp(like: string): RegExp {
  let source = '^';
  for (const ch of like.normalize('NFC')) {
    if (ch === '%') source += '[^\\n]*';
    else if (ch === '_') source += '[^\\n]';
    else source += ch.replace(REGEX_SYNTAX, '\\$&');
  }
  return new RegExp(`${source}$`, 'u');
}
