// Upgrading one STIX 2.0 object (SDO, SRO, marking definition or custom object) to 2.1: the
// changes listed in tables.ts, each recorded as a change with its path. An observed-data also
// yields the SCOs its `objects` dictionary held (observables.ts).
import { OPEN_VOCABULARIES } from '../vocab/index.js';
import { childPath, indexPath, isPlainObject } from '../paths.js';
import { isStixTimestamp } from '../timestamps.js';
import { TLP_MARKINGS } from '../markings.js';
import { extractObservables, type ObservablesContext } from './observables.js';
import { ADDED_PROPERTIES, LABELS_TO_TYPES, MILLISECOND_TIMESTAMPS, type UpgradeChange } from './tables.js';

/** The upgraded object first, then any SCOs it released. */
export function upgradeObject(input: Readonly<Record<string, unknown>>, path: string, ctx: ObservablesContext): Record<string, unknown>[] {
  const id = typeof input['id'] === 'string' ? input['id'] : null;
  const note = (at: string, change: string): void => {
    ctx.changes.push({ objectId: id, path: at, change });
  };
  const type = input['type'];
  // spec_version goes right after type, where 2.1 examples put it
  const out: Record<string, unknown> = { type, spec_version: '2.1' };
  for (const [k, v] of Object.entries(input)) if (k !== 'type' && k !== 'spec_version') out[k] = v;
  note(childPath(path, 'spec_version'), input['spec_version'] === undefined ? 'added "2.1" (STIX 2.1 requires it on every object; 2.0 set it on the bundle)' : `"${String(input['spec_version'])}" -> "2.1"`);

  for (const name of MILLISECOND_TIMESTAMPS) {
    const value = out[name];
    if (typeof value !== 'string' || !isStixTimestamp(value)) continue;
    const padded = toMilliseconds(value);
    if (padded !== value) {
      out[name] = padded;
      note(childPath(path, name), `"${value}" -> "${padded}" (STIX 2.1 requires at least millisecond precision; same instant)`);
    }
  }

  const selectorMoves = new Map<string, string[]>();
  if (typeof type === 'string') {
    const labelRule = LABELS_TO_TYPES[type];
    const labels = out['labels'];
    if (labelRule !== undefined && Array.isArray(labels) && out[labelRule.property] === undefined) {
      const vocab: readonly string[] = OPEN_VOCABULARIES[labelRule.vocab].values;
      const moved: string[] = [];
      const kept: unknown[] = [];
      const labelMoves = new Map<string, string[]>();
      labels.forEach((label, i) => {
        if (typeof label === 'string' && vocab.includes(label)) {
          labelMoves.set(`labels.[${i}]`, [`${labelRule.property}.[${moved.length}]`]);
          moved.push(label);
        } else {
          labelMoves.set(`labels.[${i}]`, [`labels.[${kept.length}]`]);
          kept.push(label);
        }
      });
      if (moved.length > 0) {
        labelMoves.forEach((to, from) => selectorMoves.set(from, to));
        out[labelRule.property] = moved;
        selectorMoves.set('labels', [...(kept.length > 0 ? ['labels'] : []), labelRule.property]);
        if (kept.length > 0) out['labels'] = kept;
        else delete out['labels'];
        const rest = kept.length > 0 ? `; ${JSON.stringify(kept)} stay in labels (not ${labelRule.vocab} values)` : '';
        note(childPath(path, 'labels'), `${JSON.stringify(moved)} moved to ${labelRule.property} (STIX 2.1 gives the type its own ${labelRule.vocab} property)${rest}`);
      } else {
        note(childPath(path, 'labels'), `kept: no value is in ${labelRule.vocab}, so ${labelRule.property} is not set`);
      }
    }
    const tlp = type === 'marking-definition' && id !== null ? TLP_MARKINGS[id] : undefined;
    const tlpName = tlp?.version === '1.0' ? tlp.definition['name'] : undefined;
    if (typeof tlpName === 'string' && out['name'] === undefined) {
      out['name'] = tlpName;
      note(childPath(path, 'name'), `added ${JSON.stringify(tlpName)} (the name STIX 2.1 gives this predefined TLP marking)`);
    }
    for (const added of ADDED_PROPERTIES[type] ?? []) {
      if (out[added.property] !== undefined) continue;
      out[added.property] = added.value;
      note(childPath(path, added.property), `added ${JSON.stringify(added.value)}: ${added.why}`);
    }
  }

  const released: Record<string, unknown>[] = [];
  if (type === 'observed-data' && isPlainObject(out['objects']) && out['object_refs'] === undefined) {
    const extracted = extractObservables(out['objects'], childPath(path, 'objects'), out['object_marking_refs'], ctx);
    const { objects: _objects, ...rest } = out;
    Object.keys(out).forEach((k) => delete out[k]);
    Object.assign(out, rest, { object_refs: extracted.refs });
    note(childPath(path, 'objects'), `replaced by object_refs to ${extracted.refs.length} top-level cyber observable(s)`);
    released.push(...extracted.scos);
    extracted.idOf.forEach((scoId, key) => {
      const i = extracted.refs.indexOf(scoId);
      selectorMoves.set(`objects.${key}`, [`object_refs.[${i}]`]);
    });
    selectorMoves.set('objects', ['object_refs']);
    moveObservableMarkings(out, extracted.idOf, released, path, ctx);
  }
  if (selectorMoves.size > 0) rewriteSelectors(out, selectorMoves, path, note);
  return [out, ...released];
}

