// `setu org create|list`: the member organisations of this node.
import { createOrganisation, withNode } from '../../node/index.js';
import { emit, type CliIo } from '../io.js';

export interface OrgCreateOptions {
  readonly data: string;
  readonly id: string;
  readonly name: string;
  readonly country?: string | undefined;
  readonly json: boolean;
}

export async function create(options: OrgCreateOptions, io: CliIo) {
  const org = await withNode(options.data, io.clock, ({ store }) =>
    createOrganisation(store, { id: options.id, name: options.name, country: options.country }, io.clock),
  );
  emit(io, options.json, org, () => `created organisation ${org.id} (${org.name}${org.country ? `, ${org.country}` : ''})\n`);
  return org;
}

export async function list(options: { readonly data: string; readonly json: boolean }, io: CliIo) {
  const orgs = await withNode(options.data, io.clock, ({ store }) => store.listOrganisations());
  emit(io, options.json, orgs, () => orgs.map((o) => `${o.id}\t${o.country ?? '--'}\t${o.name}\n`).join('') || 'no organisations\n');
  return orgs;
}
