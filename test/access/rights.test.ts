import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES } from '../../src/store/index.js';
import { canRead, canSee, canWrite, type Principal } from '../../src/access/index.js';

const collection = { readOrgs: ['org-in', 'org-jp'], writeOrgs: ['org-in', 'org-wo'] };
const p = (orgId: string, role: Principal['role']): Principal => ({ tokenId: 't', orgId, role });

test('node-admin may do everything, whatever its organisation', () => {
  assert.equal(canRead(p('elsewhere', 'node-admin'), collection), true);
  assert.equal(canWrite(p('elsewhere', 'node-admin'), collection), true);
});

test('other roles need their organisation in readOrgs / writeOrgs', () => {
  for (const role of ROLES.filter((r) => r !== 'node-admin' && r !== 'reader')) {
    assert.equal(canRead(p('org-jp', role), collection), true, role);
    assert.equal(canWrite(p('org-jp', role), collection), false, role);
    assert.equal(canWrite(p('org-in', role), collection), true, role);
    assert.equal(canRead(p('org-wo', role), collection), false, role);
    assert.equal(canSee(p('org-wo', role), collection), true, role);
    assert.equal(canSee(p('org-xx', role), collection), false, role);
  }
});

test('the reader role never writes', () => {
  assert.equal(canRead(p('org-in', 'reader'), collection), true);
  assert.equal(canWrite(p('org-in', 'reader'), collection), false);
  assert.equal(canSee(p('org-wo', 'reader'), collection), false);
});
