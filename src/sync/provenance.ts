// The Setu provenance extension: where an object came from, carried inside it as a standard STIX
// 2.1 property extension so that any STIX tool keeps it:
//   "extensions": { "<SETU_PROVENANCE_EXTENSION_ID>": { "extension_type": "property-extension",
//                    "origin_node": "<node id>", "hops": ["<node id>", ...] } }
// A node id is the SHA-256 (hex) of the node's raw Ed25519 public key (its key fingerprint). The
// hops list every node that sent the object on, in order, the origin first. A node stamps itself
// onto the chain as it sends; the receiver stores what it received byte for byte. Pure.
import { SETU_PROJECT_IDENTITY_ID } from '../access/index.js';
import { SETU_PROVENANCE_EXTENSION_ID } from '../ingest/index.js';

export { SETU_PROVENANCE_EXTENSION_ID };

export const SETU_PROVENANCE_EXTENSION: Readonly<Record<string, unknown>> = Object.freeze({
  type: 'extension-definition',
  spec_version: '2.1',
  id: SETU_PROVENANCE_EXTENSION_ID,
  created_by_ref: SETU_PROJECT_IDENTITY_ID,
  created: '2026-11-20T00:00:00.000Z',
  modified: '2026-11-20T00:00:00.000Z',
  name: 'Setu provenance',
  description:
    'Records the Setu node an object originated on and the chain of nodes that passed it on. A node never sends an object ' +
    'to a node already in its chain. The chain may differ between copies of one version that travelled different paths.',
  schema:
    'A property extension: "extension_type": "property-extension", "origin_node" (a node id: SHA-256 hex of the node\'s ' +
    'Ed25519 public key) and "hops", a non-empty list of node ids, origin first, each node that sent the object on.',
  version: '1.0.0',
  extension_types: Object.freeze(['property-extension']),
});

/** Types never stamped: marking definitions are fixed texts every node must hold identically. */
const UNSTAMPED_TYPES: ReadonlySet<string> = new Set(['marking-definition', 'extension-definition']);

export interface Chain {
  readonly origin: string;
  readonly hops: readonly string[];
}

const NODE_ID = /^[0-9a-f]{64}$/;

function chainIn(object: Readonly<Record<string, unknown>>): Chain | null {
  const extensions = object['extensions'];
  if (typeof extensions !== 'object' || extensions === null) return null;
  const ext = (extensions as Record<string, unknown>)[SETU_PROVENANCE_EXTENSION_ID];
  if (typeof ext !== 'object' || ext === null) return null;
  const { origin_node: origin, hops } = ext as Record<string, unknown>;
  if (typeof origin !== 'string' || !Array.isArray(hops)) return null;
  return { origin, hops: hops.filter((h): h is string => typeof h === 'string') };
}

/** The chain an object's JSON carries, or null (none, or malformed). */
export function readChain(json: string): Chain | null {
  if (!json.includes(SETU_PROVENANCE_EXTENSION_ID)) return null;
  try {
    return chainIn(JSON.parse(json) as Record<string, unknown>);
  } catch {
    return null;
  }
}

/** True when `nodeId` already handled this object (so it must not be sent there). */
export function chainIncludes(chain: Chain | null, nodeId: string): boolean {
  return chain !== null && (chain.origin === nodeId || chain.hops.includes(nodeId));
}

/**
 * The JSON to send from node `self`: the object with `self` appended to its chain (or a new chain
 * starting at `self`). Deterministic, so a re-send after a crash is byte-identical.
 */
export function stamp(json: string, type: string, self: string): string {
  if (UNSTAMPED_TYPES.has(type) || !NODE_ID.test(self)) return json;
  if (!json.includes('"extensions"')) {
    // Fast path: append one property before the closing brace (no re-serialisation).
    const end = json.lastIndexOf('}');
    if (end > 0) {
      const body = JSON.stringify({ extension_type: 'property-extension', origin_node: self, hops: [self] });
      let before = end - 1;
      while (before > 0 && (json.charCodeAt(before) === 0x20 || json.charCodeAt(before) === 0x0a || json.charCodeAt(before) === 0x0d || json.charCodeAt(before) === 0x09)) before--;
      const empty = json.charCodeAt(before) === 0x7b; // '{': the object has no members yet
      return `${json.slice(0, end)}${empty ? '' : ','}"extensions":{"${SETU_PROVENANCE_EXTENSION_ID}":${body}}${json.slice(end)}`;
    }
  }
  const object = JSON.parse(json) as Record<string, unknown>;
  const previous = chainIn(object);
  const chain = previous === null ? { origin: self, hops: [self] } : { origin: previous.origin, hops: previous.hops.at(-1) === self ? previous.hops : [...previous.hops, self] };
  const extensions = { ...((object['extensions'] as Record<string, unknown> | undefined) ?? {}) };
  extensions[SETU_PROVENANCE_EXTENSION_ID] = { extension_type: 'property-extension', origin_node: chain.origin, hops: chain.hops };
  return JSON.stringify({ ...object, extensions });
}
