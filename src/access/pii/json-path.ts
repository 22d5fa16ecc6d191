// JSONPath text for a position inside a STIX object: $.name, $.external_references[0].url,
// $.extensions['extension-definition--...'].field. Keys that are not plain identifiers are quoted.

export type PathStep = string | number;

const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function jsonPath(steps: readonly PathStep[]): string {
  let out = '$';
  for (const step of steps) {
    if (typeof step === 'number') out += `[${step}]`;
    else if (PLAIN.test(step)) out += `.${step}`;
    else out += `['${step.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
  }
  return out;
}
