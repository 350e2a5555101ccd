/**
 * Recurring themes in free text (GET /kpis/themes, GET /kpis/themes/texts, GET/PUT /kpi-theme-words) by actor, on
 * a hand-built October and November 2026 of opinions, suggestions and issue descriptions in two communities. The
 * server stands at 2 December 2026, Shanghai time. Runs on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiThemeTexts, KpiThemes, ThemeWordsView } from '../../src/shared/schemas/kpis.js';
import { Client, loginAs, makeCommunity, makeCompany, makeHousehold, makeIssue, makeResident, makeUser, makeVisitRecord } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { forgetSegmentedTexts } from '../../src/server/kpis/theme-index.js';

let t: TestApp;
let companyId: number;
let A: number;
let B: number;
let manager: Client;
let supervisor: Client;
let visitor: Client;
let visitorId: number;
let phoneRecord: number;

const at = (local: string) => new Date(`${local}+08:00`).toISOString();

async function issue(community: number, kind: 'problem' | 'complaint' | 'suggestion' | 'need' | 'praise', raised: string, description: string, residentId: number | null = null) {
  const { id } = await makeIssue(t, { companyId, communityId: community, kind, description, residentId });
  await t.handle.db.updateTable('issues').set({ raised_at: at(raised) }).where('id', '=', id).execute();
  return id;
}

async function visit(community: number, household: number, date: string, opinions: string, suggestions = '', residentId: number | null = null) {
  return (await makeVisitRecord(t, { companyId, communityId: community, householdId: household, residentId, visitorId, visitDate: date, averageScore: 4, opinions, suggestions })).id;
}

const themes = async (client: Client, query: string) => {
  const res = await client.get(`/api/v1/kpis/themes?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<KpiThemes>();
};
const theme = (body: KpiThemes, term: string) => body.themes.find((x) => x.term === term);

beforeAll(async () => {
  t = await createTestApp({}, { at: '2026-12-02T10:00:00+08:00' });
  const company = await makeCompany(t, '阳光物业');
  companyId = company.companyId;
  A = (await makeCommunity(t, companyId, '翠湖苑')).id;
  B = (await makeCommunity(t, companyId, '锦绣园')).id;
  const m = await makeUser(t, { companyId, roleId: company.roleIds.manager });
  const s = await makeUser(t, { companyId, roleId: company.roleIds.supervisor, communityIds: [A] });
  const v = await makeUser(t, { companyId, roleId: company.roleIds.visitor, communityIds: [A] });
  visitorId = v.id;
  [manager, supervisor, visitor] = await Promise.all([m, s, v].map((u) => loginAs(t.app, u.username)));

  const h = [];
  for (let i = 0; i < 4; i++) h.push((await makeHousehold(t, { companyId, communityId: i < 3 ? A : B, room: `${101 + i}` })).id);
  const resident = (await makeResident(t, { companyId, communityId: A, householdId: h[1], name: '王建国' })).id;

  // November in 翠湖苑: two records (opinions and suggestions are separate texts) and a complaint; in 锦绣园 a
  // record and a problem. 电梯 is in three texts of November (two in 翠湖苑); 升降梯 in one. October has one
  // 电梯 text. A praise issue and an empty suggestion are not texts.
  await visit(A, h[0], '2026-11-05', '电梯经常坏，楼道灯不亮，快递驿站太远', '希望增加停车位');
  phoneRecord = await visit(A, h[1], '2026-11-20', '电梯噪音大，王建国说请打13800138000联系', '', resident);
  await issue(A, 'complaint', '2026-11-12T09:00:00', '楼上装修噪音，升降梯也坏了');
  await issue(A, 'praise', '2026-11-13T09:00:00', '电梯维修师傅很负责');
  await visit(B, h[3], '2026-11-08', '垃圾分类做得不好');
  await issue(B, 'problem', '2026-11-30T23:30:00', '电梯停运');
  await visit(A, h[2], '2026-10-08', '电梯维修慢');
  // 1 December 00:10 Shanghai is December, not November.
  await issue(A, 'problem', '2026-12-01T00:10:00', '电梯停运');
});

afterAll(async () => {
  await t?.close();
});

describe('GET /kpis/themes', () => {
  it('manager: sees the company’s themes of November with count, share, change from October and the six-month trend', async () => {
    const body = await themes(manager, 'period=month:2026-11');
    expect(body.months).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(body.texts).toBe(6);
    expect(body.previousTexts).toBe(1);
    expect(body.themes[0]).toEqual({ term: '电梯', count: 3, share: 50, previous: 1, change: 2, trend: [0, 0, 0, 0, 1, 3] });
    expect(theme(body, '噪音')?.count).toBe(2);
    expect(theme(body, '垃圾分类')?.count).toBe(1);
    expect(theme(body, '停车位')?.count).toBe(1);
    // Stop words, names, numbers and single characters are not themes; praise is not a text.
    for (const word of ['希望', '物业', '王建国', '13800138000', '坏', '负责']) expect(theme(body, word)).toBeUndefined();
    // The plain month form is the same request.
    expect((await themes(manager, 'period=2026-11')).themes).toEqual(body.themes);
  });

  it('manager: one community narrows the themes; limit caps them', async () => {
    const body = await themes(manager, `period=month:2026-11&communityId=${B}`);
    expect(body.texts).toBe(2);
    expect(body.themes.map((x) => [x.term, x.count]).sort()).toEqual([['停运', 1], ['垃圾分类', 1], ['电梯', 1]]);
    expect((await themes(manager, 'period=month:2026-11&limit=2')).themes).toHaveLength(2);
  });

  it('supervisor: sees only their community’s texts; another community is 404', async () => {
    const body = await themes(supervisor, 'period=month:2026-11');
    expect(body.texts).toBe(4);
    expect(theme(body, '电梯')).toMatchObject({ count: 2, previous: 1, trend: [0, 0, 0, 0, 1, 2] });
    expect(theme(body, '垃圾分类')).toBeUndefined();
    const other = await supervisor.get(`/api/v1/kpis/themes?period=month:2026-11&communityId=${B}`);
    expect(other.statusCode).toBe(404);
    const texts = await supervisor.get(`/api/v1/kpis/themes/texts?term=${encodeURIComponent('电梯')}&period=month:2026-11&communityId=${B}`);
    expect(texts.statusCode).toBe(404);
  });

  it('visitor: is refused, as themes are about everyone’s texts', async () => {
    expect((await visitor.get('/api/v1/kpis/themes?period=month:2026-11')).statusCode).toBe(403);
    expect((await visitor.get(`/api/v1/kpis/themes/texts?term=${encodeURIComponent('电梯')}&period=month:2026-11`)).statusCode).toBe(403);
    expect((await visitor.get('/api/v1/kpi-theme-words')).statusCode).toBe(403);
  });

  it('manager: a malformed period, or one that is not a month, is 400 naming the field', async () => {
    for (const period of ['month:2026-13', '2026-11-01', 'quarter:2026-Q4']) {
      const bad = await manager.get(`/api/v1/kpis/themes?period=${period}`);
      expect(bad.statusCode, period).toBe(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
      expect(bad.json()).toMatchObject({ code: 'validation_failed' });
      expect(JSON.stringify(bad.json())).toContain('period');
    }
    const en = await manager.get('/api/v1/kpis/themes?period=quarter:2026-Q4', { 'accept-language': 'en' });
    expect(JSON.stringify(en.json())).toContain('must be a month');
    const texts = await manager.get(`/api/v1/kpis/themes/texts?term=${encodeURIComponent('电梯')}&period=2026-13`);
    expect(texts.statusCode).toBe(400);
  });
});

describe('GET /kpis/themes/texts', () => {
  it('manager: the texts behind a theme are as many as its count, newest first, each opening its record or issue', async () => {
    const counted = await themes(manager, 'period=month:2026-11');
    for (const x of counted.themes) {
      const res = await manager.get(`/api/v1/kpis/themes/texts?term=${encodeURIComponent(x.term)}&period=month:2026-11&limit=100`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<KpiThemeTexts>();
      expect(body.total, x.term).toBe(x.count);
      expect(body.items).toHaveLength(x.count);
    }
    const lift = (await manager.get(`/api/v1/kpis/themes/texts?term=${encodeURIComponent('电梯')}&period=month:2026-11`)).json<KpiThemeTexts>();
    expect(lift.items.map((i) => [i.date, i.source, i.communityName])).toEqual([
      ['2026-11-30', 'issue', '锦绣园'],
      ['2026-11-20', 'opinions', '翠湖苑'],
      ['2026-11-05', 'opinions', '翠湖苑'],
    ]);
    expect(lift.items[0]).toMatchObject({ issueKind: 'problem', recordId: null, issueId: expect.any(Number) });
    expect(lift.items[1]).toMatchObject({ recordId: phoneRecord, issueId: null, issueKind: null });
    // The resident's phone and name are masked.
    expect(lift.items[1].text).not.toContain('13800138000');
    expect(lift.items[1].text).not.toContain('王建国');
    expect(lift.items[1].text).toContain('138****8000');
    // Paging.
    const second = (await manager.get(`/api/v1/kpis/themes/texts?term=${encodeURIComponent('电梯')}&period=month:2026-11&limit=2&offset=2`)).json<KpiThemeTexts>();
    expect(second).toMatchObject({ total: 3, offset: 2 });
    expect(second.items.map((i) => i.date)).toEqual(['2026-11-05']);
  });

  it('supervisor: only their community’s texts', async () => {
    const body = (await supervisor.get(`/api/v1/kpis/themes/texts?term=${encodeURIComponent('电梯')}&period=month:2026-11`)).json<KpiThemeTexts>();
    expect(body.total).toBe(2);
    expect(body.items.every((i) => i.communityId === A)).toBe(true);
  });
});

describe('GET/PUT /kpi-theme-words', () => {
  it('manager: an extra word makes a new theme, a stop word removes one, a synonym merges two; the change is audited', async () => {
    const before = await themes(manager, 'period=month:2026-11');
    expect(theme(before, '快递驿站')).toBeUndefined();
    expect(theme(before, '停运')?.count).toBe(1);
    expect(theme(before, '升降梯')?.count).toBe(1);

    const view = await manager.get('/api/v1/kpi-theme-words');
    expect(view.statusCode).toBe(200);
    expect(view.json<ThemeWordsView>()).toMatchObject({ words: [], stopWords: [], synonyms: [] });
    expect(view.json<ThemeWordsView>().bundledWords).toContain('垃圾分类');
    expect(view.json<ThemeWordsView>().bundledStopWords).toContain('物业');

    const put = await manager.put('/api/v1/kpi-theme-words', { words: ['快递驿站'], stopWords: ['停运'], synonyms: [{ term: '电梯', variants: ['升降梯'] }] });
    expect(put.statusCode, put.body).toBe(200);
    const after = await themes(manager, 'period=month:2026-11');
    expect(theme(after, '快递驿站')?.count).toBe(1);
    expect(theme(after, '快递')).toBeUndefined();
    expect(theme(after, '停运')).toBeUndefined();
    expect(theme(after, '升降梯')).toBeUndefined();
    expect(theme(after, '电梯')?.count).toBe(4);
    // Asking for a variant reads its theme.
    const variant = (await manager.get(`/api/v1/kpis/themes/texts?term=${encodeURIComponent('升降梯')}&period=month:2026-11`)).json<KpiThemeTexts>();
    expect(variant).toMatchObject({ term: '电梯', total: 4 });

    const audit = await t.handle.db.selectFrom('audit_log').select('action').where('action', '=', 'kpi_theme_words.update').execute();
    expect(audit).toHaveLength(1);
    expect((await manager.get('/api/v1/kpi-theme-words')).json<ThemeWordsView>()).toMatchObject({ words: ['快递驿站'], stopWords: ['停运'] });

    // Back to the bundled dictionary: the themes are as before.
    await manager.put('/api/v1/kpi-theme-words', { words: [], stopWords: [], synonyms: [] });
    expect((await themes(manager, 'period=month:2026-11')).themes).toEqual(before.themes);
  });

  it('manager: a new text is counted at once, without waiting for the cache', async () => {
    const before = theme(await themes(manager, 'period=month:2026-11'), '垃圾分类')?.count ?? 0;
    await issue(A, 'suggestion', '2026-11-25T10:00:00', '建议增加垃圾分类指导');
    expect(theme(await themes(manager, 'period=month:2026-11'), '垃圾分类')?.count).toBe(before + 1);
  });

  it('manager: after a restart the themes are answered from the stored counts, and recounted once a text is added', async () => {
    const before = await themes(manager, 'period=month:2026-11');
    const stored = await t.handle.db.selectFrom('theme_month_counts').select(['month', 'community_id', 'texts', 'terms']).where('company_id', '=', companyId).execute();
    // The six months, each with its header row; November's 翠湖苑 counts its texts.
    expect(new Set(stored.map((r) => r.month))).toEqual(new Set(before.months));
    const novemberA = stored.find((r) => r.month === '2026-11' && Number(r.community_id) === A)!;
    expect(JSON.parse(novemberA.terms)).toMatchObject({ 电梯: theme(await themes(manager, `period=month:2026-11&communityId=${A}`), '电梯')!.count });

    // What is answered after a restart is what was stored: a word planted in the stored counts shows.
    await t.handle.db.updateTable('theme_month_counts').set({ terms: JSON.stringify({ ...JSON.parse(novemberA.terms), 测试词: 9 }) }).where('company_id', '=', companyId).where('month', '=', '2026-11').where('community_id', '=', A).execute();
    forgetSegmentedTexts(t.handle.db);
    const restarted = await themes(manager, 'period=month:2026-11');
    expect(theme(restarted, '测试词')?.count).toBe(9);
    expect(theme(restarted, '电梯')).toEqual(theme(before, '电梯'));

    // A new text changes the month's rows: the month is segmented again and stored anew.
    await issue(A, 'problem', '2026-11-26T10:00:00', '电梯按钮失灵');
    forgetSegmentedTexts(t.handle.db);
    const recounted = await themes(manager, 'period=month:2026-11');
    expect(theme(recounted, '测试词')).toBeUndefined();
    expect(theme(recounted, '电梯')?.count).toBe(theme(before, '电梯')!.count + 1);
  });

  it('manager: the words are validated (length, count, characters, a strict body)', async () => {
    const tooLong = await manager.put('/api/v1/kpi-theme-words', { words: ['一'.repeat(21)], stopWords: [], synonyms: [] });
    expect(tooLong.statusCode).toBe(400);
    expect(JSON.stringify(tooLong.json())).toContain('words');
    const tooMany = await manager.put('/api/v1/kpi-theme-words', { words: Array.from({ length: 501 }, (_, i) => `词${i}`), stopWords: [], synonyms: [] });
    expect(tooMany.statusCode).toBe(400);
    const empty = await manager.put('/api/v1/kpi-theme-words', { words: [' '], stopWords: [], synonyms: [] });
    expect(empty.statusCode).toBe(400);
    const spaced = await manager.put('/api/v1/kpi-theme-words', { words: ['电 梯'], stopWords: [], synonyms: [] });
    expect(spaced.statusCode).toBe(400);
    const extra = await manager.put('/api/v1/kpi-theme-words', { words: [], stopWords: [], synonyms: [], more: 1 });
    expect(extra.statusCode).toBe(400);
  });

  it('supervisor: may not read or change the company’s words', async () => {
    expect((await supervisor.get('/api/v1/kpi-theme-words')).statusCode).toBe(403);
    expect((await supervisor.put('/api/v1/kpi-theme-words', { words: [], stopWords: [], synonyms: [] })).statusCode).toBe(403);
  });
});
