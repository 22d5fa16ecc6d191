// indexTermsOf: everything the search indexes take from one STIX 2.1 object. Pure: the object is
// read, never changed, and bad values come back as findings.
//   SCO (any type in SCO_VALUE_PROPERTIES): its value-bearing properties.
//   indicator with pattern_type 'stix': the literals of its pattern (pattern-terms.ts).
//   observed-data: the SCOs embedded in its deprecated `objects` dictionary.
//   sighting: no values of its own (its evidence is observed-data, reached by reference).
//   any object: CVE / CAPEC / ATT&CK ids in external_references, and the full-text fields.
import { addExternalIdTerms } from './external-ids.js';
import { addPatternTerms } from './pattern-terms.js';
import { addEmbeddedScoTerms, addScoTerms } from './sco-terms.js';
import { TermSink } from './term.js';
import type { ObjectIndexEntries } from './term.js';
import { textFieldsOf } from './text-fields.js';

export function indexTermsOf(object: unknown): ObjectIndexEntries {
  const sink = new TermSink();
  if (typeof object !== 'object' || object === null || Array.isArray(object)) {
    sink.skip('$', 'not a STIX object (a JSON object was expected)');
    return { terms: sink.terms, text: [], findings: sink.findings };
  }
  const record = object as Record<string, unknown>;
  const type = record['type'];
  addScoTerms(sink, record, '$');
  if (type === 'indicator' && typeof record['pattern'] === 'string') {
    const patternType = record['pattern_type'];
    if (patternType === undefined || patternType === 'stix') addPatternTerms(sink, record['pattern']);
  }
  if (type === 'observed-data') addEmbeddedScoTerms(sink, record['objects']);
  addExternalIdTerms(sink, record);
  return { terms: sink.terms, text: textFieldsOf(record), findings: sink.findings };
}
