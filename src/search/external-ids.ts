// Identifier terms from external_references (any object, typically vulnerability, attack-pattern,
// intrusion-set, malware, tool, course-of-action): CVE, CAPEC and MITRE ATT&CK ids, keyed by the
// source_name that STIX 2.1 and the ATT&CK data use. A vulnerability's name that is a CVE id is a
// CVE term too (many feeds carry the id only there).
import { childPath, indexPath } from '../stix/index.js';
import type { ValueKind } from './kinds.js';
import type { TermSink } from './term.js';
import { VALUE_NORMALISERS } from './values.js';

type IdKind = Extract<ValueKind, 'cve' | 'capec' | 'attack-id'>;

export const ID_SOURCES: Readonly<Record<string, IdKind>> = {
  cve: 'cve',
  capec: 'capec',
  'mitre-attack': 'attack-id',
  'mitre-ics-attack': 'attack-id',
  'mitre-mobile-attack': 'attack-id',
  'mitre-pre-attack': 'attack-id',
};

export function addExternalIdTerms(sink: TermSink, object: Record<string, unknown>): void {
  const refs = object['external_references'];
  if (Array.isArray(refs)) {
    refs.forEach((ref: unknown, i) => {
      if (typeof ref !== 'object' || ref === null) return;
      const { source_name: sourceName, external_id: externalId } = ref as Record<string, unknown>;
      if (typeof sourceName !== 'string' || typeof externalId !== 'string') return;
      const kind = Object.hasOwn(ID_SOURCES, sourceName) ? ID_SOURCES[sourceName] : undefined;
      if (kind === undefined) return;
      const source = childPath(indexPath('$.external_references', i), 'external_id');
      const value = VALUE_NORMALISERS[kind](externalId);
      if (value === undefined) sink.skip(source, `'${externalId}' is not a ${kind} id (source_name ${sourceName})`);
      else sink.add(kind, value, source);
    });
  }
  const name = object['name'];
  if (object['type'] === 'vulnerability' && typeof name === 'string') {
    const cve = VALUE_NORMALISERS.cve(name);
    if (cve !== undefined) sink.add('cve', cve, '$.name');
  }
}
