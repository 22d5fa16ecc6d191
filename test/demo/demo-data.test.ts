// The demo data set under demo/ is what a new node loads on `npm start`, so it must be exemplary
// STIX 2.1: this test checks its structure on its own (ids, references, timestamps, markings, the
// fictional-only rule) and, once the validator in src/stix exists, that every bundle validates.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isIP } from 'node:net';

type StixObject = Record<string, unknown> & { type: string; id: string };
interface LoadedBundle {
  file: string;
  raw: Record<string, unknown>;
  objects: StixObject[];
}

const repoRoot = new URL('../../', import.meta.url).pathname;
const demoDir = join(repoRoot, 'demo');

const TLP2 = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
} as const;
type Level = keyof typeof TLP2;
const LEVEL_ORDER: readonly Level[] = ['clear', 'green', 'amber', 'amber+strict', 'red'];
const LEVEL_OF_ID = new Map<string, Level>(LEVEL_ORDER.map((level) => [TLP2[level], level]));
const TLP2_EXTENSION = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';
// The STIX 2.1 TLP 1.0 built-ins: a reference to one resolves even when the data set omits it.
const TLP1_IDS = new Set([
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed',
]);

const SCO_TYPES = new Set([
  'artifact', 'autonomous-system', 'directory', 'domain-name', 'email-addr', 'email-message', 'file',
  'ipv4-addr', 'ipv6-addr', 'mac-addr', 'mutex', 'network-traffic', 'process', 'software', 'url',
  'user-account', 'windows-registry-key', 'x509-certificate',
]);
const TIMESTAMP_PROPERTIES = new Set([
  'created', 'modified', 'valid_from', 'valid_until', 'first_seen', 'last_seen', 'published',
  'first_observed', 'last_observed', 'submitted', 'analysis_started', 'analysis_ended', 'start',
  'end', 'date', 'start_time', 'stop_time',
]);
const RFC3339_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z$/;
const MILLIS_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ID = /^([a-z0-9][a-z0-9-]*[a-z0-9])--([0-9a-f]{8}-[0-9a-f]{4}-([0-9a-f])[0-9a-f]{3}-([0-9a-f])[0-9a-f]{3}-[0-9a-f]{12})$/;

function bundleFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...bundleFiles(path));
    else if (name.endsWith('.json')) found.push(path);
  }
  return found;
}

function loadBundles(): LoadedBundle[] {
  return bundleFiles(demoDir).map((path) => {
    const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    const objects = Array.isArray(raw['objects']) ? (raw['objects'] as StixObject[]) : [];
    return { file: relative(repoRoot, path), raw, objects };
  });
}

