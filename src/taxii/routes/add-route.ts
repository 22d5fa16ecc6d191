// Registers a TAXII route at its canonical URL (with the trailing slash the specification uses)
// and, unless the server already ignores trailing slashes, at the slash-less alias many clients
// send. The alias is hidden from the OpenAPI document.

import type { FastifyInstance, HTTPMethods, RouteHandlerMethod, preParsingAsyncHookHandler } from 'fastify';

export interface TaxiiRoute {
  readonly method: HTTPMethods;
  readonly url: string;
  readonly schema: Record<string, unknown>;
  readonly handler: RouteHandlerMethod;
  readonly preParsing?: preParsingAsyncHookHandler;
}

export function addRoute(scope: FastifyInstance, route: TaxiiRoute): void {
  const base = { method: route.method, handler: route.handler, ...(route.preParsing === undefined ? {} : { preParsing: route.preParsing }) };
  scope.route({ ...base, url: route.url, schema: route.schema });
  if (route.url.endsWith('/') && route.url.length > 1 && !ignoresTrailingSlash(scope)) {
    scope.route({ ...base, url: route.url.slice(0, -1), schema: { ...route.schema, hide: true } });
  }
}

function ignoresTrailingSlash(scope: FastifyInstance): boolean {
  const config = scope.initialConfig as { ignoreTrailingSlash?: boolean; routerOptions?: { ignoreTrailingSlash?: boolean } };
  return config.ignoreTrailingSlash === true || config.routerOptions?.ignoreTrailingSlash === true;
}
