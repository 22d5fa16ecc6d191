// The JSON of a stored version as one reader may see it: the stored text byte for byte, unless the
// version carries granular markings stricter than its own level that this reader lacks; then the
// selected fields are removed (access.withoutHiddenFields). Only rows flagged at write time are
// parsed, so the common path stays a verbatim splice.

import { withoutHiddenFields, type ReadScope } from '../access/index.js';
import type { ObjectRecord } from '../store/index.js';

export function servedJson(record: ObjectRecord, reader: ReadScope): string {
  const json = record.json ?? 'null';
  if (record.hasGranular !== true || record.tlp === undefined) return json;
  const object = JSON.parse(json) as Record<string, unknown>;
  const shown = withoutHiddenFields(object, record.tlp, record.ownerOrg ?? null, reader);
  return shown === object ? json : JSON.stringify(shown);
}
