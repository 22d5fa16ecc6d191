// Defanged indicators, as reports and chat write them so nothing is clickable: `hxxp://`,
// `hxxps[:]//`, `bad[.]example`, `bad(.)example`, `bad{.}example`, `bad[dot]example`,
// `user[@]bad.example`, `user[at]bad.example`, `fxp://`. refang undoes the bracketed forms and the
// scheme spellings only: a bare word "dot" or "at" is left alone (it is too often a real word).
const SCHEMES: readonly [RegExp, string][] = [
  [/^h(?:xx|\*\*|XX)p(s?)(\[?:\]?)\/\//i, 'http$1://'],
  [/^f(?:x|X)p(\[?:\]?)\/\//i, 'ftp://'],
];
const BRACKETED: readonly [RegExp, string][] = [
  [/\s*(?:\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\{dot\})\s*/gi, '.'],
  [/\s*(?:\[@\]|\(@\)|\{@\}|\[at\]|\(at\)|\{at\})\s*/gi, '@'],
  [/\[:\]|\(:\)/g, ':'],
  [/\[\/\]/g, '/'],
  [/\[:\/\/\]/g, '://'],
];

/** The text with defanging undone; text that was not defanged comes back unchanged. */
export function refang(text: string): string {
  let out = text.trim();
  for (const [re, replacement] of BRACKETED) out = out.replace(re, replacement);
  for (const [re, replacement] of SCHEMES) out = out.replace(re, replacement);
  return out;
}

/** Whether refang changes the text: the query parser reports the value as defanged. */
export function isDefanged(text: string): boolean {
  return refang(text) !== text.trim();
}
