// observed-data SDO (section 4.14); 'objects' is the deprecated embedded form.
import { SDO_COMMON, MODIFIED_AFTER_CREATED } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const observedData: TypeSpec = {
  type: 'observed-data',
  category: 'sdo',
  properties: {
    ...SDO_COMMON,
    first_observed: { kind: 'timestamp', required: true },
    last_observed: { kind: 'timestamp', required: true },
    number_observed: { kind: 'integer', required: true, min: 1, max: 999999999 },
    objects: { kind: 'any' },
    object_refs: { kind: 'identifier', list: true, refs: 'sco-or-sro' },
  },
  rules: [
    MODIFIED_AFTER_CREATED,
    { rule: 'laterThan', later: 'last_observed', earlier: 'first_observed', orEqual: true },
    { rule: 'atLeastOne', props: ['objects', 'object_refs'] },
    { rule: 'mutuallyExclusive', props: ['objects', 'object_refs'] },
    { rule: 'special', check: 'observed-data-objects' },
  ],
  deprecated: ['objects'],
};
