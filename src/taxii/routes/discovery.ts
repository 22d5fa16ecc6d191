// Server Discovery (`/taxii2/`) and API Root information (`/taxii2/<root>/`).

import type { FastifyInstance } from 'fastify';
import { sendTaxii, type TaxiiContext } from '../context.js';
import { TAXII_MEDIA_TYPE } from '../media-types.js';
import type { ApiRootOptions } from '../options.js';
import { API_ROOT_SCHEMA, DISCOVERY_SCHEMA } from '../resource-schemas.js';
import { doc, operationId, responses } from '../schemas.js';
import { addRoute } from './add-route.js';

export function registerDiscovery(scope: FastifyInstance, ctx: TaxiiContext, basePath: string, roots: readonly ApiRootOptions[]): void {
  const { options } = ctx;
  const defaultRoot = roots.find((r) => r.name === options.defaultApiRoot) ?? roots[0];
  const url = (root: ApiRootOptions) => `${basePath}/${root.name}/`;
  const body = JSON.stringify({
    title: options.title,
    ...(options.description === undefined ? {} : { description: options.description }),
    ...(options.contact === undefined ? {} : { contact: options.contact }),
    ...(defaultRoot === undefined ? {} : { default: url(defaultRoot) }),
    api_roots: roots.map(url),
  });
  addRoute(scope, {
    method: 'GET',
    url: '/',
    schema: doc(
      { summary: 'Server discovery', description: 'The TAXII 2.1 discovery resource: this server and its API roots. Open to clients without credentials.', operationId: 'getDiscovery' },
      { response: responses(200, DISCOVERY_SCHEMA, 'The discovery resource.') },
    ),
    handler: async (_request, reply) => sendTaxii(reply, 200, body),
  });
}

export function registerApiRoot(scope: FastifyInstance, ctx: TaxiiContext, root: ApiRootOptions): void {
  const body = JSON.stringify({
    title: root.title,
    ...(root.description === undefined ? {} : { description: root.description }),
    versions: [TAXII_MEDIA_TYPE],
    max_content_length: ctx.options.maxContentLength,
  });
  addRoute(scope, {
    method: 'GET',
    url: `/${root.name}/`,
    schema: doc(
      { summary: 'API root information', description: `The API root "${root.name}": title, supported TAXII versions and max_content_length. Open to clients without credentials.`, operationId: operationId(ctx, 'getApiRoot', root.name) },
      { response: responses(200, API_ROOT_SCHEMA, 'The API root resource.') },
    ),
    handler: async (_request, reply) => sendTaxii(reply, 200, body),
  });
}
