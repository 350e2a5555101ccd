import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.js';

describe('configuration', () => {
  it('defaults to port 3000 and SQLite under ./data', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.dataDir).toMatch(/\/data$/);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.scryptCost).toBe(2 ** 15);
  });

  it('names every invalid variable and what is wrong with it', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', HUIFANG_ADMIN_PASSWORD: 'short' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', HUIFANG_ADMIN_PASSWORD: 'short' });
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toContain('PORT');
      expect(msg).toContain('DATABASE_URL: must start with postgres://');
      expect(msg).toContain('HUIFANG_ADMIN_PASSWORD: must have 10 to 200 characters and no blanks at either end');
    }
  });

  it('reads flags written as 1/true/yes', () => {
    expect(loadConfig({ HUIFANG_DEMO: '1' }).demo).toBe(true);
    expect(loadConfig({ HUIFANG_DEMO: 'true' }).demo).toBe(true);
    expect(loadConfig({ HUIFANG_DEMO: '0' }).demo).toBe(false);
  });

  it('refuses a scrypt cost that is not a power of two', () => {
    expect(() => loadConfig({ HUIFANG_SCRYPT_COST: '3000' })).toThrow(/power of two/);
  });
});
