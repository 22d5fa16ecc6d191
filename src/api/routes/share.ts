// Share preview over the JSON API: exactly which objects and fields a destination would receive,
// and why each other object is held or withheld. The same outbound path as a real send, in preview
// mode (nothing is written). A node-admin may name the acting organisation; an org-admin previews
// what its own organisation would pass on. A caller outside the node's jurisdiction never receives
// through the preview more than its own direct read gives it (node.previewFor): content only toward
// its own organisation, and never a personal-data value.
import type { FastifyInstance } from 'fastify';
import { SetuError } from '../../errors/index.js';
import { isOutside } from '../../access/index.js';
import { previewFor, previewShare, type PreviewContent } from '../../node/index.js';
import { requireRole, stringField, type ApiContext } from '../context.js';
import { Type } from 'typebox';
import { apiDoc, optionalFlag, optionalText } from '../schemas.js';

export function registerShareRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const { store, clock, newId } = ctx.options;

  app.post(
    '/share/preview',
    {
      schema: apiDoc({
        operationId: 'previewShare',
        summary: 'Preview a share',
        description:
          "What a destination would receive: every version of the collection(s), sent (as written to a destination inside the node's jurisdiction, redacted and pseudonymised to one outside), held for review or withheld, with its reasons; versions the acting organisation may not read are listed as withheld (not-readable) without content. Nothing is written. node-admin or org-admin. An org-admin of an organisation outside the node's jurisdiction receives no more than its own direct read: content (json, without personal-data values in reasons and redactions) only toward its own organisation, and toward any other destination only each version's fate and reasons (`content` says which).",
        tags: ['share'],
        body: Type.Object({
          to: Type.String({ description: 'The destination: an organisation id, or a peer name with peer=true.' }),
          peer: optionalFlag('The destination is a federation peer.'),
          collection: optionalText('Only this collection (default: every collection the actor may pass on from).'),
          as: optionalText('The acting organisation (node-admin only; default the node organisation).'),
        }),
        success: {
          status: 200,
          schema: Type.Object(
            {
              destination: Type.Object({}, { additionalProperties: true }),
              actor: Type.String(),
              profile: Type.String(),
              counts: Type.Object({}, { additionalProperties: true }),
              objects: Type.Array(Type.Object({}, { additionalProperties: true })),
              identities: Type.Object({}, { additionalProperties: true }),
              content: Type.Union([Type.Literal('full'), Type.Literal('without-values'), Type.Literal('fates-only')], {
                description: "full: as the gate decides it (node-admin, or a caller inside the node's jurisdiction); without-values: a caller outside previewing to itself (its direct-read view, no personal-data values, no identities behind pseudonyms); fates-only: a caller outside previewing to another destination (no content).",
              }),
            },
            { additionalProperties: true, description: 'Per object: sent as-is, redacted (with the fields), held for review or withheld (with the rule); see docs/outbound-gate.md.' },
          ),
          meaning: 'The preview.',
        },
        errors: [400, 403, 404],
      }),
    },
    async (request) => {
      const principal = requireRole(ctx, request, ['node-admin', 'org-admin']);
      const gate = ctx.options.gate;
      if (gate === undefined) throw new SetuError('SETU_ERR_API_NOT_FOUND', 'This server has no outbound gate configured.');
      const body = request.body;
      const to = stringField(body, 'to', true);
      const collection = stringField(body, 'collection', false);
      const as = stringField(body, 'as', false);
      const peerValue = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['peer'] : undefined;
      if (peerValue !== undefined && typeof peerValue !== 'boolean') throw new SetuError('SETU_ERR_API_BAD_REQUEST', '"peer" must be true or false.', { field: 'peer' });
      if (principal.role !== 'node-admin' && as !== undefined && as !== principal.orgId) {
        throw new SetuError('SETU_ERR_API_FORBIDDEN', `An ${principal.role} token previews what its own organisation (${principal.orgId}) would pass on.`);
      }
      const actor = principal.role === 'node-admin' ? (as ?? gate.nodeOrg) : principal.orgId;
      const kind = peerValue === true ? ('peer' as const) : ('organisation' as const);
      const preview = await previewShare(
        { store, profile: gate.profile, pseudonymKey: gate.pseudonymKey, clock, newId, home: gate.country },
        { to, kind, actor, ...(collection === undefined ? {} : { collections: [collection] }) },
      );
      const callerOrg = principal.role === 'node-admin' ? undefined : await store.getOrganisation(principal.orgId);
      const outside = callerOrg === undefined ? principal.role !== 'node-admin' : isOutside(callerOrg, { country: gate.country, profile: gate.profile });
      const content: PreviewContent = !outside ? 'full' : to === principal.orgId && kind === 'organisation' ? 'without-values' : 'fates-only';
      return previewFor(preview, content);
    },
  );
}
