// The facts of a case the reporting clocks are decided from, as plain data. Timestamps are RFC 3339
// strings with a zone (a time typed in IST or JST stays exact); checkFacts refuses what the clocks
// cannot use, naming the field.
import { SetuError } from '../errors/index.js';
import { parseInstant } from './calendar.js';
import { isIncidentType, type IncidentType } from './vocab.js';

/** A report that was sent, attached to its rule: what makes a clock done. */
export interface SentReport {
  readonly rule: string;
  readonly sentAt: string;
  /** What was sent: a reference (ticket number, file hash, the regulator's acknowledgement). */
  readonly evidence: string;
}

/** A recorded legal basis on which one rule's clock stopped running, from `from` until `until` (open while absent). */
export interface ClockPause {
  readonly rule: string;
  readonly basis: string;
  readonly from: string;
  readonly until?: string;
}

export interface IncidentFacts {
  readonly types: readonly IncidentType[];
  readonly personalData: boolean;
  readonly victimCountry: string;
  readonly sector?: string;
  readonly designatedOperator: boolean;
  /** The breach is suspected to come from an act with an unlawful purpose (APPI Enforcement Rules art.7(iii)). */
  readonly unlawfulAct: boolean;
  /** When the victim noticed, or was told of, the incident: every clock starts here. */
  readonly awareAt: string;
  /** When awareness was recorded in Setu, when later than awareAt (a late start). */
  readonly recordedAt?: string;
  readonly reports: readonly SentReport[];
  readonly pauses: readonly ClockPause[];
}

const bad = (field: string, message: string) => new SetuError('SETU_ERR_INCIDENTS_BAD_FACTS', `incident facts: ${field}: ${message}`, { field });

/** Throws SETU_ERR_INCIDENTS_BAD_FACTS for facts the clocks cannot be computed from. */
export function checkFacts(facts: IncidentFacts): void {
  const instant = (field: string, value: string | undefined) => {
    if (value !== undefined && parseInstant(value) === null) throw bad(field, `${JSON.stringify(value)} is not an RFC 3339 timestamp with a zone`);
  };
  instant('awareAt', facts.awareAt);
  instant('recordedAt', facts.recordedAt);
  if (!/^[A-Z]{2}$/.test(facts.victimCountry)) throw bad('victimCountry', `${JSON.stringify(facts.victimCountry)} is not an upper-case ISO 3166-1 alpha-2 code`);
  facts.types.forEach((t, i) => {
    if (!isIncidentType(t)) throw bad(`types[${i}]`, `unknown incident type ${JSON.stringify(t)}`);
  });
  facts.reports.forEach((r, i) => {
    instant(`reports[${i}].sentAt`, r.sentAt);
    if (r.evidence.trim() === '') throw bad(`reports[${i}].evidence`, 'a report is done by attaching what was sent; evidence is empty');
  });
  facts.pauses.forEach((p, i) => {
    instant(`pauses[${i}].from`, p.from);
    instant(`pauses[${i}].until`, p.until);
    if (p.basis.trim() === '') throw bad(`pauses[${i}].basis`, 'a pause needs its recorded legal basis');
    if (p.until !== undefined && (parseInstant(p.until) as number) < (parseInstant(p.from) as number)) throw bad(`pauses[${i}].until`, 'ends before it starts');
  });
}
