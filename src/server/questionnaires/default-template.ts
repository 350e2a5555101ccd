/**
 * The questionnaire every company starts with, following the regulations: satisfaction per service
 * dimension, what was wrong when a score is low, problems, suggestions, and needs for facilities and
 * community activities.
 */
import type { Question } from '../../shared/schemas/questionnaires.js';

export const DEFAULT_DIMENSIONS = ['保洁', '安保', '绿化', '维修', '设施设备', '收费', '客服'];

const rating = (key: string, dimension: string, title: string): Question[] => [
  { key, type: 'rating', title, required: true, dimension, allowNotApplicable: true },
  { key: `${key}_issue`, type: 'text', title: `${dimension}方面哪里不满意？`, required: false, showIf: { question: key, op: 'lte', value: 2 } },
];

export const DEFAULT_QUESTIONNAIRE = {
  name: '物业服务满意度回访问卷',
  description: '按《物业回访管理制度》了解业主对各项服务的满意度、存在的问题、建议以及对设施和社区活动的需求。',
  questions: [
    ...rating('cleaning', '保洁', '您对小区公共区域的卫生保洁是否满意？'),
    ...rating('security', '安保', '您对小区的安全秩序（门岗、巡逻、车辆管理）是否满意？'),
    ...rating('greening', '绿化', '您对小区的绿化养护是否满意？'),
    ...rating('repairs', '维修', '您对报修的响应速度和维修质量是否满意？'),
    ...rating('facilities', '设施设备', '您对电梯、照明、门禁等设施设备的运行是否满意？'),
    ...rating('fees', '收费', '您对物业收费的标准和透明度是否满意？'),
    ...rating('service', '客服', '您对客服人员的服务态度和办事效率是否满意？'),
    { key: 'overall', type: 'rating', title: '总体而言，您对物业服务是否满意？', required: true },
    { key: 'recommend', type: 'nps', title: '您有多大可能向亲友推荐我们的物业服务？（0–10 分）', required: false },
    { key: 'problems', type: 'text', title: '您目前遇到哪些问题需要我们处理？', required: false },
    { key: 'suggestions', type: 'text', title: '您对我们的服务有哪些意见和建议？', required: false },
    {
      key: 'facility_needs',
      type: 'multiple',
      title: '您希望小区增加或改善哪些设施？',
      required: false,
      options: [
        { value: 'charging', label: '电动车充电桩' },
        { value: 'parking', label: '停车位' },
        { value: 'fitness', label: '健身器材' },
        { value: 'playground', label: '儿童游乐设施' },
        { value: 'seating', label: '休闲座椅' },
        { value: 'lighting', label: '夜间照明' },
      ],
    },
    {
      key: 'activities',
      type: 'multiple',
      title: '您愿意参加哪些社区活动？',
      required: false,
      options: [
        { value: 'festival', label: '节日联欢' },
        { value: 'health', label: '义诊与健康讲座' },
        { value: 'children', label: '亲子活动' },
        { value: 'elderly', label: '老年人关爱活动' },
        { value: 'none', label: '暂不参加' },
      ],
    },
    { key: 'contact_ok', type: 'yesno', title: '问题处理后是否同意我们再次电话回访确认？', required: false },
  ] satisfies Question[],
};
