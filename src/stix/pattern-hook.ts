// HOOK POINT for STIX patterning. Indicator objects with pattern_type 'stix' pass their pattern
// here; the pattern engine (src/pattern/, built separately) will supply the syntax check. Until it
// is wired in, no pattern findings are produced. The function must stay pure and must not throw.

/** Returns readable syntax problems of a STIX pattern; an empty list means "no findings". */
export function checkStixPattern(pattern: string): readonly string[] {
  void pattern;
  return [];
}
