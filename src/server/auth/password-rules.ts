/**
 * Applies the shared password rules (src/shared/password-policy.ts) wherever a password is chosen: a refusal is
 * a 400 whose code says what is wrong (too common, contains your username, …), with the field named.
 */
import { loadPasswordChecker, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordInputs, type PasswordProblem } from '../../shared/password-policy.js';
import { AppError } from '../http/errors.js';

/** The problem with a password, or null when it may be used. */
export async function passwordProblem(password: string, inputs: PasswordInputs): Promise<PasswordProblem | null> {
  const check = await loadPasswordChecker();
  return check(password, inputs).problem;
}

export async function assertAcceptablePassword(password: string, inputs: PasswordInputs, path: string): Promise<void> {
  const problem = await passwordProblem(password, inputs);
  if (!problem) return;
  const params = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };
  throw new AppError(problem, 400, params, { errors: [{ path, code: problem, key: problem, params }] });
}
