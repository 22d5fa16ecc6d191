// The outbound gate: the ONE function every path that moves an object off this node to a recipient
// outside its jurisdiction calls (a direct read, export on behalf of another organisation, share
// preview, federation). Given one object and the recipient, it decides:
//   send     -> the JSON the recipient receives (redacted, submitter pseudonymised) and what changed
//   hold     -> keep it back in the review queue, with the findings that need a person's decision
//   withhold -> never send it, with why
// Precedence: withhold > hold > redact > allow. A review decision (`release`) turns holds into
// allow ('as-is') or redact ('redacted'); a rejected review is decided by the caller (plan.ts).
// Pure: no store, no clock; the pseudonym key and the consent facts are passed in.
import { detectPersonalData, NO_THREATS, OBJECT_KINDS, type PiiFinding, type PiiKind, type ThreatContext } from '../pii/index.js';
import type { GateAction, JurisdictionProfile } from './profiles.js';
import { pseudonymId, pseudonymIdentity } from './pseudonym.js';
import { redactFindings, replaceRefs, someRef } from './redact.js';

type Json = Readonly<Record<string, unknown>>;

export const RELEASES = ['as-is', 'redacted'] as const;
/** How an approved review item is released: unchanged, or with its held findings redacted. */
export type Release = (typeof RELEASES)[number];

export interface OutboundOptions {
  /** Organisation id of the recipient (the pseudonym is per recipient organisation). */
  readonly recipientOrg: string;
  /** Identity ids the recipient is itself known by: never pseudonymised toward it. */
  readonly recipientIdentities?: ReadonlySet<string>;
  readonly profile: JurisdictionProfile;
  /** Identity ids whose organisation consents to attribution: their created_by_ref goes out as is. */
  readonly consent: ReadonlySet<string>;
  /** Identity ids of this node's member organisations: a non-consenting one's own identity object is withheld. */
  readonly memberIdentities?: ReadonlySet<string>;
  /** The node's secret pseudonym key (at least 32 bytes). */
  readonly pseudonymKey: Uint8Array;
  /** What the share says is the threat itself (see pii/threat.ts); default: only indicator patterns. */
  readonly threats?: ThreatContext;
  /** Set when a person approved this object in the review queue. */
  readonly release?: Release;
}

export const GATE_RULES = [
  /** The profile holds this kind of personal data for review. */
  'pii-hold',
  /** The profile never lets this kind of personal data out. */
  'pii-withhold',
  /** A personal-data SCO whose id is derived from its value: redacting fields would still leak it. */
  'pii-object',
  /** The identity object of a member organisation that did not consent to attribution. */
  'submitter-identity',
] as const;
export type GateRule = (typeof GATE_RULES)[number];

export interface GateReason {
  readonly rule: GateRule;
  readonly kind?: PiiKind;
  readonly path?: string;
  readonly match?: string;
  readonly message: string;
}

export interface Redaction {
  readonly kind: PiiKind;
  readonly path: string;
  readonly start: number;
  readonly end: number;
  /** The text removed (shown to the sender in a preview; never sent). */
  readonly match: string;
}

export interface Pseudonymisation {
  readonly original: string;
  readonly pseudonym: string;
}

export type OutboundResult =
  | {
      readonly kind: 'send';
      /** The exact JSON the recipient receives (the stored text byte for byte when nothing changed). */
      readonly json: string;
      readonly redactions: readonly Redaction[];
      readonly pseudonyms: readonly Pseudonymisation[];
      /** Pseudonymous identity objects the recipient needs alongside (send each once). */
      readonly identities: readonly Json[];
      /** Findings left in place because they are the threat itself or not an individual's, or released as-is. */
      readonly kept: readonly PiiFinding[];
    }
  | { readonly kind: 'hold'; readonly reasons: readonly GateReason[]; readonly findings: readonly PiiFinding[] }
  | { readonly kind: 'withhold'; readonly reasons: readonly GateReason[] };

/** The action the gate takes for one (non-exempt) finding, after a review release. */
function effectiveAction(finding: PiiFinding, profile: JurisdictionProfile, release: Release | undefined): GateAction {
  const action: GateAction = profile.actions[finding.kind];
  if (action !== 'hold' || release === undefined) return action;
  return release === 'as-is' ? 'allow' : 'redact';
}

