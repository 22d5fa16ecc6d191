// What a legal reporting rule is, as data: who it comes from (authority, law, clause, status),
// when it applies (trigger), by when the report is due (deadline) and to whom (recipient). The
// built-in rules are in built-in.ts; a node adds more in DIR/jurisdictions.json (parse.ts).
import type { IncidentType } from '../vocab.js';

export const RULE_STATES = [
  /** The duty applies to incidents noticed on or after `inForceFrom` (always, when absent). */
  'in-force',
  /** Made law, but the duty starts later: on `inForceFrom` when known, not at all while unknown. */
  'enacted-not-in-force',
] as const;
export type RuleState = (typeof RULE_STATES)[number];

/** Time zones the calendar-day deadlines are counted in (the authority's). Fixed offsets: neither observes daylight saving. */
export const ZONES = { 'Asia/Kolkata': 330, 'Asia/Tokyo': 540, UTC: 0 } as const;
export type Zone = keyof typeof ZONES;

export const DEADLINE_KINDS = ['hours', 'calendar-days'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export type Deadline =
  /** Elapsed time from awareness: `hours` of 60 minutes, whatever the calendar. */
  | { readonly kind: 'hours'; readonly hours: number }
  /**
   * "Within N days from the day of knowing", counted in `zone`: the day of awareness is day 1 and
   * the report is due at the end of day N (00:00 of day N+1 in that zone). See calendar.ts.
   */
  | { readonly kind: 'calendar-days'; readonly days: number; readonly zone: Zone };

export interface RuleTrigger {
  /** The victim's country (ISO 3166-1 alpha-2) must be one of these. */
  readonly victimCountries: readonly string[];
  /** At least one of the incident's types must be one of these (absent: any type). */
  readonly incidentTypes?: readonly IncidentType[];
  /** When set, personal data must (true) or must not (false) be affected. */
  readonly personalData?: boolean;
  /** The victim's sector must be one of these (absent: any sector). */
  readonly sectors?: readonly string[];
  /** When true, only a designated operator (e.g. of critical infrastructure) is bound. */
  readonly designatedOperator?: boolean;
  /** When set, the breach must (true) or must not (false) be suspected to come from an unlawful act. */
  readonly unlawfulAct?: boolean;
}

export interface ReportingRule {
  /** Stable id, e.g. IN-CERTIN-6H. */
  readonly id: string;
  readonly jurisdiction: string;
  /** Who enforces it, e.g. CERT-In, PPC. */
  readonly authority: string;
  /** Who receives the report. */
  readonly recipient: string;
  /** What is reported (a preliminary, a final, a detailed report). */
  readonly report: string;
  /** The instrument, e.g. "CERT-In Directions No. 20(3)/2022-CERT-In of 28 April 2022 (IT Act s.70B(6))". */
  readonly law: string;
  /** The clause the duty and the deadline come from. */
  readonly clause: string;
  /** Where the text was read, and what could not be verified. */
  readonly source: string;
  readonly status: RuleState;
  /** ISO date (YYYY-MM-DD) the duty starts; incidents noticed before it are not bound. */
  readonly inForceFrom?: string;
  readonly trigger: RuleTrigger;
  /** Null while the law has not fixed one (only for a rule that is not in force). */
  readonly deadline: Deadline | null;
  /** A soft deadline is the guidance's figure for a duty the law words as "promptly" or "without delay". */
  readonly soft: boolean;
  /** The clock shows due-soon this many hours before the due time. */
  readonly warnHours: number;
  /**
   * The recorded legal bases on which this clock may stop running (a pause); none in the law means
   * an empty list, and a pause recorded on any other basis is ignored with a reason.
   */
  readonly pauseBases: readonly string[];
}
