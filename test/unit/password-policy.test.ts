import { describe, expect, it } from 'vitest';
import { basicPasswordProblem, loadPasswordChecker } from '../../src/shared/password-policy.js';
import { temporaryPassword } from '../../src/server/auth/secrets.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/server/demo/accounts.js';
import { PASSWORD } from '../helpers/factories.js';

const zhang = { username: 'zhang.wei', displayName: '张伟', companyName: '阳光物业' };

describe('password policy', () => {
  it('refuses what "10 characters with a letter and a digit" let through, saying what is wrong', async () => {
    const check = await loadPasswordChecker();
    const cases: [string, string][] = [
      ['password123', 'password_too_common'],
      ['qwerty123456', 'password_too_common'],
      ['aaaaaaaaaa1', 'password_predictable'],
      ['          1a', 'password_whitespace'],
      ['zhang.wei2024', 'password_contains_username'],
      ['zhangwei12345', 'password_contains_username'],
      ['阳光物业12345678', 'password_contains_company'],
      ['abcdefghij', 'password_predictable'],
      ['Short-1a', 'password_too_short'],
      [' Strong-Tea-Kettle-7', 'password_whitespace'],
      ['Strong-Tea-Kettle-7 ', 'password_whitespace'],
    ];
    for (const [password, problem] of cases) expect(check(password, zhang).problem, password).toBe(problem);
  });

  it('accepts long, irregular passwords, with a score of 3 or 4', async () => {
    const check = await loadPasswordChecker();
    for (const password of ['Tea-Kettle-Orbit-7', 'k8Qm2vXp9L-w', '月亮-Lantern-93!']) {
      const verdict = check(password, zhang);
      expect(verdict.problem, password).toBeNull();
      expect(verdict.score).toBeGreaterThanOrEqual(3);
    }
  });

  it('the rules that need no dictionary answer at once, before anything is loaded', () => {
    expect(basicPasswordProblem('x'.repeat(201))).toBe('password_too_long');
    expect(basicPasswordProblem('   ')).toBe('password_whitespace');
    expect(basicPasswordProblem('Tea-Kettle-Orbit-7')).toBeNull();
  });

  it('the demo accounts, the test accounts and generated temporary passwords satisfy the rules', async () => {
    const check = await loadPasswordChecker();
    for (const a of DEMO_ACCOUNTS) expect(check(DEMO_PASSWORD, { username: a.username, displayName: a.displayName, companyName: '阳光物业' }).problem, a.username).toBeNull();
    expect(check(PASSWORD, { username: 'user12345', displayName: 'user12345' }).problem).toBeNull();
    const e2e: [string, string][] = [
      ['admin', 'Initial-Pass-2026'], ['admin', 'Admin-Changed-2026'], ['zhang.sup', 'Supervisor-2026'], ['wang.sup', 'Supervisor-Roster-2026'],
      ['sun.visit', 'Visitor-Issues-2026'], ['zhou.sec', 'Handler-Issues-2026'], ['li.sup', 'Supervisor-Visits-2026'], ['chen.visit', 'Visitor-Visits-2026'],
    ];
    for (const [username, password] of e2e) expect(check(password, { username }).problem, `${username} ${password}`).toBeNull();
    for (let i = 0; i < 50; i++) {
      const password = temporaryPassword();
      expect(check(password, {}).problem, password).toBeNull();
    }
  });
});
