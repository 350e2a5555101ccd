/**
 * Each KPI's name and formula and the reason a figure has no value, in zh-CN and English, as the response carries
 * them beside the number. docs/kpis.md says the same at length; keep the two together.
 */
import type { KpiKey, KpiReason } from '../../shared/schemas/kpis.js';
import type { Texts } from '../http/messages.js';

/** Each figure's name and formula. */
export const KPI_TEXTS: Record<KpiKey, { label: Texts; formula: Texts }> = {
  coverage: {
    label: { 'zh-CN': '回访覆盖率', en: 'Coverage' },
    formula: {
      'zh-CN': '统计期内有完成回访记录的住户数（去重）÷ 住户总数（当前房屋档案）',
      en: 'distinct households with a completed visit in the period ÷ households on the roster',
    },
  },
  coverage_12m: {
    label: { 'zh-CN': '近 12 个月覆盖率', en: 'Coverage, rolling 12 months' },
    formula: {
      'zh-CN': '截至统计期末的 12 个自然月内有完成回访记录的住户数（去重）÷ 住户总数',
      en: 'distinct households with a completed visit in the 12 calendar months ending with the period ÷ households on the roster',
    },
  },
  completion: {
    label: { 'zh-CN': '回访完成率', en: 'Visit completion' },
    formula: { 'zh-CN': '应回访日期在统计期内、已完成的任务数 ÷ 应回访日期在统计期内的任务数（不含已取消）', en: 'tasks due in the period and completed ÷ tasks due in the period (cancelled excluded)' },
  },
  unreachable_rate: {
    label: { 'zh-CN': '未接通率', en: 'Unreachable rate' },
    formula: { 'zh-CN': '统计期内到期、结果为未接通的任务数 ÷ 统计期内到期的任务数（不含已取消）', en: 'tasks due in the period that ended unreachable ÷ tasks due in the period (cancelled excluded)' },
  },
  refused_rate: {
    label: { 'zh-CN': '拒访率', en: 'Refusal rate' },
    formula: { 'zh-CN': '统计期内到期、结果为拒访的任务数 ÷ 统计期内到期的任务数（不含已取消）', en: 'tasks due in the period that ended refused ÷ tasks due in the period (cancelled excluded)' },
  },
  attempts_per_completion: {
    label: { 'zh-CN': '平均联系次数', en: 'Attempts per completion' },
    formula: { 'zh-CN': '已完成任务的联系次数合计（未接通等失败次数 + 完成的 1 次）÷ 已完成任务数', en: '(failed attempts + the completing visit) of the completed tasks ÷ completed tasks' },
  },
  resolution: {
    label: { 'zh-CN': '问题解决率', en: 'Problem resolution' },
    formula: {
      'zh-CN': '处理期限在统计期内、经住户确认已解决的问题数 ÷ 处理期限在统计期内的问题数（问题、投诉、需求；不含已撤回）',
      en: 'issues due for resolution in the period and confirmed solved by the resident ÷ issues due for resolution in the period (problems, complaints, needs; withdrawn excluded)',
    },
  },
  resolution_on_time: {
    label: { 'zh-CN': '按期处理率', en: 'Resolved on time' },
    formula: { 'zh-CN': '处理期限在统计期内、在期限前处理完毕的问题数 ÷ 处理期限在统计期内的问题数', en: 'issues due for resolution in the period and resolved by their deadline ÷ issues due for resolution in the period' },
  },
  reopen_rate: {
    label: { 'zh-CN': '重新打开率', en: 'Reopen rate' },
    formula: { 'zh-CN': '统计期内处理完毕、且在统计期开始后被重新打开的问题数 ÷ 统计期内处理完毕的问题数', en: 'issues resolved in the period and reopened since the period began ÷ issues resolved in the period' },
  },
  reply_on_time: {
    label: { 'zh-CN': '按时答复率', en: 'Replied on time' },
    formula: { 'zh-CN': '答复期限在统计期内、按时答复的问题数 ÷ 答复期限在统计期内的问题数（不含已撤回）', en: 'issues whose reply was due in the period and replied by the deadline ÷ issues whose reply was due in the period (withdrawn excluded)' },
  },
  reply_on_time_oral: {
    label: { 'zh-CN': '按时答复率（口头）', en: 'Replied on time (oral)' },
    formula: { 'zh-CN': '口头答复的问题中：按时答复数 ÷ 答复期限在统计期内的数量', en: 'of the issues to be answered orally: replied by the deadline ÷ reply due in the period' },
  },
  reply_on_time_written: {
    label: { 'zh-CN': '按时答复率（书面）', en: 'Replied on time (written)' },
    formula: { 'zh-CN': '书面答复的问题中：按时答复数 ÷ 答复期限在统计期内的数量', en: 'of the issues to be answered in writing: replied by the deadline ÷ reply due in the period' },
  },
  days_to_resolve_mean: {
    label: { 'zh-CN': '平均处理工作日', en: 'Working days to resolve (mean)' },
    formula: { 'zh-CN': '统计期内处理完毕的问题，从提出到（期内最后一次）处理完毕的工作日数的平均值', en: 'mean working days from raised to (the last in-period) resolution, over issues resolved in the period' },
  },
  days_to_resolve_p90: {
    label: { 'zh-CN': '处理工作日（90 分位）', en: 'Working days to resolve (p90)' },
    formula: { 'zh-CN': '同上，90% 的问题在此工作日数内处理完毕（最近秩法）', en: 'as above: 90% of the issues were resolved within this many working days (nearest rank)' },
  },
  adoption: {
    label: { 'zh-CN': '意见采纳率', en: 'Suggestion adoption' },
    formula: { 'zh-CN': '统计期内提出、已采纳或已实施的建议数 ÷ 统计期内提出、已作出采纳决定的建议数（不含已撤回）', en: 'suggestions raised in the period and adopted or implemented ÷ those raised in the period and decided (withdrawn excluded)' },
  },
  adoption_of_raised: {
    label: { 'zh-CN': '意见采纳率（按提出数）', en: 'Adoption of suggestions raised' },
    formula: { 'zh-CN': '统计期内提出、已采纳或已实施的建议数 ÷ 统计期内提出的建议数（不含已撤回）', en: 'suggestions raised in the period and adopted or implemented ÷ suggestions raised in the period (withdrawn excluded)' },
  },
  satisfaction_rate: {
    label: { 'zh-CN': '满意率', en: 'Satisfaction rate' },
    formula: { 'zh-CN': '统计期内完成的回访中，满意度题答 4 或 5 分的答案数 ÷ 有效答案数（不含未答和“不适用”）', en: 'rating answers of 4 or 5 ÷ valid rating answers (unanswered and not applicable excluded), in the visits completed in the period' },
  },
  dimension_score: {
    label: { 'zh-CN': '维度得分', en: 'Dimension score' },
    formula: { 'zh-CN': '该服务维度有效答案的平均分 m：(m − 1) ÷ (5 − 1) × 100', en: 'from the mean m of the dimension’s valid answers: (m − 1) ÷ (5 − 1) × 100' },
  },
  satisfaction_index: {
    label: { 'zh-CN': '满意度指数', en: 'Satisfaction index' },
    formula: { 'zh-CN': '各服务维度得分的加权平均（权重为公司设置，默认相等；只计有答案的维度）', en: 'weighted mean of the dimension scores (company weights, equal by default; dimensions with answers only)' },
  },
  nps: {
    label: { 'zh-CN': '净推荐值 NPS', en: 'NPS' },
    formula: { 'zh-CN': '推荐意愿题（0–10 分）中 9–10 分的占比 − 0–6 分的占比，× 100', en: '% of recommend answers (0–10) scoring 9–10 − % scoring 0–6' },
  },
  complaints_per_100: {
    label: { 'zh-CN': '每百户投诉数', en: 'Complaints per 100 households' },
    formula: { 'zh-CN': '统计期内提出的投诉数 ÷ 住户总数 × 100', en: 'complaints raised in the period ÷ households on the roster × 100' },
  },
  praise: {
    label: { 'zh-CN': '收到表扬', en: 'Praise received' },
    formula: { 'zh-CN': '统计期内收到的表扬数', en: 'praise raised in the period' },
  },
};

