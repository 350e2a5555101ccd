/**
 * The monthly rollups (record_months, record_dimension_months, task_months, kept by triggers on visit_records and
 * visit_tasks) against the raw rows: for random histories of visit records written (completed or refused, with a
 * kept tally, without one, or unrated), moved to another date or household, turned into a refusal and back,
 * re-tallied by a correction and deleted, and of tasks created, moved, worked and deleted, every rollup row
 * equals a count over the rows that a model of the history keeps, per month and building; and GET /kpis answers
 * coverage, completion and 满意率 of a month with those counts. Likewise for issues raised, re-dated, replied to,
 * resolved, confirmed, adopted, withdrawn and deleted, at instants near the Shanghai month boundaries: the issue
 * rollups equal the model's counts and GET /kpis answers resolution, on-time reply and adoption with them.
 * Runs on SQLite and PostgreSQL.
 */
import fc from 'fast-check';
import type { Updateable } from 'kysely';
import type { IssuesTable } from '../../src/server/db/schema.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kpis } from '../../src/shared/schemas/kpis.js';
import type { Adoption, Closure, IssueKind, IssueStatus, ReplyMode } from '../../src/shared/schemas/issues.js';
import type { TaskStatus } from '../../src/shared/schemas/visits.js';
import { Client, loginAs, makeCommunity, makeCompany, makeHousehold, makeIssue, makeUser, makeVisitRecord, makeVisitTask } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { rebuildMonthRollups } from '../../src/server/db/migrations/2026_12_03_0600_month_rollups.js';

let t: TestApp;
let companyId: number;
let visitorId: number;
let versionId: number;
let manager: Client;
const homes: { id: number; communityId: number; buildingId: number }[] = [];

/** The months of 2026, 0 to 11. */
const MONTHS = 12;
const monthText = (i: number) => `2026-${String(i + 1).padStart(2, '0')}`;
const monthIndex = (i: number) => 2026 * 12 + i;
const dateOf = (month: number, day: number) => `${monthText(month)}-${String(day).padStart(2, '0')}`;
const STATUSES: TaskStatus[] = ['pending', 'appointed', 'completed', 'unreachable', 'refused', 'cancelled'];

interface Tally {
  rated: number;
  satisfied: number;
  npsAnswers: number;
  promoters: number;
  detractors: number;
  dims: Record<string, [number, number, number]>;
  /** the key drivers' overall measure, and whether it is the overall question's */
  y: number | null;
  item: 0 | 1;
}
/** A record's rating: none (no questionnaire), rated but without a kept tally (an older row), or a kept tally. */
type Score = { kind: 'none' } | { kind: 'untallied' } | { kind: 'kept'; tally: Tally };

const TALLY: fc.Arbitrary<Tally> = fc
  .record({
    service: fc.option(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 1 })), { nil: undefined }),
    repair: fc.option(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 1 })), { nil: undefined }),
    nps: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
    y: fc.option(fc.integer({ min: 2, max: 10 }).map((v) => v / 2), { nil: null }),
    item: fc.constantFrom<0 | 1>(0, 1),
  })
  .map(({ service, repair, nps, y, item }) => {
    const dims: Tally['dims'] = {};
    let rated = 0;
    let satisfied = 0;
    for (const [name, d] of [['服务态度', service], ['维修及时', repair]] as const) {
      if (!d) continue;
      const [score, twice] = d;
      const count = twice + 1;
      const sat = score >= 4 ? count : 0;
      dims[name] = [score * count, count, sat];
      rated += count;
      satisfied += sat;
    }
    return { rated, satisfied, npsAnswers: nps === undefined ? 0 : 1, promoters: nps !== undefined && nps >= 9 ? 1 : 0, detractors: nps !== undefined && nps <= 6 ? 1 : 0, dims, y, item };
  });
const SCORE: fc.Arbitrary<Score> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<Score>({ kind: 'none' }) },
  { weight: 1, arbitrary: fc.constant<Score>({ kind: 'untallied' }) },
  { weight: 3, arbitrary: TALLY.map((tally): Score => ({ kind: 'kept', tally })) },
);
const HOME = fc.nat(5);
const MONTH = fc.nat(MONTHS - 1);
const DAY = fc.integer({ min: 1, max: 28 });

