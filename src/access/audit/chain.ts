// The chain rule, pure: an entry's hash is SHA-256 (hex) over the RFC 8785 canonical JSON of
// every field but `hash`; each entry carries its predecessor's hash as prevHash (64 zeros for
// the first). No clock and no I/O: the time and the head are passed in.
import { createHash } from 'node:crypto';
import canonicalizeModule from 'canonicalize';
import { AUDIT_GENESIS_HASH, type AuditActor, type AuditEntry, type AuditHead, type AuditJsonObject } from '../../store/index.js';

// canonicalize is CommonJS (module.exports = fn) while its typings declare a default export.
const canonicalize = canonicalizeModule as unknown as (input: unknown) => string | undefined;

export type AuditEntryBody = Omit<AuditEntry, 'hash'>;

/** RFC 8785 canonical JSON text of a value (throws on NaN/Infinity, as RFC 8785 requires). */
export function canonicalJson(value: unknown): string {
  return canonicalize(value) ?? 'null';
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The hash an entry must carry: over every field except `hash` itself. */
export function hashEntry(entry: AuditEntryBody | AuditEntry): string {
  const { seq, at, actor, action, target, details, prevHash } = entry;
  return sha256Hex(canonicalJson({ seq, at, actor, action, target, details, prevHash }));
}

export interface EntryContent {
  /** RFC 3339 UTC (microseconds), from the caller's clock. */
  readonly at: string;
  readonly actor: AuditActor;
  readonly action: string;
  readonly target: AuditJsonObject;
  /** Any JSON-serialisable object (records such as an Organisation are fine): stored as its JSON. */
  readonly details?: object;
}

/**
 * The entry that extends `head` (undefined = empty log). Content passes through a JSON round
 * trip first, so what is hashed is exactly what a store writes and reads back (undefined
 * properties vanish, -0 becomes 0).
 */
export function nextEntry(head: AuditHead | undefined, content: EntryContent): AuditEntry {
  const plain = JSON.parse(JSON.stringify({ actor: content.actor, target: content.target, details: content.details ?? {} })) as Pick<AuditEntry, 'actor' | 'target' | 'details'>;
  const body: AuditEntryBody = {
    seq: (head?.seq ?? 0) + 1,
    at: content.at,
    actor: plain.actor,
    action: content.action,
    target: plain.target,
    details: plain.details,
    prevHash: head?.hash ?? AUDIT_GENESIS_HASH,
  };
  return { ...body, hash: hashEntry(body) };
}
