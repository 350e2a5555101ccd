import { describe, expect, it } from 'vitest';
import { hashPassword, safeEqual, temporaryPassword, verifyPassword } from '../../src/server/auth/secrets.js';
import { NewPassword } from '../../src/shared/schemas/auth.js';

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
  it('always satisfy the password policy', () => {
    for (let i = 0; i < 200; i++) expect(NewPassword.safeParse(temporaryPassword()).success).toBe(true);
  });
});

describe('safeEqual', () => {
  it('compares strings of different lengths without throwing', () => {
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('abc', 'abc')).toBe(true);
  });
});