type Op =
  | { op: 'write'; home: number; month: number; day: number; completed: boolean; score: Score }
  | { op: 'move'; pick: number; month: number; day: number }
  | { op: 'rehome'; pick: number; home: number }
  | { op: 'toggle'; pick: number }
  | { op: 'retally'; pick: number; score: Score }
  | { op: 'delete'; pick: number }
  | { op: 'task'; home: number; month: number; day: number; status: TaskStatus }
  | { op: 'work'; pick: number; status: TaskStatus; attempts: number }
  | { op: 'due'; pick: number; month: number; day: number }
  | { op: 'drop'; pick: number };

const OP: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('write' as const), home: HOME, month: MONTH, day: DAY, completed: fc.boolean(), score: SCORE }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('move' as const), pick: fc.nat(), month: MONTH, day: DAY }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rehome' as const), pick: fc.nat(), home: HOME }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('toggle' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('retally' as const), pick: fc.nat(), score: SCORE }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('task' as const), home: HOME, month: MONTH, day: DAY, status: fc.constantFrom(...STATUSES) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('work' as const), pick: fc.nat(), status: fc.constantFrom(...STATUSES), attempts: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('due' as const), pick: fc.nat(), month: MONTH, day: DAY }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('drop' as const), pick: fc.nat() }) },
);

interface RecordRow {
  id: number;
  home: number;
  month: number;
  completed: boolean;
  score: Score;
}
interface TaskRow {
  id: number;
  home: number;
  month: number;
  status: TaskStatus;
  attempts: number;
}

/** The record's rating columns for a score. */
function scoreColumns(score: Score) {
  const none = { sat_rated: null, sat_satisfied: null, nps_answers: null, nps_promoters: null, nps_detractors: null, sat_dimensions: null, sat_overall: null, sat_overall_item: null };
  if (score.kind === 'none') return { questionnaire_version_id: null, average_score: null, ...none };
  if (score.kind === 'untallied') return { questionnaire_version_id: versionId, average_score: 3, ...none };
  const s = score.tally;
  return {
    questionnaire_version_id: versionId,
    average_score: 4,
    sat_rated: s.rated,
    sat_satisfied: s.satisfied,
    nps_answers: s.npsAnswers,
    nps_promoters: s.promoters,
    nps_detractors: s.detractors,
    sat_dimensions: JSON.stringify(s.dims),
    sat_overall: s.y,
    sat_overall_item: s.item,
  };
}

async function apply(records: RecordRow[], tasks: TaskRow[], o: Op) {
  const db = t.handle.db;
  if (o.op === 'write') {
    const home = homes[o.home];
    const date = dateOf(o.month, o.day);
    const { id, taskId } = await makeVisitRecord(t, { companyId, communityId: home.communityId, householdId: home.id, visitorId, visitDate: date, outcome: o.completed ? 'completed' : 'refused' });
    if (o.score.kind !== 'none') await db.updateTable('visit_records').set(scoreColumns(o.score)).where('id', '=', id).execute();
    records.push({ id, home: o.home, month: o.month, completed: o.completed, score: o.score });
    tasks.push({ id: taskId, home: o.home, month: o.month, status: 'completed', attempts: 0 });
    return;
  }
  if (o.op === 'task') {
    const home = homes[o.home];
    const { id } = await makeVisitTask(t, { companyId, communityId: home.communityId, householdId: home.id, assigneeId: visitorId, dueDate: dateOf(o.month, o.day), status: o.status });
    tasks.push({ id, home: o.home, month: o.month, status: o.status, attempts: 0 });
    return;
  }
  if (o.op === 'work' || o.op === 'due' || o.op === 'drop') {
    if (!tasks.length) return;
    const task = tasks[o.pick % tasks.length];
    if (o.op === 'work') {
      Object.assign(task, { status: o.status, attempts: o.attempts });
      await db.updateTable('visit_tasks').set({ status: o.status, attempt_count: o.attempts }).where('id', '=', task.id).execute();
    } else if (o.op === 'due') {
      task.month = o.month;
      await db.updateTable('visit_tasks').set({ due_date: dateOf(o.month, o.day) }).where('id', '=', task.id).execute();
    } else {
      // A task with a record cannot go; the record's task stays on the record.
      const used = await db.selectFrom('visit_records').select('id').where('task_id', '=', task.id).executeTakeFirst();
      if (used) return;
      tasks.splice(tasks.indexOf(task), 1);
      await db.deleteFrom('visit_tasks').where('id', '=', task.id).execute();
    }
    return;
  }
  if (!records.length) return;
  const row = records[o.pick % records.length];
  if (o.op === 'move') {
    row.month = o.month;
    await db.updateTable('visit_records').set({ visit_date: dateOf(o.month, o.day) }).where('id', '=', row.id).execute();
  } else if (o.op === 'rehome') {
    row.home = o.home;
    await db.updateTable('visit_records').set({ household_id: homes[o.home].id, community_id: homes[o.home].communityId }).where('id', '=', row.id).execute();
  } else if (o.op === 'toggle') {
    row.completed = !row.completed;
    await db.updateTable('visit_records').set({ outcome: row.completed ? 'completed' : 'refused' }).where('id', '=', row.id).execute();
  } else if (o.op === 'retally') {
    row.score = o.score;
    await db.updateTable('visit_records').set(scoreColumns(o.score)).where('id', '=', row.id).execute();
  } else {
    records.splice(records.indexOf(row), 1);
    await db.deleteFrom('visit_records').where('id', '=', row.id).execute();
  }
}

