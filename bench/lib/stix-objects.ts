// A deterministic stream of realistic, valid STIX 2.1 objects for the benchmarks: the mix a CERT
// feed carries (indicators, SCOs, relationships, malware, identities, attack patterns,
// vulnerabilities, sightings), with descriptions, external references, kill-chain phases, TLP
// markings and created_by_ref, so sizes are what a real bundle holds (about 300-900 bytes each).
// A fraction of SDOs are newer versions of an earlier id (same id and created, later modified).
import { withDeterministicId } from '../../src/stix/index.js';
import { createRng, type Rng } from './rng.js';

export interface GeneratedObject {
  readonly id: string;
  readonly type: string;
  /** modified, else created, else null (SCOs). */
  readonly version: string | null;
  readonly json: string;
}

export interface StixGenerator {
  next(): GeneratedObject;
  /** How many objects were generated so far. */
  readonly count: number;
}

const TLP_GREEN = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb';
const TLP_AMBER = 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421';
const TLP_CLEAR = 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487';
const BASE_MS = Date.UTC(2024, 0, 1);
const SECTORS = ['telecommunications', 'government-national', 'energy', 'financial-services', 'technology'] as const;
const INDICATOR_TYPES = ['malicious-activity', 'anomalous-activity', 'compromised', 'attribution'] as const;
const MALWARE_TYPES = ['remote-access-trojan', 'backdoor', 'ransomware', 'downloader', 'dropper', 'bot'] as const;
const PHASES = ['reconnaissance', 'initial-access', 'execution', 'persistence', 'command-and-control', 'exfiltration'] as const;
const REL_TYPES = ['indicates', 'uses', 'targets', 'related-to'] as const;
const TLDS = ['example', 'test', 'invalid'] as const;
const WORDS = [
  'observed', 'beacon', 'telecom', 'operator', 'campaign', 'credential', 'phishing', 'infrastructure', 'lateral',
  'movement', 'exfiltration', 'loader', 'payload', 'persistence', 'domain', 'registrar', 'hosting', 'actor',
  'signalling', 'router', 'firmware', 'implant', 'scanning', 'exploit', 'gateway', 'subscriber', 'billing',
] as const;

type Kind = 'indicator' | 'ipv4-addr' | 'domain-name' | 'url' | 'file' | 'relationship' | 'malware' | 'identity' | 'attack-pattern' | 'vulnerability' | 'sighting';

/** Share of each kind in 100 objects (sums to 100). */
const MIX: readonly (readonly [Kind, number])[] = [
  ['indicator', 28],
  ['ipv4-addr', 8],
  ['domain-name', 8],
  ['url', 5],
  ['file', 7],
  ['relationship', 26],
  ['malware', 5],
  ['identity', 3],
  ['attack-pattern', 4],
  ['vulnerability', 3],
  ['sighting', 3],
];
const KIND_TABLE: readonly Kind[] = MIX.flatMap(([kind, share]) => Array.from({ length: share }, () => kind));

const iso = (ms: number): string => new Date(ms).toISOString();

