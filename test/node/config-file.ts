// Writes a node configuration to a temporary config file for one test and removes it afterwards.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function withConfig<T>(value: unknown, work: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'setu-config-'));
  try {
    const path = join(dir, 'config.json');
    await writeFile(path, JSON.stringify(value));
    return await work(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