type Sums = Record<string, number>;
const add = (m: Map<string, Sums>, key: string, sums: Sums) => {
  const cur = m.get(key) ?? {};
  for (const [k, v] of Object.entries(sums)) cur[k] = (cur[k] ?? 0) + v;
  m.set(key, cur);
};
/** Drops the rows whose sums are all zero (a rollup row that fell back to nothing). */
const nonZero = (m: Map<string, Sums>) => new Map([...m].filter(([, s]) => Object.values(s).some((v) => v !== 0)));

/** What the model says each rollup holds. */
function expected(records: RecordRow[], tasks: TaskRow[]) {
  const rec = new Map<string, Sums>();
  const dims = new Map<string, Sums>();
  const task = new Map<string, Sums>();
  const seen = new Set<string>();
  for (const r of records) {
    if (!r.completed) continue;
    const key = `${monthIndex(r.month)}:${homes[r.home].buildingId}`;
    const first = !seen.has(`${r.month}:${r.home}`);
    seen.add(`${r.month}:${r.home}`);
    const k = r.score.kind === 'kept' ? r.score.tally : null;
    add(rec, key, {
      completed: 1,
      households: first ? 1 : 0,
      sat_records: k && k.rated > 0 ? 1 : 0,
      sat_rated: k?.rated ?? 0,
      sat_satisfied: k?.satisfied ?? 0,
      nps_answers: k?.npsAnswers ?? 0,
      nps_promoters: k?.promoters ?? 0,
      nps_detractors: k?.detractors ?? 0,
      untallied: r.score.kind === 'untallied' ? 1 : 0,
      overall_n: k && k.y !== null ? 1 : 0,
      overall_item: k && k.y !== null ? k.item : 0,
    });
    for (const [name, [sum, count, sat]] of Object.entries(k?.dims ?? {})) add(dims, `${key}:${name}`, { dim_sum: sum, dim_count: count, dim_satisfied: sat, dim_records: 1 });
  }
  for (const x of tasks) add(task, `${monthIndex(x.month)}:${homes[x.home].buildingId}:${x.status}`, { n: 1, attempts: x.attempts });
  return { rec: nonZero(rec), dims: nonZero(dims), task: nonZero(task) };
}

async function rollups() {
  const db = t.handle.db;
  const rec = new Map<string, Sums>();
  for (const r of await db.selectFrom('record_months').selectAll().where('company_id', '=', companyId).execute()) {
    const { company_id: _c, month, community_id: _m, building_id, ...sums } = r;
    add(rec, `${month}:${building_id}`, Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, Number(v)])));
  }
  const dims = new Map<string, Sums>();
  for (const r of await db.selectFrom('record_dimension_months').selectAll().where('company_id', '=', companyId).execute()) {
    add(dims, `${r.month}:${r.building_id}:${r.dimension}`, { dim_sum: Number(r.dim_sum), dim_count: Number(r.dim_count), dim_satisfied: Number(r.dim_satisfied), dim_records: Number(r.dim_records) });
  }
  const task = new Map<string, Sums>();
  for (const r of await db.selectFrom('task_months').selectAll().where('company_id', '=', companyId).execute()) {
    add(task, `${r.month}:${r.building_id}:${r.status}`, { n: Number(r.n), attempts: Number(r.attempts) });
  }
  return { rec: nonZero(rec), dims: nonZero(dims), task: nonZero(task) };
}

