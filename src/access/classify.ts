// Write-time classification: the visibility columns of one object version, computed once when it
// is stored and then applied by the store as a predicate on every read. Pure.
//   tlp          the strictest TLP marking in object_marking_refs (TLP 1.0 mapped, WHITE -> CLEAR);
//                the collection's default when it has none; marking definitions are always CLEAR
//   ownerOrg     the organisation of the submitting principal (null: the node itself)
//   recipients   for TLP:RED, the identities named by the Setu recipients extension, else the
//                owner's identity alone
//   hasGranular  a granular marking stricter than the object's own level exists (fields may hide)

import type { TlpLevel } from '../stix/index.js';
import { readRecipients } from './extension.js';
import { orgIdentityId } from './identities.js';
import { TLP_RANK, tlpOfMarkings } from './tlp.js';

export interface Classification {
  readonly tlp: TlpLevel;
  readonly ownerOrg: string | null;
  /** Identity ids that may read a TLP:RED object (empty for other levels). */
  readonly recipients: readonly string[];
  readonly hasGranular: boolean;
}

export interface ClassifyContext {
  /** The default TLP of the collection the object is written to. */
  readonly defaultTlp: TlpLevel;
  readonly ownerOrg: string | null;
}

export type ClassifyResult =
  | { readonly ok: true; readonly classification: Classification }
  | { readonly ok: false; readonly path: string; readonly reason: string };

/** The TLP levels of an object's granular markings that reference a TLP marking. */
export function granularLevels(object: Readonly<Record<string, unknown>>): { readonly level: TlpLevel; readonly selectors: readonly string[] }[] {
  const list = object['granular_markings'];
  if (!Array.isArray(list)) return [];
  const out: { level: TlpLevel; selectors: string[] }[] = [];
  for (const entry of list) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { marking_ref: ref, selectors } = entry as Record<string, unknown>;
    const level = typeof ref === 'string' ? tlpOfMarkings([ref]) : null;
    if (level === null || !Array.isArray(selectors)) continue;
    out.push({ level, selectors: selectors.filter((s): s is string => typeof s === 'string') });
  }
  return out;
}

/** The object's own TLP level: strictest object marking, else the collection default. */
export function objectTlp(object: Readonly<Record<string, unknown>>, defaultTlp: TlpLevel): TlpLevel {
  if (object['type'] === 'marking-definition') return 'clear';
  const refs = object['object_marking_refs'];
  return (Array.isArray(refs) ? tlpOfMarkings(refs) : null) ?? defaultTlp;
}

/** The identities that may read what is marked RED on this object (named ones, else the owner's). */
export function redReaders(named: readonly string[] | null, ownerOrg: string | null): readonly string[] {
  if (named !== null) return named;
  return ownerOrg === null ? [] : [orgIdentityId(ownerOrg)];
}

export function classify(object: Readonly<Record<string, unknown>>, context: ClassifyContext): ClassifyResult {
  const named = readRecipients(object);
  if (!named.ok) return { ok: false, path: named.path, reason: named.reason };
  const tlp = objectTlp(object, context.defaultTlp);
  const isMarking = object['type'] === 'marking-definition';
  const hasGranular = !isMarking && granularLevels(object).some((g) => TLP_RANK[g.level] > TLP_RANK[tlp]);
  const needsReaders = tlp === 'red' || (hasGranular && granularLevels(object).some((g) => g.level === 'red'));
  return {
    ok: true,
    classification: {
      tlp,
      ownerOrg: context.ownerOrg,
      recipients: needsReaders ? redReaders(named.recipients, context.ownerOrg) : [],
      hasGranular,
    },
  };
}
