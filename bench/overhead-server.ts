/**
 * The server used by the auth-overhead benchmark: the real application plus one bare route that runs the
 * same use case with a fixed context, without session, schema validation or schema serialisation.
 * Prints one JSON line {port, cookie} when ready.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUILTIN_ROLES } from '../src/shared/schemas/permissions.js';
import { buildApp } from '../src/server/app.js';
import { listCommunities } from '../src/server/communities/queries.js';
import type { Ctx } from '../src/server/context.js';
import { loadConfig } from '../src/server/config.js';
import { createCompany } from '../src/server/companies/create-company.js';
import { nowIso } from '../src/server/clock.js';
import { openDatabase } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { insertUser } from '../src/server/users/insert-user.js';
import pg from 'pg';

async function withPg(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(statement);
  await client.end();
}

const COMMUNITIES = 200;
const IN_SCOPE = 40;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huifang-overhead-'));
const config = loadConfig({ LOG_LEVEL: 'silent', HUIFANG_SCRYPT_COST: '1024' }, 'bench');
const pgUrl = process.env.BENCH_DATABASE_URL || undefined;
// On PostgreSQL the benchmark works in a schema of its own, dropped afterwards.
const pgSchema = pgUrl ? `bench_${process.pid}` : undefined;
if (pgUrl) await withPg(pgUrl, `CREATE SCHEMA ${pgSchema}`);
const handle = openDatabase({ databaseUrl: pgUrl, pgSchema, sqliteFile: path.join(dir, 'huifang.db') });
await migrateToLatest(handle);
const { db } = handle;
const { companyId, roleIds } = await createCompany(db, {
  name: `压测公司${Date.now()}`,
  admin: { username: `bench-admin-${Date.now()}`, displayName: '管理员', password: 'Bench-Passw0rd', mustChangePassword: false },
  scryptCost: config.scryptCost,
});
const now = nowIso();
const communities = await db
  .insertInto('communities')
  .values(Array.from({ length: COMMUNITIES }, (_, i) => ({ company_id: companyId, name: `小区${String(i).padStart(3, '0')}`, code: `B${Date.now()}-${i}`, type: 'residential' as const, address: '压测路 1 号', status: 'active' as const, created_at: now, updated_at: now })))
  .returning('id')
  .execute();
const scope = communities.slice(0, IN_SCOPE).map((c) => c.id);
const username = `bench-supervisor-${Date.now()}`;
const { hashPassword } = await import('../src/server/auth/secrets.js');
const userId = await insertUser(db, {
  companyId,
  username,
  displayName: '压测主管',
  passwordHash: await hashPassword('Bench-Passw0rd', 1024),
  mustChangePassword: false,
  roleId: roleIds.supervisor,
  communityIds: scope,
  createdAt: now,
});

const app = await buildApp(
  { handle, config },
  {
    extraRoutes: (a) => {
      // The same use case and query as GET /api/v1/communities, called with the supervisor's context
      // directly: what remains between the two routes is the session, validation and serialisation.
      const ctx: Ctx = { userId, username, displayName: '压测主管', companyId, permissions: new Set(BUILTIN_ROLES.supervisor), allCommunities: false, communityIds: scope, departmentId: null, ip: null, locale: 'zh-CN' };
      a.get('/bench/bare/communities', { config: { public: true } }, async (_request, reply) => {
        const page = await listCommunities(db, ctx, { limit: 50, offset: 0 });
        return reply.header('content-type', 'application/json').send(JSON.stringify(page));
      });
    },
  },
);
await app.listen({ port: 0, host: '127.0.0.1' });
const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'Bench-Passw0rd' } });
const cookie = res.cookies.find((c) => c.name === 'huifang_session')!.value;
const { port } = app.server.address() as { port: number };
process.stdout.write(`${JSON.stringify({ port, cookie })}\n`);
process.on('SIGTERM', async () => {
  await app.close();
  await handle.close();
  if (pgUrl) await withPg(pgUrl, `DROP SCHEMA ${pgSchema} CASCADE`);
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
