// Each benchmark keeps its data in one temporary directory that is removed when it ends, also on
// failure or Ctrl-C.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function withTempDir<T>(prefix: string, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `setu-bench-${prefix}-`));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const onSignal = () => {
    remove();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  try {
    return await work(dir);
  } finally {
    process.off('SIGINT', onSignal);
    remove();
  }
}
