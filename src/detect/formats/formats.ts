// The input formats `setu scan` reads, as a table from format name to reader factory, and the
// recognition of a format from a file's first non-blank line.
import { compileMapping, presetMapping } from '../mapping.js';
import type { FieldMapping } from '../mapping.js';
import { jsonLinesReader } from './json-lines.js';
import type { LineReader } from './reader.js';
import { zeekTsvReader } from './zeek-tsv.js';

export const EVENT_FORMATS = ['zeek', 'zeek-json', 'suricata', 'ecs', 'mapping'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

/** `mapping` is the user's mapping file; only the `mapping` format requires it. */
const READERS: Record<EventFormat, (source: string, mapping: FieldMapping | undefined) => LineReader> = {
  zeek: (source) => zeekTsvReader(source, compileMapping(presetMapping('zeek'))),
  'zeek-json': (source) => jsonLinesReader(source, compileMapping(presetMapping('zeek'))),
  suricata: (source) => jsonLinesReader(source, compileMapping(presetMapping('suricata'))),
  ecs: (source) => jsonLinesReader(source, compileMapping(presetMapping('ecs'))),
  mapping: (source, mapping) => {
    if (mapping === undefined) throw new TypeError('the mapping format needs a mapping');
    return jsonLinesReader(source, compileMapping(mapping));
  },
};

export function createReader(format: EventFormat, source: string, mapping?: FieldMapping): LineReader {
  return READERS[format](source, mapping);
}

export function isEventFormat(value: string): value is EventFormat {
  return (EVENT_FORMATS as readonly string[]).includes(value);
}

/** The format a first line looks like, or undefined. */
export function recogniseFormat(firstLine: string): EventFormat | undefined {
  if (firstLine.startsWith('#separator') || firstLine.startsWith('#fields')) return 'zeek';
  let record: unknown;
  try {
    record = JSON.parse(firstLine);
  } catch {
    return undefined;
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return undefined;
  const has = (key: string): boolean => Object.hasOwn(record, key);
  if (has('event_type') && has('timestamp')) return 'suricata';
  if (has('@timestamp')) return 'ecs';
  if (has('ts') && (has('uid') || has('id.orig_h') || has('fuid'))) return 'zeek-json';
  return undefined;
}
