/**
 * How long text analysis takes at a large company's size (not part of `npm run bench`: a quick measurement, run
 * with `npx tsx bench/themes.ts`). A test app on SQLite gets THEMES_MONTHS (default 6) months of THEMES_TEXTS
 * (default 85,000) free texts each — opinions, suggestions and issue descriptions made of realistic phrases, as a
 * company of a million visit records a year has — then, as a manager over the app's HTTP interface:
 *
 * - the segmentation of one month alone (termsOf over its texts, the segmenter already loaded);
 * - GET /kpis/themes cold (loading jieba, reading and segmenting every month of the trend), then warm (the cache);
 * - the texts of the top theme, warm;
 * - GET /kpis/themes after one more text in the month (that month read again, only the new text segmented).
 */
import { nowIso } from '../src/server/clock.js';
import { companyLexicon, monthTexts } from '../src/server/kpis/theme-index.js';
import { loadSegmenter, termsOf } from '../src/server/kpis/segmentation.js';
import { monthOf, type KpiThemes } from '../src/shared/schemas/kpis.js';
import { loginAs, makeCommunity, makeCompany, makeHousehold, makeIssue, makeUser } from '../test/helpers/factories.js';
import { createTestApp } from '../test/helpers/test-app.js';

const MONTHS = Number(process.env.THEMES_MONTHS ?? 6);
const TEXTS = Number(process.env.THEMES_TEXTS ?? 85_000);

const PHRASES = [
  '电梯经常停运', '楼道灯坏了好几天', '希望增加停车位', '垃圾分类做得不好', '门禁卡经常失灵', '卫生间天花板漏水', '晚上广场舞噪音太大',
  '保洁阿姨很负责', '绿化带杂草没人修剪', '物业费太贵了', '快递柜不够用', '地下车库积水', '电动车在楼道里飞线充电', '高空抛物要管管',
  '外来车辆随便进出', '保安巡逻不到位', '报修以后维修师傅来得很慢', '客服电话打不通', '水压太低', '暖气不热', '宠物狗粪没人清理',
  '垃圾桶满了没人清运', '楼上装修噪音', '消防通道被占用', '监控摄像头坏了', '健身器材生锈', '小区路灯不亮', '希望多安排几次消杀',
  '单元门关不上', '充电桩太少', '没有意见', '服务态度很好', '管家回复及时', '公告通知不及时', '外墙墙皮脱落',
];

function textOf(i: number): string {
  const n = 1 + (i % 3);
  const parts: string[] = [];
  for (let k = 0; k < n; k++) parts.push(PHRASES[(i * 7 + k * 13 + Math.floor(i / 97)) % PHRASES.length]);
  return `${parts.join('，')}。`;
}

const ms = (start: number) => `${(performance.now() - start).toFixed(0)} ms`;

