// Checks a pattern without evaluating it. Errors (pattern invalid): syntax errors; the same
// qualifier type applied twice directly to one bracketed observation; a hash value that cannot be
// a hash of the named algorithm; an IP value that is no address; a MATCHES operand that is no
// regular expression. Warnings (pattern valid): unknown SCO types and properties, SDO types,
// literals of another type than their property, qualifiers or operands the matcher will refuse
// to evaluate, impossible timestamps.
import type { NodeKind, NodeOf, ObservationExpression, PatternNode, Span } from './ast/index.js';
import { parseIpBlock } from './cidr.js';
import { PATTERN_WARNING_CODES } from './errors.js';
import type { PatternWarningCode } from './errors.js';
import { literalFindings } from './literal-checks.js';
import { HASH_FORMATS, isCustomType, isKnownProperty, isNonObservableType, isScoType } from './objects.js';
import { parsePattern } from './parser.js';
import { printPath } from './printer.js';
import type { PatternError } from './parser.js';
import { parseTimestamp } from './timestamps.js';

export interface PatternWarning {
  message: string;
  line: number;
  column: number;
  code: string;
}

export interface CheckResult {
  valid: boolean;
  errors: PatternError[];
  warnings: PatternWarning[];
}

interface Findings {
  readonly errors: PatternError[];
  readonly warnings: PatternWarning[];
}

function warn(findings: Findings, code: PatternWarningCode, span: Span, detail: string): void {
  findings.warnings.push({ code, message: `${PATTERN_WARNING_CODES[code]}: ${detail}`, line: span.line, column: span.column });
}

function fail(findings: Findings, span: Span, message: string): void {
  findings.errors.push({ message, line: span.line, column: span.column });
}

const QUALIFIER_NAMES = { within: 'WITHIN', repeats: 'REPEATS', 'start-stop': 'STARTSTOP' } as const;
type QualifierKind = keyof typeof QUALIFIER_NAMES;

function isQualifier(node: ObservationExpression): node is NodeOf<QualifierKind> {
  return Object.hasOwn(QUALIFIER_NAMES, node.kind);
}

/** A qualifier chain sitting directly on a bracketed observation must not repeat a qualifier type. */
function checkQualifierChain(node: NodeOf<QualifierKind>, parentIsQualifier: boolean, findings: Findings): void {
  if (parentIsQualifier) return;
  const chain: NodeOf<QualifierKind>[] = [];
  let base: ObservationExpression = node;
  while (isQualifier(base)) {
    chain.unshift(base);
    base = base.expression;
  }
  if (base.kind !== 'observation') return;
  const seen = new Set<string>();
  for (const qualifier of chain) {
    const name = QUALIFIER_NAMES[qualifier.kind];
    if (seen.has(name)) fail(findings, qualifier.span, `Duplicate qualifier type encountered: ${name}`);
    seen.add(name);
  }
}

function checkTimestamp(findings: Findings, text: string, span: Span): void {
  if (parseTimestamp(text) === undefined) warn(findings, 'INVALID_TIMESTAMP_DATE', span, `t'${text}'`);
}

function checkQualified(node: NodeOf<QualifierKind>, findings: Findings, parentIsQualifier: boolean): void {
  checkQualifierChain(node, parentIsQualifier, findings);
  visit(node.expression, findings, true);
}

type Visitor = { [K in NodeKind]: (node: NodeOf<K>, findings: Findings) => void };

