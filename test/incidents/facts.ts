// Shared builder of incident facts for the incidents tests.
import type { IncidentFacts } from '../../src/incidents/index.js';

export function facts(over: Partial<IncidentFacts> = {}): IncidentFacts {
  return {
    types: ['malicious-code'],
    personalData: false,
    victimCountry: 'IN',
    designatedOperator: false,
    unlawfulAct: false,
    awareAt: '2027-06-01T10:00:00+05:30',
    reports: [],
    pauses: [],
    ...over,
  };
}
