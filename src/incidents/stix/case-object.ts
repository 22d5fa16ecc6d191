// A case as a STIX 2.1 incident and back: buildIncident turns case facts into an incident carrying
// the Incident Core Extension and the Setu case extension (extensions.ts); readCase turns a stored
// incident back into the facts the clocks need, or says which path is wrong. Pure: the id and the
// time are passed in. Timestamps are written in UTC (STIX requires Z); a time given in IST or JST
// is the same instant.
import { SetuError } from '../../errors/index.js';
import { parseInstant, utc } from '../calendar.js';
import { checkFacts, type ClockPause, type IncidentFacts, type SentReport } from '../facts.js';
import { isIncidentType, type IncidentType } from '../vocab.js';
import { DETERMINATIONS, INCIDENT_CORE_EXTENSION_ID, INVESTIGATION_STATUSES, SETU_CASE_EXTENSION_ID, type Determination, type InvestigationStatus } from './extensions.js';

export interface CaseInput {
  /** incident--<UUID>, from the caller's id source. */
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  /** created and modified (a new case); a STIX timestamp or any RFC 3339 instant. */
  readonly at: string;
  readonly createdByRef?: string;
  readonly markingRefs?: readonly string[];
  readonly determination: Determination;
  readonly investigationStatus: InvestigationStatus;
  /** 0-100 (Incident Core Extension). */
  readonly criticality?: number;
  readonly facts: IncidentFacts;
}

export interface CaseRecord {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly determination: Determination;
  readonly investigationStatus: string;
  readonly criticality?: number;
  readonly facts: IncidentFacts;
}

const stamp = (text: string): string => utc(parseInstant(text) as number);
const badFacts = (field: string, message: string) => new SetuError('SETU_ERR_INCIDENTS_BAD_FACTS', `case: ${field}: ${message}`, { field });

