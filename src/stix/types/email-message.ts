// email-message SCO (section 6.6) with its email-mime-part-type.
import { SCO_COMMON } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const emailMessage: TypeSpec = {
  type: 'email-message',
  category: 'sco',
  properties: {
    ...SCO_COMMON,
    is_multipart: { kind: 'boolean', required: true },
    date: { kind: 'timestamp' },
    content_type: { kind: 'string' },
    from_ref: { kind: 'identifier', refs: ['email-addr'] },
    sender_ref: { kind: 'identifier', refs: ['email-addr'] },
    to_refs: { kind: 'identifier', list: true, refs: ['email-addr'] },
    cc_refs: { kind: 'identifier', list: true, refs: ['email-addr'] },
    bcc_refs: { kind: 'identifier', list: true, refs: ['email-addr'] },
    message_id: { kind: 'string' },
    subject: { kind: 'string' },
    received_lines: { kind: 'string', list: true },
    // Section 6.6: each value MUST be a list of strings, so that a repeated header keeps every value.
    additional_header_fields: { kind: 'dictionary', values: 'string', valueList: true },
    body: { kind: 'string' },
    body_multipart: {
      kind: 'object',
      list: true,
      properties: {
        body: { kind: 'string' },
        body_raw_ref: { kind: 'identifier', refs: ['artifact', 'file'] },
        content_type: { kind: 'string' },
        content_disposition: { kind: 'string' },
      },
      rules: [{ rule: 'mutuallyExclusive', props: ['body', 'body_raw_ref'] }],
    },
    raw_email_ref: { kind: 'identifier', refs: ['artifact'] },
  },
  rules: [
    { rule: 'forbiddenWhen', prop: 'body_multipart', when: 'is_multipart', equals: false },
    { rule: 'forbiddenWhen', prop: 'body', when: 'is_multipart', equals: true },
  ],
  idContributing: ['from_ref', 'subject', 'body'],
};
