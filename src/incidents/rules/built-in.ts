// The reporting-clock rules Setu knows out of the box, one row per report, as data. Each row cites
// the clause it comes from and says where that was read (`source`): a clause the search tool could
// not show in a primary or reliable secondary text says so there instead of inventing a citation.
//
//   rule               authority  when                                   due                         status
//   IN-CERTIN-6H       CERT-In    victim IN, an Annexure I type           6 h after noticing          in force since 2022-06-28
//   IN-DPDP-INTIMATE   DPB        victim IN, personal data affected       "without delay" (soft: 72 h) from 2027-05-13
//   IN-DPDP-72H        DPB        victim IN, personal data affected       72 h after becoming aware   from 2027-05-13
//   JP-APPI-PRELIM     PPC        victim JP, personal data affected       "promptly" (soft: day 5)    in force since 2022-04-01
//   JP-APPI-FINAL-30   PPC        victim JP, personal data, not unlawful  end of day 30 (JST)         in force since 2022-04-01
//   JP-APPI-FINAL-60   PPC        victim JP, personal data, unlawful act  end of day 60 (JST)         in force since 2022-04-01
//   JP-ACD-OPERATOR    minister   victim JP, designated operator          not fixed yet               enacted 2025-05-16, not in force
import { CERT_IN_ANNEXURE_I } from '../vocab.js';
import type { ReportingRule } from './rule.js';

const CERT_IN_DIRECTIONS = 'CERT-In Directions No. 20(3)/2022-CERT-In of 28 April 2022 under s.70B(6) of the Information Technology Act, 2000';
const DPDP = 'Digital Personal Data Protection Act, 2023 s.8(6); Digital Personal Data Protection Rules, 2025 (notified 13 November 2025)';
const APPI = 'Act on the Protection of Personal Information (Act No. 57 of 2003) art.26(1); Enforcement Rules of the PPC (Rules No. 3 of 2016)';
const DPDP_SOURCE =
  'Rule 7 and its commencement (rules 3, 5-16, 22-23 eighteen months after notification) read in secondary sources found with the search tool (mondaq.com, ndtvprofit.com, creativecyber.in); the Gazette text itself was not found with the tool. The commencement day is computed as 13 November 2025 + 18 months.';
const APPI_SOURCE =
  'Enforcement Rules art.8(1)-(2) read in the Japanese text (iuris.jp, in force 2022-04-01) found with the search tool; art.7 categories via businesslawyers.jp.';

