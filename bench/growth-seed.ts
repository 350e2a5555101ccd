/**
 * Seeds the growth benchmark's company into a database already migrated by the product's migrations: 20
 * communities, and per `records` visit records (1,000,000 at full size) one fifth as many households (each with
 * a resident and a phone), 1.1 × as many visit tasks (one per record, the rest open, unreachable or cancelled),
 * 0.3 × as many issues (four in five raised in a visit, as a record item) and 1.2 × as many audit entries (one per
 * record, and issue transitions). Dates lie in the twelve months before `GROWTH_NOW`. Each community has a
 * supervisor and 10 visitors; each department a handler; a company-wide manager reads everything.
 *
 * Deterministic: one seeded generator, rows in a fixed order with explicit ids, the clock fixed while seeding;
 * the same rows on SQLite and PostgreSQL. Rows go in by multi-row INSERTs in one transaction on SQLite and by
 * `INSERT … SELECT FROM unnest(…)` of 20,000 rows on PostgreSQL.
 *
 * Run as `tsx bench/growth-seed.ts <records> <sqlite file>` (or with BENCH_DATABASE_URL and GROWTH_PG_SCHEMA):
 * prints one JSON line {seedSeconds, rows}.
 */
import { sql } from 'kysely';
import { hashPassword } from '../src/server/auth/secrets.js';
import { setClock } from '../src/server/clock.js';
import { createCompany } from '../src/server/companies/create-company.js';
import { openDatabase, type DatabaseHandle } from '../src/server/db/database.js';
import { refreshStatistics } from '../src/server/db/statistics.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { COVERAGE_TRIGGERS, coverageTriggers, rebuildHouseholdCoverage } from '../src/server/db/migrations/2026_12_03_0400_household_coverage.js';
import { MONTH_ROLLUP_TRIGGERS, ROLLUP_TABLES, backfillRecordTallies, monthRollupTriggers, rebuildMonthRollups } from '../src/server/db/migrations/2026_12_03_0600_month_rollups.js';
import { TEXT_MONTH_TRIGGERS, rebuildTextMonths, textMonthTriggers } from '../src/server/db/migrations/2026_12_04_0100_text_months.js';
import { householdSortKey } from '../src/server/households/room.js';
import { insertUser } from '../src/server/users/insert-user.js';
import { DEFAULT_CATEGORIES } from '../src/server/issues/defaults.js';
import { DAY_MS, dateOfDay, endOfDayIso, shanghaiDay, startOfDayMs } from '../src/shared/shanghai.js';

/** "Now" of the seeded data and of the measured servers: a Wednesday morning in Asia/Shanghai. */
export const GROWTH_NOW = Date.parse('2026-11-18T10:30:00+08:00');
/** Bump when the seeded rows change, so that cached SQLite files are seeded again. */
export const SEED_VERSION = 1;
export const COMMUNITIES = 20;
export const VISITORS_PER_COMMUNITY = 10;
export const PASSWORD = 'Bench-Passw0rd';
export const USERNAMES = {
  manager: 'growth-manager',
  supervisor: (c: number) => `growth-supervisor-${c}`,
  visitor: (c: number, v: number) => `growth-visitor-${c}-${v}`,
};

