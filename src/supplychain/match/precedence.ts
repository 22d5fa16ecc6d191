// Which status wins when several statements apply to one component and one vulnerability. The
// strongest statement decides; every other one is kept in the proof as overridden.
//
//   rank  statement                                                        result
//   1     not_affected from a VEX document (CSAF csaf_vex, OpenVEX,        not_affected
//         CycloneDX VEX) for this product                                  (overrides an "affected"
//                                                                          read from a range)
//   2     affected (a range, a listed version, a VEX "affected")            affected
//   3     not_affected from an advisory that is not VEX                     not_affected
//         (CSAF known_not_affected in a security_advisory)
//   4     fixed                                                             fixed
//   5     under_investigation                                              under_investigation
//   6     recommended (a version to use: never "affected")                 recommended
//
// Within one rank the first statement in input order decides (documents in the order given,
// statements in document order), so the answer is the same for the same input.
import type { Status } from '../advisory/model.js';

export interface Statement {
  readonly status: Status;
  readonly vex: boolean;
}

export type PrecedenceRank = 1 | 2 | 3 | 4 | 5 | 6;

export const PRECEDENCE_RULES: { readonly [R in PrecedenceRank]: string } = {
  1: 'a VEX not_affected for this product overrides every other statement',
  2: 'affected',
  3: 'not_affected from an advisory that is not VEX',
  4: 'fixed',
  5: 'under_investigation',
  6: 'recommended: a version to use, never affected',
};

export function rankOf(s: Statement): PrecedenceRank {
  const ranks: { readonly [S in Status]: PrecedenceRank } = {
    not_affected: s.vex ? 1 : 3,
    affected: 2,
    fixed: 4,
    under_investigation: 5,
    recommended: 6,
  };
  return ranks[s.status];
}

/** The index of the deciding statement (the strongest; the first of equals) and its rank. */
export function decide(statements: readonly Statement[]): { readonly index: number; readonly rank: PrecedenceRank } | undefined {
  let best: { index: number; rank: PrecedenceRank } | undefined;
  statements.forEach((s, index) => {
    const rank = rankOf(s);
    if (best === undefined || rank < best.rank) best = { index, rank };
  });
  return best;
}
