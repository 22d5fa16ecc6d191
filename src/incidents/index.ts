// Public face of incidents/: the legal reporting rules as data (built-ins, and DIR/jurisdictions.json
// through parseReportingRules), the pure clock engine clocksFor, and the incident vocabulary. No I/O,
// no clock: callers pass `now`.
export { INCIDENTS_ERRORS, type IncidentsErrorCode } from './errors.js';
export { INCIDENT_TYPES, INCIDENT_TYPE_LABELS, CERT_IN_ANNEXURE_I, isIncidentType, type IncidentType } from './vocab.js';
export { BUILT_IN_RULES } from './rules/built-in.js';
export { parseReportingRules } from './rules/parse.js';
export { RULE_STATES, ZONES, DEADLINE_KINDS, type ReportingRule, type RuleTrigger, type RuleState, type Deadline, type DeadlineKind, type Zone } from './rules/rule.js';
export { clocksFor, CLOCK_STATES, type Clock, type ClockState } from './clocks.js';
export { checkFacts, type IncidentFacts, type SentReport, type ClockPause } from './facts.js';
export { dueAfter, inZone } from './calendar.js';
export { INCIDENT_CORE_EXTENSION_ID, SETU_CASE_EXTENSION_ID, SETU_CASE_EXTENSION, DETERMINATIONS, INVESTIGATION_STATUSES, type Determination, type InvestigationStatus } from './stix/extensions.js';
export { buildIncident, readCase, type CaseInput, type CaseRecord } from './stix/case-object.js';
export { amendCase, type CaseChange } from './stix/amend.js';
