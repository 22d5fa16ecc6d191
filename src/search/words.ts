// What a word is, for the query side (and what the stores' full-text engines are asked to find):
// the text is NFKC-normalised (full-width Latin and half-width katakana fold to their usual forms)
// and lower-cased, then cut into maximal runs of letters, combining marks and digits. Combining
// marks never start a word, so Devanagari vowel signs and viramas stay inside theirs ('हमला' is
// one word). Japanese is written without spaces, so a run is also cut where the script changes
// between Han, Hiragana, Katakana and everything else: '東京電力の攻撃' gives '東京電力', 'の',
// '攻撃'; 'APT攻撃' gives 'apt', '攻撃'. This is no morphological analysis: a store engine that
// indexes Japanese as trigrams (docs/search.md) matches these words as substrings.
type Script = 'han' | 'hiragana' | 'katakana' | 'other';

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const MARK = /\p{M}/u;
const HAN = /[\p{Script=Han}々〆]/u;
const HIRAGANA = /\p{Script=Hiragana}/u;
const KATAKANA = /\p{Script=Katakana}/u;
/** The prolonged sound mark and kana iteration marks continue the kana run they follow. */
const KANA_CONTINUE = /[ーゝゞヽヾ]/u;

function scriptOf(char: string): Script {
  if (HAN.test(char)) return 'han';
  if (HIRAGANA.test(char)) return 'hiragana';
  if (KATAKANA.test(char)) return 'katakana';
  return 'other';
}

export function wordsOf(text: string): string[] {
  const words: string[] = [];
  let current = '';
  let script: Script = 'other';
  for (const char of text.normalize('NFKC').toLowerCase()) {
    if (!WORD_CHAR.test(char)) {
      if (current !== '') words.push(current);
      current = '';
      continue;
    }
    const continues = MARK.test(char) || (KANA_CONTINUE.test(char) && (script === 'hiragana' || script === 'katakana'));
    if (current !== '' && continues) {
      current += char;
      continue;
    }
    if (current === '' && MARK.test(char)) continue;
    const next = scriptOf(char);
    if (current !== '' && next !== script) {
      words.push(current);
      current = '';
    }
    script = next;
    current += char;
  }
  if (current !== '') words.push(current);
  return words;
}
