// The password rule (pure): at least 12 and at most 128 characters (NIST SP 800-63B: length over
// composition rules), not one of the common/breached passwords zxcvbn-ts ships (its
// 'passwords-common' list, drawn from breach corpora), and a zxcvbn strength score of 3 or more
// ("safely unguessable") counting the user's own e-mail and name as known words. The breach check
// is offline: nothing here reaches the network.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_MIN_SCORE = 3;

export type PasswordProblem = 'too-short' | 'too-long' | 'breached' | 'guessable';

let factory: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs });
  return factory;
}

/** The words a person's e-mail and name give an attacker: each part, and each part without punctuation. */
export function knownWords(...values: readonly string[]): string[] {
  const words = new Set<string>();
  const add = (word: string) => word.length >= 3 && words.add(word);
  for (const value of values) {
    const lower = value.toLowerCase();
    // Whole, per @ / space part, per dot-label (cert-in -> certin), and per piece between punctuation.
    for (const part of [lower, ...lower.split(/[@\s]+/), ...lower.split(/[@\s.]+/)]) {
      add(part.replace(/[^\p{L}\p{N}]+/gu, ''));
      for (const piece of part.split(/[^\p{L}\p{N}]+/u)) add(piece);
    }
  }
  return [...words];
}

/** Why `password` is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string, userInputs: readonly string[] = []): PasswordProblem | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too-short';
  if (length > PASSWORD_MAX_LENGTH) return 'too-long';
  const result = estimator().check(password, knownWords(...userInputs));
  if (result.sequence.some((m) => m.pattern === 'dictionary' && m.dictionaryName === 'passwords-common' && m.token.length === password.length)) return 'breached';
  if (result.score < PASSWORD_MIN_SCORE) return 'guessable';
  return undefined;
}