beforeAll(async () => {
  t = await createTestApp({}, { at: '2026-12-02T10:00:00+08:00' });
  const company = await makeCompany(t, '阳光物业');
  companyId = company.companyId;
  const A = (await makeCommunity(t, companyId, '翠湖苑')).id;
  const B = (await makeCommunity(t, companyId, '锦绣园')).id;
  for (const [i, [community, building]] of ([[A, '1'], [A, '1'], [A, '2'], [B, '1'], [B, '1'], [B, '3']] as const).entries()) {
    const { id } = await makeHousehold(t, { companyId, communityId: community, building, room: `${101 + i}` });
    const row = await t.handle.db.selectFrom('households').select(['building_id', 'community_id']).where('id', '=', id).executeTakeFirstOrThrow();
    homes.push({ id, communityId: row.community_id, buildingId: row.building_id });
  }
  visitorId = (await makeUser(t, { companyId, roleId: company.roleIds.visitor, communityIds: [A, B] })).id;
  const version = await t.handle.db
    .selectFrom('questionnaire_versions')
    .innerJoin('questionnaires', 'questionnaires.id', 'questionnaire_versions.questionnaire_id')
    .select('questionnaire_versions.id')
    .where('questionnaires.company_id', '=', companyId)
    .executeTakeFirstOrThrow();
  versionId = version.id;
  const m = await makeUser(t, { companyId, roleId: company.roleIds.manager });
  manager = await loginAs(t.app, m.username);
});

afterAll(async () => {
  await t?.close();
});

