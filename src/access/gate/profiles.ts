// Jurisdiction profiles as data: for each kind of personal data, what the gate does with it before
// an object leaves the node. Two built-ins (IN: Digital Personal Data Protection Act 2023; JP: Act
// on the Protection of Personal Information, with the My Number Act) and a conservative DEFAULT;
// a node adds or overrides profiles in DIR/jurisdictions.json (parsed by parseProfiles, read by
// node/jurisdiction.ts). Pure: no file access here.
import { SetuError } from '../../errors/index.js';
import { PII_KINDS, type PiiKind } from '../pii/index.js';

export const GATE_ACTIONS = [
  /** Send unchanged. */
  'allow',
  /** Replace the matched span by [REDACTED:kind] (for a whole SCO: withhold it, see outbound.ts). */
  'redact',
  /** Keep the object back in the review queue until a person approves or rejects it. */
  'hold',
  /** Never send the object. */
  'withhold',
] as const;
export type GateAction = (typeof GATE_ACTIONS)[number];

export interface JurisdictionProfile {
  readonly id: string;
  readonly name: string;
  /** The law the profile implements, for display and audit. */
  readonly law: string;
  readonly actions: Readonly<Record<PiiKind, GateAction>>;
  /** Readers counted as outside the node's jurisdiction besides those of another country (see jurisdiction.ts). */
  readonly outside?: OutsideList;
}

export interface OutsideList {
  /** ISO 3166-1 alpha-2 codes, upper case: organisations of these countries are outside, the node's own country too. */
  readonly countries: readonly string[];
  /** Organisation ids outside whatever their country (e.g. a foreign company's local office). */
  readonly organisations: readonly string[];
}

const DEFAULT_PROFILE: JurisdictionProfile = {
  id: 'DEFAULT',
  name: 'No jurisdiction configured',
  law: 'none configured: everything personal is held for review',
  actions: {
    email: 'hold',
    phone: 'hold',
    aadhaar: 'hold',
    pan: 'hold',
    'my-number': 'hold',
    'individual-name': 'hold',
    'user-account': 'hold',
    'email-addr': 'hold',
  },
};

export const BUILT_IN_PROFILES: Readonly<Record<string, JurisdictionProfile>> = {
  IN: {
    id: 'IN',
    name: 'India',
    law: 'Digital Personal Data Protection Act, 2023; Aadhaar Act, 2016',
    actions: {
      email: 'redact',
      phone: 'redact',
      aadhaar: 'hold',
      pan: 'redact',
      'my-number': 'hold',
      'individual-name': 'redact',
      'user-account': 'hold',
      'email-addr': 'hold',
    },
  },
  JP: {
    id: 'JP',
    name: 'Japan',
    law: 'Act on the Protection of Personal Information (APPI); My Number Act',
    actions: {
      email: 'redact',
      phone: 'redact',
      aadhaar: 'hold',
      pan: 'redact',
      // The My Number Act limits provision of specific personal information to listed purposes.
      'my-number': 'withhold',
      'individual-name': 'redact',
      'user-account': 'hold',
      'email-addr': 'hold',
    },
  },
  DEFAULT: DEFAULT_PROFILE,
};

const badProfile = (message: string, details: Record<string, unknown>) => new SetuError('SETU_ERR_GATE_BAD_PROFILE', message, details);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const PROFILE_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** The configuration file: profiles keyed by id, each optionally `extends` another (built-in or earlier in the file). */
export interface ProfileConfig {
  readonly profiles: Readonly<Record<string, JurisdictionProfile>>;
  /** The profile this node applies, when the file names one (else the node's country). */
  readonly use?: string;
}

/**
 * Parses `{ "use"?: "SG", "profiles": { "SG": { "name", "law", "extends"?: "IN", "actions": {kind: action} } } }`.
 * Every kind must end up with an action: a profile without `extends` lists all of them. Unknown
 * kinds and actions are refused, so a typo can never silently allow personal data out.
 */
