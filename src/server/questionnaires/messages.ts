/**
 * The questionnaire error codes, each with a title and a detail in zh-CN and English;
 * also the field messages of answer validation, and the name of a questionnaire.
 * `{name}` placeholders are filled from the error's params; http/messages.ts says how.
 */
import type { MessageCatalogue } from '../http/messages.js';

export const QUESTIONNAIRE_MESSAGES = {
  errors: {
    questionnaire_version_not_for_task: {
      title: { 'zh-CN': '问卷版本不符', en: 'Wrong questionnaire version' },
      detail: { 'zh-CN': '所填问卷版本不是本任务使用的问卷，请刷新后按本任务的问卷重新填写。', en: 'The questionnaire version is not one of the questionnaire this task uses; reload and answer the task’s questionnaire.' },
    },
    questionnaire_company_wide: {
      title: { 'zh-CN': '公司级问卷', en: 'Company-wide questionnaire' },
      detail: {
        'zh-CN': '公司级或按物业类型的问卷只能由全公司范围的人员新建或修改；可以复制为本小区的问卷后再修改。',
        en: 'Company-wide and property-type questionnaires are changed by company-wide staff only; duplicate it as a questionnaire for your community instead.',
      },
    },
  },
  fields: {
    unknown_question: { 'zh-CN': '问卷中没有这道题：{key}', en: 'is not a question of this questionnaire: {key}' },
    not_asked: { 'zh-CN': '根据前面的回答，这道题不应作答', en: 'was not asked, given the earlier answers' },
    wrong_type: { 'zh-CN': '答案类型不对（{type}）', en: 'has the wrong type of answer ({type})' },
    out_of_range: { 'zh-CN': '分值超出范围', en: 'is out of range' },
    invalid_option: { 'zh-CN': '不是可选的选项', en: 'is not one of the options' },
    not_applicable_not_allowed: { 'zh-CN': '这道题不能选“不清楚”', en: 'cannot be answered “not applicable”' },
  },
  entities: {
    questionnaire: { 'zh-CN': '问卷', en: 'questionnaire' },
  },
} satisfies MessageCatalogue;

declare module '../http/messages.js' {
  interface MessageCatalogues {
    questionnaires: typeof QUESTIONNAIRE_MESSAGES;
  }
}
