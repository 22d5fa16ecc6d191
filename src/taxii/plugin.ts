// The TAXII 2.1 server as one Fastify plugin. It opens its own encapsulated scope under the base
// path (default /taxii2), so its body parser, hooks, error and not-found handlers apply to TAXII
// routes only. Register it without a prefix: `app.register(taxiiPlugin, options)`.

import { Ajv } from 'ajv';
import { Type } from 'typebox';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { SETU_RECIPIENTS_EXTENSION, SETU_RECIPIENTS_EXTENSION_ID, type Principal } from '../access/index.js';
import { SetuError } from '../errors/index.js';
import { authHook } from './auth-hook.js';
import { taxiiBodyParser } from './body-reader.js';
import type { TaxiiContext } from './context.js';
import { toTaxiiError } from './error-mapping.js';
import { ERROR_BODY_SCHEMA } from './resource-schemas.js';
import { TAXII_BASE_TYPE, TAXII_MEDIA_TYPE } from './media-types.js';
import { DEFAULT_PAGE_SIZE, type ApiRootOptions, type TaxiiPluginOptions } from './options.js';
import { registerCollections } from './routes/collections.js';
import { registerApiRoot, registerDiscovery } from './routes/discovery.js';
import { registerManifest } from './routes/manifest.js';
import { registerObjects } from './routes/objects.js';
import { registerStatus } from './routes/status.js';
import { registerVersions } from './routes/versions.js';

const API_ROOT_NAME = /^[A-Za-z0-9._~-]+$/;

export const taxiiPlugin: FastifyPluginAsync<TaxiiPluginOptions> = async (fastify, options) => {
  const basePath = (options.basePath ?? '/taxii2').replace(/\/+$/, '');
  const roots: readonly ApiRootOptions[] = options.apiRoots ?? [{ name: 'setu', title: options.title }];
  for (const root of roots) {
    if (!API_ROOT_NAME.test(root.name)) throw new Error(`taxiiPlugin: API root name "${root.name}" must be one URL path segment`);
  }
  const ctx: TaxiiContext = { options, pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE, principals: new WeakMap<object, Principal>(), anonymous: new WeakSet<object>() };

  // The Setu recipients extension-definition, public (no credentials), outside the TAXII base path.
  const extensionBody = JSON.stringify(SETU_RECIPIENTS_EXTENSION);
  fastify.get(
    `/extensions/${SETU_RECIPIENTS_EXTENSION_ID}.json`,
    {
      schema: {
        operationId: 'getRecipientsExtension',
        summary: 'The Setu recipients extension-definition',
        description: 'The STIX extension-definition that carries TLP:RED recipients. Public, no credentials.',
        tags: ['STIX'],
        response: {
          200: { ...Type.Object({ type: Type.Literal('extension-definition'), id: Type.String() }, { additionalProperties: true }), 'x-response-description': 'The STIX 2.1 extension-definition object.' },
          500: { ...ERROR_BODY_SCHEMA, 'x-response-description': 'The server failed.' },
        },
      },
    },
    async (_request, reply) => reply.header('content-type', 'application/json').send(extensionBody),
  );

  await fastify.register(
    async (scope: FastifyInstance) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser(TAXII_BASE_TYPE, { bodyLimit: options.maxContentLength }, taxiiBodyParser(options.maxContentLength));
      // A TAXII body arrives as raw bytes and is split and checked object by object by ingest (a bad
      // object fails alone, its siblings are stored), so the envelope schema of Add Objects only
      // documents it. Path and query schemas are compiled as Fastify would (query-params.ts then
      // checks the values and names a bad parameter).
      const ajv = new Ajv({ coerceTypes: 'array', useDefaults: true, removeAdditional: true, allErrors: false, strict: false });
      scope.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? () => true : ajv.compile(schema)));

      scope.setErrorHandler((error, request, reply) => {
        const response = toTaxiiError(error, request.id);
        if (response.internal) request.log.error({ err: error }, 'TAXII request failed');
        return reply.code(response.status).headers(response.headers).header('content-type', TAXII_MEDIA_TYPE).send(JSON.stringify(response.body));
      });
      scope.addHook('onRequest', authHook(ctx));
      // Fastify rewrites a string reply's Content-Type (quotes the version, appends a charset);
      // TAXII clients compare the media type, so the exact form is restored last.
      scope.addHook('onSend', async (_request, reply, payload) => {
        if (String(reply.getHeader('content-type') ?? '').startsWith(TAXII_BASE_TYPE)) reply.header('content-type', TAXII_MEDIA_TYPE);
        return payload;
      });
      scope.setNotFoundHandler(async (request) => {
        throw new SetuError('SETU_ERR_TAXII_NOT_FOUND', `No TAXII resource at ${request.method} ${request.url.split('?')[0] ?? ''}.`);
      });

      registerDiscovery(scope, ctx, basePath, roots);
      for (const root of roots) {
        registerApiRoot(scope, ctx, root);
        registerCollections(scope, ctx, root.name);
        registerObjects(scope, ctx, root.name);
        registerVersions(scope, ctx, root.name);
        registerManifest(scope, ctx, root.name);
        registerStatus(scope, ctx, root.name);
      }
    },
    { prefix: basePath },
  );
};
