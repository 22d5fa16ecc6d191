// TLP marking definitions: the four TLP 1.0 built-ins of STIX 2.1 (section 7.2.1.4) and the five
// TLP 2.0 definitions of the OASIS TLP 2.0 extension, with a map from id to TLP 2.0 level
// (TLP 1.0 WHITE maps to CLEAR). Exported for access/ and sync/.

export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export type TlpLevel = (typeof TLP_LEVELS)[number];

/** The extension-definition id of the OASIS TLP 2.0 marking extension. */
export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

export interface TlpMarking {
  readonly id: string;
  readonly level: TlpLevel;
  readonly version: '1.0' | '2.0';
  /** The canonical marking-definition object as the specification publishes it. */
  readonly definition: Readonly<Record<string, unknown>>;
}

const TLP1_CREATED = '2017-01-20T00:00:00.000Z';
const TLP2_CREATED = '2022-10-01T00:00:00.000Z';

function tlp1(id: string, color: 'white' | 'green' | 'amber' | 'red', level: TlpLevel): TlpMarking {
  return {
    id,
    level,
    version: '1.0',
    definition: Object.freeze({
      type: 'marking-definition',
      spec_version: '2.1',
      id,
      created: TLP1_CREATED,
      definition_type: 'tlp',
      name: `TLP:${color.toUpperCase()}`,
      definition: Object.freeze({ tlp: color }),
    }),
  };
}

function tlp2(id: string, level: TlpLevel): TlpMarking {
  return {
    id,
    level,
    version: '2.0',
    definition: Object.freeze({
      type: 'marking-definition',
      spec_version: '2.1',
      id,
      created: TLP2_CREATED,
      name: `TLP:${level.toUpperCase()}`,
      extensions: Object.freeze({
        [TLP2_EXTENSION_ID]: Object.freeze({ extension_type: 'property-extension', tlp_2_0: level }),
      }),
    }),
  };
}

/** All nine TLP marking definitions, keyed by marking-definition id. */
export const TLP_MARKINGS: Readonly<Record<string, TlpMarking>> = Object.freeze(
  Object.fromEntries(
    [
      tlp1('marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9', 'white', 'clear'),
      tlp1('marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da', 'green', 'green'),
      tlp1('marking-definition--f88d31f6-486f-44da-b317-01333bde0b82', 'amber', 'amber'),
      tlp1('marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed', 'red', 'red'),
      tlp2('marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487', 'clear'),
      tlp2('marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb', 'green'),
      tlp2('marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421', 'amber'),
      tlp2('marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003', 'amber+strict'),
      tlp2('marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1', 'red'),
    ].map((m) => [m.id, Object.freeze(m)]),
  ),
);

/** The TLP 2.0 level a marking-definition id stands for, or null when it is not a TLP marking. */
export function tlpLevelOf(markingId: string): TlpLevel | null {
  return Object.hasOwn(TLP_MARKINGS, markingId) ? (TLP_MARKINGS[markingId]?.level ?? null) : null;
}

const TLP1_COLOR_BY_ID: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(
    Object.values(TLP_MARKINGS)
      .filter((m) => m.version === '1.0')
      .map((m) => [m.id, (m.definition['definition'] as { tlp: string }).tlp]),
  ),
);

/**
 * Whether a marking-definition that claims to be a TLP marking is one of the published ones: TLP 1.0
 * (definition_type 'tlp') must use one of the four ids with the matching colour, name and created;
 * TLP 2.0 (the OASIS extension) must use one of the five ids with the matching level and name.
 */
export function tlpDefinitionMismatch(md: Readonly<Record<string, unknown>>): string | null {
  const id = md['id'];
  if (md['definition_type'] === 'tlp') {
    const def = md['definition'];
    const color = typeof def === 'object' && def !== null ? (def as Record<string, unknown>)['tlp'] : undefined;
    if (typeof id !== 'string' || !Object.hasOwn(TLP1_COLOR_BY_ID, id)) return 'a TLP 1.0 marking definition must use one of the four ids published in the specification';
    if (TLP1_COLOR_BY_ID[id] !== color) return `the TLP colour does not match the published definition for ${id}`;
    const canonical = TLP_MARKINGS[id]?.definition;
    if (canonical !== undefined && (md['created'] !== canonical['created'] || (md['name'] !== undefined && md['name'] !== canonical['name']))) {
      return `created/name do not match the published TLP definition ${id}`;
    }
    return null;
  }
  const exts = md['extensions'];
  if (typeof exts === 'object' && exts !== null && Object.hasOwn(exts, TLP2_EXTENSION_ID)) {
    const ext = (exts as Record<string, unknown>)[TLP2_EXTENSION_ID];
    const level = typeof ext === 'object' && ext !== null ? (ext as Record<string, unknown>)['tlp_2_0'] : undefined;
    if (typeof id !== 'string' || !Object.hasOwn(TLP_MARKINGS, id) || TLP_MARKINGS[id]?.version !== '2.0') {
      return 'a TLP 2.0 marking definition must use one of the five ids published with the TLP 2.0 extension';
    }
    if (TLP_MARKINGS[id]?.level !== level) return `the tlp_2_0 level does not match the published definition for ${id}`;
    return null;
  }
  return null;
}
