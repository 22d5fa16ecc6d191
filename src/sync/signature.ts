// Detached Ed25519 signatures of Setu-to-Setu pushes. The pushing node signs the exact bytes of
// the request body with its node key and sends, in the `Setu-Signature` header:
//   Setu-Signature: ed25519; node=<node id>; sig=<base64url signature>
// The receiver verifies it against the public key it registered for the pushing peer; a push by
// a `peer` token without a valid signature is refused (403) and audited.
import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { publicKeyFromText } from '../access/audit/index.js';

export const SIGNATURE_HEADER = 'setu-signature';

/** The node id of a public key: SHA-256 hex of its 32 raw bytes (= the key fingerprint). */
export function nodeIdOf(publicKeyText: string): string {
  const raw = publicKeyFromText(publicKeyText).export({ format: 'jwk' }).x ?? '';
  return createHash('sha256').update(Buffer.from(raw, 'base64url')).digest('hex');
}

export function signatureHeader(body: Uint8Array, privateKey: KeyObject, nodeId: string): string {
  return `ed25519; node=${nodeId}; sig=${sign(null, body, privateKey).toString('base64url')}`;
}

export type SignatureCheck = { readonly ok: true; readonly nodeId: string } | { readonly ok: false; readonly reason: string };

function parse(header: string): { node: string; sig: string } | undefined {
  const parts = header.split(';').map((p) => p.trim());
  if (parts[0]?.toLowerCase() !== 'ed25519') return undefined;
  const fields = new Map(parts.slice(1).map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)] as const));
  const node = fields.get('node');
  const sig = fields.get('sig');
  return node === undefined || sig === undefined ? undefined : { node, sig };
}

/** Checks a Setu-Signature header over `body` against the candidate public keys (base64url). */
export function checkSignature(header: string | undefined, body: Uint8Array, publicKeys: readonly string[]): SignatureCheck {
  if (header === undefined || header === '') return { ok: false, reason: `missing ${SIGNATURE_HEADER} header` };
  const parsed = parse(header);
  if (parsed === undefined) return { ok: false, reason: `malformed ${SIGNATURE_HEADER} header (expected "ed25519; node=<id>; sig=<base64url>")` };
  const signature = Buffer.from(parsed.sig, 'base64url');
  for (const text of publicKeys) {
    let key: KeyObject;
    try {
      key = publicKeyFromText(text);
    } catch {
      continue;
    }
    if (verify(null, body, key, signature)) return { ok: true, nodeId: nodeIdOf(text) };
  }
  return { ok: false, reason: publicKeys.length === 0 ? 'no public key is registered for this peer' : 'the signature does not verify against the registered peer key' };
}
