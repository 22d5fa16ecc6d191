// `setu init`: creates a node and prints its first node-admin token, which is never shown again.
import { randomUUID } from 'node:crypto';
import { initialiseNode } from '../../node/index.js';
import { emit, type CliIo } from '../io.js';

export interface InitOptions {
  readonly data: string;
  readonly nodeName: string;
  readonly country: string;
  /** The node's own organisation (default: one named after the node, of kind other). */
  readonly orgId?: string | undefined;
  readonly orgName?: string | undefined;
  readonly kind?: string | undefined;
  readonly json: boolean;
}

export async function run(options: InitOptions, io: CliIo, newId: () => string = randomUUID) {
  const result = await initialiseNode(
    { dir: options.data, nodeName: options.nodeName, country: options.country, orgId: options.orgId, orgName: options.orgName, orgKind: options.kind },
    io.clock,
    newId,
  );
  await result.store.close();
  const summary = {
    dataDir: result.paths.dir,
    node: result.info,
    organisation: result.organisation.id,
    adminTokenId: result.adminTokenId,
    adminToken: result.adminToken,
  };
  emit(io, options.json, summary, () =>
    [
      `created node ${result.info.nodeName} (${result.info.country}) in ${result.paths.dir}`,
      `organisation: ${result.organisation.id} (${result.organisation.name}, ${result.organisation.kind ?? 'other'}): the node's own, it owns what the node imports`,
      `admin token (shown once, store it safely): ${result.adminToken}`,
      '',
    ].join('\n'),
  );
  return summary;
}
