// Exact-value terms from the literals of a STIX pattern. Taken: the string (and, for an AS number,
// integer) literals of `=` and `IN`, and the blocks of `ISSUBSET` / `ISSUPERSET`, on value-bearing
// paths (`domain-name:value`, `file:hashes.'SHA-256'`, `artifact:url`, ...) and on references
// followed to a value (`network-traffic:dst_ref.value`, `email-message:from_ref.value`: the kind
// follows from the literal's shape; `..._ref.name` / `.hashes.X` behind a file reference).
// Not taken: negated comparisons and `!=` (the indicator is not about that value), `<`/`>`,
// MATCHES (a regular expression is not a value), and LIKE with wildcards: a LIKE without `%` or
// `_` is an equality and is taken; `domain-name:value LIKE '%.bad.example'` stands for every
// subdomain of bad.example and is indexed as the domain bad.example (a search for
// mail.bad.example probes that parent); any other wildcard LIKE is skipped.
import { parsePattern } from '../pattern/index.js';
import type { ComparisonKind, LiteralNode, NodeOf, ObjectPathNode, ObservationKind } from '../pattern/index.js';
import { addHash, addValue } from './add-value.js';
import { canonicalDomain } from './domain-text.js';
import type { PropertyKind } from './property-kinds.js';
import { FILE_REFS, propertyKind } from './property-kinds.js';
import type { TermSink } from './term.js';

/** What a comparison path indexes as: a property kind, a hash algorithm, or a kind read from the literal. */
type PathTarget =
  | { readonly kind: Exclude<PropertyKind, 'hashes'> }
  | { readonly hash: string }
  | { readonly byShape: true };

function pathText(path: ObjectPathNode): string {
  let text = `${path.objectType}:`;
  path.steps.forEach((step, i) => {
    if (step.type === 'key') text += `${i === 0 ? '' : '.'}${step.quoted ? `'${step.name}'` : step.name}`;
    else text += step.type === 'index' ? `[${step.index}]` : '[*]';
  });
  return text;
}

function targetOf(path: ObjectPathNode): PathTarget | undefined {
  const keys = path.steps.flatMap((s) => (s.type === 'key' ? [s.name] : []));
  // Follow the last reference: what comes after it belongs to the referenced object.
  let refAt = -1;
  keys.forEach((k, i) => {
    if (k.endsWith('_ref') || k.endsWith('_refs')) refAt = i;
  });
  const tail = keys.slice(refAt + 1);
  if (refAt === -1) {
    const kind = propertyKind(path.objectType, tail[0] as string);
    if (kind === 'hashes') return tail.length === 2 ? { hash: tail[1] as string } : undefined;
    return kind !== undefined && tail.length === 1 ? { kind } : undefined;
  }
  const ref = keys[refAt] as string;
  if (tail.length === 1 && tail[0] === 'value') return { byShape: true };
  if (tail.length === 2 && tail[0] === 'hashes') return { hash: tail[1] as string };
  if (tail.length === 1 && tail[0] === 'name' && FILE_REFS.has(ref)) return { kind: 'file-name' };
  if (tail.length === 1 && tail[0] === 'url' && FILE_REFS.has(ref)) return { kind: 'url' };
  return undefined;
}

/** The kind of a value found behind a reference, from its text. */
function kindByShape(text: string): Exclude<PropertyKind, 'hashes'> {
  if (text.includes('://')) return 'url';
  if (text.includes('@')) return 'email';
  if (/^[0-9a-f]{2}([:-])[0-9a-f]{2}(\1[0-9a-f]{2}){4}$/i.test(text)) return 'mac';
  if (/^[0-9.]+(\/[0-9]+)?$/.test(text) || text.includes(':')) return 'ip';
  return 'domain';
}

function addLiteral(sink: TermSink, target: PathTarget, literal: LiteralNode, source: string): void {
  if (literal.type !== 'string' && !(literal.type === 'int' && 'kind' in target && target.kind === 'asn')) return;
  if ('hash' in target) addHash(sink, target.hash, literal.value, source);
  else if ('kind' in target) addValue(sink, target.kind, literal.value, source);
  else if (literal.type === 'string') addValue(sink, kindByShape(literal.value as string), literal.value, source);
}

const SUBDOMAIN_LIKE = /^%\.([^%_]+)$/;

function addComparison(sink: TermSink, node: NodeOf<'comparison'>): void {
  if (node.negated || node.operator === '!=') return;
  const target = targetOf(node.path);
  if (target === undefined) return;
  const where = (literal: { readonly span: { readonly line: number; readonly column: number } }): string =>
    `$.pattern@${literal.span.line}:${literal.span.column} ${pathText(node.path)}`;
  const value = node.value;
  switch (node.operator) {
    case '=':
      if (value.kind === 'literal') addLiteral(sink, target, value, where(value));
      return;
    case 'IN':
      if (value.kind === 'set') for (const item of value.values) addLiteral(sink, target, item, where(item));
      return;
    case 'ISSUBSET':
    case 'ISSUPERSET':
      if (value.kind === 'literal' && value.type === 'string') addValue(sink, 'ip', value.value, where(value));
      return;
    case 'LIKE': {
      if (value.kind !== 'literal' || value.type !== 'string') return;
      const text = value.value as string;
      if (!/[%_]/.test(text)) addLiteral(sink, target, value, where(value));
      else if ('kind' in target && target.kind === 'domain') {
        const parent = SUBDOMAIN_LIKE.exec(text);
        const domain = parent === null ? undefined : canonicalDomain(parent[1] as string);
        if (domain !== undefined) sink.add('domain', domain, `${where(value)} LIKE`);
      }
      return;
    }
    case '<': case '<=': case '>': case '>=': case 'MATCHES':
      return;
  }
}

const COMPARISONS: { [K in ComparisonKind]: (sink: TermSink, node: NodeOf<K>) => void } = {
  comparison: addComparison,
  exists: () => undefined,
  'comparison-and': (sink, node) => {
    comparison(sink, node.left);
    comparison(sink, node.right);
  },
  'comparison-or': (sink, node) => {
    comparison(sink, node.left);
    comparison(sink, node.right);
  },
};

function comparison(sink: TermSink, node: NodeOf<ComparisonKind>): void {
  COMPARISONS[node.kind](sink, node as never);
}

const both = (sink: TermSink, node: { readonly left: NodeOf<ObservationKind>; readonly right: NodeOf<ObservationKind> }): void => {
  observation(sink, node.left);
  observation(sink, node.right);
};
const inner = (sink: TermSink, node: { readonly expression: NodeOf<ObservationKind> }): void => observation(sink, node.expression);

const OBSERVATIONS: { [K in ObservationKind]: (sink: TermSink, node: NodeOf<K>) => void } = {
  observation: (sink, node) => comparison(sink, node.expression),
  'observation-and': both,
  'observation-or': both,
  'followed-by': both,
  group: inner,
  within: inner,
  repeats: inner,
  'start-stop': inner,
};

function observation(sink: TermSink, node: NodeOf<ObservationKind>): void {
  OBSERVATIONS[node.kind](sink, node as never);
}

/** Adds the terms of a STIX pattern's literals; a pattern that does not parse is a finding. */
export function addPatternTerms(sink: TermSink, pattern: string): void {
  const parsed = parsePattern(pattern);
  if (!parsed.ok) {
    sink.skip('$.pattern', `the pattern does not parse (${parsed.error.message}); no terms taken from it`);
    return;
  }
  observation(sink, parsed.ast.expression);
}
