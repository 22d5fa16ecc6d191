// Communities: named sets of member organisations ("IN-JP G2G", "telecom B2B") that a collection's
// audience can name as a whole. Checks its arguments and answers with coded errors before writing.
import { SetuError } from '../errors/index.js';
import type { Community, Store } from '../store/index.js';
import { checkOrgId, requireCommunity, requireOrganisation } from './admin.js';

export interface NewCommunity {
  readonly id: string;
  readonly name: string;
  readonly description?: string | undefined;
  readonly members?: readonly string[] | undefined;
}

export async function createCommunity(store: Store, input: NewCommunity, clock: () => number): Promise<Community> {
  try {
    checkOrgId(input.id);
  } catch {
    throw new SetuError('SETU_ERR_NODE_BAD_ARGUMENT', `community id must be 1-64 lower-case letters, digits or inner hyphens (got ${JSON.stringify(input.id)})`, { field: 'community id', value: input.id });
  }
  if (input.name.trim() === '') throw new SetuError('SETU_ERR_NODE_BAD_ARGUMENT', 'community name must not be empty', { field: 'community name' });
  if (await store.getCommunity(input.id)) throw new SetuError('SETU_ERR_NODE_DUPLICATE', `community ${input.id} already exists`, { id: input.id });
  const members = [...new Set(input.members ?? [])];
  for (const member of members) await requireOrganisation(store, member);
  const community: Community = { id: input.id, name: input.name.trim(), description: input.description ?? null, members, createdAt: new Date(clock()).toISOString() };
  await store.createCommunity(community);
  return community;
}

/** Adds an organisation to a community; returns the community as it now is. */
export async function addCommunityMember(store: Store, communityId: string, orgId: string): Promise<Community> {
  await requireCommunity(store, communityId);
  await requireOrganisation(store, orgId);
  await store.addCommunityMember(communityId, orgId);
  return requireCommunity(store, communityId);
}
