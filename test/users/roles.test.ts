import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { USER_ROLES } from '../../src/store/index.js';
import { ROLE_RANK, mayGrant, mayManageOrg, narrowRole, widerRole } from '../../src/users/index.js';

test('narrowing never widens: the result is one of the two and no wider than either', () => {
  const role = fc.constantFrom(...USER_ROLES);
  fc.assert(fc.property(role, role, (a, b) => {
    const n = narrowRole(a, b);
    assert.ok(ROLE_RANK[n] <= ROLE_RANK[a] && ROLE_RANK[n] <= ROLE_RANK[b] && (n === a || n === b));
    assert.equal(narrowRole(a, b), narrowRole(b, a));
    assert.ok(ROLE_RANK[widerRole(a, b)] >= ROLE_RANK[n]);
  }), { seed: 16 });
  assert.equal(narrowRole('analyst', 'reader'), 'reader');
});

test('an org-admin manages its own organisation and grants up to org-admin; a node-admin anything; others nothing', () => {
  const orgAdmin = { orgId: 'cert-in', role: 'org-admin' } as const;
  assert.equal(mayManageOrg(orgAdmin, 'cert-in'), true);
  assert.equal(mayManageOrg(orgAdmin, 'jpcert'), false);
  assert.equal(mayGrant(orgAdmin, 'cert-in', 'org-admin'), true);
  assert.equal(mayGrant(orgAdmin, 'cert-in', 'node-admin'), false);
  assert.equal(mayGrant({ orgId: 'home', role: 'node-admin' }, 'jpcert', 'node-admin'), true);
  assert.equal(mayGrant({ orgId: 'cert-in', role: 'analyst' }, 'cert-in', 'reader'), false);
  assert.equal(mayManageOrg({ orgId: 'cert-in', role: 'peer' }, 'cert-in'), false);
});
