// One stored version, as it leaves the node on a recipient's behalf (export, and federation later):
// the onward rule decides whether it may go to the destination at all, and the fields the acting
// organisation may not read (granular markings) are removed from what goes. Pure.

import type { TlpLevel } from '../stix/index.js';
import { redReaders } from './classify.js';
import { readRecipients } from './extension.js';
import { withoutHiddenFields } from './granular.js';
import { mayPassOn, type Actor, type Destination } from './onward.js';
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

export function passOn(version: StoredVersion, context: PassOnContext): PassOnResult {
  const { tlp, ownerOrg } = version;
  const needsObject = tlp === 'red' || version.hasGranular;
  const object = needsObject ? (JSON.parse(version.json) as Record<string, unknown>) : undefined;
  const named = object === undefined ? null : readRecipients(object);
  const recipients = tlp === 'red' ? redReaders(named?.ok === true ? named.recipients : [], ownerOrg) : [];
  const decision = mayPassOn({ tlp, ownerOrg, recipients, sharedWith: context.sharedWith }, context.actor, context.destination);
  if (!decision.allowed) return { reason: decision.reason };
  if (object === undefined || !version.hasGranular) return { json: version.json };
  const shown = withoutHiddenFields(object, tlp, ownerOrg, readScopeOf(context.actor.orgId));
  return { json: shown === object ? version.json : JSON.stringify(shown) };
}
