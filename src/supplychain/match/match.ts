// SBOM components matched against advisories, each match with its proof. Steps:
//   1 index the advisories' statements by package key (canonical purl without version), by
//     bom-ref, and list the CPE statements
//   2 for each component, the statements whose identity matches: the same package key, the same
//     bom-ref, or an advisory CPE that matches the component's CPE (NISTIR 7696, version left to
//     the range)
//   3 each such statement's range is tested against the component's version (range.ts); inside
//     means the statement applies; a range that cannot be compared is reported as a finding
//   4 statements that apply are grouped by vulnerability (the CVE id when the document gives
//     one, so an OSV record and a CSAF VEX about the same CVE meet) and precedence.ts decides
import { finding } from '../errors.js';
import type { Finding } from '../errors.js';
import { matchCpe, parseCpe, withoutVersion } from '../cpe.js';
import type { Cpe, CpeMatch } from '../cpe.js';
import { parsePurl } from '../purl.js';
import type { Advisory, Affected, AdvisoryFormat, Status } from '../advisory/model.js';
import type { Component } from '../sbom/component.js';
import { PRECEDENCE_RULES, decide } from './precedence.js';
import type { PrecedenceRank } from './precedence.js';
import { memoReader, rangeContains } from './range.js';
import type { RangeProof } from './range.js';

export interface IdentityProof {
  readonly by: 'purl' | 'cpe' | 'bom-ref';
  readonly component: string;
  readonly advisory: string;
  readonly cpe?: CpeMatch;
}

export interface StatementProof {
  readonly document: string;
  readonly format: AdvisoryFormat;
  readonly vex: boolean;
  readonly clause: string;
  readonly statedAs: string;
  readonly status: Status;
  readonly identity: IdentityProof;
  readonly range: RangeProof;
}

export interface MatchProof extends StatementProof {
  readonly precedence: { readonly rank: PrecedenceRank; readonly rule: string };
  readonly overridden: readonly StatementProof[];
}

export interface Match {
  readonly component: string;
  readonly name: string;
  readonly version?: string;
  readonly purl?: string;
  readonly vulnerability: string;
  readonly status: Status;
  readonly proof: MatchProof;
}

export interface MatchResult {
  readonly matches: readonly Match[];
  readonly findings: readonly Finding[];
}

interface Entry {
  readonly advisory: Advisory;
  readonly affected: Affected;
  readonly cpe?: Cpe;
}

function keyOf(ids: readonly string[]): string {
  return ids.find((id) => /^CVE-\d{4}-\d+$/.test(id)) ?? ids[0] ?? '';
}

function index(advisories: readonly Advisory[]): { byKey: Map<string, Entry[]>; byRef: Map<string, Entry[]>; cpes: Entry[] } {
  const byKey = new Map<string, Entry[]>();
  const byRef = new Map<string, Entry[]>();
  const cpes: Entry[] = [];
  const put = (map: Map<string, Entry[]>, key: string, e: Entry): void => void (map.get(key) ?? map.set(key, []).get(key)!).push(e);
  for (const advisory of advisories) {
    for (const affected of advisory.affected) {
      const p = affected.product;
      const packageKey = p.kind === 'purl' || p.kind === 'csaf' ? p.packageKey : undefined;
      if (packageKey !== undefined) put(byKey, packageKey, { advisory, affected });
      if (p.kind === 'bom-ref') put(byRef, p.ref, { advisory, affected });
      const cpeText = p.kind === 'cpe' || p.kind === 'csaf' ? p.cpe : undefined;
      if (cpeText !== undefined && packageKey === undefined) {
        const parsed = parseCpe(cpeText);
        if (parsed.ok) cpes.push({ advisory, affected, cpe: parsed.value });
      }
    }
  }
  return { byKey, byRef, cpes };
}

export function matchSbom(components: readonly Component[], advisories: readonly Advisory[]): MatchResult {
  const { byKey, byRef, cpes } = index(advisories);
  const read = memoReader();
  const matches: Match[] = [];
  const findings: Finding[] = [];
  for (const component of components) {
    const candidates: { entry: Entry; identity: IdentityProof }[] = [];
    if (component.packageKey !== undefined) {
      for (const entry of byKey.get(component.packageKey) ?? []) candidates.push({ entry, identity: { by: 'purl', component: component.packageKey, advisory: component.packageKey } });
    }
    for (const entry of byRef.get(component.ref) ?? []) candidates.push({ entry, identity: { by: 'bom-ref', component: component.ref, advisory: component.ref } });
    if (component.cpe !== undefined && cpes.length > 0) {
      const target = parseCpe(component.cpe);
      if (target.ok) {
        for (const entry of cpes) {
          const m = matchCpe(entry.cpe!, withoutVersion(target.value));
          if (m.matches) candidates.push({ entry, identity: { by: 'cpe', component: component.cpe, advisory: entry.cpe!.formatted, cpe: m } });
        }
      }
    }
    if (candidates.length === 0) continue;
    const purl = component.purl === undefined ? undefined : parsePurl(component.purl);
    const type = purl?.ok ? purl.value.type : undefined;
    const version = purl?.ok && purl.value.version !== null ? purl.value.version : component.version;
    const byVulnerability = new Map<string, StatementProof[]>();
    for (const { entry, identity } of candidates) {
      const { advisory, affected } = entry;
      const answer = rangeContains(affected.range, version, type, read);
      if (!answer.decided) {
        findings.push(finding('SETU_ERR_SUPPLYCHAIN_UNMATCHABLE_RANGE', advisory.document, affected.clause, `component ${component.ref} (${component.purl ?? component.name}) has the product's identity, but range ${answer.range} cannot be compared with its version: ${answer.reason}`, 'warning'));
        continue;
      }
      if (!answer.inside) continue;
      const key = keyOf(affected.vulnerabilities);
      const proof: StatementProof = { document: advisory.document, format: advisory.format, vex: advisory.vex, clause: affected.clause, statedAs: affected.statedAs, status: affected.status, identity, range: answer.proof };
      (byVulnerability.get(key) ?? byVulnerability.set(key, []).get(key)!).push(proof);
    }
    for (const [vulnerability, statements] of byVulnerability) {
      const decided = decide(statements)!;
      const winner = statements[decided.index]!;
      matches.push({
        component: component.ref,
        name: component.name,
        ...(version === undefined ? {} : { version }),
        ...(component.purl === undefined ? {} : { purl: component.purl }),
        vulnerability,
        status: winner.status,
        proof: { ...winner, precedence: { rank: decided.rank, rule: PRECEDENCE_RULES[decided.rank] }, overridden: statements.filter((_, i) => i !== decided.index) },
      });
    }
  }
  return { matches, findings };
}
