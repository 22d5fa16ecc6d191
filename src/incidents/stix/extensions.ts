// The two extensions a Setu case carries on a STIX 2.1 `incident` (a stub in STIX 2.1, section 4.6,
// "used as an extension point"):
// - the OASIS Incident Core Extension (property-extension, id below, as published by the OASIS CTI
//   incident mini group with the cti-stix-common-objects extension definitions): determination
//   (enum), investigation_status (open vocabulary), criticality 0-100, incident_types (open
//   vocabulary), and event_refs / impact_refs / task_refs to separate event, impact and task SDOs
//   (not built yet). Setu does not carry that definition: it is OASIS's, resolvable by its id.
// - the Setu case extension (defined here, carried and served by Setu): the legal facts the
//   reporting clocks need and the Incident Core Extension has no place for. Awareness is the
//   victim's legal knowledge ("noticed", "became aware", "knew"), not an event's start time, so it
//   does not belong in an event SDO; the victim's country, sector, designated-operator flag, the
//   reports sent with their evidence and the recorded pauses are Setu's own notions.
import { SETU_PROJECT_IDENTITY_ID } from '../../access/index.js';

export const INCIDENT_CORE_EXTENSION_ID = 'extension-definition--ef765651-680c-498d-9894-99799f2fa126';
export const SETU_CASE_EXTENSION_ID = 'extension-definition--5c2e8b7a-41d9-4f06-9a3e-d7b1c0e6f482';

/** Incident Core Extension, incident determination enumeration. */
export const DETERMINATIONS = ['blocked', 'confirmed', 'failed-attempt', 'false-positive', 'suspected'] as const;
export type Determination = (typeof DETERMINATIONS)[number];

/** Incident Core Extension, incident investigation open vocabulary (the values Setu writes). */
export const INVESTIGATION_STATUSES = ['new', 'open', 'closed'] as const;
export type InvestigationStatus = (typeof INVESTIGATION_STATUSES)[number];

export const SETU_CASE_EXTENSION: Readonly<Record<string, unknown>> = Object.freeze({
  type: 'extension-definition',
  spec_version: '2.1',
  id: SETU_CASE_EXTENSION_ID,
  created_by_ref: SETU_PROJECT_IDENTITY_ID,
  created: '2026-12-06T00:00:00.000Z',
  modified: '2026-12-06T00:00:00.000Z',
  name: 'Setu case',
  description:
    'The legal facts of an incident that decide which regulator reports are due and when: when the victim became aware, ' +
    'the victim\'s country and sector, whether personal data is affected, whether the victim is a designated operator, ' +
    'whether an unlawful act is suspected, the reports sent (with what was sent) and the recorded legal bases for pausing a clock.',
  schema:
    'A property extension on incident: "extension_type": "property-extension"; "aware_at" (timestamp, required); ' +
    '"recorded_at" (timestamp); "victim_country" (ISO 3166-1 alpha-2, upper case, required); "sector" (string); ' +
    '"personal_data", "designated_operator", "unlawful_act" (booleans, required); "reports_sent": list of ' +
    '{"rule", "sent_at" (timestamp), "evidence"}; "clock_pauses": list of {"rule", "basis", "from" (timestamp), "until" (timestamp)}.',
  version: '1.0.0',
  extension_types: Object.freeze(['property-extension']),
});
