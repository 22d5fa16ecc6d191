import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PASSWORD_MAX_LENGTH, passwordProblem } from '../../src/users/index.js';

test('short, overlong, breached and guessable passwords are refused; long unusual ones pass', () => {
  assert.equal(passwordProblem('Xk9#mQ2!'), 'too-short');
  assert.equal(passwordProblem('a'.repeat(PASSWORD_MAX_LENGTH + 1)), 'too-long');
  assert.equal(passwordProblem('1qaz2wsx3edc'), 'breached', 'a whole password from the shipped breach list');
  assert.equal(passwordProblem('q1w2e3r4t5y6'), 'breached');
  assert.equal(passwordProblem('password1234'), 'guessable');
  assert.equal(passwordProblem('aaaaaaaaaaaaaaaa'), 'guessable');
  assert.equal(passwordProblem('violet kettle harbour 1987 sings'), undefined);
  assert.equal(passwordProblem('Tr0ub4dour&3xyz!'), undefined);
});

test("the user's own e-mail and name count as known words", () => {
  assert.equal(passwordProblem('certinasharao', []), undefined);
  assert.equal(passwordProblem('certinasharao', ['asha.rao@cert-in.example', 'Asha Rao']), 'guessable');
});
