// Setu-to-Setu pushes on Add Objects. A request by a token of role `peer` must carry a detached
// Ed25519 signature of its exact body (header Setu-Signature, see sync/signature.ts) that verifies
// against the public key registered for that organisation's peer node; otherwise it is refused
// (403) before anything is stored, and the refusal is audited. The hook is handed in by app.ts
// (sync/ implements it); without one, pushes are not checked here.
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../access/index.js';
import { SetuError } from '../errors/index.js';
import type { StatusDetail } from '../store/index.js';
import { principalOf, type TaxiiContext } from './context.js';

export type PeerPushVerdict = { readonly ok: true; readonly peerId: string; readonly nodeId: string } | { readonly ok: false; readonly reason: string };

export interface PeerPushHook {
  /** Checks the Setu-Signature header of a push by organisation `orgId` over the body bytes. */
  verify(orgId: string, signature: string | undefined, body: Uint8Array): Promise<PeerPushVerdict>;
  /** Records which peer delivered the versions the push stored (or already held). */
  received(peerId: string, collectionId: string, stored: readonly StatusDetail[]): Promise<void>;
}

export const SIGNATURE_HEADER = 'setu-signature';

/** The verified peer of a push by a `peer` token (undefined for other principals); throws 403 when the signature fails. */
export async function checkPeerPush(ctx: TaxiiContext, request: FastifyRequest, collectionId: string, body: Buffer): Promise<{ peerId: string; nodeId: string } | undefined> {
  const hook = ctx.options.peerPushes;
  const principal = principalOf(ctx, request);
  if (hook === undefined || principal.role !== 'peer') return undefined;
  const header = request.headers[SIGNATURE_HEADER];
  const verdict = await hook.verify(principal.orgId, Array.isArray(header) ? header[0] : header, body);
  if (verdict.ok) return { peerId: verdict.peerId, nodeId: verdict.nodeId };
  await ctx.options.audit?.record({
    action: 'object.write',
    actor: actorOf(principal, 'taxii'),
    target: { collectionId, objects: [] },
    details: { refused: 'peer push signature', reason: verdict.reason, bytes: body.byteLength },
  });
  throw new SetuError('SETU_ERR_TAXII_FORBIDDEN', `Push refused: ${verdict.reason}. A peer signs each push body with its node key in the Setu-Signature header.`);
}
