/**
 * The escalation sweep (`sweepDeadlines`) with 200,000 open issues in the company. The issues were raised over
 * the last two weeks and routed to five departments (each with a head) in four communities (each with a
 * supervisor), with deadlines from `computeDeadlines` and the sweep state (notices sent, escalation level,
 * next check) that `planSweep` gives when the sweep last ran a minute earlier. The measured run is the one at
 * 00:00:30 on a working day, when the day's reminders, the overdue replies and the escalations of the deadlines
 * that ended at midnight all come due at once: 10,000 issues, 500 of them entered after the fact (raised 8–20
 * days earlier) and so caught up several levels in one run. The other 190,000 have their next check later.
 * Then the same sweep again at the same instant: nothing is due, nothing is sent.
 * Target: the first sweep < 2 s, on SQLite and on PostgreSQL.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Insertable } from 'kysely';
import pg from 'pg';
import type { Db } from '../src/server/db/database.js';
import { refreshStatistics } from '../src/server/db/statistics.js';
import type { IssuesTable } from '../src/server/db/schema.js';
import { DAY_MS, shanghaiDay } from '../src/shared/shanghai.js';
import { ms, type BenchResult } from './lib.js';

const ISSUES = 200_000;
const DUE = 10_000;
/** Of the due issues: entered after the fact, so their every notice is due at once. */
const CATCH_UP = 500;
const TARGET_MS = 2000;
/** A Tuesday, half a minute after midnight in Asia/Shanghai; the previous sweep ran a minute earlier. */
const NOW = Date.parse('2026-11-24T00:00:30+08:00');
const PREV = NOW - 60_000;

interface Figures {
  db: string;
  seedSeconds: number;
  /** ms spent generating the rows, inserting them, analysing */
  seedParts: [number, number, number];
  due: number;
  expected: { notices: number; escalated: number; byType: Record<string, number>; catchUpIssues: number; catchUpLevels: Record<string, number> };
  first: { ms: number; cpuMs: number; checked: number; notices: number; escalated: number; outbox: number; timeline: number; outboxByKind: Record<string, number>; timelineByType: Record<string, number>; leftDue: number };
  again: { ms: number; checked: number; notices: number; escalated: number; outbox: number; timeline: number };
  peakRssMb: number;
}

