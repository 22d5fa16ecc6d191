// The scenario table: incident type x personal data x sector x victim country x time of awareness
// -> which reports are due, and when, in IST and JST. One row per scenario; `now` is one hour after
// awareness, so every applicable clock is running (or due-soon) and its due time is the law's.
// Expected due times were worked by hand from the rules (see docs/incidents.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUILT_IN_RULES, clocksFor, type IncidentType } from '../../src/incidents/index.js';
import { facts } from './facts.js';

interface Scenario {
  readonly name: string;
  readonly types: readonly IncidentType[];
  readonly personalData: boolean;
  readonly sector?: string;
  readonly country: string;
  readonly designated?: boolean;
  readonly unlawful?: boolean;
  readonly awareAt: string;
  /** rule id -> [due in IST, due in JST] */
  readonly due: Readonly<Record<string, readonly [string, string]>>;
}

const S: readonly Scenario[] = [
  // India, CERT-In only (no personal data)
  { name: 'IN ransomware, telecom, morning IST', types: ['malicious-code'], personalData: false, sector: 'in-telecom', country: 'IN', awareAt: '2027-06-01T09:00:00+05:30', due: { 'IN-CERTIN-6H': ['2027-06-01T15:00:00+05:30', '2027-06-01T18:30:00+09:00'] } },
  { name: 'IN DDoS, banking, late evening crosses midnight', types: ['denial-of-service'], personalData: false, sector: 'in-banking', country: 'IN', awareAt: '2027-06-01T21:15:00+05:30', due: { 'IN-CERTIN-6H': ['2027-06-02T03:15:00+05:30', '2027-06-02T06:45:00+09:00'] } },
  { name: 'IN defacement, government, awareness typed in JST', types: ['website-defacement'], personalData: false, sector: 'in-government', country: 'IN', awareAt: '2027-06-01T12:00:00+09:00', due: { 'IN-CERTIN-6H': ['2027-06-01T14:30:00+05:30', '2027-06-01T18:00:00+09:00'] } },
  { name: 'IN phishing, no sector given, typed in UTC', types: ['identity-theft-spoofing-phishing'], personalData: false, country: 'IN', awareAt: '2027-12-31T20:00:00Z', due: { 'IN-CERTIN-6H': ['2028-01-01T07:30:00+05:30', '2028-01-01T11:00:00+09:00'] } },
  { name: 'IN scanning of critical systems, power', types: ['targeted-scanning'], personalData: false, sector: 'in-power', country: 'IN', awareAt: '2027-02-28T23:00:00+05:30', due: { 'IN-CERTIN-6H': ['2027-03-01T05:00:00+05:30', '2027-03-01T08:30:00+09:00'] } },
  { name: 'IN cloud attack, IT', types: ['cloud-attack'], personalData: false, sector: 'in-it', country: 'IN', awareAt: '2027-08-15T00:00:00+05:30', due: { 'IN-CERTIN-6H': ['2027-08-15T06:00:00+05:30', '2027-08-15T09:30:00+09:00'] } },
  { name: 'IN SCADA attack, designated flag changes nothing in India', types: ['critical-infrastructure-attack'], personalData: false, sector: 'in-power', country: 'IN', designated: true, awareAt: '2027-06-01T10:00:00+05:30', due: { 'IN-CERTIN-6H': ['2027-06-01T16:00:00+05:30', '2027-06-01T19:30:00+09:00'] } },
  { name: 'IN digital payments, two types, one clock', types: ['digital-payment-attack', 'unauthorised-access'], personalData: false, sector: 'in-banking', country: 'IN', awareAt: '2027-06-01T10:00:00+05:30', due: { 'IN-CERTIN-6H': ['2027-06-01T16:00:00+05:30', '2027-06-01T19:30:00+09:00'] } },
  // India with personal data, DPDP rule 7 in force (from 2027-05-13)
  { name: 'IN data breach with personal data, after DPDP commencement', types: ['data-breach'], personalData: true, sector: 'in-health', country: 'IN', awareAt: '2027-06-01T10:00:00+05:30', due: { 'IN-CERTIN-6H': ['2027-06-01T16:00:00+05:30', '2027-06-01T19:30:00+09:00'], 'IN-DPDP-INTIMATE': ['2027-06-04T10:00:00+05:30', '2027-06-04T13:30:00+09:00'], 'IN-DPDP-72H': ['2027-06-04T10:00:00+05:30', '2027-06-04T13:30:00+09:00'] } },
  { name: 'IN personal-data breach only (not Annexure I): DPDP without CERT-In', types: ['personal-data-breach'], personalData: true, sector: 'in-retail', country: 'IN', awareAt: '2027-06-01T23:30:00+05:30', due: { 'IN-DPDP-INTIMATE': ['2027-06-04T23:30:00+05:30', '2027-06-05T03:00:00+09:00'], 'IN-DPDP-72H': ['2027-06-04T23:30:00+05:30', '2027-06-05T03:00:00+09:00'] } },
  { name: 'IN ransomware with personal data, first day of DPDP', types: ['malicious-code'], personalData: true, sector: 'in-telecom', country: 'IN', awareAt: '2027-05-13T00:00:00Z', due: { 'IN-CERTIN-6H': ['2027-05-13T11:30:00+05:30', '2027-05-13T15:00:00+09:00'], 'IN-DPDP-INTIMATE': ['2027-05-16T05:30:00+05:30', '2027-05-16T09:00:00+09:00'], 'IN-DPDP-72H': ['2027-05-16T05:30:00+05:30', '2027-05-16T09:00:00+09:00'] } },
  { name: 'IN data leak with personal data, before DPDP commencement: CERT-In only', types: ['data-leak'], personalData: true, sector: 'in-telecom', country: 'IN', awareAt: '2026-12-06T10:00:00+05:30', due: { 'IN-CERTIN-6H': ['2026-12-06T16:00:00+05:30', '2026-12-06T19:30:00+09:00'] } },
  { name: 'IN personal-data breach before DPDP commencement: nothing due', types: ['personal-data-breach'], personalData: true, country: 'IN', awareAt: '2027-05-12T23:59:00Z', due: {} },
  { name: 'IN unlawful act flag is irrelevant in India', types: ['unauthorised-access'], personalData: true, sector: 'in-banking', country: 'IN', unlawful: true, awareAt: '2027-07-01T18:00:00+05:30', due: { 'IN-CERTIN-6H': ['2027-07-02T00:00:00+05:30', '2027-07-02T03:30:00+09:00'], 'IN-DPDP-INTIMATE': ['2027-07-04T18:00:00+05:30', '2027-07-04T21:30:00+09:00'], 'IN-DPDP-72H': ['2027-07-04T18:00:00+05:30', '2027-07-04T21:30:00+09:00'] } },
  { name: 'IN the CERT-In Directions predate: an incident before 28 June 2022', types: ['malicious-code'], personalData: false, country: 'IN', awareAt: '2022-06-27T10:00:00+05:30', due: {} },
  // Japan, APPI (personal data), 30 days
  { name: 'JP leakage, not unlawful, morning JST', types: ['data-leak'], personalData: true, sector: 'jp-retail', country: 'JP', awareAt: '2027-04-01T10:00:00+09:00', due: { 'JP-APPI-PRELIM': ['2027-04-05T20:30:00+05:30', '2027-04-06T00:00:00+09:00'], 'JP-APPI-FINAL-30': ['2027-04-30T20:30:00+05:30', '2027-05-01T00:00:00+09:00'] } },
  { name: 'JP leakage, awareness at 23:59 JST still day 1', types: ['data-leak'], personalData: true, country: 'JP', awareAt: '2027-04-01T23:59:00+09:00', due: { 'JP-APPI-PRELIM': ['2027-04-05T20:30:00+05:30', '2027-04-06T00:00:00+09:00'], 'JP-APPI-FINAL-30': ['2027-04-30T20:30:00+05:30', '2027-05-01T00:00:00+09:00'] } },
  { name: 'JP leakage, awareness typed in IST at 21:00 is already the next day in Japan', types: ['data-leak'], personalData: true, country: 'JP', awareAt: '2027-04-01T21:00:00+05:30', due: { 'JP-APPI-PRELIM': ['2027-04-06T20:30:00+05:30', '2027-04-07T00:00:00+09:00'], 'JP-APPI-FINAL-30': ['2027-05-01T20:30:00+05:30', '2027-05-02T00:00:00+09:00'] } },
  { name: 'JP misdelivered e-mail (personal-data breach), February', types: ['personal-data-breach'], personalData: true, sector: 'jp-health', country: 'JP', awareAt: '2027-02-10T09:00:00+09:00', due: { 'JP-APPI-PRELIM': ['2027-02-14T20:30:00+05:30', '2027-02-15T00:00:00+09:00'], 'JP-APPI-FINAL-30': ['2027-03-11T20:30:00+05:30', '2027-03-12T00:00:00+09:00'] } },
  { name: 'JP leakage across the year end', types: ['data-breach'], personalData: true, country: 'JP', awareAt: '2027-12-20T15:00:00+09:00', due: { 'JP-APPI-PRELIM': ['2027-12-24T20:30:00+05:30', '2027-12-25T00:00:00+09:00'], 'JP-APPI-FINAL-30': ['2028-01-18T20:30:00+05:30', '2028-01-19T00:00:00+09:00'] } },
  // Japan, APPI, unlawful act: 60 days
  { name: 'JP ransomware with exfiltration, unlawful act', types: ['malicious-code'], personalData: true, sector: 'jp-manufacturing', country: 'JP', unlawful: true, awareAt: '2027-04-01T10:00:00+09:00', due: { 'JP-APPI-PRELIM': ['2027-04-05T20:30:00+05:30', '2027-04-06T00:00:00+09:00'], 'JP-APPI-FINAL-60': ['2027-05-30T20:30:00+05:30', '2027-05-31T00:00:00+09:00'] } },
  { name: 'JP unauthorised access, unlawful act, leap year', types: ['unauthorised-access'], personalData: true, country: 'JP', unlawful: true, awareAt: '2028-01-15T12:00:00+09:00', due: { 'JP-APPI-PRELIM': ['2028-01-19T20:30:00+05:30', '2028-01-20T00:00:00+09:00'], 'JP-APPI-FINAL-60': ['2028-03-14T20:30:00+05:30', '2028-03-15T00:00:00+09:00'] } },
  { name: 'JP phishing harvest, unlawful act, typed in UTC', types: ['identity-theft-spoofing-phishing'], personalData: true, country: 'JP', unlawful: true, awareAt: '2027-06-30T16:00:00Z', due: { 'JP-APPI-PRELIM': ['2027-07-05T20:30:00+05:30', '2027-07-06T00:00:00+09:00'], 'JP-APPI-FINAL-60': ['2027-08-29T20:30:00+05:30', '2027-08-30T00:00:00+09:00'] } },
  // Japan without personal data: nothing (the ACD act is not in force)
  { name: 'JP DDoS, no personal data', types: ['denial-of-service'], personalData: false, sector: 'jp-telecom', country: 'JP', awareAt: '2027-06-01T10:00:00+09:00', due: {} },
  { name: 'JP designated operator, no personal data: ACD act not in force', types: ['critical-infrastructure-attack'], personalData: false, sector: 'jp-power', country: 'JP', designated: true, awareAt: '2027-06-01T10:00:00+09:00', due: {} },
  { name: 'JP designated operator with personal data, unlawful: APPI only', types: ['critical-infrastructure-attack'], personalData: true, sector: 'jp-power', country: 'JP', designated: true, unlawful: true, awareAt: '2027-06-01T10:00:00+09:00', due: { 'JP-APPI-PRELIM': ['2027-06-05T20:30:00+05:30', '2027-06-06T00:00:00+09:00'], 'JP-APPI-FINAL-60': ['2027-07-30T20:30:00+05:30', '2027-07-31T00:00:00+09:00'] } },
  { name: 'JP leakage noticed before the 2022 APPI amendment: nothing', types: ['data-leak'], personalData: true, country: 'JP', awareAt: '2022-03-31T10:00:00+09:00', due: {} },
  // Other countries: no built-in rule
  { name: 'SG ransomware with personal data', types: ['malicious-code'], personalData: true, country: 'SG', awareAt: '2027-06-01T10:00:00+08:00', due: {} },
  { name: 'US phishing', types: ['identity-theft-spoofing-phishing'], personalData: false, country: 'US', awareAt: '2027-06-01T10:00:00-04:00', due: {} },
  { name: 'DE data breach', types: ['data-breach'], personalData: true, country: 'DE', unlawful: true, awareAt: '2027-06-01T10:00:00+02:00', due: {} },
  // Mixed, and edges of the type list
  { name: 'IN only a personal-data breach without personal data flagged: nothing', types: ['personal-data-breach'], personalData: false, country: 'IN', awareAt: '2027-06-01T10:00:00+05:30', due: {} },
  { name: 'IN AI/ML attack, IT sector', types: ['ai-ml-attack'], personalData: false, sector: 'in-it', country: 'IN', awareAt: '2027-06-01T18:29:00+05:30', due: { 'IN-CERTIN-6H': ['2027-06-02T00:29:00+05:30', '2027-06-02T03:59:00+09:00'] } },
  { name: 'JP IoT attack with personal data, typed in IST just before JST midnight', types: ['iot-attack'], personalData: true, country: 'JP', awareAt: '2027-06-01T20:29:59+05:30', due: { 'JP-APPI-PRELIM': ['2027-06-05T20:30:00+05:30', '2027-06-06T00:00:00+09:00'], 'JP-APPI-FINAL-30': ['2027-06-30T20:30:00+05:30', '2027-07-01T00:00:00+09:00'] } },
  { name: 'JP IoT attack with personal data, typed in IST just after JST midnight', types: ['iot-attack'], personalData: true, country: 'JP', awareAt: '2027-06-01T20:30:00+05:30', due: { 'JP-APPI-PRELIM': ['2027-06-06T20:30:00+05:30', '2027-06-07T00:00:00+09:00'], 'JP-APPI-FINAL-30': ['2027-07-01T20:30:00+05:30', '2027-07-02T00:00:00+09:00'] } },
];

test('the scenario table has at least 30 rows with distinct names', () => {
  assert.ok(S.length >= 30, `${S.length} scenarios`);
  assert.equal(new Set(S.map((s) => s.name)).size, S.length);
});

for (const s of S) {
  test(`scenario: ${s.name}`, () => {
    const f = facts({
      types: s.types,
      personalData: s.personalData,
      victimCountry: s.country,
      designatedOperator: s.designated ?? false,
      unlawfulAct: s.unlawful ?? false,
      awareAt: s.awareAt,
      ...(s.sector === undefined ? {} : { sector: s.sector }),
    });
    const now = Date.parse(s.awareAt) + 3_600_000;
    const clocks = clocksFor(f, BUILT_IN_RULES, now);
    const due = Object.fromEntries(clocks.filter((c) => c.state !== 'not-applicable').map((c) => [c.rule, [c.dueIst, c.dueJst]]));
    assert.deepEqual(due, s.due);
    for (const c of clocks) {
      if (c.state === 'not-applicable') assert.ok(c.reason.length > 0);
      else assert.ok(c.state === 'running' || c.state === 'due-soon', `${c.rule} is ${c.state}`);
    }
  });
}
