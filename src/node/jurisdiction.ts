// Which jurisdiction profile this node applies at its outbound gate: the built-ins (IN, JP,
// DEFAULT) plus DIR/jurisdictions.json when present, chosen by its "use" or else by the node's
// country. The rules live in access/gate (parseProfiles); this file only reads the file.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUILT_IN_PROFILES, parseProfiles, selectProfile, type JurisdictionProfile, type ProfileConfig } from '../access/index.js';
import { SetuError, isSetuError } from '../errors/index.js';

export const JURISDICTIONS_FILE = 'jurisdictions.json';

/** The profiles known to the node in `dir` (built-ins when the file is absent). */
export async function readJurisdictions(dir: string): Promise<ProfileConfig> {
  const path = join(dir, JURISDICTIONS_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { profiles: BUILT_IN_PROFILES };
    throw error;
  }
  try {
    return parseProfiles(JSON.parse(text), path);
  } catch (error) {
    // A broken file is a configuration error (exit 2), whatever the rule it broke.
    const message = isSetuError(error) ? error.message : `${path}: not valid JSON: ${(error as Error).message}`;
    throw new SetuError('SETU_ERR_NODE_CONFIG_INVALID', message, { path });
  }
}

/** The profile the node in `dir`, of `country`, applies; `override` names one explicitly. */
export async function jurisdictionProfile(dir: string, country: string, override?: string): Promise<JurisdictionProfile> {
  const config = await readJurisdictions(dir);
  if (override === undefined) return selectProfile(config, country);
  const chosen = config.profiles[override];
  if (chosen === undefined) {
    throw new SetuError('SETU_ERR_GATE_UNKNOWN_PROFILE', `no jurisdiction profile ${override} (known: ${Object.keys(config.profiles).join(', ')})`, { profile: override });
  }
  return chosen;
}
