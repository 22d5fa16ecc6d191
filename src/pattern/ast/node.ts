// The union of every AST node kind. Visitors are tables typed by these unions, so a new node kind
// fails to compile until every visitor handles it.
import type { ComparisonAndNode } from './comparison-and.js';
import type { ComparisonOrNode } from './comparison-or.js';
import type { ComparisonNode } from './comparison.js';
import type { ExistsNode } from './exists.js';
import type { FollowedByNode } from './followed-by.js';
import type { GroupNode } from './group.js';
import type { LiteralNode } from './literal.js';
import type { ObjectPathNode } from './object-path.js';
import type { ObservationAndNode } from './observation-and.js';
import type { ObservationOrNode } from './observation-or.js';
import type { ObservationNode } from './observation.js';
import type { Pattern } from './pattern.js';
import type { RepeatsNode } from './repeats.js';
import type { SetLiteralNode } from './set-literal.js';
import type { StartStopNode } from './start-stop.js';
import type { WithinNode } from './within.js';

export const COMPARISON_KINDS = ['comparison', 'exists', 'comparison-and', 'comparison-or'] as const;
export const OBSERVATION_KINDS = [
  'observation',
  'observation-and',
  'observation-or',
  'followed-by',
  'group',
  'within',
  'repeats',
  'start-stop',
] as const;
export const NODE_KINDS = [...COMPARISON_KINDS, ...OBSERVATION_KINDS, 'pattern', 'object-path', 'literal', 'set'] as const;

export type ComparisonKind = (typeof COMPARISON_KINDS)[number];
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];
export type NodeKind = (typeof NODE_KINDS)[number];

export type ComparisonExpression = ComparisonNode | ExistsNode | ComparisonAndNode | ComparisonOrNode;
export type ObservationExpression =
  | ObservationNode
  | ObservationAndNode
  | ObservationOrNode
  | FollowedByNode
  | GroupNode
  | WithinNode
  | RepeatsNode
  | StartStopNode;
export type PatternNode = ComparisonExpression | ObservationExpression | Pattern | ObjectPathNode | LiteralNode | SetLiteralNode;

/** The node type for a kind, e.g. `NodeOf<'within'>` is `WithinNode`. */
export type NodeOf<K extends NodeKind> = Extract<PatternNode, { readonly kind: K }>;
