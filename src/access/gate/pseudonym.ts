// Submitter pseudonyms: the identity a recipient sees instead of a non-consenting organisation.
// id = HMAC-SHA-256(node secret key, recipient org id + NUL + original identity id), first 16 bytes
// shaped as a version-4 UUID: stable for one recipient (so its analysts can still correlate
// everything from the same source), different across recipients (so two recipients cannot join
// their data to unmask a source), and not derivable by anyone without the key (a UUIDv5 would
// claim a public namespace/name derivation, which this is not; hence the v4 shape).
// HMAC is a pure function of its inputs: no clock, no randomness.
import { createHmac } from 'node:crypto';
import { SetuError } from '../../errors/index.js';

export const MIN_KEY_BYTES = 32;

/** `created` / `modified` of every pseudonymous identity: fixed, so a re-send is byte-identical. */
export const PSEUDONYM_TIMESTAMP = '2020-01-01T00:00:00.000Z';

function uuidShaped(bytes: Buffer): string {
  const b = Buffer.from(bytes.subarray(0, 16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function checkPseudonymKey(key: Uint8Array): void {
  if (key.byteLength < MIN_KEY_BYTES) {
    throw new SetuError('SETU_ERR_GATE_BAD_KEY', `the pseudonym key has ${key.byteLength} bytes; at least ${MIN_KEY_BYTES} are needed`, { bytes: key.byteLength });
  }
}

/** The pseudonymous identity id that `recipientOrg` sees for `identityId`. */
export function pseudonymId(key: Uint8Array, recipientOrg: string, identityId: string): string {
  checkPseudonymKey(key);
  const mac = createHmac('sha256', key).update(recipientOrg, 'utf8').update('\u0000').update(identityId, 'utf8').digest();
  return `identity--${uuidShaped(mac)}`;
}

/** The STIX identity object that stands for a pseudonym (sent once with the objects that use it). */
export function pseudonymIdentity(id: string): Readonly<Record<string, unknown>> {
  return {
    type: 'identity',
    spec_version: '2.1',
    id,
    created: PSEUDONYM_TIMESTAMP,
    modified: PSEUDONYM_TIMESTAMP,
    name: `Pseudonymous source ${id.slice('identity--'.length, 'identity--'.length + 8)}`,
    description: 'A source that did not consent to attribution. The same source always has this identity for this recipient.',
    identity_class: 'unspecified',
  };
}
