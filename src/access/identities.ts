// Every organisation is also a STIX `identity`. Its id is deterministic (UUIDv5 of the Setu
// namespace and the organisation id), so recipients and pseudonyms can name an organisation on any
// node without a look-up. Pure (hashing only).

import { createHash } from 'node:crypto';

/** The Setu UUIDv5 namespace for organisation identities. Never changes once shipped. */
export const SETU_IDENTITY_NAMESPACE = '6a2b1d0e-3f4c-5a6b-8c7d-9e0f1a2b3c4d';

function uuidV5(namespace: string, name: string): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  const b = hash.subarray(0, 16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x50;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The STIX identity id of an organisation of a Setu node. */
export function orgIdentityId(orgId: string): string {
  return `identity--${uuidV5(SETU_IDENTITY_NAMESPACE, `org:${orgId}`)}`;
}
