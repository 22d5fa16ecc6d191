// Where a node or token starts in the pattern text: 1-based line and column, 0-based offset.
export interface Span {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}