export function parseProfiles(value: unknown, source: string): ProfileConfig {
  if (!isObject(value)) throw badProfile(`${source}: expected a JSON object`, { source });
  const known: Record<string, JurisdictionProfile> = { ...BUILT_IN_PROFILES };
  const raw = value['profiles'] ?? {};
  if (!isObject(raw)) throw badProfile(`${source}: "profiles" must be an object keyed by profile id`, { source });
  for (const [id, entry] of Object.entries(raw)) {
    if (!PROFILE_ID.test(id)) throw badProfile(`${source}: profile id ${JSON.stringify(id)} must be 1-32 letters, digits, _ or -`, { source, id });
    if (!isObject(entry)) throw badProfile(`${source}: profile ${id} must be an object`, { source, id });
    const baseId = entry['extends'];
    if (baseId !== undefined && (typeof baseId !== 'string' || known[baseId] === undefined)) {
      throw badProfile(`${source}: profile ${id} extends unknown profile ${JSON.stringify(baseId)}`, { source, id });
    }
    const base = typeof baseId === 'string' ? known[baseId] : undefined;
    const actions = entry['actions'] ?? {};
    if (!isObject(actions)) throw badProfile(`${source}: profile ${id}: "actions" must be an object`, { source, id });
    const merged: Partial<Record<PiiKind, GateAction>> = { ...base?.actions };
    for (const [kind, action] of Object.entries(actions)) {
      if (!(PII_KINDS as readonly string[]).includes(kind)) throw badProfile(`${source}: profile ${id}: unknown kind ${kind} (known: ${PII_KINDS.join(', ')})`, { source, id, kind });
      if (!(GATE_ACTIONS as readonly unknown[]).includes(action)) throw badProfile(`${source}: profile ${id}: ${kind} has unknown action ${JSON.stringify(action)} (known: ${GATE_ACTIONS.join(', ')})`, { source, id, kind });
      merged[kind as PiiKind] = action as GateAction;
    }
    const missing = PII_KINDS.filter((k) => merged[k] === undefined);
    if (missing.length > 0) throw badProfile(`${source}: profile ${id} says nothing about ${missing.join(', ')} (list them or use "extends")`, { source, id, missing });
    const text = (field: string, fallback: string | undefined) => {
      const v = entry[field] ?? fallback;
      if (typeof v !== 'string' || v === '') throw badProfile(`${source}: profile ${id}: "${field}" must be a non-empty string`, { source, id, field });
      return v;
    };
    const outside = parseOutside(entry['outside'], base?.outside, `${source}: profile ${id}`, { source, id });
    known[id] = { id, name: text('name', base?.name), law: text('law', base?.law), actions: merged as Record<PiiKind, GateAction>, ...(outside === undefined ? {} : { outside }) };
  }
  const use = value['use'];
  if (use !== undefined && (typeof use !== 'string' || known[use] === undefined)) {
    throw new SetuError('SETU_ERR_GATE_UNKNOWN_PROFILE', `${source}: "use" names unknown profile ${JSON.stringify(use)}`, { source, use });
  }
  return { profiles: known, ...(typeof use === 'string' ? { use } : {}) };
}

const COUNTRY = /^[A-Z]{2}$/;

/** `"outside": {"countries": [...], "organisations": [...]}`, added to what the base profile lists. */
function parseOutside(value: unknown, base: OutsideList | undefined, where: string, details: Record<string, unknown>): OutsideList | undefined {
  if (value === undefined) return base;
  if (!isObject(value)) throw badProfile(`${where}: "outside" must be an object with "countries" and/or "organisations"`, { ...details, field: 'outside' });
  const list = (field: 'countries' | 'organisations', valid: (v: string) => boolean, rule: string): string[] => {
    const raw = value[field] ?? [];
    if (!Array.isArray(raw) || !raw.every((v): v is string => typeof v === 'string' && valid(v))) {
      throw badProfile(`${where}: "outside.${field}" must be a list of ${rule}`, { ...details, field: `outside.${field}` });
    }
    return [...new Set([...(base?.[field] ?? []), ...raw])];
  };
  const unknown = Object.keys(value).filter((k) => k !== 'countries' && k !== 'organisations');
  if (unknown.length > 0) throw badProfile(`${where}: "outside" has unknown field ${unknown.join(', ')} (known: countries, organisations)`, { ...details, field: 'outside' });
  return { countries: list('countries', (v) => COUNTRY.test(v), 'upper-case ISO 3166-1 alpha-2 codes'), organisations: list('organisations', (v) => v !== '', 'organisation ids') };
}

/** The profile a node applies: the configured `use`, else its country's, else DEFAULT. */
export function selectProfile(config: ProfileConfig, country: string): JurisdictionProfile {
  const chosen = config.use ?? country.toUpperCase();
  return config.profiles[chosen] ?? config.profiles['DEFAULT'] ?? DEFAULT_PROFILE;
}
