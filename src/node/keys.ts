// The node's Ed25519 key pair, kept in its data directory: node-key.pem (PKCS#8, mode 0600, the
// only authoritative file) and node-key.pub.pem (SPKI, for handing to partners). Created at
// `setu init` or on first use; creation is atomic (written aside, then hard-linked into place),
// so two processes starting at once end up with the same key and a crash never leaves half a key.
import { generateKeyPairSync, createPublicKey, type KeyObject } from 'node:crypto';
import { link, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SetuError } from '../errors/index.js';
import { keyFingerprint, privateKeyFromPem, publicKeyText } from '../access/audit/index.js';

export const NODE_KEY_FILE = 'node-key.pem';
export const NODE_PUBLIC_KEY_FILE = 'node-key.pub.pem';

export interface NodeKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** base64url of the 32 raw public-key bytes (the form segments carry). */
  readonly publicKeyText: string;
  /** SPKI PEM of the public key. */
  readonly publicKeyPem: string;
  /** SHA-256 hex of the raw public key. */
  readonly fingerprint: string;
  readonly path: string;
}

export function nodeKeyPaths(dir: string): { readonly privateKey: string; readonly publicKey: string } {
  return { privateKey: join(dir, NODE_KEY_FILE), publicKey: join(dir, NODE_PUBLIC_KEY_FILE) };
}

/** Loads the node key from `dir`, creating it first when absent. */
export async function ensureNodeKey(dir: string): Promise<NodeKey> {
  const paths = nodeKeyPaths(dir);
  try {
    return await loadNodeKey(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const pair = generateKeyPairSync('ed25519');
  const privatePem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const aside = `${paths.privateKey}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(aside, privatePem, { mode: 0o600, flag: 'wx' });
  try {
    await link(aside, paths.privateKey);
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(aside);
  }
  return loadNodeKey(dir);
}

/** Loads the node key; rejects with ENOENT when there is none, SETU_ERR_AUDIT_KEY_* when unusable. */
export async function loadNodeKey(dir: string): Promise<NodeKey> {
  const paths = nodeKeyPaths(dir);
  const info = await stat(paths.privateKey);
  if ((info.mode & 0o077) !== 0) {
    throw new SetuError('SETU_ERR_AUDIT_KEY_INSECURE', `${paths.privateKey} is readable by other users (mode ${(info.mode & 0o777).toString(8)}); run chmod 600 on it`, {
      path: paths.privateKey,
    });
  }
  const privateKey = privateKeyFromPem(await readFile(paths.privateKey, 'utf8'));
  const publicKey = createPublicKey(privateKey);
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const existing = await readFile(paths.publicKey, 'utf8').catch(() => undefined);
  if (existing !== publicKeyPem) await writeFile(paths.publicKey, publicKeyPem, { mode: 0o644 });
  return { privateKey, publicKey, publicKeyText: publicKeyText(publicKey), publicKeyPem, fingerprint: keyFingerprint(publicKey), path: paths.privateKey };
}
