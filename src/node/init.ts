// Creating a node: its data directory, database, configuration file, its own organisation and a
// first node-admin token. Refuses to touch a directory that already holds a node.
import { mkdir } from 'node:fs/promises';
import { SetuError } from '../errors/index.js';
import { openSqliteStore, type NodeInfo, type Organisation, type Store } from '../store/index.js';
import { checkOrgId, checkOrgKind, createOrganisation, normaliseCountry, slugify } from './admin.js';
import { DEFAULT_NODE_CONFIG, writeNodeConfig } from './config.js';
import { nodeExists, nodePaths, type NodePaths } from './data-dir.js';
import { issueToken } from './tokens.js';
import { ensureNodeKey } from './keys.js';

export interface InitInput {
  readonly dir: string;
  readonly nodeName: string;
  readonly country: string;
  /** The node's own organisation: its id (default: the node name as an id), name (default: the node name) and kind. */
  readonly orgId?: string | undefined;
  readonly orgName?: string | undefined;
  readonly orgKind?: string | undefined;
}

export interface InitResult {
  readonly paths: NodePaths;
  readonly info: NodeInfo;
  readonly organisation: Organisation;
  readonly adminTokenId: string;
  /** Shown once; only its hash is stored. */
  readonly adminToken: string;
  /** The open store: the caller continues with it (demo loading) and closes it. */
  readonly store: Store;
}

export async function initialiseNode(input: InitInput, clock: () => number, newId: () => string): Promise<InitResult> {
  const paths = nodePaths(input.dir);
  if (nodeExists(input.dir)) {
    throw new SetuError('SETU_ERR_NODE_ALREADY_INITIALISED', `${paths.dir} already holds a Setu node`, { dir: paths.dir });
  }
  if (input.nodeName.trim() === '') {
    throw new SetuError('SETU_ERR_NODE_BAD_ARGUMENT', 'node name must not be empty', { field: 'nodeName' });
  }
  const country = normaliseCountry(input.country);
  const orgId = input.orgId ?? slugify(input.nodeName);
  checkOrgId(orgId);
  if (input.orgKind !== undefined) checkOrgKind(input.orgKind);
  if (input.orgName !== undefined && input.orgName.trim() === '') {
    throw new SetuError('SETU_ERR_NODE_BAD_ARGUMENT', 'organisation name must not be empty', { field: 'orgName' });
  }
  await mkdir(paths.dir, { recursive: true, mode: 0o700 });
  await writeNodeConfig(paths.config, { ...DEFAULT_NODE_CONFIG, organisation: orgId });
  await ensureNodeKey(paths.dir);
  const store = await openSqliteStore({ path: paths.database, clock });
  try {
    const info: NodeInfo = { nodeName: input.nodeName.trim(), country, createdAt: new Date(clock()).toISOString() };
    await store.initNode(info);
    const organisation = await createOrganisation(store, { id: orgId, name: input.orgName ?? info.nodeName, country, kind: input.orgKind }, clock);
    const admin = await issueToken(store, { orgId: organisation.id, role: 'node-admin', label: 'created by setu init' }, clock, newId);
    return { paths, info, organisation, adminTokenId: admin.record.id, adminToken: admin.secret, store };
  } catch (error) {
    await store.close();
    throw error;
  }
}
