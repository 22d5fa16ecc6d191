// Provenance-aware idempotency. Federated objects carry the Setu provenance property extension
// (origin node and hop chain), which changes from hop to hop, so one (id, version) can arrive over
// two paths with different chains (a diamond A->B->D, A->C->D). Such a re-post is the same
// version: before the store compares bytes, an incoming object whose content equals a stored
// version's content once the provenance extension is set aside is replaced by the stored text,
// so the store reports an idempotent success and keeps the first copy byte for byte.
//
// The store's own check stays byte-exact; this step only decides "same content" for versions
// that differ in provenance alone. A concurrent writer between the look-up and the write can
// still produce a conflict failure; the sender retries and then meets this step again.
import canonicalizeModule from 'canonicalize';
import type { NewObjectVersion, ObjectRecord, Store } from '../store/index.js';

const canonicalize = canonicalizeModule as unknown as (input: unknown) => string | undefined;

/** The Setu provenance extension-definition id (the definition itself is served by sync/). */
export const SETU_PROVENANCE_EXTENSION_ID = 'extension-definition--5b0c8d3e-4f6a-4e21-9c7d-3a1b2e4f6d80';

const LOOKUP_PAGE = 5000;

/** The object's canonical JSON without the provenance extension (and without `extensions` when that was its only one). */
export function contentWithoutProvenance(json: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const object = { ...(value as Record<string, unknown>) };
  const extensions = object['extensions'];
  if (typeof extensions === 'object' && extensions !== null && !Array.isArray(extensions) && Object.hasOwn(extensions, SETU_PROVENANCE_EXTENSION_ID)) {
    const rest = { ...(extensions as Record<string, unknown>) };
    delete rest[SETU_PROVENANCE_EXTENSION_ID];
    if (Object.keys(rest).length === 0) delete object['extensions'];
    else object['extensions'] = rest;
  }
  return canonicalize(object);
}

function instant(version: string | null): string {
  if (version === null) return '';
  const m = /^(.*?)(?:\.(\d+))?[Zz]$/.exec(version);
  return m === null ? version : `${m[1] ?? ''}.${((m[2] ?? '') + '000000').slice(0, 6)}Z`;
}

const keyOf = (id: string, version: string | null, specVersion: string) => `${id}\u0000${instant(version)}\u0000${specVersion}`;

/**
 * The accepted versions, with the stored text substituted wherever the collection already holds
 * the same (id, version) whose content differs from the incoming one only in provenance.
 */
export async function alignProvenance(store: Store, collectionId: string, accepted: readonly NewObjectVersion[]): Promise<NewObjectVersion[]> {
  if (accepted.length === 0) return [];
  // Index-only look-up first: which accepted versions does the collection already hold?
  const held = await storedVersions(store, collectionId, accepted, false);
  const known = accepted.filter((v) => held.has(keyOf(v.id, v.version, v.specVersion)));
  if (known.length === 0) return [...accepted];
  const stored = await storedVersions(store, collectionId, known, true);
  return accepted.map((v) => {
    const existing = stored.get(keyOf(v.id, v.version, v.specVersion));
    if (existing === undefined || existing === v.json) return v;
    if (!existing.includes(SETU_PROVENANCE_EXTENSION_ID) && !v.json.includes(SETU_PROVENANCE_EXTENSION_ID)) return v;
    const a = contentWithoutProvenance(existing);
    return a !== undefined && a === contentWithoutProvenance(v.json) ? { ...v, json: existing } : v;
  });
}

/** The stored versions (key -> JSON, or '' without bodies) of the ids among `versions`. */
async function storedVersions(store: Store, collectionId: string, versions: readonly NewObjectVersion[], withJson: boolean): Promise<Map<string, string>> {
  const ids = [...new Set(versions.map((v) => v.id))];
  const specVersions = [...new Set(versions.map((v) => v.specVersion))];
  const stored = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    let afterSeq: number | undefined;
    for (;;) {
      const page = await store
        .queryObjects({
          collectionId,
          ids: ids.slice(i, i + 500),
          versions: [{ kind: 'all' }],
          specVersions,
          limit: LOOKUP_PAGE,
          withJson,
          ...(afterSeq === undefined ? {} : { afterSeq }),
        })
        .catch(() => undefined);
      if (page === undefined) break;
      for (const r of page.records as readonly ObjectRecord[]) stored.set(keyOf(r.id, r.version, r.specVersion), r.json ?? '');
      const last = page.records.at(-1);
      if (!page.more || last === undefined) break;
      afterSeq = last.seq;
    }
  }
  return stored;
}
