// The reporting clocks of one incident: every path that shows a clock (CLI, API, the case view)
// asks this one pure function. Given the case facts, the rules and `now` (epoch ms, injected):
//   rule not triggered by the facts           -> not-applicable (reason: the first unmet condition)
//   not in force when the victim became aware -> not-applicable (reason: its status)
//   a report for the rule is attached         -> done (late or not: the reason says which)
//   an honoured pause is running at `now`     -> paused
//   now >= due                                -> overdue
//   now >= due - warnHours                    -> due-soon
//   otherwise                                 -> running
// due = the deadline counted from awareAt (calendar.ts), plus the length of every honoured pause
// that starts before the clock has run out. A pause is honoured only when the rule lists its basis
// in pauseBases (the law allows it); overlapping pauses count once; an open pause extends the due
// time up to `now`. So a pause never shortens a clock, and a done clock never turns overdue.
// Awareness recorded late (recordedAt after awareAt) does not move the start: the law counts
// from noticing, and the reason says how late the record was.
import { dueAfter, inZone, parseDay, parseInstant, utc, HOUR } from './calendar.js';
import { checkFacts, type ClockPause, type IncidentFacts } from './facts.js';
import type { ReportingRule } from './rules/rule.js';

export const CLOCK_STATES = ['running', 'due-soon', 'overdue', 'done', 'paused', 'not-applicable'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

export interface Clock {
  readonly rule: string;
  readonly authority: string;
  /** UTC; null when the rule does not apply. */
  readonly due: string | null;
  readonly state: ClockState;
  readonly clause: string;
  readonly recipient: string;
  readonly report: string;
  readonly soft: boolean;
  /** The due time as shown in India (+05:30) and Japan (+09:00). */
  readonly dueIst: string | null;
  readonly dueJst: string | null;
  readonly reason: string;
}

const at = (text: string): number => parseInstant(text) as number;

/** Why the rule does not bind these facts, or null when it does. */
function unmet(rule: ReportingRule, facts: IncidentFacts): string | null {
  const t = rule.trigger;
  if (!t.victimCountries.includes(facts.victimCountry)) return `the victim's country is ${facts.victimCountry}, the rule binds ${t.victimCountries.join(', ')}`;
  if (t.incidentTypes !== undefined && !facts.types.some((type) => t.incidentTypes?.includes(type))) return 'none of the incident types is one the rule lists';
  if (t.personalData !== undefined && t.personalData !== facts.personalData) return t.personalData ? 'no personal data is affected' : 'personal data is affected (another rule applies)';
  if (t.sectors !== undefined && (facts.sector === undefined || !t.sectors.includes(facts.sector))) return `the victim's sector (${facts.sector ?? 'none given'}) is not one of ${t.sectors.join(', ')}`;
  if (t.designatedOperator === true && !facts.designatedOperator) return 'the victim is not a designated operator';
  if (t.unlawfulAct !== undefined && t.unlawfulAct !== facts.unlawfulAct) return t.unlawfulAct ? 'no unlawful act is suspected' : 'an unlawful act is suspected (the 60-day rule applies)';
  return null;
}

/** Why the rule is not in force for awareness at `awareAt`, or null when it is. */
function notInForce(rule: ReportingRule, awareAt: number): string | null {
  if (rule.deadline === null) return `${rule.status}: the law fixes no deadline yet`;
  const from = rule.inForceFrom === undefined ? null : parseDay(rule.inForceFrom);
  if (rule.status === 'enacted-not-in-force' && from === null) return 'enacted, not in force (no date of entry into force known)';
  if (from !== null && awareAt < from) return `not in force for incidents noticed before ${rule.inForceFrom}`;
  return null;
}

/** Honoured pause intervals of one rule, merged and sorted, open ones closed at `now`. */
function pauseIntervals(pauses: readonly ClockPause[], now: number): Array<[number, number]> {
  const spans = pauses
    .map((p): [number, number] => {
      const from = at(p.from);
      return [from, p.until === undefined ? Math.max(now, from) : at(p.until)];
    })
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

function dueWithPauses(base: number, awareAt: number, intervals: Array<[number, number]>): number {
  let due = base;
  for (const [from, until] of intervals) {
    const start = Math.max(from, awareAt);
    if (start >= due) break;
    if (until > start) due += until - start;
  }
  return due;
}

const hours = (ms: number): string => `${Math.round((ms / HOUR) * 10) / 10} h`;

function clockOf(rule: ReportingRule, facts: IncidentFacts, now: number): Clock {
  // Keys in this order: `setu incident clocks --json` promises rule, authority, due, state first.
  const make = (due: number | null, state: ClockState, reason: string): Clock => ({
    rule: rule.id,
    authority: rule.authority,
    due: due === null ? null : utc(due),
    state,
    clause: rule.clause,
    recipient: rule.recipient,
    report: rule.report,
    soft: rule.soft,
    dueIst: due === null ? null : inZone(due, 'Asia/Kolkata'),
    dueJst: due === null ? null : inZone(due, 'Asia/Tokyo'),
    reason,
  });
  const none = (reason: string): Clock => make(null, 'not-applicable', reason);
  const awareAt = at(facts.awareAt);
  const why = unmet(rule, facts) ?? notInForce(rule, awareAt);
  if (why !== null || rule.deadline === null) return none(why ?? 'no deadline');

  const mine = facts.pauses.filter((p) => p.rule === rule.id);
  const honoured = mine.filter((p) => rule.pauseBases.includes(p.basis));
  const ignored = mine.filter((p) => !rule.pauseBases.includes(p.basis));
  const intervals = pauseIntervals(honoured, now);
  const due = dueWithPauses(dueAfter(awareAt, rule.deadline), awareAt, intervals);
  const notes: string[] = [];
  if (rule.soft) notes.push('soft deadline: the law says "promptly"/"without delay"; the due time is guidance');
  if (facts.recordedAt !== undefined && at(facts.recordedAt) > awareAt) notes.push(`awareness recorded ${hours(at(facts.recordedAt) - awareAt)} after it; the clock runs from awareness`);
  if (intervals.length > 0) notes.push(`paused on ${[...new Set(honoured.map((p) => p.basis))].join(', ')}`);
  if (ignored.length > 0) notes.push(`pause on ${[...new Set(ignored.map((p) => p.basis))].join(', ')} ignored: the rule allows ${rule.pauseBases.length === 0 ? 'no pause' : rule.pauseBases.join(', ')}`);
  const clock = (state: ClockState, reason: string): Clock => make(due, state, [reason, ...notes].join('; '));

  const sent = facts.reports.filter((r) => r.rule === rule.id).map((r) => at(r.sentAt));
  if (sent.length > 0) {
    const first = Math.min(...sent);
    return clock('done', first <= due ? `reported ${utc(first)}, in time` : `reported ${utc(first)}, ${hours(first - due)} late`);
  }
  const running = honoured.some((p) => at(p.from) <= now && (p.until === undefined || now < at(p.until)) && Math.max(at(p.from), awareAt) < due);
  if (running) {
    return clock('paused', 'the clock is stopped on a recorded legal basis');
  }
  if (now >= due) return clock('overdue', `due ${utc(due)}, ${hours(now - due)} ago`);
  if (now >= due - rule.warnHours * HOUR) return clock('due-soon', `due in ${hours(due - now)}`);
  return clock('running', `due in ${hours(due - now)}`);
}

/** Every rule's clock for the incident, in the rules' order. Throws SETU_ERR_INCIDENTS_BAD_FACTS for unusable facts. */
export function clocksFor(facts: IncidentFacts, rules: readonly ReportingRule[], now: number): Clock[] {
  checkFacts(facts);
  return rules.map((rule) => clockOf(rule, facts, now));
}
