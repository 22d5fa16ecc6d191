// The audit events of object traffic, built from what a request did (pure): one entry per write
// request listing every stored [id, version], one per delete, and one per read request listing
// the AMBER, AMBER+STRICT and RED versions another organisation received.
import type { TlpLevel } from '../../stix/index.js';
import type { AuditActor, ObjectRecord, VersionSelector } from '../../store/index.js';
import type { AuditEvent } from './sink.js';

/** Which TLP levels make a read by another organisation worth an audit entry. */
export const RESTRICTED_TLP: Readonly<Record<TlpLevel, boolean>> = {
  clear: false,
  green: false,
  amber: true,
  'amber+strict': true,
  red: true,
};

type Stored = Pick<ObjectRecord, 'id' | 'version' | 'dateAdded'>;

function versionOf(record: Stored): string {
  return record.version ?? record.dateAdded;
}

/** One entry for one write request: the [id, version] of every version it stored. */
export function writeEvent(actor: AuditActor, collectionId: string, statusId: string, added: readonly Stored[], failed: number): AuditEvent {
  return {
    action: 'object.write',
    actor,
    target: { collectionId, objects: added.map((r) => [r.id, versionOf(r)]) },
    details: { statusId, added: added.length, failed },
  };
}

export function deleteEvent(actor: AuditActor, collectionId: string, objectId: string, versions: readonly VersionSelector[], specVersions: readonly string[] | undefined, deleted: number): AuditEvent {
  return {
    action: 'object.delete',
    actor,
    target: { collectionId, objectId },
    details: { versions: versions.map((v) => (v.kind === 'at' ? v.timestamp : v.kind)), specVersions: specVersions ?? null, deleted },
  };
}

/**
 * The restricted versions among what `readerOrg` received: TLP AMBER, AMBER+STRICT or RED that
 * another organisation (or the node itself, owner null) submitted. Records without visibility
 * columns are not judged (the store returns them only on queries that name a reader).
 */
export function restrictedReads(records: readonly (Stored & Pick<ObjectRecord, 'tlp' | 'ownerOrg'>)[], readerOrg: string): [string, string, TlpLevel][] {
  const found: [string, string, TlpLevel][] = [];
  for (const r of records) {
    if (r.tlp !== undefined && RESTRICTED_TLP[r.tlp] && r.ownerOrg !== readerOrg) found.push([r.id, versionOf(r), r.tlp]);
  }
  return found;
}

/** One entry for one read request, or undefined when nothing restricted was read. */
export function readEvent(actor: AuditActor, collectionId: string, records: Parameters<typeof restrictedReads>[0]): AuditEvent | undefined {
  if (actor.orgId === null) return undefined;
  const read = restrictedReads(records, actor.orgId);
  if (read.length === 0) return undefined;
  return { action: 'object.read-restricted', actor, target: { collectionId, objects: read }, details: { count: read.length } };
}
