// The audit checkpoint interval in the node configuration: one hour unless config.json says
// otherwise, 0 turns the periodic push off, and anything but a whole number of minutes >= 0 is
// refused naming the field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readNodeConfig } from '../../src/node/index.js';
import { isSetuError } from '../../src/errors/index.js';
import { withConfig } from './config-file.js';

test('auditCheckpointMinutes defaults to 60, accepts 0 (off) and whole minutes, refuses anything else by name', async () => {
  assert.equal((await withConfig({}, readNodeConfig)).auditCheckpointMinutes, 60);
  assert.equal((await withConfig({ auditCheckpointMinutes: 0 }, readNodeConfig)).auditCheckpointMinutes, 0);
  assert.equal((await withConfig({ auditCheckpointMinutes: 5 }, readNodeConfig)).auditCheckpointMinutes, 5);
  for (const bad of [-1, 1.5, '10', null]) {
    await assert.rejects(
      withConfig({ auditCheckpointMinutes: bad }, readNodeConfig),
      (e: unknown) => isSetuError(e) && e.code === 'SETU_ERR_NODE_CONFIG_INVALID' && (e.details as { field?: string }).field === 'auditCheckpointMinutes',
      String(bad),
    );
  }
});
