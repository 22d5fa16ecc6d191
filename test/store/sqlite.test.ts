import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { openSqliteStore } from '../../src/store/index.js';
import { runStoreContract } from './contract.js';

runStoreContract('sqlite :memory:', (options) => openSqliteStore({ path: ':memory:', ...(options?.clock ? { clock: options.clock } : {}) }));

const dir = mkdtempSync(join(tmpdir(), 'setu-store-contract-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
runStoreContract('sqlite file (WAL)', (options) => {
  n += 1;
  return openSqliteStore({ path: join(dir, `store-${n}.db`), ...(options?.clock ? { clock: options.clock } : {}) });
});
