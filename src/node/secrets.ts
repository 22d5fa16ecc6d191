// The node's secret pseudonym key: 32 random bytes in DIR/pseudonym.key (mode 0600), created at
// first use. Creation is atomic (written aside, then hard-linked into place), so two processes
// starting at once end up with the same key. Losing the file changes every pseudonym the node
// issues, so it belongs in the node's backups, with node-key.pem.
import { randomBytes } from 'node:crypto';
import { link, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MIN_KEY_BYTES } from '../access/index.js';
import { SetuError } from '../errors/index.js';

export const PSEUDONYM_KEY_FILE = 'pseudonym.key';

async function readKey(path: string): Promise<Buffer> {
  const info = await stat(path);
  if ((info.mode & 0o077) !== 0) {
    throw new SetuError('SETU_ERR_GATE_KEY_INSECURE', `${path} is readable by other users (mode ${(info.mode & 0o777).toString(8)}); run chmod 600 on it`, { path });
  }
  const key = await readFile(path);
  if (key.byteLength < MIN_KEY_BYTES) throw new SetuError('SETU_ERR_GATE_BAD_KEY', `${path} holds ${key.byteLength} bytes; at least ${MIN_KEY_BYTES} are needed`, { path });
  return key;
}

/** The pseudonym key of the node in `dir`, created on first use. */
export async function ensurePseudonymKey(dir: string): Promise<Buffer> {
  const path = join(dir, PSEUDONYM_KEY_FILE);
  try {
    return await readKey(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const aside = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(aside, randomBytes(MIN_KEY_BYTES), { mode: 0o600, flag: 'wx' });
  try {
    await link(aside, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(aside);
  }
  return readKey(path);
}
