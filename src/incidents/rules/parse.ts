// Reporting rules a node adds or replaces in DIR/jurisdictions.json, under "reportingRules": a list
// of rules shaped like the built-ins (rule.ts). A rule with a built-in's id replaces it; a new id
// is added after them. Every field is checked, and an error names the file, the rule and the field,
// so a typo can never silently switch a legal clock off. Pure: the caller reads the file.
import { SetuError } from '../../errors/index.js';
import { parseDay } from '../calendar.js';
import { isIncidentType, type IncidentType } from '../vocab.js';
import { BUILT_IN_RULES } from './built-in.js';
import { RULE_STATES, ZONES, type Deadline, type ReportingRule, type RuleState, type RuleTrigger, type Zone } from './rule.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const RULE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const COUNTRY = /^[A-Z]{2}$/;
const FIELDS = ['id', 'jurisdiction', 'authority', 'recipient', 'report', 'law', 'clause', 'source', 'status', 'inForceFrom', 'trigger', 'deadline', 'soft', 'warnHours', 'pauseBases'];
const TRIGGER_FIELDS = ['victimCountries', 'incidentTypes', 'personalData', 'sectors', 'designatedOperator', 'unlawfulAct'];

/** The rules in force on a node: the built-ins, with `value.reportingRules` (from `source`) applied. */
export function parseReportingRules(value: unknown, source: string): ReportingRule[] {
  const fail = (rule: string, field: string, message: string) =>
    new SetuError('SETU_ERR_INCIDENTS_BAD_RULE', `${source}: reporting rule ${rule}: ${field}: ${message}`, { source, rule, field });
  if (!isObject(value)) throw fail('-', '(file)', 'expected a JSON object');
  const raw = value['reportingRules'];
  const rules = [...BUILT_IN_RULES];
  if (raw === undefined) return rules;
  if (!Array.isArray(raw)) throw fail('-', 'reportingRules', 'must be a list of rules');
  const seen = new Set<string>();
  raw.forEach((entry, index) => {
    const name = isObject(entry) && typeof entry['id'] === 'string' ? entry['id'] : `#${index}`;
    const f = (field: string, message: string) => fail(name, field, message);
    if (!isObject(entry)) throw f('(rule)', 'must be an object');
    const unknown = Object.keys(entry).filter((k) => !FIELDS.includes(k));
    if (unknown.length > 0) throw f(unknown[0] as string, `unknown field (known: ${FIELDS.join(', ')})`);
    const text = (field: string): string => {
      const v = entry[field];
      if (typeof v !== 'string' || v.trim() === '') throw f(field, 'must be a non-empty string');
      return v;
    };
    const id = text('id');
    if (!RULE_ID.test(id)) throw f('id', 'must be 1-64 letters, digits, _ or -');
    if (seen.has(id)) throw f('id', 'appears twice in the file');
    seen.add(id);
    const status = entry['status'];
    if (!(RULE_STATES as readonly unknown[]).includes(status)) throw f('status', `must be one of ${RULE_STATES.join(', ')}`);
    const inForceFrom = entry['inForceFrom'];
    if (inForceFrom !== undefined && (typeof inForceFrom !== 'string' || parseDay(inForceFrom) === null)) throw f('inForceFrom', 'must be a date YYYY-MM-DD');
    const deadline = parseDeadline(entry['deadline'], f);
    if (deadline === null && status === 'in-force') throw f('deadline', 'a rule in force needs a deadline');
    const soft = entry['soft'] ?? false;
    if (typeof soft !== 'boolean') throw f('soft', 'must be true or false');
    const warnHours = entry['warnHours'] ?? 0;
    if (typeof warnHours !== 'number' || !Number.isFinite(warnHours) || warnHours < 0) throw f('warnHours', 'must be a number of hours, 0 or more');
    const pauseBases = entry['pauseBases'] ?? [];
    if (!Array.isArray(pauseBases) || !pauseBases.every((b): b is string => typeof b === 'string' && b.trim() !== '')) throw f('pauseBases', 'must be a list of non-empty strings');
    const rule: ReportingRule = {
      id,
      jurisdiction: text('jurisdiction'),
      authority: text('authority'),
      recipient: text('recipient'),
      report: text('report'),
      law: text('law'),
      clause: text('clause'),
      source: text('source'),
      status: status as RuleState,
      ...(typeof inForceFrom === 'string' ? { inForceFrom } : {}),
      trigger: parseTrigger(entry['trigger'], f),
      deadline,
      soft,
      warnHours,
      pauseBases,
    };
    const at = rules.findIndex((r) => r.id === id);
    if (at >= 0) rules[at] = rule;
    else rules.push(rule);
  });
  return rules;
}

