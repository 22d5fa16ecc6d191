// The reference-index rows of one version as written (both adapters call this inside their write
// transaction). Text without any `_ref` key is not parsed: most SCOs and many SDOs reference nothing.
import { refsOf, type ObjectRef } from '../search/index.js';

export function refRowsOf(json: string): ObjectRef[] {
  if (!json.includes('_ref')) return [];
  try {
    return refsOf(JSON.parse(json));
  } catch {
    // The store takes what ingest validated; text that is not JSON references nothing.
    return [];
  }
}
