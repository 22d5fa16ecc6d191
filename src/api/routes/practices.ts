// "What to do" about an object over the JSON API: the ATT&CK techniques it involves, their
// mitigations and the practices partners shared, from what the caller may read (its collections,
// TLP and RED recipients, and for a caller of another jurisdiction the outbound gate's view).
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { SetuError, isSetuError } from '../../errors/index.js';
import { foreignReads } from '../../node/index.js';
import { PRACTICE_LANGUAGES, adviceFor, isPracticeLanguage } from '../../practices/index.js';
import { principalOf, type ApiContext } from '../context.js';
import { apiDoc } from '../schemas.js';

const TEXT = Type.Object(
  {
    name: Type.Optional(Type.String()),
    abstract: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
    content: Type.Optional(Type.String()),
    language: Type.String({ description: 'The language the text is in (the requested one when a language-content translation was used).' }),
    translatedBy: Type.Optional(Type.String({ description: 'The language-content object the text came from.' })),
  },
  { description: 'The readable text of an object, in the requested language when a translation exists.' },
);

const STEP = Type.Object(
  {
    from: Type.String(),
    via: Type.String({ description: 'A relationship type (indicates, uses, attributed-to) or sighting_of_ref.' }),
    relationshipId: Type.Optional(Type.String()),
    to: Type.String(),
  },
  { description: 'One link of the path from the object to a technique.' },
);

const MITIGATION = Type.Object({
  id: Type.String(),
  attackId: Type.Optional(Type.String({ description: 'The ATT&CK mitigation id (e.g. M0812).' })),
  createdBy: Type.Optional(Type.String()),
  text: TEXT,
  relationshipId: Type.String({ description: 'The mitigates relationship.' }),
  how: Type.Optional(Type.String({ description: 'What the mitigates relationship says about how it applies.' })),
});

const TECHNIQUE = Type.Object({
  id: Type.String(),
  attackId: Type.Optional(Type.String({ description: 'The ATT&CK technique id (e.g. T0880).' })),
  text: TEXT,
  paths: Type.Array(Type.Array(STEP), { description: 'Each way the object reaches the technique.' }),
  mitigations: Type.Array(MITIGATION),
});

const WHAT_TO_DO = Type.Object(
  {
    subject: Type.Object({ id: Type.String(), type: Type.String(), text: TEXT }),
    language: Type.Union(PRACTICE_LANGUAGES.map((l) => Type.Literal(l))),
    techniques: Type.Array(TECHNIQUE),
    practices: Type.Array(
      Type.Object({
        id: Type.String(),
        type: Type.String({ description: 'course-of-action, note or report.' }),
        createdBy: Type.Optional(Type.String()),
        text: TEXT,
        about: Type.Array(Type.String(), { description: 'The techniques, mitigations or the object itself it refers to.' }),
      }),
      { description: 'Practices partners shared about these techniques, mitigations or the object.' },
    ),
    skipped: Type.Array(Type.Object({ id: Type.String(), type: Type.String(), reason: Type.Union([Type.Literal('revoked'), Type.Literal('deprecated')]) }), { description: 'Revoked or deprecated objects met on the way and left out.' }),
  },
  { description: 'What to do about the object (see docs/practices.md).' },
);

export function registerPracticeRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const { store, gate, clock, newId } = ctx.options;
  // The gate's views shared with TAXII when the app hands them in; else this node's own from its gate
  // configuration: on a node with a gate, a foreign reader never gets advice around it.
  const reads = ctx.options.foreignReads ?? (gate === undefined ? undefined : foreignReads({ store, profile: gate.profile, pseudonymKey: gate.pseudonymKey, country: gate.country, clock, newId }));
  app.get(
    '/practices/for/:id',
    {
      schema: apiDoc({
        operationId: 'getPracticesFor',
        summary: 'What to do about an object: techniques, mitigations and shared practices',
        description:
          'For an indicator, sighting, malware, campaign, intrusion set, tool or attack pattern: the ATT&CK techniques it involves (with the path that links them), the mitigations of each, and the notes, reports and courses of action partners shared about them, from objects the caller may read. Revoked and deprecated objects are listed as skipped.',
        tags: ['practices'],
        params: Type.Object({ id: Type.String({ description: 'The STIX id of the object.' }) }),
        querystring: Type.Object({ lang: Type.Optional(Type.String({ description: 'en (default), ja or hi: the language of the text, from language-content translations when present.' })) }),
        success: { status: 200, schema: WHAT_TO_DO, meaning: 'What to do about the object.' },
        errors: [400, 404],
      }),
    },
    async (request) => {
      const principal = principalOf(ctx, request);
      const lang = (request.query as { lang?: string }).lang ?? 'en';
      if (!isPracticeLanguage(lang)) throw new SetuError('SETU_ERR_API_BAD_REQUEST', `"lang" must be one of ${PRACTICE_LANGUAGES.join(', ')}, not "${lang}".`, { field: 'lang' });
      const subjectId = (request.params as { id: string }).id;
      try {
        return await adviceFor({ store, principal, foreignReads: reads, subjectId, language: lang });
      } catch (error) {
        if (isSetuError(error) && error.code === 'SETU_ERR_PRACTICES_UNKNOWN_OBJECT') throw new SetuError('SETU_ERR_API_NOT_FOUND', error.message, error.details);
        throw error;
      }
    },
  );
}