type Fail = (field: string, message: string) => SetuError;

function parseDeadline(value: unknown, f: Fail): Deadline | null {
  if (value === null) return null;
  if (!isObject(value)) throw f('deadline', 'must be {"kind":"hours","hours":N}, {"kind":"calendar-days","days":N,"zone":Z} or null');
  const count = (field: 'hours' | 'days'): number => {
    const n = value[field];
    if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0) throw f(`deadline.${field}`, 'must be a whole number above 0');
    return n;
  };
  if (value['kind'] === 'hours') return { kind: 'hours', hours: count('hours') };
  if (value['kind'] === 'calendar-days') {
    const zone = value['zone'];
    if (typeof zone !== 'string' || !Object.hasOwn(ZONES, zone)) throw f('deadline.zone', `must be one of ${Object.keys(ZONES).join(', ')}`);
    return { kind: 'calendar-days', days: count('days'), zone: zone as Zone };
  }
  throw f('deadline.kind', 'must be hours or calendar-days');
}

function parseTrigger(value: unknown, f: Fail): RuleTrigger {
  if (!isObject(value)) throw f('trigger', 'must be an object with at least victimCountries');
  const unknown = Object.keys(value).filter((k) => !TRIGGER_FIELDS.includes(k));
  if (unknown.length > 0) throw f(`trigger.${unknown[0] as string}`, `unknown field (known: ${TRIGGER_FIELDS.join(', ')})`);
  const countries = value['victimCountries'];
  if (!Array.isArray(countries) || countries.length === 0 || !countries.every((c): c is string => typeof c === 'string' && COUNTRY.test(c))) {
    throw f('trigger.victimCountries', 'must be a non-empty list of upper-case ISO 3166-1 alpha-2 codes');
  }
  const types = value['incidentTypes'];
  if (types !== undefined && (!Array.isArray(types) || types.length === 0)) throw f('trigger.incidentTypes', 'must be a non-empty list of incident types');
  (types ?? []).forEach((t: unknown, i: number) => {
    if (!isIncidentType(t)) throw f(`trigger.incidentTypes[${i}]`, `unknown incident type ${JSON.stringify(t)}`);
  });
  const sectors = value['sectors'];
  if (sectors !== undefined && (!Array.isArray(sectors) || !sectors.every((s): s is string => typeof s === 'string' && s !== ''))) throw f('trigger.sectors', 'must be a list of sector ids');
  const flag = (field: 'personalData' | 'designatedOperator' | 'unlawfulAct'): boolean | undefined => {
    const v = value[field];
    if (v !== undefined && typeof v !== 'boolean') throw f(`trigger.${field}`, 'must be true or false');
    return v;
  };
  const personalData = flag('personalData');
  const designatedOperator = flag('designatedOperator');
  const unlawfulAct = flag('unlawfulAct');
  return {
    victimCountries: countries,
    ...(types === undefined ? {} : { incidentTypes: types as IncidentType[] }),
    ...(personalData === undefined ? {} : { personalData }),
    ...(sectors === undefined ? {} : { sectors }),
    ...(designatedOperator === undefined ? {} : { designatedOperator }),
    ...(unlawfulAct === undefined ? {} : { unlawfulAct }),
  };
}
