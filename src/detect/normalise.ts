// Normal forms for values that are compared for equality: domain names (lower case, no trailing
// dot), URLs (lower-case scheme and host, default port dropped, empty path as "/") and hash values
// (lower-case hex). Events are normalised when they are mapped to SCOs, and the string literals of
// =, != and IN comparisons on the same properties are normalised when an indicator is compiled
// (rewriteLiterals), so a domain written in capitals in an indicator matches its log form and the
// index and the general matcher still see the same pattern.
import {
  ComparisonAndNode, ComparisonNode, ComparisonOrNode, FollowedByNode, GroupNode, LiteralNode, ObservationAndNode,
  ObservationNode, ObservationOrNode, Pattern, RepeatsNode, SetLiteralNode, StartStopNode, WithinNode,
} from '../pattern/index.js';
import type { ComparisonKind, NodeOf, ObjectPathNode, ObservationKind } from '../pattern/index.js';

export function normaliseDomain(text: string): string {
  const trimmed = text.trim().toLowerCase();
  return trimmed.endsWith('.') && trimmed.length > 1 ? trimmed.slice(0, -1) : trimmed;
}

const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: ':80', https: ':443', ftp: ':21' };
const URL_SHAPE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)(.*)$/s;

export function normaliseUrl(text: string): string {
  const trimmed = text.trim();
  const parts = URL_SHAPE.exec(trimmed);
  if (parts === null) return trimmed;
  const scheme = (parts[1] as string).toLowerCase();
  let authority = parts[2] as string;
  const at = authority.lastIndexOf('@');
  const userinfo = at === -1 ? '' : authority.slice(0, at + 1);
  let host = (at === -1 ? authority : authority.slice(at + 1)).toLowerCase();
  const defaultPort = DEFAULT_PORTS[scheme];
  if (defaultPort !== undefined && host.endsWith(defaultPort)) host = host.slice(0, -defaultPort.length);
  if (host.endsWith('.')) host = host.slice(0, -1);
  authority = userinfo + host;
  const rest = parts[3] as string;
  return `${scheme}://${authority}${rest === '' ? '/' : rest}`;
}

export function normaliseHash(text: string): string {
  return text.trim().toLowerCase();
}

/** The normaliser for literals compared with a path, or undefined when the path is not normalised. */
export function normaliserFor(path: ObjectPathNode): ((text: string) => string) | undefined {
  const [first, second] = path.steps;
  if (first?.type !== 'key') return undefined;
  if (path.steps.length === 1 && first.name === 'value') {
    if (path.objectType === 'domain-name') return normaliseDomain;
    if (path.objectType === 'url') return normaliseUrl;
  }
  if (path.objectType === 'file' && first.name === 'hashes' && path.steps.length === 2 && second?.type === 'key') return normaliseHash;
  return undefined;
}

const quote = (text: string): string => `'${text.replace(/[\\']/g, (c) => `\\${c}`)}'`;

function rewriteLiteral(literal: LiteralNode, normalise: (text: string) => string): LiteralNode {
  if (literal.type !== 'string') return literal;
  const value = normalise(literal.value as string);
  return value === literal.value ? literal : LiteralNode.create('string', value, quote(value), literal.span);
}

function rewriteSet(set: SetLiteralNode, normalise: (text: string) => string): SetLiteralNode {
  const values = set.values.map((v) => rewriteLiteral(v, normalise));
  return values.every((v, i) => v === set.values[i]) ? set : SetLiteralNode.create(values, set.span);
}

const NORMALISED_OPERATORS: ReadonlySet<string> = new Set(['=', '!=', 'IN']);

const COMPARISONS: { [K in ComparisonKind]: (node: NodeOf<K>) => NodeOf<ComparisonKind> } = {
  comparison: (node) => {
    const normalise = NORMALISED_OPERATORS.has(node.operator) ? normaliserFor(node.path) : undefined;
    if (normalise === undefined) return node;
    const value = node.value;
    const rewritten = LiteralNode.is(value)
      ? rewriteLiteral(value, normalise)
      : rewriteSet(value, normalise);
    return rewritten === value ? node : ComparisonNode.create(node.path, node.operator, node.negated, rewritten, node.span);
  },
  exists: (node) => node,
  'comparison-and': (node) => {
    const [left, right] = [comparison(node.left), comparison(node.right)];
    return left === node.left && right === node.right ? node : ComparisonAndNode.create(left, right, node.span);
  },
  'comparison-or': (node) => {
    const [left, right] = [comparison(node.left), comparison(node.right)];
    return left === node.left && right === node.right ? node : ComparisonOrNode.create(left, right, node.span);
  },
};

function comparison(node: NodeOf<ComparisonKind>): NodeOf<ComparisonKind> {
  return COMPARISONS[node.kind](node as never);
}

// Every rewrite returns the node itself when nothing under it changed (most patterns name no
// domain, URL or hash), so compiling them allocates no second tree.
const OBSERVATIONS: { [K in ObservationKind]: (node: NodeOf<K>) => NodeOf<ObservationKind> } = {
  observation: (node) => {
    const expression = comparison(node.expression);
    return expression === node.expression ? node : ObservationNode.create(expression, node.span);
  },
  group: (node) => {
    const expression = observation(node.expression);
    return expression === node.expression ? node : GroupNode.create(expression, node.span);
  },
  'observation-and': (node) => {
    const [left, right] = [observation(node.left), observation(node.right)];
    return left === node.left && right === node.right ? node : ObservationAndNode.create(left, right, node.span);
  },
  'observation-or': (node) => {
    const [left, right] = [observation(node.left), observation(node.right)];
    return left === node.left && right === node.right ? node : ObservationOrNode.create(left, right, node.span);
  },
  'followed-by': (node) => {
    const [left, right] = [observation(node.left), observation(node.right)];
    return left === node.left && right === node.right ? node : FollowedByNode.create(left, right, node.span);
  },
  within: (node) => {
    const expression = observation(node.expression);
    return expression === node.expression ? node : WithinNode.create(expression, node.seconds, node.text, node.span);
  },
  repeats: (node) => {
    const expression = observation(node.expression);
    return expression === node.expression ? node : RepeatsNode.create(expression, node.times, node.span);
  },
  'start-stop': (node) => {
    const expression = observation(node.expression);
    return expression === node.expression ? node : StartStopNode.create(expression, node.start, node.stop, node.span);
  },
};

function observation(node: NodeOf<ObservationKind>): NodeOf<ObservationKind> {
  return OBSERVATIONS[node.kind](node as never);
}

/** The same pattern with domain, URL and hash literals of =, != and IN in normal form. */
export function rewriteLiterals(ast: Pattern): Pattern {
  const expression = observation(ast.expression);
  return expression === ast.expression ? ast : Pattern.create(expression, ast.span);
}
