// Checks a comparison's literal against what the compared property can hold. Errors: a literal
// the property can never hold by definition (an IPv4/IPv6 value that is not an address or CIDR
// block of that version), a MATCHES operand that is not a regular expression. Warnings: a literal
// of another type than the property (the comparison is then never true, or always true under NOT
// or !=; the reference validator and the specification's own examples accept such patterns), and
// PCRE constructs this engine refuses to run.
import type { ComparisonNode, LiteralNode, LiteralType, Span } from './ast/index.js';
import { parseIpBlock } from './cidr.js';
import type { PatternWarningCode } from './errors.js';
import { isScoType } from './objects.js';
import { printPath } from './printer.js';
import { propertyKind } from './property-types.js';
import type { PropertyKind } from './property-types.js';
import { buildRegex } from './regex.js';

export type LiteralFinding =
  | { readonly severity: 'error'; readonly span: Span; readonly message: string }
  | { readonly severity: 'warning'; readonly code: PatternWarningCode; readonly span: Span; readonly message: string };

const ACCEPTS: Readonly<Record<PropertyKind, readonly LiteralType[]>> = {
  integer: ['int', 'float'],
  boolean: ['bool'],
  timestamp: ['timestamp'],
  string: ['string', 'binary', 'hex'],
};

const ARTICLE: Readonly<Record<PropertyKind, string>> = { integer: 'an integer', boolean: 'a boolean', timestamp: 'a timestamp', string: 'a string' };
const LITERAL_NAME: Readonly<Record<LiteralType, string>> = {
  int: 'an integer', float: 'a float', string: 'a string', bool: 'a boolean', timestamp: 'a timestamp', binary: 'a binary', hex: 'a hex',
};

const IP_VERSION: Readonly<Record<string, 4 | 6>> = { 'ipv4-addr': 4, 'ipv6-addr': 6 };

function operands(node: ComparisonNode): readonly LiteralNode[] {
  return node.value.kind === 'set' ? node.value.values : [node.value];
}

export function literalFindings(node: ComparisonNode): LiteralFinding[] {
  const findings: LiteralFinding[] = [];
  const type = node.path.objectType;
  const steps = node.path.steps;
  const first = steps[0];
  const topLevel = steps.length === 1 && first?.type === 'key' && isScoType(type) ? propertyKind(type, first.name) : undefined;
  const path = printPath(node.path);
  if (node.operator === 'MATCHES' && node.value.kind === 'literal' && node.value.type === 'string') {
    const built = buildRegex(node.value.value as string);
    if (!built.ok && built.kind === 'invalid') {
      findings.push({ severity: 'error', span: node.value.span, message: `MATCHES operand is not a valid regular expression: ${built.message}` });
    } else if (!built.ok) {
      findings.push({ severity: 'warning', code: 'UNSUPPORTED_REGEX', span: node.value.span, message: built.message });
    }
  }
  const version = IP_VERSION[type];
  const ipValue = version !== undefined && steps.length === 1 && first?.type === 'key' && first.name === 'value';
  if (ipValue && node.operator !== 'LIKE' && node.operator !== 'MATCHES') {
    for (const literal of operands(node)) {
      if (literal.type !== 'string') continue;
      const block = parseIpBlock(literal.value as string);
      if (block === undefined || block.version !== version) {
        findings.push({ severity: 'error', span: literal.span, message: `'${literal.value as string}' is not an IPv${version} address or CIDR block (${path})` });
      }
    }
  }
  if (topLevel === undefined) return findings;
  const textOnly = node.operator === 'LIKE' || node.operator === 'MATCHES';
  if (textOnly && topLevel !== 'string') {
    findings.push({ severity: 'warning', code: 'LITERAL_TYPE_MISMATCH', span: node.span, message: `${node.operator} applies to strings, but ${path} is ${ARTICLE[topLevel]} property` });
    return findings;
  }
  if (textOnly || node.operator === 'ISSUBSET' || node.operator === 'ISSUPERSET') return findings;
  for (const literal of operands(node)) {
    if (!ACCEPTS[topLevel].includes(literal.type)) {
      findings.push({
        severity: 'warning', code: 'LITERAL_TYPE_MISMATCH', span: literal.span,
        message: `${path} is ${ARTICLE[topLevel]} property, compared with ${LITERAL_NAME[literal.type]} literal ${literal.text}`,
      });
    }
  }
  return findings;
}