function sentence(rng: Rng, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(rng.pick(WORDS));
  const text = out.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function ipv4(rng: Rng): string {
  return `${[198, 203, 192][rng.int(3)]}.${rng.int(256)}.${rng.int(256)}.${1 + rng.int(254)}`;
}

function domain(rng: Rng): string {
  return `${rng.pick(WORDS)}-${rng.hex(6)}.${rng.pick(TLDS)}`;
}

export function createStixGenerator(seed: number, options: { readonly revisionRate?: number } = {}): StixGenerator {
  const rng = createRng(seed);
  const revisionRate = options.revisionRate ?? 0.05;
  const identities: string[] = [`identity--${rng.uuid4()}`];
  const recentSdos: { id: string; type: Kind; created: number }[] = [];
  const recentTargets: string[] = [];
  let count = 0;

  function common(type: string, id: string, created: number, modified: number): Record<string, unknown> {
    return {
      type,
      spec_version: '2.1',
      id,
      created_by_ref: rng.pick(identities),
      created: iso(created),
      modified: iso(modified),
      object_marking_refs: [rng.pick([TLP_GREEN, TLP_GREEN, TLP_AMBER, TLP_CLEAR])],
    };
  }

  function sdo(kind: Kind, id: string, created: number, modified: number): Record<string, unknown> {
    const base = common(kind, id, created, modified);
    switch (kind) {
      case 'indicator': {
        const ip = ipv4(rng);
        return {
          ...base,
          name: `C2 address ${ip}`,
          description: sentence(rng, 14 + rng.int(20)),
          indicator_types: [rng.pick(INDICATOR_TYPES)],
          pattern: rng.next() < 0.5 ? `[ipv4-addr:value = '${ip}']` : `[domain-name:value = '${domain(rng)}'] OR [url:value = 'https://${domain(rng)}/${rng.hex(8)}']`,
          pattern_type: 'stix',
          valid_from: iso(created),
          kill_chain_phases: [{ kill_chain_name: 'mitre-attack', phase_name: rng.pick(PHASES) }],
          labels: ['telecom', rng.pick(WORDS)],
          confidence: 50 + rng.int(50),
          external_references: [{ source_name: 'setu-bench', url: `https://reports.example/${rng.hex(12)}`, description: sentence(rng, 6) }],
        };
      }
      case 'malware':
        return {
          ...base,
          name: `${rng.pick(WORDS)}-${rng.hex(4)}`,
          description: sentence(rng, 20 + rng.int(30)),
          malware_types: [rng.pick(MALWARE_TYPES)],
          is_family: true,
          aliases: [`${rng.pick(WORDS)}${rng.int(100)}`],
          kill_chain_phases: [{ kill_chain_name: 'mitre-attack', phase_name: rng.pick(PHASES) }],
        };
      case 'identity':
        return {
          ...base,
          name: `${rng.pick(WORDS)} operator ${rng.hex(4)}`,
          description: sentence(rng, 10),
          identity_class: 'organization',
          sectors: [rng.pick(SECTORS)],
          contact_information: `soc-${rng.hex(4)}@operator.example`,
        };
      case 'attack-pattern': {
        const t = `T${1000 + rng.int(600)}`;
        return {
          ...base,
          name: `Technique ${t}`,
          description: sentence(rng, 25 + rng.int(25)),
          kill_chain_phases: [{ kill_chain_name: 'mitre-attack', phase_name: rng.pick(PHASES) }],
          external_references: [{ source_name: 'mitre-attack', external_id: t, url: `https://attack.mitre.org/techniques/${t}/` }],
        };
      }
      case 'vulnerability': {
        const cve = `CVE-${2018 + rng.int(7)}-${1000 + rng.int(50_000)}`;
        return {
          ...base,
          name: cve,
          description: sentence(rng, 20 + rng.int(20)),
          external_references: [{ source_name: 'cve', external_id: cve }],
        };
      }
      case 'relationship':
        return {
          ...base,
          relationship_type: rng.pick(REL_TYPES),
          source_ref: recentTargets.length > 0 ? rng.pick(recentTargets) : `indicator--${rng.uuid4()}`,
          target_ref: recentTargets.length > 0 ? rng.pick(recentTargets) : `malware--${rng.uuid4()}`,
          description: sentence(rng, 8),
        };
      case 'sighting':
        return {
          ...base,
          sighting_of_ref: recentTargets.length > 0 ? rng.pick(recentTargets) : `indicator--${rng.uuid4()}`,
          where_sighted_refs: [rng.pick(identities)],
          first_seen: iso(created - 3_600_000),
          last_seen: iso(created),
          count: 1 + rng.int(40),
        };
      case 'ipv4-addr':
      case 'domain-name':
      case 'url':
      case 'file':
        throw new Error(`${kind} is an SCO`);
    }
  }

  function sco(kind: Kind): Record<string, unknown> {
    const base = { type: kind, spec_version: '2.1' };
    const bare: Record<string, unknown> =
      kind === 'ipv4-addr'
        ? { ...base, value: ipv4(rng) }
        : kind === 'domain-name'
          ? { ...base, value: domain(rng) }
          : kind === 'url'
            ? { ...base, value: `https://${domain(rng)}/${rng.hex(10)}/${rng.pick(WORDS)}.php` }
            : { ...base, name: `${rng.pick(WORDS)}_${rng.hex(6)}.exe`, size: 10_000 + rng.int(2_000_000), hashes: { 'SHA-256': rng.hex(64), MD5: rng.hex(32) } };
    return withDeterministicId(bare);
  }

  return {
    get count() {
      return count;
    },
    next(): GeneratedObject {
      const n = count++;
      const kind = rng.pick(KIND_TABLE);
      const now = BASE_MS + n * 1000;
      if (kind === 'ipv4-addr' || kind === 'domain-name' || kind === 'url' || kind === 'file') {
        const obj = sco(kind);
        return { id: obj['id'] as string, type: kind, version: null, json: JSON.stringify(obj) };
      }
      const revise = recentSdos.length > 0 && rng.next() < revisionRate;
      const previous = revise ? rng.pick(recentSdos) : undefined;
      const type = previous?.type ?? kind;
      const id = previous?.id ?? `${type}--${rng.uuid4()}`;
      const created = previous?.created ?? now;
      const obj = sdo(type, id, created, now);
      if (previous === undefined) {
        if (recentSdos.length < 5_000) recentSdos.push({ id, type, created });
        else recentSdos[rng.int(5_000)] = { id, type, created };
        if (type === 'identity' && identities.length < 200) identities.push(id);
        if (type !== 'relationship' && type !== 'sighting') {
          if (recentTargets.length < 5_000) recentTargets.push(id);
          else recentTargets[rng.int(5_000)] = id;
        }
      }
      return { id, type, version: iso(now), json: JSON.stringify(obj) };
    },
  };
}