/** Why a figure has no value. */
export const KPI_REASONS: Record<KpiReason, Texts> = {
  no_households: { 'zh-CN': '没有住户档案，无法计算', en: 'there are no households on the roster' },
  no_tasks_due: { 'zh-CN': '统计期内没有到期的回访任务', en: 'no visit task was due in the period' },
  no_completions: { 'zh-CN': '统计期内没有完成的回访任务', en: 'no visit task due in the period was completed' },
  no_issues_due: { 'zh-CN': '统计期内没有到期需处理的问题', en: 'no issue was due for resolution in the period' },
  no_replies_due: { 'zh-CN': '统计期内没有到期需答复的问题', en: 'no reply was due in the period' },
  no_resolutions: { 'zh-CN': '统计期内没有处理完毕的问题', en: 'no issue was resolved in the period' },
  no_suggestions_decided: { 'zh-CN': '统计期内提出的建议尚无采纳决定', en: 'no suggestion raised in the period has been decided' },
  no_suggestions: { 'zh-CN': '统计期内没有提出建议', en: 'no suggestion was raised in the period' },
  no_answers: { 'zh-CN': '统计期内没有有效的满意度答案', en: 'there are no valid answers in the period' },
};

/** The key drivers' formula (GET /kpis/drivers), as docs/kpis.md "Key drivers" says it at length. */
export const DRIVER_TEXTS: { formula: Texts } = {
  formula: {
    'zh-CN':
      '重要性 = 各回访中该维度得分与总体满意度（总体满意度题，问卷无此题时为该次回访的平均分）的皮尔逊相关系数，同时作答不足 30 次的维度不计算；相对重要性 = 各维度 max(r, 0)² 占合计的百分比；表现 = 维度得分（0–100）；以重要性均值和表现均值划分四个象限，重要性高、表现低的为优先改进',
    en: 'importance = Pearson correlation, across visits, of the dimension’s answer with overall satisfaction (the overall question, or the visit’s mean rating where the questionnaire has none), not computed under 30 visits that answered both; relative importance = each dimension’s max(r, 0)² as a share of their sum; performance = the dimension score (0–100); quadrants split at the mean importance and the mean performance, high importance and low performance being the priority to improve',
  },
};
