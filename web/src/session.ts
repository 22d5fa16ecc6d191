// Who is signed in: the node, the caller's organisation and role (GET /api/v1/node answers for a
// token and a session alike), the person's name for a session (/api/v1/me), and the TAXII API root.
import { request, storedToken, type Credentials } from './api.js';

export interface Viewer {
  readonly credentials: Credentials;
  readonly nodeName: string;
  readonly country: string;
  readonly orgId: string;
  readonly role: string;
  readonly objects: number;
  readonly displayName: string | undefined;
  readonly apiRoot: string;
}

interface NodeAnswer {
  readonly node: { readonly nodeName: string; readonly country: string } | null;
  readonly principal: { readonly orgId: string; readonly role: string; readonly userId?: string };
  readonly objects: number;
}

export async function viewerFor(credentials: Credentials): Promise<Viewer> {
  const answer = await request<NodeAnswer>(credentials, '/api/v1/node');
  const discovery = await request<{ readonly default?: string; readonly api_roots: readonly string[] }>(credentials, '/taxii2/', { taxii: true });
  const root = discovery.default ?? discovery.api_roots[0] ?? '/taxii2/setu/';
  const person = credentials.kind === 'session' ? await request<{ readonly displayName: string }>(credentials, '/api/v1/me') : undefined;
  return {
    credentials,
    nodeName: answer.node?.nodeName ?? '',
    country: answer.node?.country ?? '',
    orgId: answer.principal.orgId,
    role: answer.principal.role,
    objects: answer.objects,
    displayName: person?.displayName,
    apiRoot: new URL(root, window.location.origin).pathname,
  };
}

/** The viewer of this tab: its kept token, else a live session cookie, else nobody (sign in). */
export async function resumeViewer(): Promise<Viewer | undefined> {
  const token = storedToken();
  try {
    return await viewerFor(token === undefined ? { kind: 'session' } : { kind: 'token', token });
  } catch {
    return undefined;
  }
}

export function mayReview(viewer: Viewer): boolean {
  return viewer.role === 'node-admin';
}
