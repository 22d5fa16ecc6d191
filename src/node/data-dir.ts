// Where a node keeps its state, and how a command opens it. Nothing here runs at import time.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SetuError } from '../errors/index.js';
import { openPostgresStore, openSqliteStore, type NodeInfo, type Store } from '../store/index.js';
import { readNodeConfig, type NodeConfig } from './config.js';

export interface NodePaths {
  readonly dir: string;
  readonly database: string;
  readonly config: string;
}

export function nodePaths(dir: string): NodePaths {
  const root = resolve(dir);
  return { dir: root, database: join(root, 'setu.sqlite'), config: join(root, 'node.json') };
}

export interface OpenNode {
  readonly paths: NodePaths;
  readonly store: Store;
  readonly config: NodeConfig;
  readonly info: NodeInfo;
}

export function nodeExists(dir: string): boolean {
  return existsSync(nodePaths(dir).database);
}

export interface OpenNodeOptions {
  /** postgres://… selects the PostgreSQL store (the data dir still holds node.json); default: SETU_DATABASE_URL. */
  readonly databaseUrl?: string | undefined;
}

/** Opens an initialised node; the caller closes `store`. */
export async function openNode(dir: string, clock: () => number, options: OpenNodeOptions = { databaseUrl: process.env['SETU_DATABASE_URL'] }): Promise<OpenNode> {
  const paths = nodePaths(dir);
  const databaseUrl = options.databaseUrl === '' ? undefined : options.databaseUrl;
  if (!existsSync(databaseUrl === undefined ? paths.database : paths.config)) {
    throw new SetuError('SETU_ERR_NODE_NOT_INITIALISED', `no Setu node in ${paths.dir}: run \`setu init --data ${dir}\` first`, { dir: paths.dir });
  }
  const config = await readNodeConfig(paths.config);
  const store = databaseUrl === undefined ? await openSqliteStore({ path: paths.database, clock }) : await openPostgresStore({ url: databaseUrl, clock });
  const info = await store.getNode();
  if (!info) {
    await store.close();
    throw new SetuError('SETU_ERR_NODE_NOT_INITIALISED', `the database in ${paths.dir} holds no node: run \`setu init --data ${dir}\``, { dir: paths.dir });
  }
  return { paths, store, config, info };
}

/** Runs `work` with an opened node and always closes the store afterwards. */
export async function withNode<T>(dir: string, clock: () => number, work: (node: OpenNode) => Promise<T>): Promise<T> {
  const node = await openNode(dir, clock);
  try {
    return await work(node);
  } finally {
    await node.store.close();
  }
}
