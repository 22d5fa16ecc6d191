// How `setu import` treats STIX 2.0 content. Without --upgrade-from-2.0 it is refused with
// "STIX 2.0 content: <what shows it> — use --upgrade-from-2.0" before anything of the file is
// stored; with the flag each 2.0 object is replaced on its way into ingest by its 2.1 conversion
// (stix/upgrade), every change recorded. Objects already in 2.1 pass as their received text.
import { SetuError } from '../errors/index.js';
import { createUpgrader, isStix20Object, stix20Evidence, type UpgradeChange } from '../stix/index.js';

/** One file's step between the splitter and ingest: refuses or upgrades 2.0 objects. */
export interface Stix20Step {
  (raws: Iterable<string>): Iterable<string>;
  /** The changes made so far (empty when refusing). */
  readonly changes: readonly UpgradeChange[];
}

/** `label` names the i-th object of the file in messages and change paths, e.g. "objects[3]". */
export function stix20Step(upgrade: boolean, newId: () => string, label: (index: number) => string): Stix20Step {
  const changes: UpgradeChange[] = [];
  const upgrader = createUpgrader({ newId }, changes);
  let index = 0;
  const step = function* (raws: Iterable<string>): Generator<string> {
    for (const raw of raws) {
      const at = label(index++);
      const value = maybeStix20(raw);
      if (value === undefined) {
        yield raw;
        continue;
      }
      if (!upgrade) throw stix20Content(value, at);
      for (const object of upgrader.object(value, at)) yield JSON.stringify(object);
    }
  };
  return Object.assign(step, { changes });
}

/**
 * Refuses a file whose elements hold STIX 2.0 content, before any of them is stored (JSON lines are
 * written in several transactions, so the check cannot wait for the stream). Blank lines are skipped.
 */
export function refuseStix20(raws: Iterable<string>, label: (index: number) => string): void {
  let index = 0;
  for (const raw of raws) {
    const at = label(index++);
    if (raw.trim() === '') continue;
    const value = maybeStix20(raw);
    if (value !== undefined) throw stix20Content(value, at);
    // a line may hold a whole bundle, whose objects are imported with it
    if (/^\s*\{\s*"type"\s*:\s*"bundle"/.test(raw)) {
      const evidence = bundleEvidence(raw);
      if (evidence !== null) throw new SetuError('SETU_ERR_STIX_2_0_CONTENT', `STIX 2.0 content: ${at}: ${evidence.replace(/^\$\./, '')} — use --upgrade-from-2.0 to convert it to STIX 2.1 on import`, { at });
    }
  }
}

function bundleEvidence(raw: string): string | null {
  try {
    return stix20Evidence(JSON.parse(raw));
  } catch {
    return null; // ingest reports it as not JSON
  }
}

/**
 * The parsed object when a raw element is STIX 2.0, else undefined. Most elements are told apart
 * without parsing: a top-level spec_version other than "2.0" appears as text in every 2.1 SDO/SRO.
 */
function maybeStix20(raw: string): Record<string, unknown> | undefined {
  if (raw.includes('"spec_version"') && !/"spec_version"\s*:\s*"2\.0"/.test(raw)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined; // ingest reports it as not JSON
  }
  return isStix20Object(value) ? (value as Record<string, unknown>) : undefined;
}

function stix20Content(value: Record<string, unknown>, at: string): SetuError {
  const evidence = (stix20Evidence(value) ?? 'it is STIX 2.0').replace(/^\$ /, `${at} `);
  return new SetuError('SETU_ERR_STIX_2_0_CONTENT', `STIX 2.0 content: ${evidence} — use --upgrade-from-2.0 to convert it to STIX 2.1 on import`, { at });
}
