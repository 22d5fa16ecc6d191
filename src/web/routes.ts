// The paths the console answers, as data. Client routes (pages the browser's router draws) get
// index.html; asset paths get files from the build. None of them lies under a path another surface
// owns, so the console never shadows TAXII, the JSON API, OpenAPI, metrics or health (a test
// checks both lists against each other and against the app's routes).

/** Paths other surfaces own: the console registers nothing at or under them. */
export const RESERVED_PREFIXES = ['/taxii2', '/api', '/openapi.json', '/metrics', '/healthz', '/extensions'] as const;

/** The browser router's pages (web/src/routes.ts declares the same list). `*` is one or more segments. */
export const CLIENT_ROUTES = ['/', '/sign-in', '/review', '/search', '/collections/*'] as const;

/** Build output served as files: Vite's hashed assets and the favicon. */
export const ASSET_ROUTES = ['/assets/*', '/favicon.svg'] as const;

/** Files under /assets/ carry a content hash in their name: they never change, so caches keep them. */
export const IMMUTABLE_PREFIX = '/assets/';
