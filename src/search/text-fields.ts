// The free-text fields of an object, for the stores' full-text engines: names, descriptions, note
// content and abstract, opinion explanation, labels, aliases, and external reference ids and
// descriptions. x_mitre_* and other custom properties are left out. Text is passed as written:
// tokenising is the store engine's job (docs/search.md says which tokeniser each store uses).
import type { TextField } from './term.js';

const SCALAR_FIELDS = ['name', 'description', 'content', 'abstract', 'explanation'] as const;
const LIST_FIELDS = ['labels', 'aliases'] as const;
const REFERENCE_FIELDS = ['external_id', 'description'] as const;

export type TextFieldName =
  | (typeof SCALAR_FIELDS)[number]
  | `${(typeof LIST_FIELDS)[number]}[]`
  | `external_references[].${(typeof REFERENCE_FIELDS)[number]}`;

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

export function textFieldsOf(object: Record<string, unknown>): TextField[] {
  const fields: TextField[] = [];
  for (const field of SCALAR_FIELDS) {
    const value = object[field];
    if (nonEmpty(value)) fields.push({ field, text: value });
  }
  for (const field of LIST_FIELDS) {
    const list = object[field];
    if (Array.isArray(list)) for (const item of list) if (nonEmpty(item)) fields.push({ field: `${field}[]`, text: item });
  }
  const refs = object['external_references'];
  if (Array.isArray(refs)) {
    for (const ref of refs) {
      if (typeof ref !== 'object' || ref === null) continue;
      for (const key of REFERENCE_FIELDS) {
        const value = (ref as Record<string, unknown>)[key];
        if (nonEmpty(value)) fields.push({ field: `external_references[].${key}`, text: value });
      }
    }
  }
  return fields;
}
