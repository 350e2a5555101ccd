/**
 * What a new company starts with for issues: the categories of DESIGN.md with the department each is
 * routed to and its resolution target in working days, and the deadline settings of the regulations
 * (oral replies the same working day, written replies within 3 working days). All of it is the
 * company's own to change.
 */
import type { IssueSettings } from '../../shared/schemas/issues.js';

export const DEFAULT_CATEGORIES: readonly { code: string; name: string; department: string; resolveDays: number }[] = [
  { code: 'cleaning', name: '保洁', department: 'CLEAN', resolveDays: 2 },
  { code: 'security', name: '安保', department: 'SEC', resolveDays: 2 },
  { code: 'greening', name: '绿化', department: 'GREEN', resolveDays: 5 },
  { code: 'repair', name: '维修/工程', department: 'ENG', resolveDays: 5 },
  { code: 'facilities', name: '设施设备', department: 'ENG', resolveDays: 7 },
  { code: 'fees', name: '收费', department: 'CS', resolveDays: 5 },
  { code: 'parking', name: '停车', department: 'SEC', resolveDays: 3 },
  { code: 'noise', name: '噪音', department: 'SEC', resolveDays: 3 },
  { code: 'neighbours', name: '邻里', department: 'CS', resolveDays: 7 },
  { code: 'other', name: '其他', department: 'CS', resolveDays: 7 },
];

/** The category an item falls back to when what the visitor wrote matches none. */
export const FALLBACK_CATEGORY_CODE = 'other';

export const DEFAULT_ISSUE_SETTINGS: IssueSettings = {
  oralReplyDays: 0,
  writtenReplyDays: 3,
  reminderLeadDays: 1,
  escalationStepDays: 1,
  confirmationDays: 3,
  // The regulation: complainants are visited again within one month after the complaint is resolved.
  complainantFollowUpDays: 30,
  complainantFollowUpFrom: 'resolved',
  // A person decides what an unconfirmed resolution means.
  unconfirmedAction: 'escalate',
};
