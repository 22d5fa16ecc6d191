// /openapi.json post-processing: every route declares its error answers inline (the same TypeBox
// error body, once per status), so the document names that schema once, as the component
// ErrorBody, and each error answer refers to it. Generated clients then get one error type.
import { ERROR_BODY_SCHEMA } from '../taxii/index.js';

const ERROR_BODY_TEXT = JSON.stringify(ERROR_BODY_SCHEMA);
const ERROR_BODY_REF = '#/components/schemas/ErrorBody';

type Media = { schema?: unknown };
type Response = { content?: Record<string, Media> };
type Operation = { responses?: Record<string, Response> };

/** The document with each inline copy of the error body replaced by a reference to one component. */
export function withSharedErrorBody<T extends object>(document: T): T {
  const doc = document as { paths?: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, unknown> } };
  let shared = false;
  for (const item of Object.values(doc.paths ?? {})) {
    for (const operation of Object.values(item)) {
      for (const response of Object.values(operation.responses ?? {})) {
        for (const media of Object.values(response.content ?? {})) {
          if (JSON.stringify(media.schema) === ERROR_BODY_TEXT) {
            media.schema = { $ref: ERROR_BODY_REF };
            shared = true;
          }
        }
      }
    }
  }
  if (shared) doc.components = { ...doc.components, schemas: { ...doc.components?.schemas, ErrorBody: ERROR_BODY_SCHEMA } };
  return document;
}
