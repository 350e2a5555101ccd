import { defineConfig } from 'vitest/config';

// Unit and HTTP integration tests. They run on SQLite, or on PostgreSQL when TEST_DATABASE_URL is set.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/server/**/*.test.ts', 'test/process/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
