/**
 * The server used by the visit benchmarks: one community with 20,000 households, 100,000 visit tasks
 * spread over 20 visitors (the measured visitor holds 30,000 of them, due over ±60 days), the default
 * questionnaire, and the measured visitor signed in. Prints {port, cookie, taskIds, floorTaskIds, versionId}.
 * Two floor routes sit beside the API, for the submission figure to be read against: `POST /floor/fastify/:taskId`
 * parses the same body and answers 201 (Fastify alone), `POST /floor/sql/:taskId` writes one record as bare SQL
 * (one transaction: the record, its items, the task's status, the audit entry) with no checks, scope or issue;
 * `GET /floor/cpu` says how much CPU the server process has used.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { hashPassword } from '../src/server/auth/secrets.js';
import { buildApp } from '../src/server/app.js';
import { createCompany } from '../src/server/companies/create-company.js';
import { loadConfig } from '../src/server/config.js';
import { nowIso, shanghaiToday } from '../src/server/clock.js';
import { openDatabase } from '../src/server/db/database.js';
import { refreshStatistics } from '../src/server/db/statistics.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { householdSortKey } from '../src/server/households/room.js';
import { insertUser } from '../src/server/users/insert-user.js';
import { addDays } from '../src/shared/shanghai.js';
import { sql, type Insertable } from 'kysely';
import type { VisitTasksTable } from '../src/server/db/schema.js';

const HOUSEHOLDS = 20_000;
const TASKS = 100_000;
const VISITORS = 20;
const MINE = 30_000;

async function withPg(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(statement);
  await client.end();
}

const pgUrl = process.env.BENCH_DATABASE_URL || undefined;
const pgSchema = pgUrl ? `bench_visits_${process.pid}` : undefined;
if (pgUrl) await withPg(pgUrl, `CREATE SCHEMA ${pgSchema}`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huifang-visits-'));
const config = loadConfig({ LOG_LEVEL: 'silent', HUIFANG_SCRYPT_COST: '1024' }, 'bench');
const handle = openDatabase({ databaseUrl: pgUrl, pgSchema, sqliteFile: path.join(dir, 'huifang.db'), poolSize: 10 });
await migrateToLatest(handle);
const { db } = handle;
const started = performance.now();
const { companyId, roleIds } = await createCompany(db, {
  name: '压测物业',
  admin: { username: `visits-admin-${process.pid}`, displayName: '管理员', password: 'Bench-Passw0rd', mustChangePassword: false },
  scryptCost: 1024,
});
const now = nowIso();
const chunk = <T>(xs: T[], n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
const { id: communityId } = await db
  .insertInto('communities')
  .values({ company_id: companyId, name: '压测小区', code: 'V1', type: 'residential', address: '', status: 'active', created_at: now, updated_at: now })
  .returning('id')
  .executeTakeFirstOrThrow();
const hash = await hashPassword('Bench-Passw0rd', 1024);
const visitors: number[] = [];
for (let v = 0; v < VISITORS; v++) {
  const username = `bench-visitor-${process.pid}-${v}`;
  visitors.push(await insertUser(db, { companyId, username, displayName: `回访员${v}`, passwordHash: hash, mustChangePassword: false, roleId: roleIds.visitor, communityIds: [communityId], createdAt: now }));
}
const questionnaire = await db.selectFrom('questionnaires').select('id').where('company_id', '=', companyId).executeTakeFirstOrThrow();
const version = await db.selectFrom('questionnaire_versions').select('id').where('questionnaire_id', '=', questionnaire.id).executeTakeFirstOrThrow();

const households: number[] = [];
await db.transaction().execute(async (trx) => {
  const buildingIds: number[] = [];
  for (let b = 1; b <= 40; b++) {
    buildingIds.push((await trx.insertInto('buildings').values({ company_id: companyId, community_id: communityId, name: String(b), created_at: now }).returning('id').executeTakeFirstOrThrow()).id);
  }
  const rows = Array.from({ length: HOUSEHOLDS }, (_, i) => {
    const b = i % 40;
    const room = String(101 + Math.floor(i / 40));
    return { company_id: companyId, community_id: communityId, building_id: buildingIds[b], unit_id: null, room, sort_key: householdSortKey(String(b + 1), null, room), area: 90, status: 'occupied' as const, created_at: now, updated_at: now };
  });
  for (const part of chunk(rows, 1000)) households.push(...(await trx.insertInto('households').values(part).returning('id').execute()).map((r) => r.id));
});

const today = shanghaiToday();
const mineIds: number[] = [];
const floorIds: number[] = [];
await db.transaction().execute(async (trx) => {
  const rows = Array.from({ length: TASKS }, (_, i): Insertable<VisitTasksTable> => ({
    company_id: companyId,
    community_id: communityId,
    household_id: households[i % HOUSEHOLDS],
    resident_id: null,
    reason: 'periodic',
    method: 'phone',
    assignee_id: i < MINE ? visitors[0] : visitors[1 + (i % (VISITORS - 1))],
    due_date: addDays(today, (i % 121) - 60),
    appointment_at: null,
    status: 'pending',
    attempt_count: 0,
    questionnaire_id: questionnaire.id,
    note: '',
    cancel_reason: null,
    created_by: null,
    created_at: now,
    updated_at: now,
  }));
  for (const [n, part] of chunk(rows, 1000).entries()) {
    const ids = (await trx.insertInto('visit_tasks').values(part).returning('id').execute()).map((r) => r.id);
    if (n * 1000 < MINE) mineIds.push(...ids.slice(0, Math.max(0, MINE - n * 1000)));
    else floorIds.push(...ids);
  }
});
if (handle.dialect === 'postgres') await withPg(pgUrl!, `ANALYZE`).catch(() => undefined);
else await refreshStatistics(handle, { thorough: true });
const seedSeconds = (performance.now() - started) / 1000;

const app = await buildApp({ handle, config });
interface FloorBody {
  answers: Record<string, number>;
  startedAt: string;
  endedAt: string;
  spokenTo: string;
  opinions: string;
  items: { kind: string; category: string; description: string }[];
}
// The server's own CPU time, for the benchmark to report CPU per request beside the throughput (less noisy on a busy machine).
app.get('/floor/cpu', async () => process.cpuUsage());
app.post<{ Params: { taskId: string }; Body: FloorBody }>('/floor/fastify/:taskId', async (_req, reply) => reply.code(201).send({ id: 1 }));
app.post<{ Params: { taskId: string }; Body: FloorBody }>('/floor/sql/:taskId', async (req, reply) => {
  const taskId = Number(req.params.taskId);
  const b = req.body;
  const at = new Date().toISOString();
  const id = await db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: number }>`insert into visit_records (company_id, community_id, task_id, household_id, resident_id, visitor_id, method, reason, outcome, started_at, ended_at, visit_date, backdated, spoken_to, questionnaire_version_id, answers, average_score, opinions, suggestions, improvement_measures, item_count, idempotency_key, created_at)
      values (${companyId}, ${communityId}, ${taskId}, ${households[taskId % HOUSEHOLDS]}, ${null}, ${visitors[1]}, 'phone', 'periodic', 'completed', ${b.startedAt}, ${b.endedAt}, ${today}, 0, ${b.spokenTo}, ${version.id}, ${JSON.stringify(b.answers)}, 4, ${b.opinions}, '', '', ${b.items.length}, ${String(req.headers['idempotency-key'])}, ${at}) returning id`.execute(trx);
    const recordId = rows[0].id;
    for (const i of b.items) {
      await sql`insert into visit_record_items (record_id, company_id, community_id, household_id, kind, category, description, raised_on) values (${recordId}, ${companyId}, ${communityId}, ${households[taskId % HOUSEHOLDS]}, ${i.kind}, ${i.category}, ${i.description}, ${today})`.execute(trx);
    }
    await sql`update visit_tasks set status = 'completed', updated_at = ${at} where id = ${taskId}`.execute(trx);
    await sql`insert into audit_log (company_id, community_id, at, actor_id, actor_name, action, entity_type, entity_id, ip, before, after) values (${companyId}, ${communityId}, ${at}, ${visitors[1]}, '回访员1', 'visit.record', 'record', ${String(recordId)}, '127.0.0.1', ${null}, ${JSON.stringify({ taskId, items: b.items.length })})`.execute(trx);
    return recordId;
  });
  return reply.code(201).send({ id });
});
await app.listen({ port: 0, host: '127.0.0.1' });
const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: `bench-visitor-${process.pid}-0`, password: 'Bench-Passw0rd' } });
const cookie = res.cookies.find((c) => c.name === 'huifang_session')!.value;
const { csrfToken } = res.json() as { csrfToken: string };
const { port } = app.server.address() as { port: number };
process.stdout.write(`${JSON.stringify({ port, cookie, csrfToken, taskIds: mineIds, floorTaskIds: floorIds, versionId: version.id, seedSeconds })}\n`);
process.on('SIGTERM', async () => {
  await app.close();
  await handle.close();
  if (pgUrl) await withPg(pgUrl, `DROP SCHEMA ${pgSchema} CASCADE`);
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
