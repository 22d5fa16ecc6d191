// access/pass-on: a field under a granular marking stricter than its object follows that marking's
// onward rule. Where the rule refuses the destination the field (and the granular entry selecting
// it) is removed; when the object is not valid STIX without it, the whole version is withheld,
// with a reason naming the field, its level and the destination.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { orgIdentityId, passOn, type Destination, type PassOnContext, type TlpLevel } from '../../src/access/index.js';

const MARKING: Record<TlpLevel, string> = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

function indicator(level: TlpLevel, granular: Record<string, TlpLevel>, extra: Record<string, unknown> = {}) {
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: 'indicator--6b4d3c2a-1f0e-4d9c-8b7a-695847362514',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    name: 'C2 address',
    description: 'seen beaconing from a customer network',
    pattern: "[ipv4-addr:value = '198.51.100.7']",
    pattern_type: 'stix',
    valid_from: '2026-01-01T00:00:00Z',
    object_marking_refs: [MARKING[level]],
    granular_markings: Object.entries(granular).map(([selector, l]) => ({ marking_ref: MARKING[l], selectors: [selector] })),
    ...extra,
  };
}

/** Held in a collection read by a, b and the author; the actor a has one client. */
const context = (destination: Destination, actor = 'a'): PassOnContext => ({ actor: { orgId: actor, clients: ['client-1'] }, destination, sharedWith: ['a', 'b', 'author'] });
const toOrg = (orgId: string): Destination => ({ kind: 'organisation', orgId });

function pass(object: Record<string, unknown>, level: TlpLevel, destination: Destination, actor = 'a') {
  return passOn({ json: JSON.stringify(object), tlp: level, ownerOrg: 'author', hasGranular: true }, context(destination, actor));
}

function sent(result: ReturnType<typeof passOn>): Record<string, unknown> {
  assert.ok('json' in result, `expected the version to go, got: ${'reason' in result ? result.reason : ''}`);
  return JSON.parse(result.json) as Record<string, unknown>;
}

test('a GREEN field of a CLEAR object does not leave the community: removed with its granular entry, the rest goes', () => {
  const object = indicator('clear', { description: 'green' });
  const outside = sent(pass(object, 'clear', toOrg('stranger')));
  assert.equal(outside['description'], undefined);
  assert.equal(outside['granular_markings'], undefined);
  assert.equal(outside['pattern'], object.pattern);
  assert.deepEqual(outside['object_marking_refs'], [MARKING.clear]);
  // inside the community (a member of the collection's audience) the field goes as written
  assert.deepEqual(sent(pass(object, 'clear', toOrg('b'))), object);
  // a collection destination: one outsider among its readers is enough to remove it
  assert.equal(sent(pass(object, 'clear', { kind: 'collection', readers: ['b', 'outsider'], public: false }))['description'], undefined);
  assert.deepEqual(sent(pass(object, 'clear', { kind: 'collection', readers: ['a', 'b'], public: false })), object);
});

test('an AMBER field reaches the actor and its clients only; AMBER+STRICT the actor only', () => {
  const amber = indicator('clear', { description: 'amber' });
  assert.deepEqual(sent(pass(amber, 'clear', toOrg('client-1'))), amber, 'a client receives the AMBER field');
  assert.equal(sent(pass(amber, 'clear', toOrg('b')))['description'], undefined, 'b is in the community but not a client of a');
  // under a GREEN object the same field: the object itself stays in the community, the field with a's clients
  const underGreen = indicator('green', { description: 'amber' });
  assert.equal(sent(pass(underGreen, 'green', toOrg('b')))['description'], undefined);
  assert.ok('reason' in pass(underGreen, 'green', toOrg('client-1')), 'the GREEN object does not reach a client outside the community');
  const strict = indicator('clear', { description: 'amber+strict' });
  assert.equal(sent(pass(strict, 'clear', toOrg('client-1')))['description'], undefined);
  assert.deepEqual(sent(pass(strict, 'clear', toOrg('a'))), strict);
});

test('only the refused marking is removed: a field under a marking that may go stays, with its entry', () => {
  const object = indicator('clear', { description: 'amber', name: 'green' });
  const toB = sent(pass(object, 'clear', toOrg('b')));
  assert.equal(toB['description'], undefined);
  assert.equal(toB['name'], object.name);
  assert.deepEqual(toB['granular_markings'], [{ marking_ref: MARKING.green, selectors: ['name'] }]);
});

test('a required field under a refused marking withholds the version, naming the field, level and destination', () => {
  const object = indicator('clear', { pattern: 'green' });
  const result = pass(object, 'clear', toOrg('stranger'));
  assert.ok('reason' in result);
  assert.match(result.reason, /pattern/);
  assert.match(result.reason, /TLP:GREEN/);
  assert.match(result.reason, /stranger/);
  assert.deepEqual(sent(pass(object, 'clear', toOrg('b'))), object, 'inside the community it goes whole');
});

test('the author passes its own fields anywhere, and a RED field goes only to a named recipient', () => {
  const object = indicator('clear', { description: 'green' });
  assert.deepEqual(sent(pass(object, 'clear', toOrg('stranger'), 'author')), object);
  const red = indicator('clear', { description: 'red' }, {
    extensions: { 'extension-definition--9d1e7f4a-2c3b-4e5d-8f60-71a2b3c4d5e6': { extension_type: 'property-extension', recipients: [orgIdentityId('a'), orgIdentityId('b')] } },
  });
  assert.equal(sent(pass(red, 'clear', toOrg('b')))['description'], red.description, 'b is a named recipient');
  assert.equal(sent(pass(red, 'clear', toOrg('client-1')))['description'], undefined);
});

test("a required field the acting organisation may not read withholds the version too, rather than sending it broken", () => {
  const object = indicator('clear', { pattern: 'red' }, {
    extensions: { 'extension-definition--9d1e7f4a-2c3b-4e5d-8f60-71a2b3c4d5e6': { extension_type: 'property-extension', recipients: [orgIdentityId('b')] } },
  });
  // a is not named, so it may not read the pattern; b is named, so the RED rule itself admits b
  const result = pass(object, 'clear', toOrg('b'));
  assert.ok('reason' in result);
  assert.match(result.reason, /not valid STIX/);
  assert.deepEqual(sent(pass(object, 'clear', toOrg('b'), 'b')), object, 'b, a named reader, passes it on whole to itself');
});
