// Session timeouts in the node configuration: absent means the defaults of src/users (30 minutes
// idle, 720 absolute); anything but a whole number of minutes >= 1 is refused naming the field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readNodeConfig } from '../../src/node/index.js';
import { isSetuError } from '../../src/errors/index.js';
import { withConfig } from './config-file.js';

test('sessionIdleMinutes and sessionAbsoluteMinutes are optional whole minutes >= 1', async () => {
  const defaults = await withConfig({}, readNodeConfig);
  assert.equal(defaults.sessionIdleMinutes, undefined);
  assert.equal(defaults.sessionAbsoluteMinutes, undefined);
  const set = await withConfig({ sessionIdleMinutes: 15, sessionAbsoluteMinutes: 480 }, readNodeConfig);
  assert.deepEqual([set.sessionIdleMinutes, set.sessionAbsoluteMinutes], [15, 480]);
  for (const field of ['sessionIdleMinutes', 'sessionAbsoluteMinutes']) {
    for (const bad of [0, -5, 2.5, '30']) {
      await assert.rejects(
        withConfig({ [field]: bad }, readNodeConfig),
        (e: unknown) => isSetuError(e) && e.code === 'SETU_ERR_NODE_CONFIG_INVALID' && (e.details as { field?: string }).field === field,
        `${field} ${String(bad)}`,
      );
    }
  }
});
