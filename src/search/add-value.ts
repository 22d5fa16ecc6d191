// Turns one raw value of a property kind into a term (or a finding when it is not a value of that
// kind). Shared by the SCO walk and the pattern walk, so both index a value the same way.
import { canonicalHashAlgorithm, hashKind } from './kinds.js';
import type { ValueKind } from './kinds.js';
import { ipTerm } from './ip-text.js';
import type { PropertyKind } from './property-kinds.js';
import type { TermSink } from './term.js';
import { normaliseHashValue, VALUE_NORMALISERS } from './values.js';

/** Adds the term for `raw` of `kind`; a number is accepted only for asn. */
export function addValue(sink: TermSink, kind: Exclude<PropertyKind, 'hashes'>, raw: unknown, source: string): void {
  const text = typeof raw === 'string' ? raw : kind === 'asn' && typeof raw === 'number' && Number.isInteger(raw) ? String(raw) : undefined;
  if (text === undefined) {
    sink.skip(source, `not a ${kind === 'ip' ? 'IP address' : kind} value (${typeof raw})`);
    return;
  }
  if (kind === 'ip') {
    const term = ipTerm(text);
    if (term === undefined) sink.skip(source, `'${text}' is not an IP address or CIDR block`);
    else sink.add(term.kind, term.value, source);
    return;
  }
  const value = VALUE_NORMALISERS[kind as ValueKind](text);
  if (value === undefined) sink.skip(source, `'${text}' is not a valid ${kind} value`);
  else sink.add(kind, value, source);
}

/** Adds the term for one hash; custom algorithms (x_foo, names outside the known list) are skipped with a finding. */
export function addHash(sink: TermSink, algorithmKey: string, raw: unknown, source: string): void {
  const algorithm = canonicalHashAlgorithm(algorithmKey);
  if (algorithm === undefined) {
    sink.skip(source, `hash algorithm '${algorithmKey}' is not one the index knows`);
    return;
  }
  const value = typeof raw === 'string' ? normaliseHashValue(algorithm, raw) : undefined;
  if (value === undefined) sink.skip(source, `not a valid ${algorithm} value`);
  else sink.add(hashKind(algorithm), value, source);
}
