// An object's readable text in the requested language. STIX 2.1 section 7.1: a language-content
// object carries, per language tag in `contents`, translated values of the properties of the object
// named by `object_ref` (and `object_modified`, the version it translates). An object's own `lang`
// (default "en") says what it is written in. The translation chosen is the one made for the
// object's current version when there is one, else the newest; revoked ones are not used.
import { retiredReason, str, type PracticeGraph, type StixObject } from './graph.js';
import type { PracticeLanguage } from './languages.js';

/** The text properties shown in advice, in the order they are shown. */
export const TEXT_PROPERTIES = ['name', 'abstract', 'description', 'content'] as const;
type TextProperty = (typeof TEXT_PROPERTIES)[number];

export interface LocalisedText {
  readonly name?: string;
  readonly abstract?: string;
  readonly description?: string;
  readonly content?: string;
  /** The language the text is in: the requested one when translated, else the object's own. */
  readonly language: string;
  /** The language-content object the text came from, when translated. */
  readonly translatedBy?: string;
}

function contentsFor(translation: StixObject, language: string): Record<string, unknown> | undefined {
  const contents = translation['contents'];
  if (typeof contents !== 'object' || contents === null || Array.isArray(contents)) return undefined;
  const entry = (contents as Record<string, unknown>)[language];
  return typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? (entry as Record<string, unknown>) : undefined;
}

function chooseTranslation(graph: PracticeGraph, object: StixObject, language: string): StixObject | undefined {
  const id = str(object, 'id');
  if (id === undefined) return undefined;
  const usable = (graph.translations.get(id) ?? []).filter((t) => retiredReason(t) === undefined && contentsFor(t, language) !== undefined);
  const modified = str(object, 'modified');
  const exact = usable.filter((t) => modified !== undefined && str(t, 'object_modified') === modified);
  const pool = exact.length > 0 ? exact : usable;
  return pool.reduce<StixObject | undefined>((best, t) => (best === undefined || (str(t, 'modified') ?? '') > (str(best, 'modified') ?? '') ? t : best), undefined);
}

function textOf(source: Readonly<Record<string, unknown>>): Partial<Record<TextProperty, string>> {
  const out: Partial<Record<TextProperty, string>> = {};
  for (const property of TEXT_PROPERTIES) {
    const value = source[property];
    if (typeof value === 'string' && value !== '') out[property] = value;
  }
  return out;
}

export function localise(graph: PracticeGraph, object: StixObject, language: PracticeLanguage): LocalisedText {
  const own = str(object, 'lang') ?? 'en';
  const original = textOf(object);
  if (own === language) return { ...original, language: own };
  const translation = chooseTranslation(graph, object, language);
  const contents = translation === undefined ? undefined : contentsFor(translation, language);
  if (translation === undefined || contents === undefined) return { ...original, language: own };
  const translated = textOf(contents);
  // A property the translation leaves out keeps its original text.
  return { ...original, ...translated, language, translatedBy: str(translation, 'id') ?? '' };
}
