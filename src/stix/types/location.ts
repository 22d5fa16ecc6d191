// location SDO (section 4.10).
import { SDO_COMMON, MODIFIED_AFTER_CREATED } from '../common.js';
import type { TypeSpec } from '../spec.js';

export const location: TypeSpec = {
  type: 'location',
  category: 'sdo',
  properties: {
    ...SDO_COMMON,
    name: { kind: 'string' },
    description: { kind: 'string' },
    latitude: { kind: 'number', min: -90, max: 90 },
    longitude: { kind: 'number', min: -180, max: 180 },
    precision: { kind: 'number', min: 0 },
    region: { kind: 'string', vocab: 'region-ov' },
    country: { kind: 'string', format: 'country' },
    administrative_area: { kind: 'string' },
    city: { kind: 'string' },
    street_address: { kind: 'string' },
    postal_code: { kind: 'string' },
  },
  rules: [
    MODIFIED_AFTER_CREATED,
    { rule: 'atLeastOne', props: ['region', 'country', 'latitude'] },
    { rule: 'dependsOn', prop: 'latitude', requires: 'longitude' },
    { rule: 'dependsOn', prop: 'longitude', requires: 'latitude' },
    { rule: 'dependsOn', prop: 'precision', requires: 'latitude' },
  ],
};