/** The STIX incident of a case. Throws SETU_ERR_INCIDENTS_BAD_FACTS for facts the clocks could not use. */
export function buildIncident(input: CaseInput): Record<string, unknown> {
  checkFacts(input.facts);
  if (parseInstant(input.at) === null) throw badFacts('at', `${JSON.stringify(input.at)} is not an RFC 3339 timestamp with a zone`);
  if (input.criticality !== undefined && !(Number.isInteger(input.criticality) && input.criticality >= 0 && input.criticality <= 100)) {
    throw badFacts('criticality', 'must be a whole number from 0 to 100');
  }
  const f = input.facts;
  const at = stamp(input.at);
  return {
    type: 'incident',
    spec_version: '2.1',
    id: input.id,
    created: at,
    modified: at,
    ...(input.createdByRef === undefined ? {} : { created_by_ref: input.createdByRef }),
    name: input.name,
    ...(input.description === undefined ? {} : { description: input.description }),
    ...(input.markingRefs === undefined || input.markingRefs.length === 0 ? {} : { object_marking_refs: [...input.markingRefs] }),
    extensions: {
      [INCIDENT_CORE_EXTENSION_ID]: {
        extension_type: 'property-extension',
        determination: input.determination,
        investigation_status: input.investigationStatus,
        ...(input.criticality === undefined ? {} : { criticality: input.criticality }),
        ...(f.types.length === 0 ? {} : { incident_types: [...f.types] }),
      },
      [SETU_CASE_EXTENSION_ID]: {
        extension_type: 'property-extension',
        aware_at: stamp(f.awareAt),
        ...(f.recordedAt === undefined ? {} : { recorded_at: stamp(f.recordedAt) }),
        victim_country: f.victimCountry,
        ...(f.sector === undefined ? {} : { sector: f.sector }),
        personal_data: f.personalData,
        designated_operator: f.designatedOperator,
        unlawful_act: f.unlawfulAct,
        ...(f.reports.length === 0 ? {} : { reports_sent: f.reports.map((r) => ({ rule: r.rule, sent_at: stamp(r.sentAt), evidence: r.evidence })) }),
        ...(f.pauses.length === 0
          ? {}
          : { clock_pauses: f.pauses.map((p) => ({ rule: p.rule, basis: p.basis, from: stamp(p.from), ...(p.until === undefined ? {} : { until: stamp(p.until) }) })) }),
      },
    },
  };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The case an incident carries. Throws SETU_ERR_INCIDENTS_NOT_AN_INCIDENT naming the path that is wrong. */
export function readCase(object: unknown): CaseRecord {
  const wrong = (path: string, reason: string) => new SetuError('SETU_ERR_INCIDENTS_NOT_AN_INCIDENT', `${path}: ${reason}`, { path });
  if (!isObj(object) || object['type'] !== 'incident') throw wrong('type', 'not a STIX incident');
  const id = object['id'];
  const name = object['name'];
  if (typeof id !== 'string' || typeof name !== 'string') throw wrong('id', 'an incident needs an id and a name');
  const exts = object['extensions'];
  const core = isObj(exts) ? exts[INCIDENT_CORE_EXTENSION_ID] : undefined;
  const mine = isObj(exts) ? exts[SETU_CASE_EXTENSION_ID] : undefined;
  const corePath = `extensions.${INCIDENT_CORE_EXTENSION_ID}`;
  const casePath = `extensions.${SETU_CASE_EXTENSION_ID}`;
  if (!isObj(core)) throw wrong(corePath, 'the Incident Core Extension is missing');
  if (!isObj(mine)) throw wrong(casePath, 'the Setu case extension is missing');
  const determination = core['determination'];
  if (!(DETERMINATIONS as readonly unknown[]).includes(determination)) throw wrong(`${corePath}.determination`, `must be one of ${DETERMINATIONS.join(', ')}`);
  const status = core['investigation_status'];
  if (typeof status !== 'string' || status === '') throw wrong(`${corePath}.investigation_status`, 'must be a non-empty string');
  const criticality = core['criticality'];
  if (criticality !== undefined && typeof criticality !== 'number') throw wrong(`${corePath}.criticality`, 'must be a number');
  const types = core['incident_types'] ?? [];
  if (!Array.isArray(types)) throw wrong(`${corePath}.incident_types`, 'must be a list');
  // Other tools may use Incident Core's own event types: those are kept out of the clock facts.
  const known = types.filter((t): t is IncidentType => isIncidentType(t));

  const text = (key: string, required: boolean): string | undefined => {
    const v = mine[key];
    if (v === undefined && !required) return undefined;
    if (typeof v !== 'string') throw wrong(`${casePath}.${key}`, 'must be a string');
    return v;
  };
  const flag = (key: string): boolean => {
    const v = mine[key];
    if (typeof v !== 'boolean') throw wrong(`${casePath}.${key}`, 'must be true or false');
    return v;
  };
  const list = (key: string): Obj[] => {
    const v = mine[key] ?? [];
    if (!Array.isArray(v) || !v.every(isObj)) throw wrong(`${casePath}.${key}`, 'must be a list of objects');
    return v;
  };
  const field = (o: Obj, key: string, path: string): string => {
    const v = o[key];
    if (typeof v !== 'string') throw wrong(`${path}.${key}`, 'must be a string');
    return v;
  };
  const reports: SentReport[] = list('reports_sent').map((r, i) => {
    const p = `${casePath}.reports_sent[${i}]`;
    return { rule: field(r, 'rule', p), sentAt: field(r, 'sent_at', p), evidence: field(r, 'evidence', p) };
  });
  const pauses: ClockPause[] = list('clock_pauses').map((r, i) => {
    const p = `${casePath}.clock_pauses[${i}]`;
    return { rule: field(r, 'rule', p), basis: field(r, 'basis', p), from: field(r, 'from', p), ...(r['until'] === undefined ? {} : { until: field(r, 'until', p) }) };
  });
  const recordedAt = text('recorded_at', false);
  const sector = text('sector', false);
  const facts: IncidentFacts = {
    types: known,
    personalData: flag('personal_data'),
    victimCountry: text('victim_country', true) as string,
    ...(sector === undefined ? {} : { sector }),
    designatedOperator: flag('designated_operator'),
    unlawfulAct: flag('unlawful_act'),
    awareAt: text('aware_at', true) as string,
    ...(recordedAt === undefined ? {} : { recordedAt }),
    reports,
    pauses,
  };
  try {
    checkFacts(facts);
  } catch (error) {
    throw wrong(casePath, (error as Error).message);
  }
  const description = object['description'];
  return {
    id,
    name,
    ...(typeof description === 'string' ? { description } : {}),
    determination: determination as Determination,
    investigationStatus: status,
    ...(typeof criticality === 'number' ? { criticality } : {}),
    facts,
  };
}
