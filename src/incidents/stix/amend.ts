// A new version of a case: the same incident with a report attached (what was sent), a pause
// recorded on a legal basis, or a new determination or investigation status, and `modified` set to
// the time of the change. Pure: the caller stores the result through ingest as any new version.
// The amended object is read back with readCase, so the result is always a valid case.
import { SetuError } from '../../errors/index.js';
import { parseInstant, utc } from '../calendar.js';
import type { ClockPause, SentReport } from '../facts.js';
import { buildIncident, readCase } from './case-object.js';
import { INCIDENT_CORE_EXTENSION_ID, SETU_CASE_EXTENSION_ID, type Determination, type InvestigationStatus } from './extensions.js';

export interface CaseChange {
  readonly report?: SentReport;
  readonly pause?: ClockPause;
  readonly determination?: Determination;
  readonly investigationStatus?: InvestigationStatus;
}

/** The next version of `incident` with `change` applied at `at`. Throws SETU_ERR_INCIDENTS_BAD_FACTS when `at` is not after the current version. */
export function amendCase(incident: Readonly<Record<string, unknown>>, change: CaseChange, at: string): Record<string, unknown> {
  const record = readCase(incident);
  const when = parseInstant(at);
  const previous = typeof incident['modified'] === 'string' ? parseInstant(incident['modified']) : null;
  if (when === null) throw new SetuError('SETU_ERR_INCIDENTS_BAD_FACTS', `case: at: ${JSON.stringify(at)} is not an RFC 3339 timestamp with a zone`, { field: 'at' });
  if (previous !== null && when <= previous) {
    throw new SetuError('SETU_ERR_INCIDENTS_BAD_FACTS', `case: at: a new version must be later than the current one (${incident['modified'] as string})`, { field: 'at' });
  }
  const f = record.facts;
  const rebuilt = buildIncident({
    id: record.id,
    name: record.name,
    ...(record.description === undefined ? {} : { description: record.description }),
    at,
    determination: change.determination ?? record.determination,
    investigationStatus: change.investigationStatus ?? (record.investigationStatus as InvestigationStatus),
    ...(record.criticality === undefined ? {} : { criticality: record.criticality }),
    facts: {
      ...f,
      reports: change.report === undefined ? f.reports : [...f.reports, change.report],
      pauses: change.pause === undefined ? f.pauses : [...f.pauses, change.pause],
    },
  });
  // Everything else the incident carries (author, markings, other extensions, other tools' types) stays as it was.
  const rebuiltExtensions = rebuilt['extensions'] as Record<string, Record<string, unknown>>;
  const extensions = { ...(incident['extensions'] as Record<string, unknown>) };
  const core = extensions[INCIDENT_CORE_EXTENSION_ID] as Record<string, unknown>;
  const rebuiltCore = rebuiltExtensions[INCIDENT_CORE_EXTENSION_ID] as Record<string, unknown>;
  // Only the determination and status change in Incident Core (its incident_types may hold other tools' values).
  extensions[INCIDENT_CORE_EXTENSION_ID] = { ...core, determination: rebuiltCore['determination'], investigation_status: rebuiltCore['investigation_status'] };
  extensions[SETU_CASE_EXTENSION_ID] = { ...(extensions[SETU_CASE_EXTENSION_ID] as Record<string, unknown>), ...rebuiltExtensions[SETU_CASE_EXTENSION_ID] };
  return { ...incident, modified: utc(when), extensions };
}
