import { describe, expect, it } from 'vitest';
import { hashPassword, temporaryPassword, verifyPassword } from '../../src/server/auth/secrets.js';
import { safeEqual } from '../../src/server/http/auth-hook.js';
import { PASSWORD_MIN_LENGTH } from '../../src/shared/password-policy.js';

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('Correct-Horse-42', 1024);
    expect(await verifyPassword('Correct-Horse-42', hash)).toBe(true);
    expect(await verifyPassword('correct-horse-42', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same-password-1', 1024)).not.toBe(await hashPassword('same-password-1', 1024));
  });

  it('uses the production cost of 2^15 unless told otherwise and still verifies', async () => {
    const hash = await hashPassword('Correct-Horse-42', 2 ** 15);
    expect(hash.split('$')[1]).toBe(String(2 ** 15));
    expect(await verifyPassword('Correct-Horse-42', hash)).toBe(true);
  });

  it('refuses a stored value of an unknown scheme', async () => {
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  });
});

describe('temporary passwords', () => {
  it('are long enough and mix letters and digits (their strength is checked in password-policy.test.ts)', () => {
    for (let i = 0; i < 200; i++) {
      const password = temporaryPassword();
      expect(password.length).toBeGreaterThanOrEqual(PASSWORD_MIN_LENGTH);
      expect(password).toMatch(/[A-Za-z]/);
      expect(password).toMatch(/[0-9]/);
    }
  });
});

describe('safeEqual', () => {
  it('compares strings of different lengths without throwing', () => {
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('abc', 'abc')).toBe(true);
  });
});
