// Ed25519 keys as data: PEM text or base64 of the 32 raw public-key bytes in, KeyObjects out.
// Reading and writing key files is node/keys.ts's job; nothing here touches the file system.
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { SetuError } from '../../errors/index.js';

function invalid(what: string, reason: string): SetuError {
  return new SetuError('SETU_ERR_AUDIT_KEY_INVALID', `${what} is not a usable Ed25519 key: ${reason}`, { what });
}

function requireEd25519(key: KeyObject, what: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') throw invalid(what, `it is a ${key.asymmetricKeyType ?? 'symmetric'} key`);
  return key;
}

/** A private key from PKCS#8 PEM text. */
export function privateKeyFromPem(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    throw invalid('the private key', (error as Error).message);
  }
  return requireEd25519(key, 'the private key');
}

/** A public key from SPKI PEM text, or from base64 / base64url of its 32 raw bytes. */
export function publicKeyFromText(text: string): KeyObject {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN')) {
    try {
      return requireEd25519(createPublicKey(trimmed), 'the public key');
    } catch (error) {
      if (error instanceof SetuError) throw error;
      throw invalid('the public key', (error as Error).message);
    }
  }
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) throw invalid('the public key', 'expected PEM or base64 of 32 bytes');
  const raw = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (raw.length !== 32) throw invalid('the public key', `base64 decodes to ${raw.length} bytes, not 32`);
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
}

/** base64url of the 32 raw bytes: the form segments carry and partners exchange. */
export function publicKeyText(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw invalid('the public key', 'not an Ed25519 key');
  return jwk.x;
}

/** SHA-256 (hex) of the raw public key: a short value to compare over the phone. */
export function keyFingerprint(key: KeyObject): string {
  return createHash('sha256').update(Buffer.from(publicKeyText(key), 'base64url')).digest('hex');
}