export const BUILT_IN_RULES: readonly ReportingRule[] = [
  {
    id: 'IN-CERTIN-6H',
    jurisdiction: 'IN',
    authority: 'CERT-In',
    recipient: 'Indian Computer Emergency Response Team (incident@cert-in.org.in)',
    report: 'incident report (the CERT-In incident reporting form)',
    law: CERT_IN_DIRECTIONS,
    clause: 'Direction (ii): report the incidents of Annexure I within 6 hours of noticing them or being brought to notice',
    source: 'Directions dated 28 April 2022 (scribd.com copy of the MeitY text) and secondary sources found with the search tool; in force 60 days after issue (28 June 2022 in most sources, 27 June in some).',
    status: 'in-force',
    inForceFrom: '2022-06-28',
    trigger: { victimCountries: ['IN'], incidentTypes: CERT_IN_ANNEXURE_I },
    deadline: { kind: 'hours', hours: 6 },
    soft: false,
    warnHours: 2,
    pauseBases: [],
  },
  {
    id: 'IN-DPDP-INTIMATE',
    jurisdiction: 'IN',
    authority: 'Data Protection Board of India',
    recipient: 'Data Protection Board of India and each affected Data Principal',
    report: 'intimation of the personal-data breach (description, nature, extent, timing, location, likely impact)',
    law: DPDP,
    clause: 'DPDP Rules 2025 rule 7(1) (Data Principals) and rule 7(2)(a) (Board): intimation "without delay"',
    source: `${DPDP_SOURCE} "Without delay" has no figure; Setu shows it as soft, due no later than the 72-hour detailed report it must precede.`,
    status: 'enacted-not-in-force',
    inForceFrom: '2027-05-13',
    trigger: { victimCountries: ['IN'], personalData: true },
    deadline: { kind: 'hours', hours: 72 },
    soft: true,
    warnHours: 71,
    pauseBases: [],
  },
  {
    id: 'IN-DPDP-72H',
    jurisdiction: 'IN',
    authority: 'Data Protection Board of India',
    recipient: 'Data Protection Board of India',
    report: 'detailed report (facts, circumstances, reasons, mitigation, findings on the person responsible, remedial measures, the intimations made)',
    law: DPDP,
    clause: 'DPDP Rules 2025 rule 7(2)(b): within 72 hours of becoming aware, or such longer period as the Board allows on a written request',
    source: DPDP_SOURCE,
    status: 'enacted-not-in-force',
    inForceFrom: '2027-05-13',
    trigger: { victimCountries: ['IN'], personalData: true },
    deadline: { kind: 'hours', hours: 72 },
    soft: false,
    warnHours: 12,
    // The Board may allow a longer period on written request: recorded as a pause for the time it grants.
    pauseBases: ['dpb-extension'],
  },
  {
    id: 'JP-APPI-PRELIM',
    jurisdiction: 'JP',
    authority: 'Personal Information Protection Commission',
    recipient: 'Personal Information Protection Commission (or the minister it delegated to)',
    report: 'preliminary report (速報) of the leakage',
    law: APPI,
    clause: 'Enforcement Rules art.8(1): report "promptly" (速やかに) after knowing of a situation of art.7; PPC Guidelines (General Rules) 3-5-3-3: about 3 to 5 days',
    source: `${APPI_SOURCE} The 3-5 day figure is the PPC guidance as quoted by businesslawyers.jp; Setu models it as a soft deadline at the end of day 5, day 1 being the day of knowing (JST).`,
    status: 'in-force',
    inForceFrom: '2022-04-01',
    trigger: { victimCountries: ['JP'], personalData: true },
    deadline: { kind: 'calendar-days', days: 5, zone: 'Asia/Tokyo' },
    soft: true,
    warnHours: 48,
    pauseBases: [],
  },
  {
    id: 'JP-APPI-FINAL-30',
    jurisdiction: 'JP',
    authority: 'Personal Information Protection Commission',
    recipient: 'Personal Information Protection Commission (or the minister it delegated to)',
    report: 'final report (確報)',
    law: APPI,
    clause: 'Enforcement Rules art.8(2): within 30 days from the day of knowing',
    source: `${APPI_SOURCE} Day counting (the day of knowing is day 1, weekends and holidays count) follows the PPC Guidelines (General Rules) 3-5-3-4 as Setu understands them; that passage was not found with the search tool.`,
    status: 'in-force',
    inForceFrom: '2022-04-01',
    trigger: { victimCountries: ['JP'], personalData: true, unlawfulAct: false },
    deadline: { kind: 'calendar-days', days: 30, zone: 'Asia/Tokyo' },
    soft: false,
    warnHours: 120,
    pauseBases: [],
  },
  {
    id: 'JP-APPI-FINAL-60',
    jurisdiction: 'JP',
    authority: 'Personal Information Protection Commission',
    recipient: 'Personal Information Protection Commission (or the minister it delegated to)',
    report: 'final report (確報)',
    law: APPI,
    clause: 'Enforcement Rules art.8(2): within 60 days where the situation is one of art.7(iii) (leakage by an act with an unlawful purpose, e.g. unauthorised access)',
    source: `${APPI_SOURCE} Day counting as for JP-APPI-FINAL-30.`,
    status: 'in-force',
    inForceFrom: '2022-04-01',
    trigger: { victimCountries: ['JP'], personalData: true, unlawfulAct: true },
    deadline: { kind: 'calendar-days', days: 60, zone: 'Asia/Tokyo' },
    soft: false,
    warnHours: 240,
    pauseBases: [],
  },
  {
    id: 'JP-ACD-OPERATOR',
    jurisdiction: 'JP',
    authority: 'competent minister (and the Cabinet Office)',
    recipient: 'the minister competent for the operator\'s business, and the Prime Minister',
    report: 'report of a specified unlawful act against an important electronic computer',
    law: 'Act on the Prevention of Damage Caused by Unlawful Acts against Important Electronic Computers (the "active cyber defence" act), enacted 16 May 2025',
    clause: 'incident reporting duty of designated critical-infrastructure operators; article number and deadline not verified',
    source: 'Enactment on 16 May 2025 and a phased entry into force by 2027 read in secondary sources found with the search tool (connectontech.bakermckenzie.com, ailaw.co.jp); the Act\'s text, the article and the reporting deadline (to be set by ordinance) were not found, so the rule has no deadline and never runs until a node configures one.',
    status: 'enacted-not-in-force',
    trigger: { victimCountries: ['JP'], designatedOperator: true },
    deadline: null,
    soft: false,
    warnHours: 0,
    pauseBases: [],
  },
];