describe('the monthly rollups of visit records and tasks', () => {
  it('equal the counts over the rows for random histories of records and tasks written, moved, re-scored, worked and deleted', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(OP, { minLength: 1, maxLength: 30 }), MONTH, async (ops, asked) => {
        const records: RecordRow[] = [];
        const tasks: TaskRow[] = [];
        try {
          for (const o of ops) await apply(records, tasks, o);
          const want = expected(records, tasks);
          const got = await rollups();
          expect(got.rec).toEqual(want.rec);
          expect(got.dims).toEqual(want.dims);
          expect(got.task).toEqual(want.task);
          // A bulk loader's rebuild from the rows gives the same rollups.
          await rebuildMonthRollups(t.handle.db, t.handle.dialect);
          expect(await rollups()).toEqual(got);

          // The month's figures through the API: coverage's households, completion's tasks, 满意率's answers.
          const res = await manager.get(`/api/v1/kpis?period=month:${monthText(asked)}&kpi=coverage,completion,satisfaction_rate`);
          expect(res.statusCode).toBe(200);
          const figures = new Map(res.json<Kpis>().figures.map((f) => [f.key, f]));
          const inMonth = records.filter((r) => r.completed && r.month === asked);
          expect(figures.get('coverage')!.numerator).toBe(new Set(inMonth.map((r) => r.home)).size);
          const due = tasks.filter((x) => x.month === asked && x.status !== 'cancelled');
          expect(figures.get('completion')!.denominator).toBe(due.length);
          expect(figures.get('completion')!.numerator).toBe(due.filter((x) => x.status === 'completed').length);
          const kept = inMonth.map((r) => (r.score.kind === 'kept' ? r.score.tally : null)).filter((k): k is Tally => k !== null);
          // Unrated rows kept without a tally are tallied from their (empty) answers: they add no valid answer.
          expect(figures.get('satisfaction_rate')!.denominator).toBe(kept.reduce((a, k) => a + k.rated, 0));
          expect(figures.get('satisfaction_rate')!.numerator).toBe(kept.reduce((a, k) => a + k.satisfied, 0));
        } finally {
          await t.handle.db.deleteFrom('visit_records').where('company_id', '=', companyId).execute();
          await t.handle.db.deleteFrom('visit_tasks').where('company_id', '=', companyId).execute();
        }
        // Deleting every row leaves nothing in the rollups but zeros.
        const after = await rollups();
        expect([after.rec.size, after.dims.size, after.task.size]).toEqual([0, 0, 0]);
      }),
      { numRuns: 30, seed: 20261203 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------
// Issues
// ---------------------------------------------------------------------------------------------------------

/** An instant in Shanghai time: a month of 2026, a day and an hour (0 and 23 fall on the other side of the UTC date). */
interface At {
  month: number;
  day: number;
  hour: number;
}
const AT: fc.Arbitrary<At> = fc.record({ month: MONTH, day: fc.constantFrom(1, 2, 15, 28), hour: fc.constantFrom(0, 7, 12, 23) });
const iso = (a: At) => new Date(`${dateOf(a.month, a.day)}T${String(a.hour).padStart(2, '0')}:30:00+08:00`).toISOString();
const KINDS: IssueKind[] = ['problem', 'complaint', 'suggestion', 'praise', 'need'];

interface IssueRow {
  id: number;
  /** index into homes, or 6 for an issue without a household */
  home: number;
  kind: IssueKind;
  status: IssueStatus;
  raised: At;
  replyMode: ReplyMode;
  replyDue: At | null;
  resolveDue: At | null;
  replied: At | null;
  resolved: At | null;
  closure: Closure | null;
  adoption: Adoption | null;
}

type IssueOp =
  | { op: 'raise'; home: number; kind: IssueKind; raised: At; replyMode: ReplyMode; replyDue: At | null; resolveDue: At | null }
  | { op: 'redue'; pick: number; replyDue: At | null; resolveDue: At | null }
  | { op: 'reply'; pick: number; at: At | null }
  | { op: 'resolve'; pick: number; at: At | null; closure: Closure | null }
  | { op: 'adopt'; pick: number; adoption: Adoption | null }
  | { op: 'withdraw'; pick: number }
  | { op: 'remove'; pick: number };

const maybeAt = fc.option(AT, { nil: null });
const ISSUE_OP: fc.Arbitrary<IssueOp> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('raise' as const), home: fc.nat(6), kind: fc.constantFrom(...KINDS), raised: AT, replyMode: fc.constantFrom<ReplyMode>('oral', 'written'), replyDue: maybeAt, resolveDue: maybeAt }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('redue' as const), pick: fc.nat(), replyDue: maybeAt, resolveDue: maybeAt }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reply' as const), pick: fc.nat(), at: maybeAt }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('resolve' as const), pick: fc.nat(), at: maybeAt, closure: fc.constantFrom<Closure | null>(null, 'confirmed', 'unconfirmed', 'supervisor') }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('adopt' as const), pick: fc.nat(), adoption: fc.constantFrom<Adoption | null>(null, 'pending', 'adopted', 'not_adopted', 'implemented') }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('withdraw' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }) },
);

async function applyIssue(issues: IssueRow[], o: IssueOp) {
  const db = t.handle.db;
  const at = (a: At | null) => (a ? iso(a) : null);
  if (o.op === 'raise') {
    const home = homes[o.home];
    const { id } = await makeIssue(t, { companyId, communityId: home?.communityId ?? homes[0].communityId, householdId: home?.id ?? null, kind: o.kind });
    await db.updateTable('issues').set({ raised_at: iso(o.raised), reply_mode: o.replyMode, reply_due_at: at(o.replyDue), resolve_due_at: at(o.resolveDue) }).where('id', '=', id).execute();
    issues.push({ id, home: o.home, kind: o.kind, status: 'assigned', raised: o.raised, replyMode: o.replyMode, replyDue: o.replyDue, resolveDue: o.resolveDue, replied: null, resolved: null, closure: null, adoption: null });
    return;
  }
  if (!issues.length) return;
  const row = issues[o.pick % issues.length];
  const set = (values: Updateable<IssuesTable>) => db.updateTable('issues').set(values).where('id', '=', row.id).execute();
  if (o.op === 'redue') {
    Object.assign(row, { replyDue: o.replyDue, resolveDue: o.resolveDue });
    await set({ reply_due_at: at(o.replyDue), resolve_due_at: at(o.resolveDue) });
  } else if (o.op === 'reply') {
    row.replied = o.at;
    await set({ replied_at: at(o.at) });
  } else if (o.op === 'resolve') {
    Object.assign(row, { resolved: o.at, closure: o.closure, status: o.at ? 'resolved' : 'in_progress' });
    await set({ resolved_at: at(o.at), closure: o.closure, status: row.status });
  } else if (o.op === 'adopt') {
    row.adoption = o.adoption;
    await set({ adoption: o.adoption });
  } else if (o.op === 'withdraw') {
    row.status = row.status === 'withdrawn' ? 'assigned' : 'withdrawn';
    await set({ status: row.status });
  } else {
    issues.splice(issues.indexOf(row), 1);
    await db.deleteFrom('issue_events').where('issue_id', '=', row.id).execute();
    await db.deleteFrom('issues').where('id', '=', row.id).execute();
  }
}

