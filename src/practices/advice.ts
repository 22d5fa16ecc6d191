// "What to do" for a principal: the collections it may read, their objects as it may read them
// (loadReadable), and the engine's answer. Shared by the API route and the CLI.
import { SetuError } from '../errors/index.js';
import { canRead, readScopeOf, type Principal } from '../access/index.js';
import type { ForeignReads } from '../node/index.js';
import type { Store } from '../store/index.js';
import type { PracticeLanguage } from './languages.js';
import { loadReadable } from './load.js';
import { whatToDo, type WhatToDo } from './what-to-do.js';

export interface AdviceRequest {
  readonly store: Store;
  readonly principal: Principal;
  /** The outbound gate for readers outside the node's jurisdiction (absent: every reader reads as written). */
  readonly foreignReads?: ForeignReads | undefined;
  readonly subjectId: string;
  readonly language: PracticeLanguage;
}

/** The ids of the collections the principal may read (its communities loaded when the principal lacks them). */
export async function readableCollections(store: Store, principal: Principal): Promise<string[]> {
  const withCommunities: Principal = principal.communities === undefined ? { ...principal, communities: await store.communitiesOf(principal.orgId) } : principal;
  return (await store.listCollections()).filter((c) => canRead(withCommunities, c)).map((c) => c.id);
}

export async function adviceFor(request: AdviceRequest): Promise<WhatToDo> {
  const { store, principal, foreignReads } = request;
  const objects = await loadReadable(
    {
      store,
      reader: readScopeOf(principal.orgId),
      collections: await readableCollections(store, principal),
      ...(foreignReads === undefined ? {} : { viewFor: (collectionId: string) => foreignReads.viewFor(collectionId, principal.orgId) }),
    },
    request.subjectId,
  );
  const advice = whatToDo(objects, request.subjectId, request.language);
  if (advice === undefined) {
    throw new SetuError('SETU_ERR_PRACTICES_UNKNOWN_OBJECT', `No object ${request.subjectId} in a collection organisation ${principal.orgId} may read.`, { objectId: request.subjectId, orgId: principal.orgId });
  }
  return advice;
}