const t = await createTestApp({}, { at: '2026-12-02T10:00:00+08:00' });
try {
  const company = await makeCompany(t, '大型物业');
  const communities: number[] = [];
  for (let c = 0; c < 20; c++) communities.push((await makeCommunity(t, company.companyId, `小区${c + 1}`)).id);
  const households = await Promise.all(communities.map((communityId) => makeHousehold(t, { companyId: company.companyId, communityId, room: '101' })));
  const visitor = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.visitor, communityIds: communities });
  const manager = await makeUser(t, { companyId: company.companyId, roleId: company.roleIds.manager });
  const client = await loginAs(t.app, manager.username);
  const db = t.handle.db;
  const now = nowIso();

  // Of each month's texts: 70 % records' opinions (a fifth of them with suggestions too), the rest issues.
  const seedStart = performance.now();
  const months = Array.from({ length: MONTHS }, (_, m) => monthOf(`2026-${String(12 - MONTHS + m).padStart(2, '0')}-01`));
  let seq = 0;
  for (const month of months) {
    const records = Math.round((TEXTS * 0.7) / 1.2);
    const issues = TEXTS - Math.round(records * 1.2);
    const days = Number(month.to.slice(8));
    for (let start = 0; start < records; start += 500) {
      const batch = Array.from({ length: Math.min(500, records - start) }, (_, k) => start + k);
      const tasks = await db
        .insertInto('visit_tasks')
        .values(batch.map((i) => {
          const c = i % communities.length;
          return { company_id: company.companyId, community_id: communities[c], household_id: households[c].id, resident_id: null, reason: 'periodic' as const, method: 'phone' as const, assignee_id: visitor.id, due_date: `${month.from.slice(0, 8)}${String(1 + (i % days)).padStart(2, '0')}`, appointment_at: null, status: 'completed' as const, attempt_count: 0, questionnaire_id: null, note: '', cancel_reason: null, created_by: null, created_at: now, updated_at: now };
        }))
        .returning('id')
        .execute();
      await db
        .insertInto('visit_records')
        .values(batch.map((i, k) => {
          const c = i % communities.length;
          const n = seq++;
          return {
            company_id: company.companyId, community_id: communities[c], task_id: tasks[k].id, household_id: households[c].id, resident_id: null, visitor_id: visitor.id, method: 'phone' as const, reason: 'periodic' as const,
            outcome: 'completed' as const, started_at: now, ended_at: now, visit_date: `${month.from.slice(0, 8)}${String(1 + (i % days)).padStart(2, '0')}`, backdated: 0, spoken_to: '', questionnaire_version_id: null, answers: '{}', average_score: 4,
            opinions: textOf(n), suggestions: i % 5 === 0 ? textOf(n + 11) : '', improvement_measures: '', item_count: 0, idempotency_key: null, created_at: now,
          };
        }))
        .execute();
    }
    const category = (await db.selectFrom('issue_categories').select('id').where('company_id', '=', company.companyId).executeTakeFirstOrThrow()).id;
    const template = await makeIssue(t, { companyId: company.companyId, communityId: communities[0], kind: 'problem', description: textOf(seq++) });
    const row = await db.selectFrom('issues').selectAll().where('id', '=', template.id).executeTakeFirstOrThrow();
    const { id: _id, ...columns } = row;
    for (let start = 0; start < issues; start += 500) {
      const batch = Array.from({ length: Math.min(500, issues - start) }, (_, k) => start + k);
      await db
        .insertInto('issues')
        .values(batch.map((i) => ({ ...columns, category_id: category, community_id: communities[i % communities.length], description: textOf(seq++), raised_at: new Date(Date.parse(`${month.from}T10:00:00+08:00`) + (i % days) * 86_400_000).toISOString() })))
        .execute();
    }
  }
  console.log(`seeded ${MONTHS} months × ${TEXTS} texts in ${ms(seedStart)}`);

  const last = months[months.length - 1];
  const period = last.label;
  const get = async (path: string) => {
    const res = await client.get(path);
    if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res.json<KpiThemes>();
  };

  let start = performance.now();
  const cold = await get(`/api/v1/kpis/themes?period=${period}`);
  console.log(`GET /kpis/themes cold (jieba loaded, ${MONTHS} months read and segmented): ${ms(start)}`);
  for (let r = 0; r < 3; r++) {
    start = performance.now();
    await get(`/api/v1/kpis/themes?period=${period}`);
    console.log(`GET /kpis/themes warm: ${ms(start)}`);
  }
  start = performance.now();
  await client.get(`/api/v1/kpis/themes/texts?term=${encodeURIComponent(cold.themes[0].term)}&period=${period}`);
  console.log(`GET /kpis/themes/texts of "${cold.themes[0].term}" (${cold.themes[0].count} texts), warm: ${ms(start)}`);
  await makeIssue(t, { companyId: company.companyId, communityId: communities[0], kind: 'complaint', description: '新的一条：电梯又坏了' }).then(({ id }) =>
    db.updateTable('issues').set({ raised_at: new Date(Date.parse(`${last.from}T12:00:00+08:00`)).toISOString() }).where('id', '=', id).execute(),
  );
  start = performance.now();
  await get(`/api/v1/kpis/themes?period=${period}`);
  console.log(`GET /kpis/themes after one new text (that month read again): ${ms(start)}`);

  // Segmentation alone: one month's texts through termsOf, the segmenter loaded.
  const segmenter = await loadSegmenter();
  const lexicon = await companyLexicon(db, { companyId: company.companyId } as never);
  const texts = await monthTexts(db, { companyId: company.companyId } as never, lexicon, last);
  const sample = texts.map((x, i) => textOf(i));
  start = performance.now();
  for (const s of sample) termsOf(segmenter, lexicon, s);
  console.log(`segmenting ${sample.length} texts: ${ms(start)}; top themes: ${cold.themes.slice(0, 5).map((x) => `${x.term} ${x.count}`).join(', ')}; ${cold.texts} texts in ${period}`);
} finally {
  await t.close();
}
