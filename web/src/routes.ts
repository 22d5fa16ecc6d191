// The console's pages as data: a path is matched to one page and its parameters. The server's list
// of page paths (src/web/routes.ts, CLIENT_ROUTES) answers each of these with index.html.
export type Route =
  | { readonly page: 'dashboard' }
  | { readonly page: 'sign-in' }
  | { readonly page: 'review' }
  | { readonly page: 'search'; readonly query: string }
  | { readonly page: 'collection'; readonly collectionId: string }
  | { readonly page: 'object'; readonly collectionId: string; readonly objectId: string }
  | { readonly page: 'not-found' };

export const PAGE_PATHS = {
  dashboard: () => '/',
  signIn: () => '/sign-in',
  review: () => '/review',
  search: (query: string) => `/search?${new URLSearchParams({ q: query }).toString()}`,
  collection: (id: string) => `/collections/${encodeURIComponent(id)}`,
  object: (collectionId: string, objectId: string) => `/collections/${encodeURIComponent(collectionId)}/objects/${encodeURIComponent(objectId)}`,
} as const;

export function matchRoute(location: string): Route {
  const [path = '/', search = ''] = location.split('?');
  if (path === '/') return { page: 'dashboard' };
  if (path === '/sign-in') return { page: 'sign-in' };
  if (path === '/review') return { page: 'review' };
  if (path === '/search') return { page: 'search', query: new URLSearchParams(search).get('q') ?? '' };
  const parts = path.split('/').filter((p) => p !== '').map(decodeURIComponent);
  if (parts[0] === 'collections' && parts.length === 2) return { page: 'collection', collectionId: parts[1]! };
  if (parts[0] === 'collections' && parts.length === 4 && parts[2] === 'objects') return { page: 'object', collectionId: parts[1]!, objectId: parts[3]! };
  return { page: 'not-found' };
}
