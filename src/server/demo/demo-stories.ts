/**
 * The demo's issues still being worked, written as stories: what was raised, where, by which channel,
 * how many working days ago, and how far it has come. Ages count working days back from the server's
 * today on the company calendar, so the same story is at the same stage whatever the date: an issue of
 * `{ escalated: 2 }` was raised just long enough ago to have passed its resolution deadline and gone up
 * to the community supervisor, on a Monday as after the National Day holiday. demo-issues.ts plays them.
 */
import type { IssueKind } from '../../shared/schemas/issues.js';
import type { CommunityCode } from './demo-staff.js';

export type StoryStage =
  /** in the department queue, nobody assigned yet */
  | 'new'
  /** the department head gave it to a handler */
  | 'assigned'
  /** assigned, replied to the resident, being worked on */
  | 'working'
  /** being worked on, the resident told when it will be done */
  | 'expected'
  /** resolved; the confirmation visit is on the visitor's list */
  | 'resolved'
  /** resolved, but the resident said in the confirmation visit that it is not solved */
  | 'reopened'
  /** a suggestion adopted, with its plan */
  | 'adopted'
  /** a suggestion waiting for the decision */
  | 'pending'
  /** praise thanked for and credited */
  | 'acknowledged';

export interface DemoStory {
  community: CommunityCode;
  kind: IssueKind;
  /** as the visitor or the front desk wrote it; routed like any item */
  category: string;
  description: string;
  channel: 'visit' | 'phone' | 'wechat';
  /** working days since it was raised, or just long enough to have reached this escalation level */
  age: number | { escalated: 1 | 2 | 3 };
  stage: StoryStage;
  /** the department head works it himself instead of the community's handler */
  byHead?: boolean;
  /** the first reply came after the reply deadline */
  replyLate?: boolean;
  /** resolved on this working day after raising, instead of yesterday */
  resolvedOn?: number;
  priority?: 'urgent';
  /** who praise is credited to: a department code or a demo username */
  credit?: { department: string } | { username: string };
}

