// `setu community create|list|add-member`: named sets of organisations that a collection's audience
// can name as a whole ("IN-JP G2G", "telecom B2B").
import { addCommunityMember, createCommunity, withNode } from '../../node/index.js';
import type { Community } from '../../store/index.js';
import { emit, type CliIo } from '../io.js';
import { audited } from './audit.js';

export interface CommunityCreateOptions {
  readonly data: string;
  readonly id: string;
  readonly name: string;
  readonly description?: string | undefined;
  readonly members: readonly string[];
  readonly json: boolean;
}

function line(c: Community): string {
  return `${c.id}\t${c.name}\tmembers: ${c.members.join(',') || '-'}\n`;
}

export async function create(options: CommunityCreateOptions, io: CliIo) {
  const community = await withNode(options.data, io.clock, audited(io.clock, (c: Community) => ({ action: 'admin.community', target: { communityId: c.id }, details: { change: 'create', community: c } }), ({ store }) =>
    createCommunity(store, { id: options.id, name: options.name, description: options.description, members: options.members }, io.clock),
  ));
  emit(io, options.json, community, () => `created community ${line(community)}`);
  return community;
}

export async function list(options: { readonly data: string; readonly json: boolean }, io: CliIo) {
  const communities = await withNode(options.data, io.clock, ({ store }) => store.listCommunities());
  emit(io, options.json, communities, () => communities.map(line).join('') || 'no communities\n');
  return communities;
}

export async function addMember(options: { readonly data: string; readonly community: string; readonly org: string; readonly json: boolean }, io: CliIo) {
  const community = await withNode(
    options.data,
    io.clock,
    audited(io.clock, () => ({ action: 'admin.community', target: { communityId: options.community }, details: { change: 'add-member', orgId: options.org } }), ({ store }) =>
      addCommunityMember(store, options.community, options.org),
    ),
  );
  emit(io, options.json, community, () => line(community));
  return community;
}
