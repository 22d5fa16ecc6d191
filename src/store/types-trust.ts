// The trust-model part of the Store contract (communities, organisation updates, and the stored
// copies of an object that the onward rule checks). Store extends it; both adapters implement it
// and run test/store/contract-trust.ts.

import type { TlpLevel } from '../stix/index.js';
import type { Organisation } from './types.js';

/** A named set of member organisations, e.g. "IN-JP G2G" or "telecom B2B". */
export interface Community {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  /** Organisation ids, in the order they joined. */
  readonly members: readonly string[];
  readonly createdAt: string;
}

/** Fields of an organisation that can change; absent fields keep their value. */
export interface OrganisationPatch {
  readonly name?: string;
  readonly country?: string | null;
  readonly kind?: string;
  readonly sectors?: readonly string[];
  readonly clients?: readonly string[];
  readonly attributionConsent?: boolean;
}

/** One stored version of an object in one collection, with its visibility columns. */
export interface HeldCopy {
  readonly collectionId: string;
  readonly seq: number;
  readonly tlp: TlpLevel;
  readonly ownerOrg: string | null;
  readonly recipients: readonly string[];
}

export interface TrustStore {
  /**
   * Rejects with SETU_ERR_STORE_DUPLICATE_KEY when the id exists and with
   * SETU_ERR_STORE_UNKNOWN_REFERENCE when a member is not an organisation.
   */
  createCommunity(community: Community): Promise<void>;
  getCommunity(id: string): Promise<Community | undefined>;
  /** In creation order. */
  listCommunities(): Promise<Community[]>;
  /** True when added, false when already a member; rejects with SETU_ERR_STORE_UNKNOWN_REFERENCE for an unknown community or organisation. */
  addCommunityMember(communityId: string, orgId: string): Promise<boolean>;
  /** The ids of the communities an organisation belongs to, in creation order. */
  communitiesOf(orgId: string): Promise<string[]>;
  /** Resolves to the updated organisation, or undefined when there is none with that id. Client ids must be organisations (SETU_ERR_STORE_UNKNOWN_REFERENCE). */
  updateOrganisation(id: string, patch: OrganisationPatch): Promise<Organisation | undefined>;
  /** Every stored version of the object id, in every collection, ascending by seq. */
  heldCopies(id: string): Promise<HeldCopy[]>;
  /**
   * heldCopies for many ids in one look-up (ingest checks a whole request at once): a map from
   * each id that has copies to its copies, as heldCopies(id) returns them; ids without copies are
   * absent. Repeated ids are fine.
   */
  heldCopiesOf(ids: readonly string[]): Promise<Map<string, HeldCopy[]>>;
}
