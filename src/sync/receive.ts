// The receiving side of Setu-to-Setu pushes, handed to the TAXII plugin: a push by a `peer` token
// must be signed by the node key registered for that organisation's peer (sync/signature.ts), and
// the versions it delivered are recorded as coming from that peer, so they are never sent back.
import type { StatusDetail, SyncStore } from '../store/index.js';
import type { PeerPushHook, PeerPushVerdict } from '../taxii/index.js';
import { checkSignature } from './signature.js';

export function peerPushHook(sync: SyncStore): PeerPushHook {
  return {
    async verify(orgId: string, signature: string | undefined, body: Uint8Array): Promise<PeerPushVerdict> {
      const peers = (await sync.peersOfOrg(orgId)).filter((p) => p.publicKey !== null);
      if (peers.length === 0) return { ok: false, reason: `no Setu peer with a public key is registered for organisation ${orgId}` };
      for (const peer of peers) {
        const check = checkSignature(signature, body, [peer.publicKey as string]);
        if (check.ok) return { ok: true, peerId: peer.id, nodeId: check.nodeId };
        if (check.reason.startsWith('missing') || check.reason.startsWith('malformed')) return { ok: false, reason: check.reason };
      }
      return { ok: false, reason: 'the signature does not verify against the registered peer key' };
    },
    async received(peerId: string, collectionId: string, stored: readonly StatusDetail[]): Promise<void> {
      await sync.recordOrigins(collectionId, peerId, stored.map((s) => ({ id: s.id, version: s.version })));
    },
  };
}
