/**
 * The server used by the household search benchmark: a company with 200,000 households in 20
 * communities (about 260,000 residents with phones), and a company-wide manager signed in.
 * Prints one JSON line {port, cookie, seedSeconds} when ready.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { hashPassword } from '../src/server/auth/secrets.js';
import { buildApp } from '../src/server/app.js';
import { createCompany } from '../src/server/companies/create-company.js';
import { loadConfig } from '../src/server/config.js';
import { nowIso } from '../src/server/clock.js';
import { openDatabase } from '../src/server/db/database.js';
import { refreshStatistics } from '../src/server/db/statistics.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { householdSortKey } from '../src/server/households/room.js';
import { insertUser } from '../src/server/users/insert-user.js';

const COMMUNITIES = 20;
const BUILDINGS = 20;
const UNITS = 2;
const FLOORS = 25;
const ROOMS_PER_FLOOR = 10; // 20 × 2 × 25 × 10 = 10,000 households per community
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华建国志海燕晓东文博子涵雨轩欣怡浩然梓萱诺思远宇航佳俊晨曦雅婷嘉豪';

async function withPg(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(statement);
  await client.end();
}

const pgUrl = process.env.BENCH_DATABASE_URL || undefined;
const pgSchema = pgUrl ? `bench_search_${process.pid}` : undefined;
if (pgUrl) await withPg(pgUrl, `CREATE SCHEMA ${pgSchema}`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huifang-search-'));
const config = loadConfig({ LOG_LEVEL: 'silent', HUIFANG_SCRYPT_COST: '1024', HUIFANG_MAX_CONCURRENCY: process.env.BENCH_MAX_CONCURRENCY ?? '' }, 'bench');
const handle = openDatabase({ databaseUrl: pgUrl, pgSchema, sqliteFile: path.join(dir, 'huifang.db') });
await migrateToLatest(handle);
const { db } = handle;
const started = performance.now();
const { companyId, roleIds } = await createCompany(db, {
  name: '压测物业',
  admin: { username: `search-admin-${process.pid}`, displayName: '管理员', password: 'Bench-Passw0rd', mustChangePassword: false },
  scryptCost: 1024,
});
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (s: string) => s[Math.floor(rnd() * s.length)];
const now = nowIso();
const chunk = <T>(xs: T[], n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

for (let c = 0; c < COMMUNITIES; c++) {
  await db.transaction().execute(async (trx) => {
    const { id: communityId } = await trx
      .insertInto('communities')
      .values({ company_id: companyId, name: `压测小区${c + 1}`, code: `S${c + 1}`, type: 'residential', address: '', status: 'active', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const households: { company_id: number; community_id: number; building_id: number; unit_id: number; room: string; sort_key: string; area: number; status: 'occupied'; created_at: string; updated_at: string }[] = [];
    for (let b = 1; b <= BUILDINGS; b++) {
      const { id: buildingId } = await trx.insertInto('buildings').values({ company_id: companyId, community_id: communityId, name: String(b), created_at: now }).returning('id').executeTakeFirstOrThrow();
      for (let u = 1; u <= UNITS; u++) {
        const { id: unitId } = await trx.insertInto('units').values({ company_id: companyId, community_id: communityId, building_id: buildingId, name: String(u), created_at: now }).returning('id').executeTakeFirstOrThrow();
        for (let f = 1; f <= FLOORS; f++) {
          for (let r = 1; r <= ROOMS_PER_FLOOR; r++) {
            const room = `${f}${String(r).padStart(2, '0')}`;
            households.push({ company_id: companyId, community_id: communityId, building_id: buildingId, unit_id: unitId, room, sort_key: householdSortKey(String(b), String(u), room), area: 90, status: 'occupied', created_at: now, updated_at: now });
          }
        }
      }
    }
    for (const part of chunk(households, 1000)) {
      const ids = await trx.insertInto('households').values(part).returning('id').execute();
      const residents = ids.flatMap(({ id }) =>
        Array.from({ length: rnd() < 0.3 ? 2 : 1 }, () => ({
          company_id: companyId,
          community_id: communityId,
          household_id: id,
          name: pick(SURNAMES) + pick(GIVEN) + pick(GIVEN),
          role: 'owner' as const,
          move_in_date: '2020-01-01',
          move_out_date: null,
          preferred_contact: null,
          do_not_contact: 0,
          do_not_contact_reason: null,
          notes: '',
          erased_at: null,
          created_at: now,
          updated_at: now,
        })),
      );
      for (const rpart of chunk(residents, 1000)) {
        const rids = await trx.insertInto('residents').values(rpart).returning('id').execute();
        const phones = rids.map(({ id }) => {
          const number = `+8613${Math.floor(rnd() * 1e9).toString().padStart(9, '0')}`;
          return { resident_id: id, company_id: companyId, number, kind: 'mobile' as const, last4: number.slice(-4), position: 0 };
        });
        await trx.insertInto('resident_phones').values(phones).execute();
      }
    }
  });
}
if (handle.dialect === 'postgres') await withPg(pgUrl!, `ANALYZE`).catch(() => undefined);
else await refreshStatistics(handle, { thorough: true });
const seedSeconds = (performance.now() - started) / 1000;

const username = `search-manager-${process.pid}`;
await insertUser(db, { companyId, username, displayName: '经理', passwordHash: await hashPassword('Bench-Passw0rd', 1024), mustChangePassword: false, roleId: roleIds.manager, createdAt: now });
const app = await buildApp({ handle, config });
await app.listen({ port: 0, host: '127.0.0.1' });
const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'Bench-Passw0rd' } });
const cookie = res.cookies.find((c) => c.name === 'huifang_session')!.value;
const communityId = (await db.selectFrom('communities').select('id').where('company_id', '=', companyId).orderBy('id').executeTakeFirstOrThrow()).id;
const { port } = app.server.address() as { port: number };
process.stdout.write(`${JSON.stringify({ port, cookie, seedSeconds, communityId })}\n`);
process.on('SIGTERM', async () => {
  await app.close();
  await handle.close();
  if (pgUrl) await withPg(pgUrl, `DROP SCHEMA ${pgSchema} CASCADE`);
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
