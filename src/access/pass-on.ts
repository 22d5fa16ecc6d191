// One stored version, as it leaves the node on a recipient's behalf (export, federation): the
// onward rule decides whether it may go to the destination at all; then every field under a
// granular marking stricter than the object follows that marking's own onward rule (a GREEN field
// of a CLEAR object stays in the community, an AMBER one reaches only the actor and its clients),
// and the fields the acting organisation may not read are removed too. A version that would not be
// valid STIX without a field that may not go (an indicator's pattern, a common property) is
// withheld whole rather than sent broken, with the reason naming that field. Pure.

import { validate, type TlpLevel } from '../stix/index.js';
import { granularLevels, redReaders } from './classify.js';
import { readRecipients } from './extension.js';
import { hiddenSelectors, selects, withoutSelected } from './granular.js';
import { mayPassOn, type Actor, type Destination, type HeldObject } from './onward.js';
import { TLP_RANK } from './tlp.js';
import { readScopeOf } from './visibility.js';

export interface StoredVersion {
  readonly json: string;
  readonly tlp: TlpLevel;
  readonly ownerOrg: string | null;
  readonly hasGranular: boolean;
}

export interface PassOnContext {
  readonly actor: Actor;
  readonly destination: Destination;
  /** The organisations of the collection the version is held in. */
  readonly sharedWith: readonly string[];
}

export type PassOnResult = { readonly json: string } | { readonly reason: string };

/** Fields under one granular level that may not go to the destination, and why. */
interface RefusedFields {
  readonly level: TlpLevel;
  readonly selectors: readonly string[];
  readonly reason: string;
}

export function passOn(version: StoredVersion, context: PassOnContext): PassOnResult {
  const { tlp, ownerOrg } = version;
  const needsObject = tlp === 'red' || version.hasGranular;
  const object = needsObject ? (JSON.parse(version.json) as Record<string, unknown>) : undefined;
  const named = object === undefined ? null : readRecipients(object);
  const redRecipients = redReaders(named?.ok === true ? named.recipients : [], ownerOrg);
  const held = (level: TlpLevel): HeldObject => ({ tlp: level, ownerOrg, recipients: level === 'red' ? redRecipients : [], sharedWith: context.sharedWith });
  const decision = mayPassOn(held(tlp), context.actor, context.destination);
  if (!decision.allowed) return { reason: decision.reason };
  if (object === undefined || !version.hasGranular) return { json: version.json };
  const refused = refusedFields(object, tlp, held, context);
  const hidden = [...hiddenSelectors(object, tlp, ownerOrg, readScopeOf(context.actor.orgId)), ...refused.flatMap((r) => r.selectors)];
  const shown = withoutSelected(object, hidden);
  if (shown === object) return { json: version.json };
  // A refused field that is still there could not be removed (the envelope's common properties).
  const kept = refused.find((r) => r.selectors.some((s) => selects(shown, s)));
  if (kept !== undefined) return { reason: withheldFor(kept, 'it cannot be removed') };
  if (!validate(shown).valid) {
    const first = refused[0];
    return { reason: first === undefined ? 'the object is not valid STIX without the fields the acting organisation may not read' : withheldFor(first, 'the object is not valid STIX without it') };
  }
  return { json: JSON.stringify(shown) };
}

/** Granular levels stricter than the object whose onward rule refuses the destination. */
function refusedFields(object: Readonly<Record<string, unknown>>, tlp: TlpLevel, held: (level: TlpLevel) => HeldObject, context: PassOnContext): RefusedFields[] {
  const refused: RefusedFields[] = [];
  for (const { level, selectors } of granularLevels(object)) {
    if (TLP_RANK[level] <= TLP_RANK[tlp]) continue;
    const decision = mayPassOn(held(level), context.actor, context.destination);
    if (!decision.allowed) refused.push({ level, selectors, reason: decision.reason });
  }
  return refused;
}

function withheldFor(refused: RefusedFields, consequence: string): string {
  const fields = refused.selectors.join(', ');
  return `field ${fields} is marked TLP:${refused.level.toUpperCase()} (${refused.reason}) and ${consequence}`;
}