const describe = (f: PiiFinding) => (f.path === '$' ? `${f.kind} object ${JSON.stringify(f.match)}` : `${f.kind} at ${f.path}`);

export function passOutbound(input: string | Json, options: OutboundOptions): OutboundResult {
  const object: Json = typeof input === 'string' ? (JSON.parse(input) as Json) : input;
  const { profile, release } = options;
  const id = typeof object['id'] === 'string' ? object['id'] : '';
  const isRecipient = (identity: string) => options.recipientIdentities?.has(identity) ?? false;
  const attributed = (identity: string) => options.consent.has(identity) || isRecipient(identity);

  if (object['type'] === 'identity' && options.memberIdentities?.has(id) && !attributed(id)) {
    return {
      kind: 'withhold',
      reasons: [{ rule: 'submitter-identity', message: `${id} is the identity of a member organisation that does not consent to attribution; recipients see a pseudonym instead` }],
    };
  }

  const findings = detectPersonalData(object, options.threats ?? NO_THREATS);
  const withhold: GateReason[] = [];
  const hold: GateReason[] = [];
  const toRedact: PiiFinding[] = [];
  const kept: PiiFinding[] = [];
  for (const f of findings) {
    if (f.exempt !== undefined) {
      kept.push(f);
      continue;
    }
    const action = effectiveAction(f, profile, release);
    const label = `${profile.id} profile (${profile.law})`;
    if (action === 'withhold') withhold.push({ rule: 'pii-withhold', kind: f.kind, path: f.path, match: f.match, message: `${describe(f)}: the ${label} never sends ${f.kind}` });
    else if (action === 'hold') hold.push({ rule: 'pii-hold', kind: f.kind, path: f.path, match: f.match, message: `${describe(f)}: the ${label} holds ${f.kind} for review` });
    else if (action === 'redact' && OBJECT_KINDS.has(f.kind)) {
      withhold.push({ rule: 'pii-object', kind: f.kind, path: f.path, match: f.match, message: `${describe(f)}: a ${f.kind} SCO's id is derived from its value, so it cannot be redacted and is withheld` });
    } else if (action === 'redact') toRedact.push(f);
    else kept.push(f);
  }
  if (withhold.length > 0) return { kind: 'withhold', reasons: [...withhold, ...hold] };
  if (hold.length > 0) return { kind: 'hold', reasons: hold, findings: findings.filter((f) => f.exempt === undefined) };

  // Pseudonymised: the submitter (created_by_ref) and any member organisation, unless attributed.
  // Other identities (a victim, a sighting's location) are intelligence and are left alone.
  const createdBy = object['created_by_ref'];
  const pseudonymised = (ref: string) =>
    ref.startsWith('identity--') && !attributed(ref) && (ref === createdBy || (options.memberIdentities?.has(ref) ?? false));
  const pseudonyms = new Map<string, string>();
  const needsCopy = toRedact.length > 0 || someRef(object, pseudonymised);
  const out = toRedact.length > 0 ? redactFindings(object, toRedact) : needsCopy ? (structuredClone(object) as Record<string, unknown>) : object;
  if (needsCopy) {
    replaceRefs(out as Record<string, unknown>, (ref) => {
      if (!pseudonymised(ref)) return undefined;
      const pseudonym = pseudonyms.get(ref) ?? pseudonymId(options.pseudonymKey, options.recipientOrg, ref);
      pseudonyms.set(ref, pseudonym);
      return pseudonym;
    });
  }
  const changed = toRedact.length > 0 || pseudonyms.size > 0;
  return {
    kind: 'send',
    json: changed || typeof input !== 'string' ? JSON.stringify(out) : input,
    redactions: toRedact.map((f) => ({ kind: f.kind, path: f.path, start: f.start, end: f.end, match: f.match })),
    pseudonyms: [...pseudonyms].map(([original, pseudonym]) => ({ original, pseudonym })),
    identities: [...pseudonyms.values()].map(pseudonymIdentity),
    kept,
  };
}
