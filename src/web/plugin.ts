// The browser console's static serving as one Fastify plugin: the files of the console's build
// (web/dist) at the paths of routes.ts, and index.html for every page of the browser's router, so a
// reloaded or shared link to /collections/... opens that page. Hashed assets are cached for a year;
// index.html is revalidated each time (it names the current hashes). Nothing is registered at or
// under a path another surface owns. Routes are hidden from /openapi.json: they are not the API.
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { contentTypeOf } from './content-types.js';
import { ASSET_ROUTES, CLIENT_ROUTES, IMMUTABLE_PREFIX } from './routes.js';

export interface ConsolePluginOptions {
  /** The directory Vite wrote the console into (web/dist). */
  readonly root: string;
}

const INDEX_HEADERS = {
  'cache-control': 'no-cache',
  // The console loads only its own files and talks only to this node.
  'content-security-policy': "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
} as const;

export const consolePlugin: FastifyPluginAsync<ConsolePluginOptions> = async (fastify, options) => {
  const root = resolve(options.root);

  const sendIndex = async (_request: FastifyRequest, reply: FastifyReply) => {
    const html = await readBuilt(root, 'index.html');
    if (html === undefined) return sendNotBuilt(reply);
    return reply.code(200).headers(INDEX_HEADERS).header('content-type', 'text/html; charset=utf-8').send(html);
  };

  const sendAsset = async (request: FastifyRequest, reply: FastifyReply) => {
    // The route's own path, with the wildcard as the router decoded it (never the raw URL).
    const route = request.routeOptions.url ?? '';
    const path = route.endsWith('*') ? route.slice(0, -1) + ((request.params as { '*'?: string })['*'] ?? '') : route;
    const type = contentTypeOf(path);
    // Only the file the path names as written: no '.' or '..' segments, backslashes or NULs.
    const plain = path.split('/').every((segment) => segment !== '.' && segment !== '..' && !/[\\\0]/.test(segment));
    const body = type === undefined || !plain ? undefined : await readBuilt(root, path.slice(1));
    if (type === undefined || body === undefined) return reply.callNotFound();
    const cache = path.startsWith(IMMUTABLE_PREFIX) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600';
    return reply.code(200).header('content-type', type).header('cache-control', cache).header('x-content-type-options', 'nosniff').send(body);
  };

  for (const route of CLIENT_ROUTES) fastify.get(route, { schema: { hide: true } }, sendIndex);
  for (const route of ASSET_ROUTES) fastify.get(route, { schema: { hide: true } }, sendAsset);
};

/** A file of the build, or undefined when it is absent or the path would leave the build directory. */
async function readBuilt(root: string, relative: string): Promise<Buffer | undefined> {
  const full = resolve(root, relative);
  if (!full.startsWith(root + sep)) return undefined;
  try {
    return await readFile(full);
  } catch {
    return undefined;
  }
}

function sendNotBuilt(reply: FastifyReply): FastifyReply {
  const description = 'The web console has not been built on this node: run npm run build (npm start does), then reload.';
  return reply
    .code(503)
    .header('cache-control', 'no-store')
    .send({ title: 'Service Unavailable', description, error_code: 'SETU_ERR_WEB_NOT_BUILT', http_status: '503' });
}
