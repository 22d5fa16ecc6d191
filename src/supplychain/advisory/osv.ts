// OSV records read into the advisory model. Each affected[] package is identified by its purl
// (package.purl, else built from the ecosystem mapping and the name); each SEMVER or ECOSYSTEM
// range becomes one statement read under the ecosystem's scheme, and the affected[].versions list
// another. GIT ranges name commits, which no purl version can be compared with: they are kept as
// "git" ranges and reported. Entries a scheme cannot read are reported and left out.
import { finding, success } from '../errors.js';
import type { Finding, Outcome } from '../errors.js';
import { parseVersion } from '../compare.js';
import { buildPurl, parsePurl } from '../purl.js';
import type { Purl } from '../purl.js';
import type { Affected, Advisory, OsvEvent, ProductIdentity } from './model.js';
import { readEcosystem } from './osv-ecosystems.js';
import type { EcosystemMapping } from './osv-ecosystems.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const EVENT_KEYS = ['introduced', 'fixed', 'last_affected', 'limit'] as const;

function purlFor(mapping: EcosystemMapping, name: string): { namespace?: string; name: string } {
  if (mapping.split === 'maven' && name.includes(':')) return { namespace: name.slice(0, name.indexOf(':')), name: name.slice(name.indexOf(':') + 1) };
  if (mapping.split === 'path' && name.includes('/')) return { namespace: name.slice(0, name.lastIndexOf('/')), name: name.slice(name.lastIndexOf('/') + 1) };
  return mapping.namespace === undefined ? { name } : { namespace: mapping.namespace, name };
}

/**
 * The package's purl from the ecosystem mapping. packageurl-js 2.0.1 requires a version for some
 * types (cran); the package key is then taken from a purl built with the version "0" and the
 * version-less key stands as the purl.
 */
function packagePurl(mapping: EcosystemMapping, name: string): Outcome<Purl> {
  const parts = { type: mapping.purlType, ...purlFor(mapping, name) };
  const plain = buildPurl(parts);
  if (plain.ok || !/requires a "version"/.test(plain.problem.rule)) return plain;
  const versioned = buildPurl({ ...parts, version: '0' });
  return versioned.ok ? success({ ...versioned.value, version: null, canonical: versioned.value.packageKey }) : versioned;
}

function readEvents(raw: unknown, document: string, path: string, findings: Finding[]): OsvEvent[] {
  if (!Array.isArray(raw)) {
    findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT', document, `${path}.events`, 'a range has an events array'));
    return [];
  }
  const events: OsvEvent[] = [];
  raw.forEach((e, k) => {
    const keys = isObject(e) ? EVENT_KEYS.filter((key) => typeof e[key] === 'string') : [];
    if (!isObject(e) || keys.length !== 1) {
      findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT', document, `${path}.events[${k}]`, 'an event has exactly one of introduced, fixed, last_affected, limit (a string)'));
      return;
    }
    events.push({ [keys[0]!]: e[keys[0]!] as string });
  });
  return events;
}

export function readOsv(input: unknown, name = 'osv'): Advisory {
  const findings: Finding[] = [];
  const affected: Affected[] = [];
  if (!isObject(input) || typeof input['id'] !== 'string') {
    findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT', name, '$.id', 'an OSV record is an object with a string id'));
    return { format: 'osv', document: name, vex: false, vulnerabilities: [], affected, findings };
  }
  const document = input['id'];
  const aliases = Array.isArray(input['aliases']) ? input['aliases'].filter((a): a is string => typeof a === 'string') : [];
  const vulnerabilities = [document, ...aliases.filter((a) => a !== document)];
  const list = Array.isArray(input['affected']) ? input['affected'] : [];
  list.forEach((entry, i) => {
    const at = `$.affected[${i}]`;
    if (!isObject(entry)) return void findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT', document, at, 'an affected entry is an object'));
    const pkg = isObject(entry['package']) ? entry['package'] : undefined;
    const ranges = Array.isArray(entry['ranges']) ? entry['ranges'] : [];
    let product: ProductIdentity | undefined;
    let mapping: EcosystemMapping | undefined;
    if (pkg !== undefined) {
      const eco = readEcosystem(text(pkg['ecosystem']) ?? '');
      if (!eco.ok) findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNKNOWN_ECOSYSTEM', document, `${at}.package.ecosystem`, eco.rule, 'warning'));
      else mapping = eco.mapping;
      const given = text(pkg['purl']);
      const pkgName = text(pkg['name']);
      const built = given !== undefined ? parsePurl(given) : mapping && pkgName ? packagePurl(mapping, pkgName) : undefined;
      if (built?.ok) product = { kind: 'purl', purl: built.value.canonical, packageKey: built.value.packageKey };
      else findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_COMPONENT', document, `${at}.package`, built ? `no purl for the package: ${built.problem.rule}` : 'the package has no purl and its ecosystem is not mapped', 'warning'));
    }
    ranges.forEach((r, j) => {
      const path = `${at}.ranges[${j}]`;
      if (!isObject(r)) return void findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT', document, path, 'a range is an object'));
      const type = r['type'];
      const events = readEvents(r['events'], document, path, findings);
      if (type === 'GIT') {
        findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNMATCHABLE_RANGE', document, path, `a GIT range names commits of ${text(r['repo']) ?? 'a repository'}; no purl version can be compared with it`, 'warning'));
        if (product) affected.push({ product, range: { kind: 'git', repo: text(r['repo']) ?? '', events }, status: 'affected', vulnerabilities, clause: path, statedAs: 'GIT range' });
        return;
      }
      if (type !== 'SEMVER' && type !== 'ECOSYSTEM') return void findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_DOCUMENT', document, `${path}.type`, 'a range type is SEMVER, ECOSYSTEM or GIT'));
      if (!product || !mapping) return;
      const scheme = type === 'SEMVER' ? 'semver' : mapping.scheme;
      const readable = events.filter((e) => {
        const v = e.introduced ?? e.fixed ?? e.last_affected ?? e.limit ?? '';
        if (v === '0' && e.introduced !== undefined) return true;
        const parsed = parseVersion(scheme, v);
        if (!parsed.ok) findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_COMPONENT', document, `${path}.events`, `event version "${v}" cannot be read under ${scheme}: ${parsed.problem.rule}; the event is left out`, 'warning'));
        return parsed.ok;
      });
      affected.push({ product, range: { kind: 'osv', type, scheme, events: readable }, status: 'affected', vulnerabilities, clause: path, statedAs: `${type} range` });
    });
    const versions = Array.isArray(entry['versions']) ? entry['versions'].filter((v): v is string => typeof v === 'string') : [];
    if (versions.length > 0 && product && mapping) {
      const scheme = mapping.scheme;
      const readable = versions.filter((v, k) => {
        const parsed = parseVersion(scheme, v);
        if (!parsed.ok) findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNREADABLE_COMPONENT', document, `${at}.versions[${k}]`, `listed version "${v}" cannot be read under ${scheme}: ${parsed.problem.rule}; it is left out`, 'warning'));
        return parsed.ok;
      });
      affected.push({ product, range: { kind: 'versions', scheme, versions: readable }, status: 'affected', vulnerabilities, clause: `${at}.versions`, statedAs: 'listed versions' });
    }
  });
  return { format: 'osv', document, vex: false, vulnerabilities, affected, findings };
}
