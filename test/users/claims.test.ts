import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claimValues, roleFromClaims } from '../../src/users/index.js';

const provider = { roleClaim: 'groups', roleMap: { readers: 'reader', analysts: 'analyst', 'setu-admins': 'org-admin' } as const, defaultRole: null };

test('the widest mapped role wins; unmapped values fall back to the default or to none', () => {
  assert.equal(roleFromClaims({ groups: ['readers', 'analysts', 'cafeteria'] }, provider), 'analyst');
  assert.equal(roleFromClaims({ groups: 'setu-admins' }, provider), 'org-admin');
  assert.equal(roleFromClaims({ groups: ['cafeteria'] }, provider), undefined);
  assert.equal(roleFromClaims({}, { ...provider, defaultRole: 'reader' }), 'reader');
  assert.equal(roleFromClaims({ groups: ['toString', '__proto__'] }, provider), undefined, 'only the map\'s own keys count');
});

test('claim values are a string or the strings of a list', () => {
  assert.deepEqual(claimValues({ roles: ['a', 3, 'b'] }, 'roles'), ['a', 'b']);
  assert.deepEqual(claimValues({ roles: { a: 1 } }, 'roles'), []);
});