export const DEMO_STORIES: readonly DemoStory[] = [
  // 阳光花园
  { community: 'YGHY', kind: 'complaint', category: '保洁', description: '楼道垃圾桶满了一天多没人清，气味很大', channel: 'visit', age: 1, stage: 'new' },
  { community: 'YGHY', kind: 'problem', category: '维修', description: '卫生间天花板渗水，楼上说不是他们家的问题', channel: 'visit', age: 1, stage: 'new' },
  { community: 'YGHY', kind: 'complaint', category: '保洁', description: '快递驿站门口纸箱堆成山，没人收拾', channel: 'visit', age: 1, stage: 'working' },
  { community: 'YGHY', kind: 'complaint', category: '安保', description: '南门道闸抬杆反应慢，早高峰车辆排队', channel: 'visit', age: 2, stage: 'assigned' },
  { community: 'YGHY', kind: 'complaint', category: '设施设备', description: '电梯经常停在 12 楼不动，要等很久', channel: 'visit', age: 3, stage: 'working' },
  { community: 'YGHY', kind: 'problem', category: '维修', description: '厨房下水管接口漏水，柜子里都湿了', channel: 'phone', age: 2, stage: 'working', byHead: true },
  { community: 'YGHY', kind: 'complaint', category: '绿化', description: '楼下草坪很久没修剪，蚊虫很多', channel: 'visit', age: { escalated: 1 }, stage: 'working' },
  { community: 'YGHY', kind: 'complaint', category: '噪音', description: '楼上装修周末早上七点就开始施工', channel: 'visit', age: { escalated: 3 }, stage: 'expected' },
  { community: 'YGHY', kind: 'complaint', category: '收费', description: '物业费账单里多了一项公摊电费，没有人解释', channel: 'visit', age: { escalated: 2 }, stage: 'working', replyLate: true },
  { community: 'YGHY', kind: 'praise', category: '保洁', description: '表扬保洁员陈桂兰，楼道每天拖得很干净', channel: 'visit', age: 1, stage: 'new', credit: { department: 'CLEAN' } },
  { community: 'YGHY', kind: 'suggestion', category: '设施设备', description: '希望在北门增加电动车充电桩', channel: 'visit', age: 2, stage: 'adopted' },
  { community: 'YGHY', kind: 'suggestion', category: '其他', description: '建议开通微信报修，方便上班族', channel: 'wechat', age: 1, stage: 'pending' },
  { community: 'YGHY', kind: 'problem', category: '维修', description: '地下车库排水泵坏了，一下雨就积水', channel: 'visit', age: { escalated: 1 }, stage: 'working' },
  { community: 'YGHY', kind: 'complaint', category: '设施设备', description: '单元门禁经常刷不开', channel: 'visit', age: 4, stage: 'resolved', resolvedOn: 1 },
  { community: 'YGHY', kind: 'complaint', category: '保洁', description: '地下车库有积水和油污，走路容易滑倒', channel: 'visit', age: 3, stage: 'resolved' },
  { community: 'YGHY', kind: 'problem', category: '安保', description: '单元楼下的监控摄像头不亮了', channel: 'visit', age: 6, stage: 'resolved', resolvedOn: 1 },
  { community: 'YGHY', kind: 'complaint', category: '维修', description: '阳台推拉门关不严，下雨天往里渗水', channel: 'visit', age: 4, stage: 'reopened' },
  { community: 'YGHY', kind: 'complaint', category: '停车', description: '有车长期占用消防通道', channel: 'phone', age: 1, stage: 'assigned' },
  // 翠湖苑
  { community: 'CHY', kind: 'complaint', category: '保洁', description: '垃圾分类亭周边脏乱，没人清理', channel: 'visit', age: 2, stage: 'working' },
  { community: 'CHY', kind: 'complaint', category: '收费', description: '停车费涨价没有提前通知业主', channel: 'visit', age: 1, stage: 'new' },
  { community: 'CHY', kind: 'complaint', category: '安保', description: '晚上十点以后基本看不到保安巡逻', channel: 'visit', age: { escalated: 2 }, stage: 'working' },
  { community: 'CHY', kind: 'need', category: '设施设备', description: '希望在儿童游乐区加装遮阳棚', channel: 'visit', age: 2, stage: 'assigned' },
  { community: 'CHY', kind: 'problem', category: '维修', description: '楼道窗户玻璃裂了，怕掉下来伤人', channel: 'visit', age: 3, stage: 'resolved' },
  { community: 'CHY', kind: 'complaint', category: '绿化', description: '树木挡住一楼采光，希望修剪', channel: 'visit', age: 2, stage: 'working' },
  // 星河商业广场
  { community: 'XHGC', kind: 'complaint', category: '设施设备', description: 'B 座二楼空调出风口漏水，影响营业', channel: 'phone', age: 1, stage: 'working', priority: 'urgent' },
  { community: 'XHGC', kind: 'complaint', category: '保洁', description: '公共卫生间保洁不及时，顾客有意见', channel: 'visit', age: { escalated: 2 }, stage: 'working' },
  { community: 'XHGC', kind: 'suggestion', category: '安保', description: '建议延长地下停车场夜间开放时间', channel: 'visit', age: 3, stage: 'pending' },
  { community: 'XHGC', kind: 'problem', category: '收费', description: '水电费分摊方式有疑问，需要提供明细', channel: 'visit', age: 2, stage: 'working' },
  { community: 'XHGC', kind: 'praise', category: '安保', description: '保安邓强帮忙指挥卸货，很热心', channel: 'visit', age: 2, stage: 'acknowledged', credit: { username: 'dengqiang' } },
  { community: 'XHGC', kind: 'complaint', category: '停车', description: '地库出口指示牌不清楚，顾客经常走错', channel: 'visit', age: 1, stage: 'new' },
];
