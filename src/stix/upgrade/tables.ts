// What changed between STIX 2.0 and STIX 2.1, as data (STIX 2.1 appendix "Changes from STIX 2.0",
// read against the STIX 2.0 parts 1-4). The converter walks these tables; a change the tables do
// not list is not made.
import type { OpenVocabName } from '../vocab/index.js';

/** One change the upgrade made (or could not make) to one object. */
export interface UpgradeChange {
  /** The object's id after the upgrade (null when it has none). */
  readonly objectId: string | null;
  /** JSON path in the 2.0 input, e.g. "$.objects[2].labels". */
  readonly path: string;
  readonly change: string;
}

/**
 * SDOs whose 2.0 `labels` carried the object's type from an open vocabulary: 2.1 gives that role
 * to a `*_types` property, and `labels` becomes the free classification every object may carry.
 */
export const LABELS_TO_TYPES: Readonly<Record<string, { readonly property: string; readonly vocab: OpenVocabName }>> = {
  indicator: { property: 'indicator_types', vocab: 'indicator-type-ov' },
  malware: { property: 'malware_types', vocab: 'malware-type-ov' },
  report: { property: 'report_types', vocab: 'report-type-ov' },
  'threat-actor': { property: 'threat_actor_types', vocab: 'threat-actor-type-ov' },
  tool: { property: 'tool_types', vocab: 'tool-type-ov' },
};

/** Properties 2.1 requires that 2.0 did not have, with the value the upgrade supplies and why. */
export const ADDED_PROPERTIES: Readonly<Record<string, readonly { readonly property: string; readonly value: unknown; readonly why: string }[]>> = {
  indicator: [{ property: 'pattern_type', value: 'stix', why: 'every STIX 2.0 indicator pattern is a STIX pattern' }],
  malware: [{ property: 'is_family', value: true, why: 'STIX 2.0 malware names a family or kind of malware, not one sample' }],
};

/** Cyber-observable properties renamed in 2.1 (old -> new). */
export const SCO_RENAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  file: { created: 'ctime', modified: 'mtime', accessed: 'atime' },
  directory: { created: 'ctime', modified: 'mtime', accessed: 'atime' },
  process: { created: 'created_time', binary_ref: 'image_ref' },
  'user-account': { password_last_changed: 'credential_last_changed' },
  'windows-registry-key': { modified: 'modified_time' },
};

/** Cyber-observable properties 2.1 removed, with where the information went (if anywhere). */
export const SCO_REMOVALS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  file: {
    is_encrypted: 'encryption moved to artifact (encryption_algorithm, decryption_key) in STIX 2.1',
    encryption_algorithm: 'moved to artifact in STIX 2.1',
    decryption_key: 'moved to artifact in STIX 2.1',
  },
  process: {
    name: 'STIX 2.1 process has no name (the image is image_ref)',
    arguments: 'STIX 2.1 process keeps only command_line',
  },
};

/** Properties removed from a predefined cyber-observable extension. */
export const SCO_EXTENSION_REMOVALS: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, string>>>>>> = {
  'network-traffic': { 'socket-ext': { protocol_family: 'STIX 2.1 socket-ext has no protocol_family' } },
};

/** created/modified: STIX 2.1 requires at least millisecond precision. */
export const MILLISECOND_TIMESTAMPS = ['created', 'modified'] as const;