/** How many rows of each table go with `records` visit records. */
export function shape(records: number) {
  return {
    households: Math.round(records / 5),
    records,
    tasks: Math.round(records * 1.1),
    issues: Math.round(records * 0.3),
    audit: Math.round(records * 1.2),
  };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华建国志海燕晓东文博子涵雨轩欣怡浩然梓萱诺思远宇航佳俊晨曦雅婷嘉豪';
const ISSUE_TEXTS = ['楼道垃圾未及时清运', '电梯轿厢有异味', '夜间巡逻不到位', '东门道闸故障', '草坪多处枯黄', '卫生间顶部漏水', '楼道灯不亮', '单元门禁无法刷卡', '物业费账单金额有误', '车位被长期占用', '楼上夜间装修噪音', '邻居在楼道堆放杂物', '希望增加快递柜', '建议增设充电桩'];
const RATED = ['cleaning', 'security', 'greening', 'repairs', 'facilities', 'fees', 'service'];
const HOUR = 3_600_000;

/** A deterministic generator of numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

type Value = string | number | null;
type Columns = readonly (readonly [name: string, pgType: string])[];

/** Collects rows of one table and writes them in big statements. */
class Inserter {
  private rows: Value[][] = [];
  private readonly sqliteStatements = new Map<number, import('better-sqlite3').Statement>();
  written = 0;

  constructor(
    private readonly handle: DatabaseHandle,
    readonly table: string,
    private readonly columns: Columns,
  ) {}

  get chunk() {
    return this.handle.dialect === 'postgres' ? 20_000 : 50;
  }

  async add(row: Value[]): Promise<void> {
    this.rows.push(row);
    if (this.rows.length >= this.chunk) await this.flush();
  }

  async flush(): Promise<void> {
    const rows = this.rows;
    if (rows.length === 0) return;
    this.rows = [];
    this.written += rows.length;
    const names = this.columns.map(([n]) => `"${n}"`).join(', ');
    if (this.handle.dialect === 'postgres') {
      const arrays = this.columns.map(([, type], i) => sql`${rows.map((r) => r[i])}::${sql.raw(type)}[]`);
      await sql`INSERT INTO ${sql.raw(this.table)} (${sql.raw(names)}) SELECT * FROM unnest(${sql.join(arrays)})`.execute(this.handle.db);
      return;
    }
    let stmt = this.sqliteStatements.get(rows.length);
    if (!stmt) {
      const one = `(${this.columns.map(() => '?').join(', ')})`;
      stmt = this.handle.sqlite!.prepare(`INSERT INTO ${this.table} (${names}) VALUES ${Array.from({ length: rows.length }, () => one).join(', ')}`);
      this.sqliteStatements.set(rows.length, stmt);
    }
    stmt.run(rows.flat());
  }
}

async function maxId(handle: DatabaseHandle, table: string): Promise<number> {
  const { rows } = await sql<{ m: number | null }>`SELECT max(id) AS m FROM ${sql.raw(table)}`.execute(handle.db);
  return Number(rows[0]?.m ?? 0);
}

export interface SeedInfo {
  seedSeconds: number;
  /** of which building the indexes, the coverage rollup and the records' tallies again */
  indexSeconds: number;
  rows: Record<string, number>;
}

export async function seedGrowth(handle: DatabaseHandle, records: number): Promise<SeedInfo> {
  const started = performance.now();
  const n = shape(records);
  const { db } = handle;
  const NOW = GROWTH_NOW;
  setClock({ now: () => NOW - DAY_MS * 400 });
  const stampAt = (ms: number) => new Date(ms).toISOString();
  const longAgo = stampAt(NOW - DAY_MS * 400);
  const rnd = random(0x6b0e_2026);
  const int = (max: number) => Math.floor(rnd() * max);
  const pick = <T>(xs: ArrayLike<T>): T => xs[int(xs.length)];
  const today = shanghaiDay(NOW);

  // The organisation.
  const { companyId, roleIds } = await createCompany(db, {
    name: '增长物业',
    admin: { username: 'growth-admin', displayName: '管理员', password: PASSWORD, mustChangePassword: false },
    scryptCost: 1024,
  });
  const hash = await hashPassword(PASSWORD, 1024);
  const communities: number[] = [];
  for (let c = 0; c < COMMUNITIES; c++) {
    const { id } = await db
      .insertInto('communities')
      .values({ company_id: companyId, name: `增长小区${c + 1}`, code: `G${c + 1}`, type: 'residential', address: `滨江路${c + 1}号`, status: 'active', created_at: longAgo, updated_at: longAgo })
      .returning('id')
      .executeTakeFirstOrThrow();
    communities.push(id);
  }
  const supervisors: number[] = [];
  const visitors: number[][] = [];
  const names = new Map<number, string>();
  for (const [c, communityId] of communities.entries()) {
    const displayName = `${pick(SURNAMES)}主管`;
    const supervisor = await insertUser(db, { companyId, username: USERNAMES.supervisor(c), displayName, passwordHash: hash, mustChangePassword: false, roleId: roleIds.supervisor, communityIds: [communityId], createdAt: longAgo });
    names.set(supervisor, displayName);
    supervisors.push(supervisor);
    await db.updateTable('communities').set({ supervisor_id: supervisor }).where('id', '=', communityId).execute();
    visitors.push([]);
    for (let v = 0; v < VISITORS_PER_COMMUNITY; v++) {
      const name = pick(SURNAMES) + pick(GIVEN) + pick(GIVEN);
      const id = await insertUser(db, { companyId, username: USERNAMES.visitor(c, v), displayName: name, passwordHash: hash, mustChangePassword: false, roleId: roleIds.visitor, communityIds: [communityId], createdAt: longAgo });
      names.set(id, name);
      visitors[c].push(id);
    }
  }
  await insertUser(db, { companyId, username: USERNAMES.manager, displayName: '总经理', passwordHash: hash, mustChangePassword: false, roleId: roleIds.manager, createdAt: longAgo });
  const departments = await db.selectFrom('departments').select(['id', 'code', 'name']).where('company_id', '=', companyId).orderBy('id').execute();
  const handlerOf = new Map<number, number>();
  for (const d of departments) {
    const name = `${d.name}${pick(SURNAMES)}工`;
    const id = await insertUser(db, { companyId, username: `growth-handler-${d.code.toLowerCase()}`, displayName: name, passwordHash: hash, mustChangePassword: false, roleId: roleIds.handler, departmentId: d.id, communityIds: communities, createdAt: longAgo });
    names.set(id, name);
    handlerOf.set(d.id, id);
  }
  const categories = (await db.selectFrom('issue_categories').select(['id', 'code', 'name', 'department_id', 'resolve_days']).where('company_id', '=', companyId).orderBy('position').execute()).filter((cat) =>
    DEFAULT_CATEGORIES.some((d) => d.code === cat.code),
  );
  const questionnaire = await db.selectFrom('questionnaires').select('id').where('company_id', '=', companyId).executeTakeFirstOrThrow();
  const version = await db.selectFrom('questionnaire_versions').select('id').where('questionnaire_id', '=', questionnaire.id).executeTakeFirstOrThrow();

  const base = {
    buildings: await maxId(handle, 'buildings'),
    units: await maxId(handle, 'units'),
    households: await maxId(handle, 'households'),
    residents: await maxId(handle, 'residents'),
    phones: await maxId(handle, 'resident_phones'),
    tasks: await maxId(handle, 'visit_tasks'),
    records: await maxId(handle, 'visit_records'),
    items: await maxId(handle, 'visit_record_items'),
    issues: await maxId(handle, 'issues'),
    audit: await maxId(handle, 'audit_log'),
  };
  const inserters: Inserter[] = [];
  const table = (name: string, columns: Columns) => {
    const ins = new Inserter(handle, name, columns);
    inserters.push(ins);
    return ins;
  };
  const id = ['id', 'bigint'] as const;
  const company = ['company_id', 'bigint'] as const;
  const community = ['community_id', 'bigint'] as const;
  const created = ['created_at', 'timestamptz'] as const;
  const updated = ['updated_at', 'timestamptz'] as const;
  const buildings = table('buildings', [id, company, community, ['name', 'text'], created]);
  const units = table('units', [id, company, community, ['building_id', 'bigint'], ['name', 'text'], created]);
  const households = table('households', [id, company, community, ['building_id', 'bigint'], ['unit_id', 'bigint'], ['room', 'text'], ['sort_key', 'text'], ['area', 'double precision'], ['status', 'text'], created, updated]);
  const residents = table('residents', [id, company, community, ['household_id', 'bigint'], ['name', 'text'], ['role', 'text'], ['move_in_date', 'date'], ['do_not_contact', 'int'], ['notes', 'text'], created, updated]);
  const phones = table('resident_phones', [id, ['resident_id', 'bigint'], company, ['number', 'text'], ['kind', 'text'], ['last4', 'text'], ['position', 'int']]);
  const tasks = table('visit_tasks', [
    id, company, community, ['household_id', 'bigint'], ['resident_id', 'bigint'], ['reason', 'text'], ['method', 'text'], ['assignee_id', 'bigint'], ['due_date', 'date'], ['appointment_at', 'timestamptz'],
    ['status', 'text'], ['attempt_count', 'int'], ['questionnaire_id', 'bigint'], ['note', 'text'], ['cancel_reason', 'text'], ['created_by', 'bigint'], created, updated,
  ]);
  const recordsT = table('visit_records', [
    id, company, community, ['task_id', 'bigint'], ['household_id', 'bigint'], ['resident_id', 'bigint'], ['visitor_id', 'bigint'], ['method', 'text'], ['reason', 'text'], ['outcome', 'text'],
    ['started_at', 'timestamptz'], ['ended_at', 'timestamptz'], ['visit_date', 'date'], ['backdated', 'int'], ['spoken_to', 'text'], ['questionnaire_version_id', 'bigint'], ['answers', 'text'],
    ['average_score', 'double precision'], ['opinions', 'text'], ['suggestions', 'text'], ['improvement_measures', 'text'], ['item_count', 'int'], created,
  ]);
  const items = table('visit_record_items', [id, ['record_id', 'bigint'], company, community, ['household_id', 'bigint'], ['kind', 'text'], ['category', 'text'], ['description', 'text'], ['raised_on', 'date']]);
  const issues = table('issues', [
    id, company, community, ['household_id', 'bigint'], ['resident_id', 'bigint'], ['record_id', 'bigint'], ['record_item_id', 'bigint'], ['kind', 'text'], ['category_id', 'bigint'], ['description', 'text'],
    ['channel', 'text'], ['raised_at', 'timestamptz'], ['reply_mode', 'text'], ['priority', 'text'], ['department_id', 'bigint'], ['assignee_id', 'bigint'], ['status', 'text'], ['adoption', 'text'],
    ['resolution', 'text'], ['satisfaction', 'int'], ['reply_due_at', 'timestamptz'], ['resolve_due_at', 'timestamptz'], ['replied_at', 'timestamptz'], ['resolved_at', 'timestamptz'], ['closed_at', 'timestamptz'],
    ['escalation_level', 'int'], ['escalated_at', 'timestamptz'], ['reopen_count', 'int'], ['notices', 'int'], ['check_at', 'timestamptz'], ['reply_days', 'int'], ['resolve_days', 'int'], ['resolve_from', 'timestamptz'],
    ['closure', 'text'], ['resolved_by', 'bigint'], ['created_by', 'bigint'], created, updated,
  ]);
  const audit = table('audit_log', [id, company, community, ['at', 'timestamptz'], ['actor_id', 'bigint'], ['actor_name', 'text'], ['action', 'text'], ['entity_type', 'text'], ['entity_id', 'text'], ['ip', 'text'], ['before', 'text'], ['after', 'text']]);

  // The product's secondary indexes (as its migrations made them) are set aside while the rows go in and built
  // again from their own definitions afterwards: one sort per index instead of millions of random inserts.
  const indexes = await dropIndexes(handle, inserters.map((i) => i.table));
  // So are the triggers that keep the coverage rollup (one recomputation per record); it is rebuilt at the end.
  for (const name of COVERAGE_TRIGGERS) await sql`DROP TRIGGER ${sql.ref(name)}${sql.raw(handle.dialect === 'postgres' ? ' ON visit_records' : '')}`.execute(db);
  // And those of the monthly rollups (one upsert per record and task).
  for (const [table, name] of [...MONTH_ROLLUP_TRIGGERS, ...TEXT_MONTH_TRIGGERS]) await sql`DROP TRIGGER ${sql.ref(name)}${sql.raw(handle.dialect === 'postgres' ? ` ON ${table}` : '')}`.execute(db);
  if (handle.dialect === 'sqlite') {
    handle.sqlite!.pragma('cache_size = -1000000');
    handle.sqlite!.pragma('synchronous = OFF');
    handle.sqlite!.exec('BEGIN');
  }
  try {
    // Buildings of 2 units × 25 floors × 10 rooms; one resident with a mobile phone per household.
    const perCommunity = Math.round(n.households / COMMUNITIES);
    const householdCommunity = new Int32Array(n.households);
    let buildingNo = base.buildings;
    let unitNo = base.units;
    for (let c = 0; c < COMMUNITIES; c++) {
      let unitId = 0;
      let buildingId = 0;
      for (let k = 0; k < perCommunity; k++) {
        const b = Math.floor(k / 500) + 1;
        const u = Math.floor((k % 500) / 250) + 1;
        // Buildings and units are written before the households that refer to them.
        if (k % 500 === 0) {
          await buildings.add([(buildingId = ++buildingNo), companyId, communities[c], String(b), longAgo]);
          await buildings.flush();
        }
        if (k % 250 === 0) {
          await units.add([(unitId = ++unitNo), companyId, communities[c], buildingId, String(u), longAgo]);
          await units.flush();
        }
        const room = `${Math.floor((k % 250) / 10) + 1}${String((k % 10) + 1).padStart(2, '0')}`;
        const h = c * perCommunity + k;
        householdCommunity[h] = c;
        await households.add([base.households + h + 1, companyId, communities[c], buildingId, unitId, room, householdSortKey(String(b), String(u), room), 60 + int(90), 'occupied', longAgo, longAgo]);
        const residentId = base.residents + h + 1;
        const moveIn = dateOfDay(today - 400 - int(3000));
        await residents.add([residentId, companyId, communities[c], base.households + h + 1, pick(SURNAMES) + pick(GIVEN) + pick(GIVEN), rnd() < 0.85 ? 'owner' : 'tenant', moveIn, 0, '', longAgo, longAgo]);
        const number = `+8613${String(int(1e9)).padStart(9, '0')}`;
        await phones.add([base.phones + h + 1, residentId, companyId, number, 'mobile', number.slice(-4), 0]);
      }
    }
    await households.flush();
    await residents.flush();
    await phones.flush();

    // Answers: a few dozen variants of the default questionnaire's ratings.
    const answerVariants = Array.from({ length: 64 }, () => {
      const answers: Record<string, number> = {};
      for (const key of RATED) answers[key] = 3 + int(3);
      answers.overall = 3 + int(3);
      answers.recommend = 5 + int(6);
      const scores = [...RATED.map((k) => answers[k]), answers.overall];
      return { json: JSON.stringify(answers), average: Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 };
    });

    // Visit records over the last 365 days (ids in date order), each with the task it completed. Four in five
    // issues are raised in a visit: record r(j) = floor(j × records / visitIssues) carries item j.
    const visitIssues = Math.round(n.issues * 0.8);
    const recHousehold = new Int32Array(n.records);
    const recVisitor = new Int32Array(n.records);
    const recEnded = new Float64Array(n.records);
    let nextItem = 0;
    const itemRecord = (j: number) => Math.floor((j * n.records) / visitIssues);
    for (let k = 0; k < n.records; k++) {
      const day = today - 364 + Math.floor((k * 365) / n.records);
      const h = int(n.households);
      const c = householdCommunity[h];
      const visitor = visitors[c][int(VISITORS_PER_COMMUNITY)];
      const startMs = day === today ? startOfDayMs(day) + 8 * HOUR + int(2 * HOUR) : startOfDayMs(day) + 9 * HOUR + int(11 * HOUR);
      const endMs = startMs + 4 * 60_000 + int(12 * 60_000);
      const refused = rnd() < 0.04;
      const u = rnd();
      const method = u < 0.8 ? 'phone' : u < 0.95 ? 'door' : 'online';
      const v = rnd();
      const reason = v < 0.85 ? 'periodic' : v < 0.93 ? 'after_repair' : v < 0.98 ? 'after_complaint' : 'move_in';
      const answers = pick(answerVariants);
      const hasItem = nextItem < visitIssues && itemRecord(nextItem) === k;
      const taskId = base.tasks + k + 1;
      const recordId = base.records + k + 1;
      const residentId = base.residents + h + 1;
      recHousehold[k] = h;
      recVisitor[k] = visitor;
      recEnded[k] = endMs;
      await tasks.add([
        taskId, companyId, communities[c], base.households + h + 1, residentId, reason, method, visitor, dateOfDay(day + int(4)), null,
        refused ? 'refused' : 'completed', 1, questionnaire.id, '', null, supervisors[c], stampAt(startOfDayMs(day - 7) + 9 * HOUR), stampAt(endMs),
      ]);
      await recordsT.add([
        recordId, companyId, communities[c], taskId, base.households + h + 1, residentId, visitor, method, reason, refused ? 'refused' : 'completed',
        stampAt(startMs), stampAt(endMs), dateOfDay(day), 0, refused ? '' : '业主本人', version.id, refused ? '{}' : answers.json,
        refused ? null : answers.average, rnd() < 0.1 ? '希望物业多组织社区活动' : '', '', '', hasItem ? 1 : 0, stampAt(endMs),
      ]);
      if (hasItem) nextItem++;
    }
    await tasks.flush();
    await recordsT.flush();

    // The other tenth of the tasks: open (due within 30 days either side of today), unreachable or cancelled.
    const extra = n.tasks - n.records;
    for (let k = 0; k < extra; k++) {
      const h = int(n.households);
      const c = householdCommunity[h];
      const u = rnd();
      const status = u < 0.7 ? 'pending' : u < 0.8 ? 'appointed' : u < 0.9 ? 'unreachable' : 'cancelled';
      const open = status === 'pending' || status === 'appointed';
      const due = open ? today - 30 + int(61) : today - 364 + int(340);
      const appointment = status === 'appointed' ? stampAt(startOfDayMs(today + int(7)) + 10 * HOUR + int(8 * HOUR)) : null;
      const createdMs = Math.min(NOW - HOUR, startOfDayMs(due - 14) + 9 * HOUR);
      await tasks.add([
        base.tasks + n.records + k + 1, companyId, communities[c], base.households + h + 1, base.residents + h + 1, 'periodic', 'phone', pick(visitors[c]), dateOfDay(due), appointment,
        status, status === 'unreachable' ? 3 : 0, questionnaire.id, '', status === 'cancelled' ? '住户已搬离' : null, supervisors[c], stampAt(createdMs), stampAt(open ? createdMs : Math.min(NOW - HOUR, createdMs + 10 * DAY_MS)),
      ]);
    }
    await tasks.flush();

    // Issues: those raised in visits come with their record item; the rest by phone, WeChat, at the desk or
    // online, at any time of the year. Ids in the order they were raised.
    interface IssueSeed { raised: number; h: number; recordId: number | null; itemId: number | null; createdBy: number }
    const seeds: IssueSeed[] = [];
    for (let j = 0; j < visitIssues; j++) {
      const k = itemRecord(j);
      seeds.push({ raised: recEnded[k], h: recHousehold[k], recordId: base.records + k + 1, itemId: base.items + j + 1, createdBy: recVisitor[k] });
    }
    for (let j = visitIssues; j < n.issues; j++) {
      const h = int(n.households);
      seeds.push({ raised: NOW - DAY_MS * 365 + int(DAY_MS * 365 - HOUR), h, recordId: null, itemId: null, createdBy: supervisors[householdCommunity[h]] });
    }
    seeds.sort((a, b) => a.raised - b.raised || (a.itemId ?? Infinity) - (b.itemId ?? Infinity));
    const itemRows: Value[][] = [];
    const issueRows: Value[][] = [];
    const issueIds: number[] = [];
    for (const [i, s] of seeds.entries()) {
      const c = householdCommunity[s.h];
      const cat = pick(categories);
      const u = rnd();
      const kind = u < 0.5 ? 'problem' : u < 0.7 ? 'complaint' : u < 0.85 ? 'suggestion' : u < 0.95 ? 'need' : 'praise';
      const description = `${pick(ISSUE_TEXTS)}，请尽快处理`;
      const raisedDay = shanghaiDay(s.raised);
      const ageDays = (NOW - s.raised) / DAY_MS;
      const replyMode = rnd() < 0.3 ? 'oral' : 'written';
      const praise = kind === 'praise';
      const replyDays = praise ? null : replyMode === 'oral' ? 0 : 3;
      const replyDue = praise ? null : dueAt(raisedDay + (replyMode === 'oral' ? 0 : 5));
      const resolveDue = praise ? null : dueAt(raisedDay + Math.ceil((cat.resolve_days * 7) / 5));
      const w = rnd();
      let status: string;
      if (praise) status = 'closed';
      else if (ageDays > 30) status = w < 0.95 ? 'closed' : w < 0.975 ? 'in_progress' : 'reopened';
      else if (ageDays > 3 && w < 0.35) status = 'closed';
      else if (ageDays > 3 && w < 0.55) status = 'resolved';
      else status = w < 0.7 ? 'new' : w < 0.85 ? 'assigned' : 'in_progress';
      const open = status === 'new' || status === 'assigned' || status === 'in_progress' || status === 'reopened';
      const departmentId = cat.department_id;
      const handler = departmentId ? (handlerOf.get(departmentId) ?? null) : null;
      const assignee = status === 'new' || praise ? null : handler;
      const replied = !praise && status !== 'new' && status !== 'assigned' ? stampAt(s.raised + 2 * HOUR + int(4 * HOUR)) : null;
      const resolvedMs = status === 'closed' || status === 'resolved' ? Math.min(NOW - 2 * HOUR, s.raised + DAY_MS + int(2 * DAY_MS)) : null;
      const closedMs = status === 'closed' && resolvedMs ? Math.min(NOW - HOUR, resolvedMs + DAY_MS) : null;
      const overdueDays = open && resolveDue ? (NOW - Date.parse(resolveDue)) / DAY_MS : 0;
      const level = overdueDays > 0 ? Math.min(3, 1 + Math.floor(overdueDays)) : 0;
      const issueId = base.issues + i + 1;
      issueIds.push(issueId);
      if (s.itemId !== null) itemRows.push([s.itemId, s.recordId, companyId, communities[c], base.households + s.h + 1, kind, cat.name, description, dateOfDay(raisedDay)]);
      issueRows.push([
        issueId, companyId, communities[c], base.households + s.h + 1, base.residents + s.h + 1, s.recordId, s.itemId, kind, cat.id, description,
        s.recordId ? 'visit' : pick(['phone', 'wechat', 'walk_in', 'online']), stampAt(s.raised), replyMode, rnd() < 0.1 ? 'high' : 'normal', departmentId, assignee, status,
        kind === 'suggestion' ? (open ? 'pending' : 'implemented') : null, resolvedMs ? '已安排人员处理完毕' : null, closedMs && !praise ? 4 + int(2) : null,
        replyDue, resolveDue, replied, resolvedMs ? stampAt(resolvedMs) : null, closedMs ? stampAt(closedMs) : praise ? stampAt(s.raised + HOUR) : null,
        level, level ? stampAt(Date.parse(resolveDue!) + level * DAY_MS - DAY_MS + 1) : null, status === 'reopened' ? 1 : 0, 0, open ? resolveDue : null, replyDays, praise ? null : cat.resolve_days,
        praise ? null : stampAt(s.raised), status === 'closed' ? (praise ? 'acknowledged' : 'confirmed') : null, resolvedMs ? handler : null, s.createdBy,
        stampAt(s.raised), stampAt(closedMs ?? resolvedMs ?? s.raised),
      ]);
    }
    seeds.length = 0;
    // Items were collected in issue order; record items go in by record, as they were written.
    itemRows.sort((a, b) => (a[0] as number) - (b[0] as number));
    for (const row of itemRows) await items.add(row);
    await items.flush();
    for (const row of issueRows) await issues.add(row);
    await issues.flush();
    itemRows.length = 0;
    issueRows.length = 0;

    // The audit log: each visit written ("visit.record"), and issue transitions between them, in time order.
    let auditNo = base.audit;
    const transitions = n.audit - n.records;
    for (let k = 0; k < n.records; k++) {
      const c = householdCommunity[recHousehold[k]];
      const visitor = recVisitor[k];
      await audit.add([
        ++auditNo, companyId, communities[c], stampAt(recEnded[k]), visitor, names.get(visitor) ?? null, 'visit.record', 'record', String(base.records + k + 1), `10.0.${c}.${1 + (visitor % 250)}`, null,
        `{"taskId":${base.tasks + k + 1},"outcome":"completed","visitDate":"${shanghaiDate(recEnded[k])}","items":0}`,
      ]);
      // About `transitions` of them in all, spread evenly.
      if (Math.floor(((k + 1) * transitions) / n.records) > Math.floor((k * transitions) / n.records)) {
        const issueId = issueIds[Math.min(issueIds.length - 1, Math.floor((k * issueIds.length) / n.records))];
        const handler = pick([...handlerOf.values()]);
        await audit.add([
          ++auditNo, companyId, communities[c], stampAt(recEnded[k] + 60_000), handler, names.get(handler) ?? null, 'issue.transition', 'issue', String(issueId), '10.1.0.1', '{"status":"assigned"}', '{"status":"in_progress"}',
        ]);
      }
    }
    for (const ins of inserters) await ins.flush();
    if (handle.dialect === 'sqlite') handle.sqlite!.exec('COMMIT');
  } catch (err) {
    if (handle.dialect === 'sqlite') handle.sqlite!.exec('ROLLBACK');
    throw err;
  }
  const indexStarted = performance.now();
  for (const statement of indexes) await sql.raw(statement).execute(db);
  await rebuildHouseholdCoverage(db, handle.dialect);
  // The records keep their answers' tally, as submitted ones do (the product fills it in for rows without one).
  await backfillRecordTallies(db, handle.dialect);
  await rebuildMonthRollups(db, handle.dialect);
  await rebuildTextMonths(db, handle.dialect);
  for (const statement of [...coverageTriggers(handle.dialect), ...monthRollupTriggers(handle.dialect), ...textMonthTriggers(handle.dialect)]) await sql.raw(statement).execute(db);
  const indexSeconds = (performance.now() - indexStarted) / 1000;
  if (handle.dialect === 'postgres') {
    // Explicit ids leave the identity sequences behind; the product's own inserts must not collide.
    for (const ins of inserters) await sql`SELECT setval(pg_get_serial_sequence(${ins.table}, 'id'), (SELECT max(id) FROM ${sql.raw(ins.table)}))`.execute(db);
    // Only the seeded tables and the rollups rebuilt from them: a bare VACUUM would go through every schema of the database.
    await sql`VACUUM ANALYZE ${sql.raw([...new Set([...inserters.map((i) => i.table), 'household_coverage', 'theme_text_months', ...ROLLUP_TABLES])].join(', '))}`.execute(db);
  } else {
    await refreshStatistics(handle, { thorough: true });
    handle.sqlite!.pragma('synchronous = NORMAL');
    handle.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
  }
  const rows = Object.fromEntries(inserters.map((i) => [i.table, i.written]));
  return { seedSeconds: (performance.now() - started) / 1000, indexSeconds, rows };
}

/** Drops the non-constraint indexes of these tables and returns the statements that create them again. */
async function dropIndexes(handle: DatabaseHandle, tables: string[]): Promise<string[]> {
  const { db } = handle;
  const list = sql.join([...new Set(tables)].map((t) => sql.lit(t)));
  const rows =
    handle.dialect === 'postgres'
      ? (
          await sql<{ name: string; definition: string }>`SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename IN (${list})
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.connamespace = current_schema()::regnamespace)
            ORDER BY i.indexname`.execute(db)
        ).rows
      : (await sql<{ name: string; definition: string }>`SELECT name, sql AS definition FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${list}) ORDER BY name`.execute(db)).rows;
  for (const r of rows) await sql`DROP INDEX ${sql.ref(r.name)}`.execute(db);
  return rows.map((r) => r.definition);
}

/** 24:00 of a Shanghai day as a stored UTC instant, as the product stores deadlines (working days approximated). */
function dueAt(day: number): string {
  return new Date(Date.parse(endOfDayIso(day))).toISOString();
}

function shanghaiDate(ms: number): string {
  return dateOfDay(shanghaiDay(ms));
}

async function main() {
  const records = Number(process.argv[2]);
  const file = process.argv[3];
  const url = process.env.BENCH_DATABASE_URL || undefined;
  // On PostgreSQL the seeding connections skip the foreign-key triggers (session_replication_role = replica, set
  // through the connection options beside the schema): the rows refer to each other correctly by construction,
  // and a trigger query per reference per row would take most of the seeding time.
  const pgSchema = url ? `${process.env.GROWTH_PG_SCHEMA} -c session_replication_role=replica` : undefined;
  const handle = openDatabase({ databaseUrl: url, pgSchema, sqliteFile: file, poolSize: 2 });
  try {
    await migrateToLatest(handle);
    const info = await seedGrowth(handle, records);
    process.stdout.write(`${JSON.stringify(info)}\n`);
  } finally {
    await handle.close();
  }
}

if (process.argv[1]?.endsWith('growth-seed.ts')) await main();
