// The languages "what to do" can be read in: the partnership's working languages (English,
// Japanese, Hindi), as RFC 5646 tags, the form STIX `lang` and language-content `contents` keys use.
export const PRACTICE_LANGUAGES = ['en', 'ja', 'hi'] as const;

export type PracticeLanguage = (typeof PRACTICE_LANGUAGES)[number];

export function isPracticeLanguage(value: unknown): value is PracticeLanguage {
  return typeof value === 'string' && (PRACTICE_LANGUAGES as readonly string[]).includes(value);
}