const atMs = (a: At) => Date.parse(iso(a));
const buildingOf = (home: number) => homes[home]?.buildingId ?? 0;

function expectedIssues(issues: IssueRow[]) {
  const resolve = new Map<string, Sums>();
  const reply = new Map<string, Sums>();
  const raised = new Map<string, Sums>();
  for (const i of issues) {
    const b = buildingOf(i.home);
    const live = i.status !== 'withdrawn';
    if (live && i.resolveDue) {
      const onTime = i.resolved !== null && atMs(i.resolved) <= atMs(i.resolveDue);
      add(resolve, `${monthIndex(i.resolveDue.month)}:${b}:${i.kind}`, { due: 1, confirmed: i.closure === 'confirmed' ? 1 : 0, on_time: onTime ? 1 : 0 });
    }
    if (live && i.replyDue) {
      add(reply, `${monthIndex(i.replyDue.month)}:${b}:${i.replyMode}`, { due: 1, on_time: i.replied !== null && atMs(i.replied) <= atMs(i.replyDue) ? 1 : 0 });
    }
    add(raised, `${monthIndex(i.raised.month)}:${b}:${i.kind}:${i.adoption ?? ''}:${live ? 0 : 1}`, { n: 1 });
  }
  return { resolve: nonZero(resolve), reply: nonZero(reply), raised: nonZero(raised) };
}

async function issueRollups() {
  const db = t.handle.db;
  const resolve = new Map<string, Sums>();
  for (const r of await db.selectFrom('issue_resolve_months').selectAll().where('company_id', '=', companyId).execute()) {
    add(resolve, `${r.month}:${r.building_id}:${r.kind}`, { due: Number(r.due), confirmed: Number(r.confirmed), on_time: Number(r.on_time) });
  }
  const reply = new Map<string, Sums>();
  for (const r of await db.selectFrom('issue_reply_months').selectAll().where('company_id', '=', companyId).execute()) {
    add(reply, `${r.month}:${r.building_id}:${r.reply_mode}`, { due: Number(r.due), on_time: Number(r.on_time) });
  }
  const raised = new Map<string, Sums>();
  for (const r of await db.selectFrom('issue_raised_months').selectAll().where('company_id', '=', companyId).execute()) {
    add(raised, `${r.month}:${r.building_id}:${r.kind}:${r.adoption}:${r.withdrawn}`, { n: Number(r.n) });
  }
  return { resolve: nonZero(resolve), reply: nonZero(reply), raised: nonZero(raised) };
}

