/**
 * The server used by the record export benchmark: a company of four communities (10,000 households each)
 * with one month of visit records — 85,000, about what 20 visitors per community record in a busy month —
 * every record with eight scores, every third with opinions, every fifth with a problem that became an
 * issue, and the confirmation visits of a tenth of those issues. A manager (company-wide) is signed in.
 * Two floors beside the export, measured the same way: `GET /api/v1/bench/floor/sql` (signed in, as the export
 * is) reads the month's records by the export's own row query (recordBatches) in its keyset batches and sends
 * only their count; `GET /bench/floor/xlsx`
 * streams a workbook of as many rows of the same shape (14 cells, same texts' length, shared column styles)
 * with no database at all. Prints {port, cookie, records, seedSeconds}.
 *
 * The data is seeded by this script run again in a child process (HUIFANG_BENCH_SEED_INTO set), which exits
 * when done: the server then starts as a server does, without the seeding's garbage in its memory.
 */
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { hashPassword } from '../src/server/auth/secrets.js';
import { buildApp } from '../src/server/app.js';
import type { Ctx } from '../src/server/context.js';
import { ctxOf } from '../src/server/http/auth-hook.js';
import { recordBatches } from '../src/server/visits/export-records.js';
import { createCompany } from '../src/server/companies/create-company.js';
import { loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/database.js';
import { refreshStatistics } from '../src/server/db/statistics.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { householdSortKey } from '../src/server/households/room.js';
import { insertUser } from '../src/server/users/insert-user.js';
import type { Insertable } from 'kysely';
import { sendXlsx, sharedColumnStyles, writeStyledRow } from '../src/server/spreadsheets/xlsx.js';
import type { IssuesTable, VisitRecordsTable, VisitTasksTable } from '../src/server/db/schema.js';


const COMMUNITIES = 4;
const HOUSEHOLDS = 10_000;
const RECORDS = 85_000;
const VISITORS = 20;
const KEYS = ['cleaning', 'security', 'greening', 'repairs', 'facilities', 'fees', 'service', 'overall'];
const PROBLEMS = ['楼道灯不亮', '电梯轿厢有异味', '东门道闸故障', '草坪多处枯黄', '卫生间顶部漏水', '车位被长期占用'];

async function withPg(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(statement);
  await client.end();
}

const pgUrl = process.env.BENCH_DATABASE_URL || undefined;
const seedInto = process.env.HUIFANG_BENCH_SEED_INTO;
const dir = seedInto ?? fs.mkdtempSync(path.join(os.tmpdir(), 'huifang-export-'));
const pgSchema = pgUrl ? (process.env.HUIFANG_BENCH_SEED_SCHEMA ?? `bench_export_${process.pid}`) : undefined;
const manager = 'export-manager';
const config = loadConfig({ LOG_LEVEL: 'silent', HUIFANG_SCRYPT_COST: '1024' }, 'bench');
const openHandle = () => openDatabase({ databaseUrl: pgUrl, pgSchema, sqliteFile: path.join(dir, 'huifang.db'), poolSize: 10 });

/** The seeding child: fills the database, prints what it seeded and exits. */
async function seed(): Promise<{ records: number; seedSeconds: number }> {
  const handle = openHandle();
  await migrateToLatest(handle);
  const { db } = handle;
  const started = performance.now();
  const { companyId, roleIds } = await createCompany(db, {
    name: '压测物业',
    admin: { username: 'export-admin', displayName: '管理员', password: 'Bench-Passw0rd', mustChangePassword: false },
    scryptCost: 1024,
  });
  const now = '2026-12-01T02:00:00.000Z';
  const chunk = <T>(xs: T[], n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
  const hash = await hashPassword('Bench-Passw0rd', 1024);
  const user = (username: string, displayName: string, roleId: number, communities: number[]) =>
    insertUser(db, { companyId, username, displayName, passwordHash: hash, mustChangePassword: false, roleId, communityIds: communities, createdAt: now });
  await user(manager, '总经理', roleIds.manager, []);
  const version = await db
    .selectFrom('questionnaire_versions')
    .innerJoin('questionnaires', 'questionnaires.id', 'questionnaire_versions.questionnaire_id')
    .select(['questionnaire_versions.id', 'questionnaires.id as questionnaire_id'])
    .where('questionnaires.company_id', '=', companyId)
    .executeTakeFirstOrThrow();
  const category = await db.selectFrom('issue_categories').select(['id', 'department_id']).where('company_id', '=', companyId).orderBy('id').executeTakeFirstOrThrow();

  let records = 0;
  for (let c = 0; c < COMMUNITIES; c++) {
    const { id: communityId } = await db
      .insertInto('communities')
      .values({ company_id: companyId, name: ['阳光花园', '翠湖苑', '金桂园', '滨江商务中心'][c], code: `E${c}`, type: 'residential', address: '', status: 'active', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const visitors: number[] = [];
    for (let v = 0; v < VISITORS; v++) visitors.push(await user(`export-visitor-${c}-${v}`, `回访员${c}-${v}`, roleIds.visitor, [communityId]));
    await db.transaction().execute(async (trx) => {
      const buildings: number[] = [];
      for (let b = 1; b <= 40; b++) buildings.push((await trx.insertInto('buildings').values({ company_id: companyId, community_id: communityId, name: String(b), created_at: now }).returning('id').executeTakeFirstOrThrow()).id);
      const households: number[] = [];
      const rows = Array.from({ length: HOUSEHOLDS }, (_, i) => {
        const room = String(101 + Math.floor(i / 40));
        return { company_id: companyId, community_id: communityId, building_id: buildings[i % 40], unit_id: null, room, sort_key: householdSortKey(String((i % 40) + 1), null, room), area: 90, status: 'occupied' as const, created_at: now, updated_at: now };
      });
      for (const part of chunk(rows, 1000)) households.push(...(await trx.insertInto('households').values(part).returning('id').execute()).map((r) => r.id));
      const residents: number[] = [];
      for (const part of chunk(households, 1000)) {
        const values = part.map((h, i) => ({ company_id: companyId, community_id: communityId, household_id: h, name: `${'张王李赵刘陈杨黄'[i % 8]}业主${h}`, role: 'owner' as const, move_in_date: null, move_out_date: null, preferred_contact: null, do_not_contact: 0, do_not_contact_reason: null, notes: '', erased_at: null, created_at: now, updated_at: now }));
        residents.push(...(await trx.insertInto('residents').values(values).returning('id').execute()).map((r) => r.id));
      }

      const count = RECORDS / COMMUNITIES;
      for (const part of chunk(Array.from({ length: count }, (_, i) => i), 1000)) {
        const day = (i: number) => `2026-11-${String(1 + (i % 30)).padStart(2, '0')}`;
        const tasks = part.map((i) => ({
          company_id: companyId,
          community_id: communityId,
          household_id: households[i % HOUSEHOLDS],
          resident_id: residents[i % HOUSEHOLDS],
          reason: i % 50 === 7 ? 'confirmation' : i % 9 === 4 ? 'after_complaint' : 'periodic',
          method: i % 4 === 0 ? 'door' : 'phone',
          assignee_id: visitors[i % VISITORS],
          due_date: day(i),
          appointment_at: null,
          status: 'completed',
          attempt_count: 0,
          questionnaire_id: version.questionnaire_id,
          note: '',
          cancel_reason: null,
          created_by: null,
          created_at: now,
          updated_at: now,
        }) satisfies Insertable<VisitTasksTable>);
        const taskIds = (await trx.insertInto('visit_tasks').values(tasks).returning('id').execute()).map((r) => r.id);
        const recordRows = part.map((i, j) => ({
          company_id: companyId,
          community_id: communityId,
          task_id: taskIds[j],
          household_id: tasks[j].household_id,
          resident_id: tasks[j].resident_id,
          visitor_id: tasks[j].assignee_id,
          method: tasks[j].method,
          reason: tasks[j].reason,
          outcome: 'completed',
          started_at: `${day(i)}T02:00:00.000Z`,
          ended_at: `${day(i)}T02:10:00.000Z`,
          visit_date: day(i),
          backdated: 0,
          spoken_to: '业主本人',
          questionnaire_version_id: version.id,
          answers: JSON.stringify(Object.fromEntries(KEYS.map((k, n) => [k, 3 + ((i + n) % 3)]))),
          average_score: 4,
          opinions: i % 3 === 0 ? '希望加强楼道保洁，垃圾清运再及时一些' : '',
          suggestions: '',
          improvement_measures: i % 5 === 0 ? '已转工程部处理' : '',
          item_count: i % 5 === 0 ? 1 : 0,
          idempotency_key: null,
          created_at: now,
        }) satisfies Insertable<VisitRecordsTable>);
        const recordIds = (await trx.insertInto('visit_records').values(recordRows).returning('id').execute()).map((r) => r.id);
        const withItems = part.map((i, j) => ({ i, j })).filter(({ i }) => i % 5 === 0);
        if (withItems.length === 0) continue;
        const itemIds = (
          await trx
            .insertInto('visit_record_items')
            .values(withItems.map(({ i, j }) => ({ record_id: recordIds[j], company_id: companyId, community_id: communityId, household_id: tasks[j].household_id, kind: i % 10 === 0 ? 'complaint' : 'problem', category: '维修', description: `${PROBLEMS[i % PROBLEMS.length]}（${i} 号）`, raised_on: day(i) })))
            .returning('id')
            .execute()
        ).map((r) => r.id);
        await trx
          .insertInto('issues')
          .values(
            withItems.map(({ i, j }, n) => ({
              company_id: companyId, community_id: communityId, household_id: tasks[j].household_id, resident_id: tasks[j].resident_id, record_id: recordIds[j], record_item_id: itemIds[n],
              kind: i % 10 === 0 ? 'complaint' : 'problem', category_id: category.id, description: `${PROBLEMS[i % PROBLEMS.length]}（${i} 号）`, channel: 'visit', raised_at: recordRows[j].started_at,
              reply_mode: 'written', priority: 'normal', department_id: category.department_id, assignee_id: null, status: (['new', 'assigned', 'in_progress', 'resolved', 'closed'] as const)[i % 5 === 0 ? (i / 5) % 5 : 0],
              adoption: null, adoption_plan: null, adoption_planned_date: null, adoption_reason: null, resolution: null, satisfaction: null, withdraw_reason: null, praised_user_id: null, praised_department_id: null,
              reply_due_at: null, resolve_due_at: null, replied_at: null, resolved_at: null, closed_at: null, expected_resolve_date: null, escalation_level: 0, escalated_at: null, reopen_count: 0, notices: 0, check_at: null,
              created_by: null, created_at: now, updated_at: now,
            }) satisfies Insertable<IssuesTable>),
          )
          .execute();
      }
      records += count;
    });
}
if (handle.dialect === 'postgres') await withPg(pgUrl!, `ANALYZE`).catch(() => undefined);
else await refreshStatistics(handle, { thorough: true });
await handle.close();
return { records, seedSeconds: (performance.now() - started) / 1000 };
}

if (seedInto) {
  process.stdout.write(`${JSON.stringify(await seed())}\n`);
  process.exit(0);
}
if (pgUrl) await withPg(pgUrl, `CREATE SCHEMA ${pgSchema}`);
const seeding = spawnSync(process.execPath, [...process.execArgv, process.argv[1]], {
  env: { ...process.env, HUIFANG_BENCH_SEED_INTO: dir, HUIFANG_BENCH_SEED_SCHEMA: pgSchema ?? '' },
  stdio: ['ignore', 'pipe', 'inherit'],
  encoding: 'utf8',
  maxBuffer: 1 << 20,
});
if (seeding.status !== 0) throw new Error(`seeding failed (exit ${seeding.status})`);
const { records, seedSeconds } = JSON.parse(seeding.stdout.trim().split('\n').pop()!) as { records: number; seedSeconds: number };
const handle = openHandle();
const { db } = handle;

/** The bare SQL read: the export's own row query (joins, order, keyset batches), no details, no cells. */
async function readMonth(ctx: Ctx, batch: number): Promise<number> {
  let n = 0;
  for await (const rows of recordBatches(db, ctx, { from: '2026-11-01', to: '2026-11-30' }, batch, Number.MAX_SAFE_INTEGER)) {
    n += rows.length;
    await new Promise((r) => setImmediate(r));
  }
  return n;
}

const FLOOR_COLUMNS = sharedColumnStyles(Array.from({ length: 14 }, (_, i) => ({ width: 12, style: { alignment: { vertical: 'top' as const, wrapText: true }, ...(i === 9 ? { numFmt: '0.00' } : {}) } })));
const floorRow = (i: number) => [
  `2026-11-${String(1 + (i % 30)).padStart(2, '0')}`, '10:00–10:10', '阳光花园', `${1 + (i % 40)}栋${101 + (i % 250)} 张业主${i}`, '业主本人', `回访员${i % 4}-${i % 20}`, '电话', '定期回访', '已完成', 4,
  `cleaning：4分；security：5分；greening：3分；repairs：4分；facilities：5分；fees：3分；service：4分；overall：5分${i % 3 ? '' : '\n意见：希望加强楼道保洁，垃圾清运再及时一些'}`,
  i % 5 ? '' : `【问题·维修】楼道灯不亮（${i} 号）`, i % 5 ? '' : '已转工程部处理', i % 5 ? '无需跟进' : `问题 #${i}：处理中`,
];

const app = await buildApp(
  { handle, config },
  {
    extraRoutes(a) {
      a.get('/api/v1/bench/floor/sql', async (request) => ({ rows: await readMonth(ctxOf(request), config.exportBatchRows) }));
      a.get('/bench/floor/xlsx', async (_request, reply) =>
        sendXlsx(reply, 'floor.xlsx', 'floor.xlsx', async (workbook, pause) => {
          const sheet = workbook.addWorksheet('floor');
          sheet.columns = FLOOR_COLUMNS.columns;
          for (let i = 0; i < records; i++) {
            writeStyledRow(sheet, floorRow(i), FLOOR_COLUMNS.styles);
            if (i % config.exportBatchRows === config.exportBatchRows - 1) await pause();
          }
          sheet.commit();
        }),
      );
    },
  },
);
await app.listen({ port: 0, host: '127.0.0.1' });
const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: manager, password: 'Bench-Passw0rd' } });
const cookie = res.cookies.find((c) => c.name === 'huifang_session')!.value;
const { port } = app.server.address() as { port: number };
process.stdout.write(`${JSON.stringify({ port, cookie, records, seedSeconds })}\n`);
process.on('SIGTERM', async () => {
  await app.close();
  await handle.close();
  if (pgUrl) await withPg(pgUrl, `DROP SCHEMA ${pgSchema} CASCADE`);
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
