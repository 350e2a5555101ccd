import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshStatistics } from '../../src/server/db/statistics.js';
import { keepHouse } from '../../src/server/jobs.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { makeCommunity, makeCompany, makeHousehold } from '../helpers/factories.js';

describe('planner statistics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, { at: '2026-06-18T15:00:00+08:00' });
    const { companyId } = await makeCompany(t);
    const community = await makeCommunity(t, companyId);
    for (let i = 0; i < 30; i++) await makeHousehold(t, { companyId, communityId: community.id, room: `${100 + i}` });
  });
  afterAll(() => t.close());

  const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

  it.skipIf(onPostgres)('operator: housekeeping gives SQLite row estimates for every index and keeps no histograms that would re-plan each query', async () => {
    await keepHouse(t.handle, t.config);
    const sqlite = t.handle.sqlite!;
    const households = sqlite.prepare(`SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'households'`).all() as { idx: string; stat: string }[];
    expect(households.length).toBeGreaterThan(0);
    expect(households.every((row) => Number(row.stat.split(' ')[0]) === 30)).toBe(true);
    expect(sqlite.prepare('SELECT count(*) AS n FROM sqlite_stat4').get()).toEqual({ n: 0 });

    // A thorough pass (after a bulk import) reads every row and drops the histograms the same way.
    await refreshStatistics(t.handle, { thorough: true });
    expect(sqlite.prepare('SELECT count(*) AS n FROM sqlite_stat4').get()).toEqual({ n: 0 });
    expect(sqlite.prepare(`SELECT count(*) AS n FROM sqlite_stat1 WHERE tbl = 'households'`).get()).toEqual({ n: households.length });
  });

  it.runIf(onPostgres)('operator: a thorough pass on PostgreSQL analyzes the tables of its own schema', async () => {
    await refreshStatistics(t.handle, { thorough: true });
    const row = await sql<{ analyzed: string | null }>`
      SELECT last_analyze AS analyzed FROM pg_stat_user_tables WHERE schemaname = current_schema() AND relname = 'households'`.execute(t.handle.db);
    expect(row.rows[0]?.analyzed).toBeTruthy();
  });
});