/** "2016-04-06T20:03:00Z" -> "2016-04-06T20:03:00.000Z"; finer fractions are kept. */
function toMilliseconds(value: string): string {
  const dot = value.indexOf('.');
  if (dot === -1) return `${value.slice(0, -1)}.000Z`;
  const fraction = value.slice(dot + 1, -1);
  return fraction.length >= 3 ? value : `${value.slice(0, dot)}.${fraction.padEnd(3, '0')}Z`;
}

/**
 * Granular markings of an observed-data that selected inside one embedded observable
 * ("objects.0.name") now belong to that observable ("name").
 */
function moveObservableMarkings(observed: Record<string, unknown>, idOf: ReadonlyMap<string, string>, scos: Record<string, unknown>[], path: string, ctx: ObservablesContext): void {
  const markings = observed['granular_markings'];
  if (!Array.isArray(markings)) return;
  const byId = new Map(scos.map((s) => [s['id'] as string, s]));
  const keep: unknown[] = [];
  markings.forEach((marking: unknown, m) => {
    if (!isPlainObject(marking) || !Array.isArray(marking['selectors'])) {
      keep.push(marking);
      return;
    }
    const stay: unknown[] = [];
    for (const selector of marking['selectors']) {
      const match = typeof selector === 'string' ? /^objects\.([^.]+)\.(.+)$/.exec(selector) : null;
      const scoId = match === null ? undefined : idOf.get(match[1] as string);
      const sco = scoId === undefined ? undefined : byId.get(scoId);
      if (match === null || sco === undefined) {
        stay.push(selector);
        continue;
      }
      const { selectors: _s, ...markingRest } = marking;
      const list = Array.isArray(sco['granular_markings']) ? (sco['granular_markings'] as unknown[]) : [];
      sco['granular_markings'] = [...list, { ...markingRest, selectors: [match[2]] }];
      ctx.changes.push({ objectId: scoId as string, path: indexPath(childPath(path, 'granular_markings'), m), change: `granular marking selector "${String(selector)}" moved onto this observable as "${match[2]}"` });
    }
    if (stay.length > 0) keep.push({ ...marking, selectors: stay });
  });
  if (keep.length > 0) observed['granular_markings'] = keep;
  else delete observed['granular_markings'];
}

/** Granular-marking selectors that named a property the upgrade moved now name where it went. */
function rewriteSelectors(out: Record<string, unknown>, moves: ReadonlyMap<string, readonly string[]>, path: string, note: (at: string, change: string) => void): void {
  const markings = out['granular_markings'];
  if (!Array.isArray(markings)) return;
  out['granular_markings'] = markings.map((marking: unknown, m) => {
    if (!isPlainObject(marking) || !Array.isArray(marking['selectors'])) return marking;
    const selectors: unknown[] = [];
    for (const selector of marking['selectors']) {
      const target = typeof selector === 'string' ? moveOf(selector, moves) : undefined;
      if (target === undefined) {
        selectors.push(selector);
        continue;
      }
      selectors.push(...target);
      note(indexPath(childPath(path, 'granular_markings'), m), `selector "${String(selector)}" -> ${target.map((t) => `"${t}"`).join(', ')}`);
    }
    return { ...marking, selectors: [...new Set(selectors)] };
  });
}

/** The new selectors for a selector, longest moved prefix first ("labels.[1]" before "labels"). */
function moveOf(selector: string, moves: ReadonlyMap<string, readonly string[]>): readonly string[] | undefined {
  let best: string | undefined;
  for (const from of moves.keys()) {
    if ((selector === from || selector.startsWith(`${from}.`)) && (best === undefined || from.length > best.length)) best = from;
  }
  if (best === undefined) return undefined;
  const suffix = selector.slice(best.length);
  return (moves.get(best) ?? []).map((to) => to + suffix);
}
