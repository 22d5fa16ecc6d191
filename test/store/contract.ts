// The Store contract suite: every adapter runs it (test/store/sqlite.test.ts today, a PostgreSQL
// test later). It uses only the Store interface; `makeStore` returns a fresh, empty store and
// accepts an injected clock (epoch ms) so date_added can be controlled.
import { describe } from 'node:test';
import type { MakeStore } from './helpers.js';
import { directoryContract } from './contract-directory.js';
import { writesContract } from './contract-writes.js';
import { queriesContract } from './contract-queries.js';
import { propertyContract } from './contract-property.js';
import { conformanceContract } from './contract-conformance.js';
import { auditContract } from './contract-audit.js';
import { writeAuditContract } from './contract-write-audit.js';
import { reviewContract } from './contract-review.js';
import { trustContract } from './contract-trust.js';
import { heldCopiesContract } from './contract-held-copies.js';
import { gateContract } from './contract-gate.js';
import { readerViewsContract } from './contract-reader-views.js';
import { usersContract } from './contract-users.js';
import { refsContract } from './contract-refs.js';
import { searchContract } from './contract-search.js';

export type { MakeStore, StoreOptions } from './helpers.js';

export function runStoreContract(name: string, makeStore: MakeStore): void {
  describe(`Store contract: ${name}`, () => {
    directoryContract(makeStore);
    writesContract(makeStore);
    queriesContract(makeStore);
    propertyContract(makeStore);
    conformanceContract(makeStore);
    auditContract(makeStore);
    writeAuditContract(makeStore);
    reviewContract(makeStore);
    trustContract(makeStore);
    heldCopiesContract(makeStore);
    gateContract(makeStore);
    readerViewsContract(makeStore);
    usersContract(makeStore);
    refsContract(makeStore);
    searchContract(makeStore);
  });
}