/** Every (property path, referenced id) under an object, at any depth, for `*_ref` / `*_refs`. */
function references(value: unknown, path = ''): Array<[string, string]> {
  if (Array.isArray(value)) return value.flatMap((item, i) => references(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const found: Array<[string, string]> = [];
  for (const [key, child] of Object.entries(value)) {
    const here = path === '' ? key : `${path}.${key}`;
    if (key.endsWith('_ref') && typeof child === 'string') found.push([here, child]);
    else if (key.endsWith('_refs') && Array.isArray(child)) {
      child.forEach((item, i) => {
        if (typeof item === 'string') found.push([`${here}[${i}]`, item]);
      });
    } else found.push(...references(child, here));
  }
  return found;
}

function timestamps(value: unknown, path = ''): Array<[string, unknown]> {
  if (Array.isArray(value)) return value.flatMap((item, i) => timestamps(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const found: Array<[string, unknown]> = [];
  for (const [key, child] of Object.entries(value)) {
    const here = path === '' ? key : `${path}.${key}`;
    if (TIMESTAMP_PROPERTIES.has(key) && (typeof child !== 'object' || child === null)) found.push([here, child]);
    else found.push(...timestamps(child, here));
  }
  return found;
}

function isRealInstant(value: string): boolean {
  const m = RFC3339_UTC.exec(value);
  if (m === null) return false;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
}

function levelOf(object: StixObject): Level | undefined {
  const refs = object['object_marking_refs'];
  if (!Array.isArray(refs)) return undefined;
  const levels = refs.map((ref) => LEVEL_OF_ID.get(String(ref))).filter((l): l is Level => l !== undefined);
  return levels.sort((a, b) => LEVEL_ORDER.indexOf(b) - LEVEL_ORDER.indexOf(a))[0];
}

function inDocumentationRange(value: string): boolean {
  if (isIP(value) === 4) return /^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d{1,3}$/.test(value);
  if (isIP(value) === 6) return /^2001:0?db8:/i.test(value);
  return false;
}

const bundles = existsSync(demoDir) ? loadBundles() : [];
const all = bundles.flatMap((b) => b.objects.map((object) => ({ file: b.file, object })));
const byId = new Map(all.map(({ object }) => [object.id, object]));
const where = (file: string, object: StixObject): string => `${file}: ${object.id}`;

describe('demo data set', () => {
  it('has STIX 2.1 bundles under demo/ with roughly 60-130 objects in all', () => {
    assert.ok(bundles.length > 0, 'no JSON bundle found under demo/');
    for (const { file, raw } of bundles) {
      assert.equal(raw['type'], 'bundle', `${file} is not a bundle`);
      assert.match(String(raw['id']), ID, `${file} has a malformed bundle id`);
      assert.ok(Array.isArray(raw['objects']) && raw['objects'].length > 0, `${file} has no objects`);
    }
    assert.ok(all.length >= 60 && all.length <= 130, `object count ${all.length} is outside 60-130`);
  });

  it('gives every object a well-formed id whose prefix is its type, unique across the data set', () => {
    const seen = new Map<string, string>();
    for (const { file, object } of all) {
      const m = ID.exec(object.id);
      assert.ok(m, `${file}: malformed id ${object.id}`);
      assert.equal(m[1], object.type, `${where(file, object)}: id prefix does not match type ${object.type}`);
      assert.equal(object['spec_version'], '2.1', `${where(file, object)}: spec_version is not 2.1`);
      assert.ok(!seen.has(object.id), `${object.id} appears in ${seen.get(object.id)} and in ${file}`);
      seen.set(object.id, file);
    }
  });

  it('uses UUIDv4 for SDOs, SROs and markings and UUIDv5 for SCOs', () => {
    for (const { file, object } of all) {
      const m = ID.exec(object.id);
      assert.ok(m);
      const expected = SCO_TYPES.has(object.type) ? '5' : '4';
      assert.equal(m[3], expected, `${where(file, object)}: UUID version is ${m[3]}, expected ${expected}`);
      assert.ok('89ab'.includes(m[4] ?? ''), `${where(file, object)}: UUID variant is not RFC 4122`);
    }
  });

  it('resolves every *_ref and *_refs inside the data set or to a TLP marking', () => {
    for (const { file, object } of all) {
      for (const [path, ref] of references(object)) {
        const ok = byId.has(ref) || LEVEL_OF_ID.has(ref) || TLP1_IDS.has(ref);
        assert.ok(ok, `${where(file, object)}: ${path} -> ${ref} does not resolve`);
        const target = byId.get(ref);
        if (target !== undefined) {
          assert.equal(ref.split('--')[0], target.type, `${where(file, object)}: ${path} type mismatch`);
        }
      }
    }
  });

  it('keeps telecom-campaign.json self-contained, so it can be loaded first and alone', () => {
    const base = bundles.find((b) => b.file.endsWith('telecom-campaign.json'));
    assert.ok(base, 'demo/bundles/telecom-campaign.json is missing');
    const own = new Set(base.objects.map((o) => o.id));
    for (const object of base.objects) {
      for (const [path, ref] of references(object)) {
        assert.ok(own.has(ref), `${where(base.file, object)}: ${path} -> ${ref} is outside the bundle`);
      }
    }
  });

  it('writes every timestamp as an RFC 3339 UTC instant, created/modified to the millisecond, modified >= created', () => {
    for (const { file, object } of all) {
      for (const [path, value] of timestamps(object)) {
        assert.ok(typeof value === 'string' && isRealInstant(value), `${where(file, object)}: ${path} = ${String(value)}`);
      }
      for (const key of ['created', 'modified'] as const) {
        const value = object[key];
        if (value !== undefined) assert.match(String(value), MILLIS_UTC, `${where(file, object)}: ${key} precision`);
      }
      if (!SCO_TYPES.has(object.type)) assert.ok(typeof object['created'] === 'string', `${where(file, object)}: no created`);
      if (typeof object['modified'] === 'string') {
        assert.ok(
          Date.parse(object['modified']) >= Date.parse(String(object['created'])),
          `${where(file, object)}: modified is before created`,
        );
      }
    }
  });

  it('sets the story in 2026 (only the published TLP 2.0 definitions are older)', () => {
    for (const { file, object } of all) {
      if (LEVEL_OF_ID.has(object.id)) continue;
      for (const [path, value] of timestamps(object)) {
        assert.ok(String(value).startsWith('2026-'), `${where(file, object)}: ${path} is not in 2026`);
      }
    }
  });

  it('carries the five OASIS TLP 2.0 marking definitions exactly as published', () => {
    for (const level of LEVEL_ORDER) {
      const marking = byId.get(TLP2[level]);
      assert.ok(marking, `TLP:${level.toUpperCase()} definition missing`);
      assert.deepEqual(marking, {
        type: 'marking-definition',
        spec_version: '2.1',
        id: TLP2[level],
        created: '2022-10-01T00:00:00.000Z',
        name: `TLP:${level.toUpperCase()}`,
        extensions: { [TLP2_EXTENSION]: { extension_type: 'property-extension', tlp_2_0: level } },
      });
    }
  });

  it('marks every other object with exactly one TLP 2.0 level, using all five as the story needs', () => {
    const counts = new Map<Level, number>();
    for (const { file, object } of all) {
      if (object.type === 'marking-definition') continue;
      const refs = object['object_marking_refs'];
      assert.ok(Array.isArray(refs) && refs.length === 1, `${where(file, object)}: expected one marking`);
      const level = levelOf(object);
      assert.ok(level, `${where(file, object)}: marking is not TLP 2.0`);
      counts.set(level, (counts.get(level) ?? 0) + 1);
    }
    const n = (level: Level): number => counts.get(level) ?? 0;
    assert.ok(n('green') + n('clear') > (all.length * 2) / 3, 'GREEN and CLEAR should dominate');
    assert.ok(n('amber') >= 3, 'expected some TLP:AMBER objects');
    assert.equal(n('amber+strict'), 1, 'expected one TLP:AMBER+STRICT object');
    assert.equal(n('red'), 1, 'expected one TLP:RED object');
  });

  it('never lets an object point at something more restricted than itself', () => {
    for (const { file, object } of all) {
      const own = levelOf(object);
      if (own === undefined) continue;
      for (const [path, ref] of references(object)) {
        if (path.startsWith('object_marking_refs')) continue;
        const target = byId.get(ref);
        const theirs = target === undefined ? undefined : levelOf(target);
        if (theirs === undefined) continue;
        assert.ok(
          LEVEL_ORDER.indexOf(theirs) <= LEVEL_ORDER.indexOf(own),
          `${where(file, object)} (${own}) -> ${path} ${ref} (${theirs})`,
        );
      }
    }
  });

  it('attributes every SDO and SRO to an identity in the data set', () => {
    for (const { file, object } of all) {
      if (SCO_TYPES.has(object.type) || object.type === 'marking-definition') continue;
      const author = object['created_by_ref'];
      assert.ok(typeof author === 'string', `${where(file, object)}: no created_by_ref`);
      assert.equal(byId.get(author)?.type, 'identity', `${where(file, object)}: author is not an identity`);
    }
  });

  it('names only fictional organisations and documentation-only network addresses', () => {
    for (const { file, object } of all) {
      if (object.type === 'identity' && object['identity_class'] === 'organization') {
        const text = `${String(object['name'])} ${String(object['description'])}`;
        assert.match(text, /fictional/i, `${where(file, object)}: organisation not marked fictional`);
      }
      if (object.type === 'ipv4-addr' || object.type === 'ipv6-addr') {
        assert.ok(inDocumentationRange(String(object['value'])), `${where(file, object)}: ${String(object['value'])}`);
      }
      if (object.type === 'domain-name') assert.match(String(object['value']), /\.example$/, where(file, object));
      if (object.type === 'email-addr') assert.match(String(object['value']), /@([a-z0-9-]+\.)*example$/, where(file, object));
      if (object.type === 'url') assert.equal(new URL(String(object['value'])).hostname.endsWith('.example'), true);
    }
    // Addresses hidden in patterns and prose count too (external references may cite real sites).
    const text = bundles
      .map((b) => JSON.stringify(b.raw, (key, value: unknown) => (key === 'external_references' ? undefined : value)))
      .join('\n');
    for (const quad of text.match(/\b\d{1,3}(\.\d{1,3}){3}\b/g) ?? []) {
      assert.ok(inDocumentationRange(quad), `address ${quad} is outside the documentation ranges`);
    }
    for (const host of text.match(/\b[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|net|org|in|jp|io)\b/gi) ?? []) {
      assert.fail(`real-looking domain ${host} in the demo data; use .example`);
    }
  });

  it('references ATT&CK techniques and mitigations with matching ids and URLs', () => {
    for (const { file, object } of all) {
      const refs = object['external_references'];
      if (!Array.isArray(refs)) continue;
      for (const ref of refs as Array<Record<string, unknown>>) {
        if (ref['source_name'] !== 'mitre-attack') continue;
        const externalId = String(ref['external_id']);
        const expectedUrl = /^T\d{4}(\.\d{3})?$/.test(externalId)
          ? `https://attack.mitre.org/techniques/${externalId.replace('.', '/')}/`
          : `https://attack.mitre.org/mitigations/${externalId}/`;
        assert.match(externalId, /^(T\d{4}(\.\d{3})?|M\d{4})$/, where(file, object));
        assert.equal(ref['url'], expectedUrl, where(file, object));
      }
    }
  });

  it('uses the deterministic (UUIDv5) id for every SCO', async (t) => {
    const stix = await loadStix();
    if (typeof stix === 'string') return t.skip(stix);
    for (const { file, object } of all) {
      if (!SCO_TYPES.has(object.type)) continue;
      const { id: _id, ...withoutId } = object;
      assert.equal(stix.deterministicScoId(withoutId), object.id, `${where(file, object)}: not the deterministic id`);
    }
  });

  it('gives every indicator a STIX pattern that src/pattern accepts without findings', async (t) => {
    const pattern = await loadPattern();
    if (typeof pattern === 'string') return t.skip(pattern);
    for (const { file, object } of all) {
      if (object.type !== 'indicator') continue;
      const result = pattern.checkPattern(String(object['pattern']));
      const findings = [...result.errors, ...result.warnings].map((f) => JSON.stringify(f)).join('\n');
      assert.ok(result.valid && result.warnings.length === 0, `${where(file, object)}: ${findings}`);
    }
  });

  it('tells a consistent story: each indicator matches the observed-data it is based on or sighted in', async (t) => {
    const pattern = await loadPattern();
    if (typeof pattern === 'string') return t.skip(pattern);
    const scos = new Map(all.filter(({ object }) => SCO_TYPES.has(object.type)).map(({ object }) => [object.id, object]));
    const claims: Array<[string, string, string]> = [];
    for (const { object } of all) {
      if (object.type === 'relationship' && object['relationship_type'] === 'based-on') {
        claims.push([object.id, String(object['source_ref']), String(object['target_ref'])]);
      }
      if (object.type === 'sighting' && Array.isArray(object['observed_data_refs'])) {
        for (const od of object['observed_data_refs']) claims.push([object.id, String(object['sighting_of_ref']), String(od)]);
      }
    }
    assert.ok(claims.length >= 3, 'expected based-on relationships and a sighting with observed data');
    for (const [claim, indicatorId, observedId] of claims) {
      const indicator = byId.get(indicatorId);
      const observed = byId.get(observedId);
      assert.ok(indicator && observed, `${claim}: dangling indicator or observed-data`);
      const parsed = pattern.parsePattern(String(indicator['pattern']));
      assert.ok(parsed.ok, `${indicatorId}: pattern does not parse`);
      const result = pattern.matchPattern(
        pattern.compilePattern(parsed.ast),
        [observed as unknown as Parameters<typeof pattern.matchPattern>[1][number]],
        scos,
      );
      assert.ok(result.matched, `${claim}: ${indicatorId} does not match ${observedId}`);
    }
  });

  // The one SHOULD the data deliberately does not meet: STIX 2.1 external references SHOULD carry
  // `hashes` of the page at `url`. Hashes of live ATT&CK and cve.org pages would be invented (and
  // change with every page edit), so the references carry id and url only, as ATT&CK's own data does.
  const ACCEPTED_WARNING_CHECKS = ['extref-hashes'];

  it('validates every bundle with src/stix: no errors, and in strict mode none beyond the accepted SHOULD', async (t) => {
    const stix = await loadStix();
    if (typeof stix === 'string') return t.skip(stix);
    const show = (findings: ReadonlyArray<{ code: string; path: string; message: string }>): string =>
      findings.map((f) => `  ${f.code} ${f.path} ${f.message}`).join('\n');
    for (const { file, raw } of bundles) {
      const lenient = stix.validate(raw, { strict: false });
      assert.equal(lenient.errors.length, 0, `${file}:\n${show(lenient.errors)}`);
      assert.equal(lenient.valid, true, `${file} is not valid`);
      const unexpected = lenient.warnings.filter((f) => !ACCEPTED_WARNING_CHECKS.includes(f.check ?? ''));
      assert.equal(unexpected.length, 0, `${file} warnings:\n${show(unexpected)}`);
      const strict = stix.validate(raw, { strict: true, disabled: ACCEPTED_WARNING_CHECKS });
      assert.equal(strict.errors.length, 0, `${file} (strict):\n${show(strict.errors)}`);
      assert.equal(strict.valid, true, `${file} (strict) is not valid`);
    }
  });
});

type StixModule = typeof import('../../src/stix/index.js');
let stixModule: Promise<StixModule | string> | undefined;

/** The validator module, or the reason it cannot be used yet (it is built in parallel). */
function loadStix(): Promise<StixModule | string> {
  stixModule ??= existsSync(join(repoRoot, 'src/stix/index.ts'))
    ? import('../../src/stix/index.js').then(
        (module) => module,
        (error: unknown) => `src/stix/index.ts does not load yet: ${String(error).split('\n')[0]}`,
      )
    : Promise.resolve('src/stix/index.ts does not exist yet');
  return stixModule;
}

type PatternModule = typeof import('../../src/pattern/index.js');
let patternModule: Promise<PatternModule | string> | undefined;

/** The pattern engine, or the reason it cannot be used yet (it is built in parallel). */
function loadPattern(): Promise<PatternModule | string> {
  patternModule ??= existsSync(join(repoRoot, 'src/pattern/index.ts'))
    ? import('../../src/pattern/index.js').then(
        (module) => module,
        (error: unknown) => `src/pattern/index.ts does not load yet: ${String(error).split('\n')[0]}`,
      )
    : Promise.resolve('src/pattern/index.ts does not exist yet');
  return patternModule;
}
