// A STIX pattern laid out for reading: each observation expression ([...], with its qualifiers) and
// each boolean or temporal operator between observations on its own line; comparisons inside an
// observation stay on its line, and quoted literals are never touched.
const OPERATORS = ['FOLLOWEDBY', 'AND', 'OR'] as const;

export function layoutPattern(pattern: string): string {
  const lines: string[] = [];
  let line = '';
  let i = 0;
  const flush = () => {
    if (line.trim() !== '') lines.push(line.trim());
    line = '';
  };
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === "'") {
      // A literal, with \' and \\ escapes, copied as it is.
      let j = i + 1;
      while (j < pattern.length && pattern[j] !== "'") j += pattern[j] === '\\' ? 2 : 1;
      line += pattern.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const operator = OPERATORS.find((op) => pattern.startsWith(op, i) && /\s/.test(pattern[i - 1] ?? ' ') && /\s/.test(pattern[i + op.length] ?? ' '));
    if (operator !== undefined && outsideObservation(pattern, i)) {
      flush();
      lines.push(operator);
      i += operator.length;
      continue;
    }
    line += ch;
    i += 1;
  }
  flush();
  return lines.join('\n');
}

/** Whether position i is between observations (not inside [...] brackets), ignoring literals. */
function outsideObservation(pattern: string, i: number): boolean {
  let open = 0;
  for (let k = 0; k < i; k += 1) {
    const ch = pattern[k];
    if (ch === "'") {
      k += 1;
      while (k < i && pattern[k] !== "'") k += pattern[k] === '\\' ? 2 : 1;
    } else if (ch === '[') open += 1;
    else if (ch === ']') open -= 1;
  }
  return open === 0;
}