export async function issueSweep(databaseUrl?: string): Promise<BenchResult> {
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/issue-sweep.ts', 'child'], {
    env: { ...process.env, BENCH_DATABASE_URL: databaseUrl ?? '' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  const f = JSON.parse(out.trim().split('\n').pop()!) as Figures;
  const n = (v: number) => v.toLocaleString('en');
  const kinds = (o: Record<string, number>) =>
    Object.entries(o)
      .sort()
      .map(([k, v]) => `${k} ${n(v)}`)
      .join(', ');
  const matches = f.first.notices === f.expected.notices && f.first.escalated === f.expected.escalated && f.first.leftDue === 0;
  const met = f.first.ms < TARGET_MS && f.again.notices === 0 && matches;
  return {
    name: `Deadline and escalation sweep, ${n(ISSUES)} open issues, ${n(f.due)} due (${f.db})`,
    target: `first sweep < ${TARGET_MS / 1000} s`,
    table: [
      ['step', 'time', 'issues read', 'notices', 'escalations', 'outbox rows', 'timeline rows'],
      [`seed ${n(ISSUES)} open issues (${n(f.due)} due)`, ms(f.seedSeconds * 1000), '', '', '', '', ''],
      ['first sweep', `**${ms(f.first.ms)}**`, n(f.first.checked), n(f.first.notices), n(f.first.escalated), n(f.first.outbox), n(f.first.timeline)],
      ['same sweep again (idle)', ms(f.again.ms), n(f.again.checked), n(f.again.notices), n(f.again.escalated), n(f.again.outbox), n(f.again.timeline)],
    ],
    verdict: met ? 'met' : 'missed',
    notes:
      `One \`sweepDeadlines(handle, now)\` call each (batches of 1,000), timed from this process; now is Tuesday 2026-11-24 00:00:30 (Asia/Shanghai). ` +
      `The first sweep handled ${n(Math.round((f.first.checked / f.first.ms) * 1000))} due issues/s; this Node process used ${ms(f.first.cpuMs)} of CPU meanwhile${f.db === 'PostgreSQL' ? ' (the rest is spent waiting, mostly on the database server)' : ''}. ` +
      `Notices due by plan: ${kinds(f.expected.byType)} (${n(f.expected.notices)} in all, ${f.first.notices === f.expected.notices && f.first.escalated === f.expected.escalated ? 'all sent' : `**the sweep sent ${n(f.first.notices)} notices and ${n(f.first.escalated)} escalations**`}); ` +
      `${n(f.expected.catchUpIssues)} issues were caught up more than one level (${kinds(f.expected.catchUpLevels)}). ` +
      `Outbox rows by kind: ${kinds(f.first.outboxByKind)}; timeline rows: ${kinds(f.first.timelineByType)}. ` +
      `${matches ? 'After the first sweep no issue was left due.' : `**${n(f.first.leftDue)} issues were still due after the first sweep.**`} ` +
      `Recipients: 5 department heads, 4 community supervisors, 40 handlers, a manager and the administrator (company-wide) and a regional manager for 2 communities; ` +
      `the ${n(ISSUES - f.due)} issues not due wait for a reminder, a reply or resolution deadline or the next escalation level. Seeding: ${ms(f.seedParts[0])} to generate the organisation and rows, ${ms(f.seedParts[1])} to insert them${f.db === 'PostgreSQL' ? ' (unnest arrays, 20,000 rows a statement)' : ' (1,000-row inserts)'}, ${ms(f.seedParts[2])} to VACUUM/ANALYZE. Peak RSS of the benchmark process ${f.peakRssMb.toFixed(0)} MB; load average when it started: ${load}.`,
  };
}

/** A deterministic generator of numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
    return s / 2 ** 32;
  };
}

const TEXTS: Record<string, string[]> = {
  cleaning: ['楼道垃圾未及时清运', '电梯轿厢有异味', '地下车库地面油污'],
  security: ['夜间巡逻不到位', '东门道闸故障', '外来人员随意进出'],
  greening: ['草坪多处枯黄', '树枝遮挡二楼窗户', '花坛杂草丛生'],
  repair: ['卫生间顶部漏水', '楼道灯不亮', '单元门禁无法刷卡'],
  facilities: ['电梯频繁停运', '消防栓箱门损坏', '屋顶水箱异响'],
  fees: ['物业费账单金额有误', '停车费发票未开具', '公摊水电费不清楚'],
  parking: ['车位被长期占用', '地库指示牌缺失', '访客车辆乱停'],
  noise: ['楼上夜间装修噪音', '广场舞音量过大', '空调外机噪音'],
  neighbours: ['邻居在楼道堆放杂物', '邻居饲养宠物扰民', '楼上阳台滴水'],
  other: ['希望增加快递柜', '建议增设充电桩', '咨询社区活动安排'],
};

async function childMain(): Promise<void> {
  const { openDatabase } = await import('../src/server/db/database.js');
  const { migrateToLatest } = await import('../src/server/db/migrate.js');
  const { createCompany } = await import('../src/server/companies/create-company.js');
  const { hashPassword } = await import('../src/server/auth/secrets.js');
  const { insertUser } = await import('../src/server/users/insert-user.js');
  const { loadCompanyCalendar } = await import('../src/server/calendar/company-calendar.js');
  const { loadSettings } = await import('../src/server/issues/settings.js');
  const { computeDeadlines, planSweep, escalationAt } = await import('../src/server/issues/deadline-plan.js');
  const { sweepDeadlines } = await import('../src/server/issues/sweep-deadlines.js');

  const url = process.env.BENCH_DATABASE_URL || undefined;
  const schema = `bench_sweep_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huifang-sweep-'));
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  if (url) await admin(`CREATE SCHEMA ${schema}`);
  const handle = openDatabase({ databaseUrl: url, pgSchema: url ? schema : undefined, sqliteFile: path.join(dir, 'huifang.db') });
  try {
    await migrateToLatest(handle);
    const { db } = handle;
    const started = performance.now();

    // The organisation: communities with supervisors, departments with heads and handlers, overseers.
    const { companyId, roleIds } = await createCompany(db, {
      name: '基准物业',
      admin: { username: 'sweep-admin', displayName: '管理员', password: 'Bench-Passw0rd', mustChangePassword: false },
      scryptCost: 1024,
    });
    const stamp = new Date(PREV - 30 * DAY_MS).toISOString();
    const hash = await hashPassword('Bench-Passw0rd', 1024);
    let userNo = 0;
    const addUser = async (roleId: number, displayName: string, departmentId: number | null, communityIds: number[]) => {
      const n = userNo++;
      return insertUser(db, {
        companyId,
        username: `sweep-${n}`,
        displayName,
        passwordHash: hash,
        mustChangePassword: false,
        roleId,
        departmentId,
        communityIds,
        locale: n % 7 === 3 ? 'en' : 'zh-CN',
        createdAt: stamp,
      });
    };
    const communities: number[] = [];
    for (const [i, name] of ['阳光花园', '翠湖苑', '金桂园', '滨江商务中心'].entries()) {
      const { id } = await db
        .insertInto('communities')
        .values({ company_id: companyId, name, code: `C${i + 1}`, type: i === 3 ? 'commercial' : 'residential', address: '', status: 'active', created_at: stamp, updated_at: stamp })
        .returning('id')
        .executeTakeFirstOrThrow();
      communities.push(id);
      const supervisor = await addUser(roleIds.supervisor, `${name}主管`, null, [id]);
      await db.updateTable('communities').set({ supervisor_id: supervisor }).where('id', '=', id).execute();
    }
    const departments = await db.selectFrom('departments').select(['id', 'name']).where('company_id', '=', companyId).orderBy('id').execute();
    const handlers = new Map<string, number[]>(); // `${departmentId}:${communityId}` → handlers
    for (const d of departments) {
      const head = await addUser(roleIds.handler, `${d.name}经理`, d.id, communities);
      await db.updateTable('departments').set({ head_id: head }).where('id', '=', d.id).execute();
      for (const c of communities) handlers.set(`${d.id}:${c}`, [await addUser(roleIds.handler, `${d.name}${c}a`, d.id, [c]), await addUser(roleIds.handler, `${d.name}${c}b`, d.id, [c])]);
    }
    await addUser(roleIds.manager, '总经理', null, []);
    const now = new Date(PREV - DAY_MS).toISOString();
    const { id: regionalRole } = await db
      .insertInto('roles')
      .values({ company_id: companyId, key: null, name: '区域经理', description: '', permissions: JSON.stringify(['communities.read', 'issues.oversee', 'issues.read']), created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addUser(regionalRole, '区域经理', null, communities.slice(0, 2));

    // The issues: candidates raised over the last two weeks, kept until the due and not-due shares are filled.
    // Deadlines and sweep state depend on the day an issue was raised, not the hour (reminders go out at the
    // start of a day), so they are computed once per day, category target, reply mode and reply state.
    const calendar = await loadCompanyCalendar(db, companyId);
    const settings = await loadSettings(db, companyId);
    const categories = await db.selectFrom('issue_categories').select(['id', 'code', 'department_id', 'resolve_days']).where('company_id', '=', companyId).orderBy('id').execute();
    interface Derived {
      replyDueAt: string | null;
      resolveDueAt: string | null;
      level: number;
      notices: number;
      escalatedAt: string | null;
      /** the next check after the sweep's previous run; for an issue entered late, its entry */
      checkAt: string | null;
      due: boolean;
      /** what the measured sweep owes it */
      plan: ReturnType<typeof planSweep>;
    }
    const derived = new Map<string, Derived>();
    const derive = (raised: number, resolveDays: number, replyMode: string, replied: boolean, late: boolean): Derived => {
      const key = `${shanghaiDay(raised)}|${resolveDays}|${replyMode}|${replied}|${late}`;
      let d = derived.get(key);
      if (!d) {
        const raisedAt = new Date(raised).toISOString();
        const { reply, resolve } = computeDeadlines(calendar, settings, { kind: 'problem', replyMode, raisedAt, resolveDays });
        const replyDueAt = reply!.dueAt;
        const resolveDueAt = resolve!.dueAt;
        const initial = { status: 'assigned', raisedAt, replyDueAt, resolveDueAt, repliedAt: replied ? raisedAt : null, escalationLevel: 0, notices: 0 };
        // What the sweep has done by its previous run (nothing yet for an issue entered after it).
        const before = late ? { escalationLevel: 0, notices: 0, checkAt: new Date(PREV).toISOString() } : planSweep(calendar, settings, initial, PREV);
        const state = { ...initial, escalationLevel: before.escalationLevel, notices: before.notices };
        d = {
          replyDueAt,
          resolveDueAt,
          level: before.escalationLevel,
          notices: before.notices,
          escalatedAt: before.escalationLevel ? new Date(escalationAt(calendar, settings, resolveDueAt!, before.escalationLevel)).toISOString() : null,
          checkAt: before.checkAt,
          due: before.checkAt !== null && Date.parse(before.checkAt) <= NOW,
          plan: planSweep(calendar, settings, state, NOW),
        };
        derived.set(key, d);
      }
      return d;
    };
    const rnd = random(0x5eed_2026);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const rows: Insertable<IssuesTable>[] = [];
    const expected: Figures['expected'] = { notices: 0, escalated: 0, byType: {}, catchUpIssues: 0, catchUpLevels: {} };
    let due = 0;
    let notDue = 0;
    let catchUp = 0;
    while (due + notDue < ISSUES) {
      const late = catchUp < CATCH_UP && rnd() < 0.05;
      // Raised at any hour from 07:00 to 22:00 Shanghai time, 1–15 days ago (8–20 for issues entered late).
      const daysAgo = late ? 8 + Math.floor(rnd() * 13) : Math.floor(rnd() * 15);
      const raised = NOW - 30_000 - daysAgo * DAY_MS - (24 - 7) * 3_600_000 + Math.floor(rnd() * 15 * 3_600_000);
      const category = pick(categories);
      const community = pick(communities);
      const u = rnd();
      const kind = u < 0.5 ? 'problem' : u < 0.75 ? 'complaint' : u < 0.85 ? 'suggestion' : 'need';
      const replyMode = rnd() < 0.3 ? 'oral' : 'written';
      const s = rnd();
      const status = s < 0.15 ? 'new' : s < 0.5 ? 'assigned' : 'in_progress';
      // Half of the issues in progress have had their reply (a few hours after they were raised).
      const repliedMs = raised + 3_600_000 + Math.floor(rnd() * 5 * 3_600_000);
      const replied = !late && ((status === 'in_progress' && rnd() < 0.6) || (status === 'assigned' && rnd() < 0.1)) && repliedMs < PREV;
      const d = derive(raised, category.resolve_days, replyMode, replied, late);
      if (d.checkAt === null) continue; // nothing pending any more: not one of the issues wanted here
      const isDue = d.due;
      if (isDue ? (late ? catchUp >= CATCH_UP || d.plan.escalationLevel < 2 : due - catchUp >= DUE - CATCH_UP) : notDue >= ISSUES - DUE) continue;
      if (isDue) {
        due++;
        if (late) catchUp++;
        const levels = d.plan.due.filter((n) => n.type === 'escalate').length;
        expected.notices += d.plan.due.length;
        expected.escalated += levels;
        for (const n of d.plan.due) {
          const type = n.type === 'escalate' ? `escalate level ${n.level}` : n.type;
          expected.byType[type] = (expected.byType[type] ?? 0) + 1;
        }
        if (levels > 1) {
          expected.catchUpIssues++;
          expected.catchUpLevels[`${levels} levels`] = (expected.catchUpLevels[`${levels} levels`] ?? 0) + 1;
        }
      } else notDue++;
      // An issue entered late was entered just after the previous sweep; the others when they were raised.
      const enteredAt = late ? new Date(PREV + 5_000 + Math.floor(rnd() * 20_000)).toISOString() : new Date(raised).toISOString();
      rows.push({
        company_id: companyId,
        community_id: community,
        kind,
        category_id: category.id,
        description: `${1 + Math.floor(rnd() * 30)}号楼${1 + Math.floor(rnd() * 3)}单元${1 + Math.floor(rnd() * 30)}0${1 + Math.floor(rnd() * 4)}：${pick(TEXTS[category.code] ?? TEXTS.other)}`,
        channel: late ? 'visit' : pick(['phone', 'wechat', 'walk_in', 'visit', 'online']),
        raised_at: new Date(raised).toISOString(),
        reply_mode: replyMode,
        priority: kind === 'complaint' ? 'high' : 'normal',
        department_id: category.department_id,
        assignee_id: status === 'new' ? null : pick(handlers.get(`${category.department_id}:${community}`)!),
        status,
        adoption: kind === 'suggestion' ? 'pending' : null,
        reply_due_at: d.replyDueAt,
        resolve_due_at: d.resolveDueAt,
        replied_at: replied ? new Date(repliedMs).toISOString() : null,
        escalation_level: d.level,
        escalated_at: d.escalatedAt,
        reopen_count: 0,
        notices: d.notices,
        check_at: late ? enteredAt : d.checkAt,
        created_by: null,
        created_at: enteredAt,
        updated_at: enteredAt,
      });
    }
    // Ids in the order the issues were entered, as in a real table.
    rows.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));
    const generated = performance.now();
    await db.transaction().execute(async (trx) => {
      if (handle.dialect === 'postgres') {
        // Arrays through unnest: one statement of 20,000 rows instead of 20,000 × 24 parameters.
        for (let i = 0; i < rows.length; i += 20_000) {
          const part = rows.slice(i, i + 20_000);
          const arrays = ISSUE_COLUMNS.map(([name, type]) => sql`${part.map((r) => r[name] ?? null)}::${sql.raw(type)}[]`);
          await sql`INSERT INTO issues (${sql.join(ISSUE_COLUMNS.map(([name]) => sql.ref(name)))}) SELECT * FROM unnest(${sql.join(arrays)})`.execute(trx);
        }
      } else {
        for (let i = 0; i < rows.length; i += 1000) await trx.insertInto('issues').values(rows.slice(i, i + 1000)).execute();
      }
    });
    rows.length = 0;
    const inserted = performance.now();
    // A table just filled with 200,000 rows would otherwise be vacuumed by autovacuum during the sweep.
    if (handle.dialect === 'postgres') await sql`VACUUM ANALYZE`.execute(db);
    else await refreshStatistics(handle, { thorough: true });
    const seedParts: Figures['seedParts'] = [generated - started, inserted - generated, performance.now() - inserted];
    const seedSeconds = (performance.now() - started) / 1000;
    const dueInDb = await countDue(db, NOW);
    if (dueInDb !== DUE) throw new Error(`seeded ${dueInDb} due issues, meant ${DUE}`);

    // The measured sweeps.
    const counts = async () => ({
      outbox: Number((await db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
      timeline: Number((await db.selectFrom('issue_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    });
    const before = await counts();
    // Start from a heap without the seed's garbage, as a server's sweep would.
    (globalThis as { gc?: () => void }).gc?.();
    let t = performance.now();
    const cpu = process.cpuUsage();
    const r1 = await sweepDeadlines(handle, NOW);
    const firstMs = performance.now() - t;
    const { user, system } = process.cpuUsage(cpu);
    const afterFirst = await counts();
    const leftDue = await countDue(db, NOW);
    const outboxByKind = Object.fromEntries((await db.selectFrom('outbox').select((eb) => ['kind', eb.fn.countAll().as('n')]).groupBy('kind').execute()).map((r) => [r.kind, Number(r.n)]));
    const timelineByType = Object.fromEntries((await db.selectFrom('issue_events').select((eb) => ['type', eb.fn.countAll().as('n')]).groupBy('type').execute()).map((r) => [r.type, Number(r.n)]));
    t = performance.now();
    const r2 = await sweepDeadlines(handle, NOW);
    const againMs = performance.now() - t;
    const afterAgain = await counts();

    const figures: Figures = {
      db: url ? 'PostgreSQL' : 'SQLite',
      seedSeconds,
      seedParts,
      due: dueInDb,
      expected,
      first: { ms: firstMs, cpuMs: (user + system) / 1000, ...r1, outbox: afterFirst.outbox - before.outbox, timeline: afterFirst.timeline - before.timeline, outboxByKind, timelineByType, leftDue },
      again: { ms: againMs, ...r2, outbox: afterAgain.outbox - afterFirst.outbox, timeline: afterAgain.timeline - afterFirst.timeline },
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    await handle.close();
    if (url) await admin(`DROP SCHEMA ${schema} CASCADE`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The columns the seed fills, with their PostgreSQL types. */
const ISSUE_COLUMNS: [keyof IssuesTable & string, string][] = [
  ['company_id', 'bigint'],
  ['community_id', 'bigint'],
  ['kind', 'text'],
  ['category_id', 'bigint'],
  ['description', 'text'],
  ['channel', 'text'],
  ['raised_at', 'timestamptz'],
  ['reply_mode', 'text'],
  ['priority', 'text'],
  ['department_id', 'bigint'],
  ['assignee_id', 'bigint'],
  ['status', 'text'],
  ['adoption', 'text'],
  ['reply_due_at', 'timestamptz'],
  ['resolve_due_at', 'timestamptz'],
  ['replied_at', 'timestamptz'],
  ['escalation_level', 'int'],
  ['escalated_at', 'timestamptz'],
  ['reopen_count', 'int'],
  ['notices', 'int'],
  ['check_at', 'timestamptz'],
  ['created_by', 'bigint'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];

async function countDue(db: Db, now: number): Promise<number> {
  const row = await db
    .selectFrom('issues')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('check_at', '<=', new Date(now).toISOString())
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

if (process.argv[2] === 'child' && process.argv[1]?.endsWith('issue-sweep.ts')) await childMain();
