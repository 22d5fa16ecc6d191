// Finds the personal data in one STIX object: the text detectors over every string property
// (except ids, references, hashes and timestamps, which hold no free text), plus two structural
// rules: the `name` of an identity of class individual, and a whole email-addr / user-account SCO.
// Findings that are the threat itself (see threat.ts) or a role mailbox are returned with `exempt`
// set, so a preview can show them as kept and why.
import { isRoleMailbox } from './email.js';
import { jsonPath, type PathStep } from './json-path.js';
import type { PiiFinding, TextMatch } from './kinds.js';
import { findInText } from './text.js';
import { NO_THREATS, scoValues, threatValueNormal, type ThreatContext } from './threat.js';

type Json = Readonly<Record<string, unknown>>;

/** Properties that never hold free text (identifiers, references, hashes, timestamps). */
const SKIPPED_KEYS: ReadonlySet<string> = new Set([
  'id', 'type', 'spec_version', 'created', 'modified', 'valid_from', 'valid_until', 'first_seen', 'last_seen',
  'first_observed', 'last_observed', 'published', 'start_time', 'stop_time', 'hashes', 'object_marking_refs',
  'granular_markings', 'extension_type',
]);
const isRefKey = (key: string) => key.endsWith('_ref') || key.endsWith('_refs');

function walkStrings(value: unknown, steps: PathStep[], visit: (text: string, steps: readonly PathStep[]) => void): void {
  if (typeof value === 'string') return visit(value, steps);
  if (Array.isArray(value)) {
    value.forEach((item, i) => walkStrings(item, [...steps, i], visit));
    return;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (SKIPPED_KEYS.has(key) || isRefKey(key)) continue;
      walkStrings(child, [...steps, key], visit);
    }
  }
}

function exemption(match: TextMatch, steps: readonly PathStep[], object: Json, threats: ThreatContext): PiiFinding['exempt'] {
  if (object['type'] === 'indicator' && steps.length === 1 && steps[0] === 'pattern') return 'indicator-pattern';
  if (threats.values.has(match.normal) || threats.values.has(threatValueNormal(match.match))) return 'threat-value';
  if (match.kind === 'email' && isRoleMailbox(match.normal)) return 'role-mailbox';
  return undefined;
}

export function detectPersonalData(object: Json, threats: ThreatContext = NO_THREATS): PiiFinding[] {
  const findings: PiiFinding[] = [];
  const type = object['type'];
  const id = typeof object['id'] === 'string' ? object['id'] : '';

  if (type === 'email-addr' || type === 'user-account') {
    const values = scoValues(object);
    const isThreat = threats.objects.has(id) || values.some((v) => threats.values.has(threatValueNormal(v)));
    findings.push({
      kind: type,
      path: '$',
      steps: [],
      start: 0,
      end: 0,
      match: values[0] ?? id,
      ...(isThreat ? { exempt: 'threat-object' as const } : {}),
    });
    // The SCO as a whole is the finding; its own properties are not reported again.
    if (!isThreat) return findings;
  }

  const individual = type === 'identity' && object['identity_class'] === 'individual';
  walkStrings(object, [], (text, steps) => {
    if (individual && steps.length === 1 && steps[0] === 'name') {
      findings.push({ kind: 'individual-name', path: jsonPath(steps), steps, start: 0, end: text.length, match: text });
      return;
    }
    for (const m of findInText(text)) {
      const exempt = exemption(m, steps, object, threats);
      findings.push({ kind: m.kind, path: jsonPath(steps), steps, start: m.start, end: m.end, match: m.match, ...(exempt ? { exempt } : {}) });
    }
  });
  return findings;
}