const VISITOR: Visitor = {
  pattern: (node, f) => visit(node.expression, f),
  observation: (node, f) => visit(node.expression, f),
  group: (node, f) => visit(node.expression, f),
  'observation-and': (node, f) => (visit(node.left, f), visit(node.right, f)),
  'observation-or': (node, f) => (visit(node.left, f), visit(node.right, f)),
  'followed-by': (node, f) => (visit(node.left, f), visit(node.right, f)),
  within: (node, f) => {
    if (!(node.seconds > 0)) warn(f, 'NONPOSITIVE_WITHIN', node.span, `WITHIN ${node.text} SECONDS`);
  },
  repeats: (node, f) => {
    if (node.times < 1) warn(f, 'ZERO_REPEATS', node.span, `REPEATS ${node.times} TIMES`);
  },
  'start-stop': (node, f) => {
    checkTimestamp(f, node.start, node.span);
    checkTimestamp(f, node.stop, node.span);
    const start = parseTimestamp(node.start);
    const stop = parseTimestamp(node.stop);
    if (start !== undefined && stop !== undefined && start >= stop) warn(f, 'EMPTY_START_STOP', node.span, `${node.start} .. ${node.stop}`);
  },
  'comparison-and': (node, f) => (visit(node.left, f), visit(node.right, f)),
  'comparison-or': (node, f) => (visit(node.left, f), visit(node.right, f)),
  exists: (node, f) => visit(node.path, f),
  comparison: (node, f) => {
    visit(node.path, f);
    visit(node.value, f);
    const last = node.path.steps[node.path.steps.length - 1];
    const inHashes = node.path.steps.some((s) => s.type === 'key' && s.name === 'hashes');
    if (inHashes && last?.type === 'key' && node.value.kind === 'literal' && (node.operator === '=' || node.operator === '!=')) {
      const format = HASH_FORMATS[last.name.toUpperCase().replace(/-/g, '')];
      const text = typeof node.value.value === 'string' ? node.value.value : node.value.text;
      if (format !== undefined && !format.test(text)) fail(f, node.value.span, `'${text}' is not a valid ${last.name} hash`);
    }
    const literalChecks = literalFindings(node);
    for (const finding of literalChecks) {
      if (finding.severity === 'error') fail(f, finding.span, finding.message);
      else warn(f, finding.code, finding.span, finding.message);
    }
    if ((node.operator === 'ISSUBSET' || node.operator === 'ISSUPERSET') && node.value.kind === 'literal' && literalChecks.length === 0) {
      if (parseIpBlock(String(node.value.value)) === undefined) warn(f, 'INVALID_CIDR', node.value.span, node.value.text);
    }
  },
  'object-path': (node, f) => {
    const type = node.objectType;
    const first = node.steps[0];
    if (isScoType(type)) {
      if (first?.type === 'key' && !isKnownProperty(type, first.name)) warn(f, 'UNKNOWN_PROPERTY', node.span, `${type}:${first.name}`);
    } else if (isNonObservableType(type)) {
      warn(f, 'NOT_OBSERVABLE_TYPE', node.span, `${printPath(node)} ('${type}' is not a cyber-observable)`);
    } else if (!isCustomType(type)) {
      warn(f, 'UNKNOWN_OBJECT_TYPE', node.span, type);
    }
  },
  literal: (node, f) => {
    if (node.type === 'timestamp') checkTimestamp(f, node.value as string, node.span);
  },
  set: (node, f) => {
    node.values.forEach((v) => visit(v, f));
    const kinds = new Set(node.values.map((v) => (v.type === 'int' || v.type === 'float' ? 'number' : v.type === 'hex' ? 'binary' : v.type)));
    if (kinds.size > 1) warn(f, 'NONHOMOGENEOUS_SET', node.span, [...kinds].join(', '));
  },
};

function visit(node: PatternNode, findings: Findings, parentIsQualifier = false): void {
  if (node.kind === 'within' || node.kind === 'repeats' || node.kind === 'start-stop') checkQualified(node, findings, parentIsQualifier);
  VISITOR[node.kind](node as never, findings);
}

export function checkPattern(text: string): CheckResult {
  const parsed = parsePattern(text);
  if (!parsed.ok) return { valid: false, errors: [parsed.error], warnings: [] };
  const findings: Findings = { errors: [], warnings: [] };
  visit(parsed.ast, findings);
  return { valid: findings.errors.length === 0, errors: findings.errors, warnings: findings.warnings };
}
