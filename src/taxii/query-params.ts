// TAXII 2.1 URL filters -> store query parts. Each endpoint names the filters it honours; others
// are ignored, as the specification asks. A filter value may be a comma-separated list or repeat
// the parameter; every value is checked, and a bad one is a 400 naming the parameter.

import { SetuError } from '../errors/index.js';
import { isStixTimestamp, normalizeTimestamp } from '../stix/index.js';
import type { VersionSelector } from '../store/index.js';
import { decodeCursor } from './cursor.js';

export const FILTER_PARAMS = ['added_after', 'limit', 'next', 'match[id]', 'match[type]', 'match[version]', 'match[spec_version]'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

export interface PageSize {
  readonly default: number;
  readonly max: number;
}

export interface ParsedFilters {
  addedAfter?: string;
  afterSeq?: number;
  ids?: readonly string[];
  types?: readonly string[];
  versions?: readonly VersionSelector[];
  specVersions?: readonly string[];
  limit: number;
}

const STIX_TYPE = /^[a-z0-9](?:[a-z0-9-]{0,248}[a-z0-9])?$/;
const STIX_ID = /^[a-z0-9](?:[a-z0-9-]{0,248}[a-z0-9])?--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const SPEC_VERSION = /^\d+\.\d+$/;
const LIMIT = /^\d{1,15}$/;

type Applier = (filters: ParsedFilters, raw: string, pageSize: PageSize) => void;

const APPLY: Record<FilterParam, Applier> = {
  added_after: (f, raw) => {
    f.addedAfter = timestamp('added_after', raw);
  },
  limit: (f, raw, pageSize) => {
    const n = LIMIT.test(raw) ? Number(raw) : NaN;
    if (!(n > 0)) throw bad('limit', `The limit parameter must be a positive integer, got "${raw}".`);
    f.limit = Math.min(n, pageSize.max);
  },
  next: (f, raw) => {
    f.afterSeq = decodeCursor(raw);
  },
  'match[id]': (f, raw) => {
    f.ids = list('match[id]', raw, (v) => STIX_ID.test(v), 'a STIX identifier (type--UUID)');
  },
  'match[type]': (f, raw) => {
    f.types = list('match[type]', raw, (v) => STIX_TYPE.test(v), 'a STIX object type');
  },
  'match[version]': (f, raw) => {
    f.versions = list('match[version]', raw, (v) => v === 'first' || v === 'last' || v === 'all' || isStixTimestamp(v), '"first", "last", "all" or a timestamp').map(selector);
  },
  'match[spec_version]': (f, raw) => {
    f.specVersions = list('match[spec_version]', raw, (v) => SPEC_VERSION.test(v), 'a spec version such as 2.1');
  },
};

/** Reads the filters an endpoint honours from a parsed query string. */
export function parseFilters(query: unknown, allowed: readonly FilterParam[], pageSize: PageSize): ParsedFilters {
  const filters: ParsedFilters = { limit: pageSize.default };
  const source = (typeof query === 'object' && query !== null ? query : {}) as Record<string, unknown>;
  for (const name of allowed) {
    const value = source[name];
    if (value === undefined) continue;
    const raw = Array.isArray(value) ? value.map(String).join(',') : String(value);
    APPLY[name](filters, raw, pageSize);
  }
  return filters;
}

function list(name: FilterParam, raw: string, ok: (value: string) => boolean, expected: string): string[] {
  const values = raw.split(',').map((v) => v.trim());
  for (const v of values) {
    if (v === '' || !ok(v)) throw bad(name, `Each value of ${name} must be ${expected}; got "${v}".`);
  }
  return [...new Set(values)];
}

function selector(value: string): VersionSelector {
  if (value === 'first' || value === 'last' || value === 'all') return { kind: value };
  return { kind: 'at', timestamp: normalizeTimestamp(value) };
}

function timestamp(name: FilterParam, raw: string): string {
  if (!isStixTimestamp(raw)) throw bad(name, `${name} must be an RFC 3339 UTC timestamp such as 2024-01-31T12:00:00.000Z; got "${raw}".`);
  return normalizeTimestamp(raw);
}

function bad(parameter: FilterParam, message: string): SetuError {
  return new SetuError('SETU_ERR_TAXII_BAD_PARAMETER', message, { parameter });
}