describe('the monthly rollups of issues', () => {
  it('equal the counts over the issues for random histories of issues raised, re-dated, replied, resolved, adopted, withdrawn and deleted', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(ISSUE_OP, { minLength: 1, maxLength: 30 }), MONTH, async (ops, asked) => {
        const issues: IssueRow[] = [];
        try {
          for (const o of ops) await applyIssue(issues, o);
          expect(await issueRollups()).toEqual(expectedIssues(issues));
          await rebuildMonthRollups(t.handle.db, t.handle.dialect);
          expect(await issueRollups()).toEqual(expectedIssues(issues));

          const res = await manager.get(`/api/v1/kpis?period=month:${monthText(asked)}&kpi=resolution,reply_on_time,adoption`);
          expect(res.statusCode).toBe(200);
          const figures = new Map(res.json<Kpis>().figures.map((f) => [f.key, f]));
          const live = issues.filter((i) => i.status !== 'withdrawn');
          const due = live.filter((i) => i.resolveDue?.month === asked && ['problem', 'complaint', 'need'].includes(i.kind));
          expect([figures.get('resolution')!.numerator, figures.get('resolution')!.denominator]).toEqual([due.filter((i) => i.closure === 'confirmed').length, due.length]);
          const replies = live.filter((i) => i.replyDue?.month === asked);
          const repliedOnTime = replies.filter((i) => i.replied !== null && atMs(i.replied) <= atMs(i.replyDue!)).length;
          expect([figures.get('reply_on_time')!.numerator, figures.get('reply_on_time')!.denominator]).toEqual([repliedOnTime, replies.length]);
          const suggestions = live.filter((i) => i.kind === 'suggestion' && i.raised.month === asked);
          const adopted = suggestions.filter((i) => i.adoption === 'adopted' || i.adoption === 'implemented').length;
          const decided = suggestions.filter((i) => i.adoption === 'adopted' || i.adoption === 'implemented' || i.adoption === 'not_adopted').length;
          expect([figures.get('adoption')!.numerator, figures.get('adoption')!.denominator]).toEqual([adopted, decided]);
        } finally {
          await t.handle.db.deleteFrom('issue_events').where('company_id', '=', companyId).execute();
          await t.handle.db.deleteFrom('issues').where('company_id', '=', companyId).execute();
        }
        const after = await issueRollups();
        expect([after.resolve.size, after.reply.size, after.raised.size]).toEqual([0, 0, 0]);
      }),
      { numRuns: 30, seed: 20261204 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------
// The roster's counts
// ---------------------------------------------------------------------------------------------------------

describe('the roster counts (household_counts, kept by triggers on households)', () => {
  type HouseholdOp = { op: 'add'; home: number } | { op: 'move'; pick: number; home: number } | { op: 'remove'; pick: number };
  const HOUSEHOLD_OP: fc.Arbitrary<HouseholdOp> = fc.oneof(
    { weight: 3, arbitrary: fc.record({ op: fc.constant('add' as const), home: HOME }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('move' as const), pick: fc.nat(), home: HOME }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }) },
  );
  /** The count per community and building, from the households themselves and from the rollup. */
  const counted = async () => {
    const rows = await t.handle.db.selectFrom('households').select(['community_id', 'building_id']).where('company_id', '=', companyId).execute();
    const out = new Map<string, number>();
    for (const r of rows) out.set(`${r.community_id}:${r.building_id}`, (out.get(`${r.community_id}:${r.building_id}`) ?? 0) + 1);
    return out;
  };
  const rolled = async () => {
    const rows = await t.handle.db.selectFrom('household_counts').select(['community_id', 'building_id', 'n']).where('company_id', '=', companyId).execute();
    return new Map(rows.filter((r) => Number(r.n) !== 0).map((r) => [`${r.community_id}:${r.building_id}`, Number(r.n)]));
  };

  it('equal the households per community and building for random histories of households added, moved and removed; GET /kpis counts them', async () => {
    let room = 900;
    await fc.assert(
      fc.asyncProperty(fc.array(HOUSEHOLD_OP, { minLength: 1, maxLength: 20 }), async (ops) => {
        const added: number[] = [];
        try {
          for (const o of ops) {
            if (o.op === 'add') {
              const home = homes[o.home];
              const { id } = await makeHousehold(t, { companyId, communityId: home.communityId, room: String(room++) });
              await t.handle.db.updateTable('households').set({ building_id: home.buildingId }).where('id', '=', id).execute();
              added.push(id);
            } else if (added.length) {
              const id = added[o.pick % added.length];
              if (o.op === 'move') {
                const home = homes[o.home];
                await t.handle.db.updateTable('households').set({ community_id: home.communityId, building_id: home.buildingId }).where('id', '=', id).execute();
              } else {
                added.splice(added.indexOf(id), 1);
                await t.handle.db.deleteFrom('households').where('id', '=', id).execute();
              }
            }
          }
          expect(await rolled()).toEqual(await counted());
          const res = await manager.get('/api/v1/kpis?period=month:2026-11&kpi=coverage');
          expect(res.json<Kpis>().figures[0].denominator).toBe(homes.length + added.length);
          await rebuildMonthRollups(t.handle.db, t.handle.dialect);
          expect(await rolled()).toEqual(await counted());
        } finally {
          if (added.length) await t.handle.db.deleteFrom('households').where('id', 'in', added).execute();
        }
      }),
      { numRuns: 20, seed: 20261205 },
    );
  });
});
