/**
 * Issues (问题/投诉/建议/需求/表扬) raised in visits or entered directly: their categories and routing,
 * working-day deadlines, status transitions, replies to the resident, escalation and the timeline.
 */
import { z } from 'zod';
import { DateOnly, Id, IdParam, PageQuery, Timestamp } from './common.js';
import { Attachment, ItemKind } from './visits.js';

export const IssueKind = ItemKind;
export type IssueKind = z.infer<typeof IssueKind>;
export const IssueChannel = z.enum(['visit', 'phone', 'wechat', 'walk_in', 'online', 'other']);
export type IssueChannel = z.infer<typeof IssueChannel>;
export const IssueStatus = z.enum(['new', 'assigned', 'in_progress', 'resolved', 'closed', 'reopened', 'not_adopted', 'withdrawn']);
export type IssueStatus = z.infer<typeof IssueStatus>;
export const OPEN_ISSUE_STATUSES: readonly IssueStatus[] = ['new', 'assigned', 'in_progress', 'reopened'];
export const IssueEventName = z
  .enum(['start', 'resolve', 'confirm', 'reopen', 'adopt', 'reject', 'withdraw', 'acknowledge', 'close', 'close_unconfirmed'])
  .meta({
    description:
      'confirm: only the confirmation visit (the resident says it is solved); close: a supervisor closes a resolved issue without confirmation, with a reason; close_unconfirmed: the system, when the confirmation visit cannot reach the resident and the company closes such issues',
  });
export type IssueEventName = z.infer<typeof IssueEventName>;
export const IssuePriority = z.enum(['low', 'normal', 'high', 'urgent']);
export type IssuePriority = z.infer<typeof IssuePriority>;
export const ReplyMode = z.enum(['oral', 'written']);
export type ReplyMode = z.infer<typeof ReplyMode>;
export const Adoption = z.enum(['pending', 'adopted', 'not_adopted', 'implemented']);
/** How a closed issue was closed; the KPIs count each apart. */
export const Closure = z.enum(['confirmed', 'unconfirmed', 'supervisor', 'acknowledged']);
export type Closure = z.infer<typeof Closure>;
export type Adoption = z.infer<typeof Adoption>;
/** How a deadline stands: still open (on time / due soon / overdue) or met (on time / late). */
export const DueState = z.enum(['on_time', 'due_soon', 'overdue', 'met', 'met_late']);
export type DueState = z.infer<typeof DueState>;

const OffsetTimestamp = z.string().meta({ description: 'ISO 8601 timestamp with offset (+08:00): 24:00 of the last day is written 23:59:59.999+08:00', format: 'date-time' });

export const IssueCategory = z
  .object({
    id: Id,
    code: z.string(),
    name: z.string(),
    departmentId: Id.nullable().meta({ description: 'Issues of this category are routed to this department' }),
    departmentName: z.string().nullable(),
    resolveDays: z.number().int().meta({ description: 'Working days to resolve' }),
    position: z.number().int(),
    active: z.boolean(),
  })
  .meta({ id: 'IssueCategory' });
export type IssueCategory = z.infer<typeof IssueCategory>;

export const CreateCategoryBody = z.strictObject({
  name: z.string().trim().min(1).max(30),
  departmentId: Id.nullable().default(null),
  resolveDays: z.number().int().min(0).max(365).default(7),
});
export const UpdateCategoryBody = z.strictObject({
  name: z.string().trim().min(1).max(30).optional(),
  departmentId: Id.nullable().optional(),
  resolveDays: z.number().int().min(0).max(365).optional(),
  position: z.number().int().min(0).max(1000).optional(),
  active: z.boolean().optional(),
});

export const IssueSettings = z
  .strictObject({
    oralReplyDays: z.number().int().min(0).max(30).meta({ description: 'Working days for an oral reply; 0 = the same working day' }),
    writtenReplyDays: z.number().int().min(0).max(30),
    reminderLeadDays: z.number().int().min(0).max(10).meta({ description: 'Working days before a deadline at which the assignee is reminded' }),
    escalationStepDays: z.number().int().min(1).max(30).meta({ description: 'Working days between escalation levels once the resolution deadline has passed' }),
    confirmationDays: z.number().int().min(0).max(30).meta({ description: 'Working days to make the confirmation visit after resolution' }),
    complainantFollowUpDays: z.number().int().min(0).max(90).meta({ description: 'Calendar days after the start point by which the complainant is visited again (moved to the next working day); 0 = none' }),
    complainantFollowUpFrom: z.enum(['resolved', 'closed']).meta({ description: 'Where the complainant’s follow-up period starts: when the complaint was resolved (the regulation) or when it was closed' }),
    unconfirmedAction: z
      .enum(['escalate', 'close'])
      .meta({ description: 'When the confirmation visit cannot reach the resident (unreachable after the configured attempts, or refused): escalate to the community supervisor to decide, or close as 未能确认' }),
  })
  .meta({ id: 'IssueSettings' });
export type IssueSettings = z.infer<typeof IssueSettings>;

export const IssueSummary = z
  .object({
    id: Id,
    kind: IssueKind,
    categoryId: Id,
    categoryName: z.string(),
    description: z.string(),
    channel: IssueChannel,
    communityId: Id,
    communityName: z.string(),
    householdId: Id.nullable(),
    householdLabel: z.string().nullable(),
    residentId: Id.nullable(),
    residentName: z.string().nullable(),
    recordId: Id.nullable().meta({ description: 'The visit record the issue was raised in' }),
    raisedAt: Timestamp,
    replyMode: ReplyMode,
    priority: IssuePriority,
    departmentId: Id.nullable(),
    departmentName: z.string().nullable(),
    assigneeId: Id.nullable(),
    assigneeName: z.string().nullable(),
    status: IssueStatus,
    replyDueAt: OffsetTimestamp.nullable(),
    resolveDueAt: OffsetTimestamp.nullable(),
    repliedAt: Timestamp.nullable(),
    resolvedAt: Timestamp.nullable(),
    closedAt: Timestamp.nullable(),
    replyState: DueState.nullable(),
    resolveState: DueState.nullable(),
    replyDueProvisional: z.boolean().meta({ description: 'The reply deadline was computed on the provisional calendar of a year whose holiday notice is not entered yet; it is recomputed when it is' }),
    resolveDueProvisional: z.boolean().meta({ description: 'The same for the resolution deadline' }),
    expectedResolveDate: DateOnly.nullable(),
    escalationLevel: z.number().int().meta({ description: '0 none, 1 department head, 2 community supervisor, 3 management' }),
    reopenCount: z.number().int(),
    adoption: Adoption.nullable().meta({ description: 'Suggestions only' }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'IssueSummary' });
export type IssueSummary = z.infer<typeof IssueSummary>;

export const TimelineEntry = z.object({
  id: Id,
  at: Timestamp,
  actorName: z.string().nullable().meta({ description: 'null when the system acted (deadline sweep)' }),
  type: z.string().meta({ description: 'created, updated, transition, reply, escalated, reminded, expected_date, reply_overdue' }),
  event: z.string().nullable(),
  fromStatus: IssueStatus.nullable(),
  toStatus: IssueStatus.nullable(),
  comment: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const IssueReply = z.object({ id: Id, mode: ReplyMode, content: z.string(), repliedAt: Timestamp, repliedByName: z.string().nullable(), onTime: z.boolean() });
export type IssueReply = z.infer<typeof IssueReply>;

export const Issue = IssueSummary.extend({
  resolution: z.string().nullable(),
  satisfaction: z.number().int().nullable().meta({ description: "The resident's rating (1–5) of the handling, given at the confirmation visit" }),
  adoptionPlan: z.string().nullable(),
  adoptionPlannedDate: DateOnly.nullable(),
  adoptionReason: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  praisedUserId: Id.nullable(),
  praisedUserName: z.string().nullable(),
  praisedDepartmentId: Id.nullable(),
  praisedDepartmentName: z.string().nullable(),
  createdByName: z.string().nullable(),
  confirmationTaskId: Id.nullable(),
  closure: Closure.nullable().meta({ description: 'confirmed by the resident, unconfirmed (未能确认), closed by a supervisor without confirmation, or acknowledged (praise)' }),
  closeReason: z.string().nullable(),
  resolvedByName: z.string().nullable(),
  unconfirmedAt: Timestamp.nullable().meta({ description: 'When the confirmation visit failed; if still resolved, a supervisor decides (close with a reason, or reopen)' }),
  unconfirmedReason: z.enum(['unreachable', 'refused']).nullable().meta({ description: 'Why the confirmation visit failed' }),
  allowedEvents: z.array(IssueEventName).meta({ description: 'Transitions the caller may make now' }),
  canEdit: z.boolean().meta({ description: 'The caller may reply and reassign' }),
  canSetExpectedDate: z.boolean().meta({ description: 'The caller may set the expected resolution date (not for praise)' }),
  canEscalate: z.boolean().meta({ description: 'The caller may escalate one level (not for praise, not past level 3)' }),
  timeline: z.array(TimelineEntry),
  replies: z.array(IssueReply),
  attachments: z.array(Attachment),
}).meta({ id: 'Issue' });
export type Issue = z.infer<typeof Issue>;

export const IssueListQuery = PageQuery.extend({
  view: z
    .enum(['all', 'mine', 'department', 'supervision'])
    .default('all')
    .meta({ description: 'mine: assigned to me; department: my department’s queue; supervision (督办): open and overdue or escalated' }),
  status: IssueStatus.optional(),
  open: z.enum(['true', 'false']).optional().meta({ description: 'true: new, assigned, in progress or reopened' }),
  due: z.enum(['overdue', 'due_today', 'due_soon']).optional(),
  kind: IssueKind.optional(),
  categoryId: IdParam.optional(),
  communityId: IdParam.optional(),
  departmentId: IdParam.optional(),
  assigneeId: IdParam.optional(),
  householdId: IdParam.optional(),
  escalated: z.enum(['true', 'false']).optional(),
  provisional: z.enum(['true']).optional().meta({ description: 'true: open issues with a deadline on the provisional calendar' }),
  q: z.string().trim().max(100).optional().meta({ description: 'Words in the description' }),
  // The filters the KPIs drill into (docs/kpis.md): dates are Asia/Shanghai days, both ends included.
  kinds: z
    .string()
    .regex(/^(problem|complaint|suggestion|need|praise)(,(problem|complaint|suggestion|need|praise))*$/, { message: 'invalid' })
    .optional()
    .meta({ description: 'Comma-separated kinds, e.g. problem,complaint,need' }),
  withdrawn: z.enum(['true', 'false']).optional().meta({ description: 'false: leave withdrawn issues out' }),
  buildingId: IdParam.optional().meta({ description: 'Issues of households in this building' }),
  resolvedDepartmentId: IdParam.optional().meta({ description: 'Issues resolved by this department (as it was when resolved)' }),
  replyMode: ReplyMode.optional(),
  closure: Closure.optional(),
  adoption: z
    .string()
    .regex(/^(pending|adopted|not_adopted|implemented)(,(pending|adopted|not_adopted|implemented))*$/, { message: 'invalid' })
    .optional()
    .meta({ description: 'Comma-separated adoption decisions of suggestions, e.g. adopted,implemented' }),
  raisedFrom: DateOnly.optional(),
  raisedTo: DateOnly.optional(),
  replyDueFrom: DateOnly.optional().meta({ description: 'Reply due on or after this day' }),
  replyDueTo: DateOnly.optional(),
  resolveDueFrom: DateOnly.optional().meta({ description: 'Resolution due on or after this day' }),
  resolveDueTo: DateOnly.optional(),
  repliedOnTime: z.enum(['true']).optional().meta({ description: 'Replied by the reply deadline' }),
  resolvedOnTime: z.enum(['true']).optional().meta({ description: 'Resolved (and not reopened since) by the resolution deadline' }),
  resolvedFrom: DateOnly.optional().meta({ description: 'With resolvedTo: resolved at least once between the two days (a resolve event on the timeline)' }),
  resolvedTo: DateOnly.optional(),
  reopenedSince: DateOnly.optional().meta({ description: 'Reopened on or after this day' }),
});
export type IssueListQuery = z.infer<typeof IssueListQuery>;

export const CreateIssueBody = z.strictObject({
  kind: IssueKind,
  categoryId: Id,
  description: z.string().trim().min(1).max(2000),
  communityId: Id,
  householdId: Id.nullable().optional(),
  residentId: Id.nullable().optional(),
  channel: IssueChannel.exclude(['visit']).default('phone'),
  raisedAt: z.iso.datetime({ offset: true }).optional().meta({ description: 'When the resident raised it; defaults to now; never in the future' }),
  replyMode: ReplyMode.default('written'),
  priority: IssuePriority.default('normal'),
  departmentId: Id.nullable().optional().meta({ description: "Defaults to the category's department" }),
  assigneeId: Id.nullable().optional(),
  praisedUserId: Id.nullable().optional(),
  praisedDepartmentId: Id.nullable().optional(),
  attachmentIds: z.array(Id).max(20).default([]),
});
export type CreateIssueBody = z.infer<typeof CreateIssueBody>;

export const UpdateIssueBody = z.strictObject({
  categoryId: Id.optional(),
  priority: IssuePriority.optional(),
  replyMode: ReplyMode.optional(),
  departmentId: Id.nullable().optional(),
  assigneeId: Id.nullable().optional(),
  praisedUserId: Id.nullable().optional(),
  praisedDepartmentId: Id.nullable().optional(),
  comment: z.string().trim().max(1000).default(''),
});
export type UpdateIssueBody = z.infer<typeof UpdateIssueBody>;

export const TransitionBody = z.strictObject({
  event: IssueEventName,
  comment: z.string().trim().max(2000).default('').meta({ description: 'Required for resolve (the resolution), reopen, reject and withdraw (the reason)' }),
  rating: z.number().int().min(1).max(5).optional().meta({ description: 'confirm: the resident’s rating of the handling' }),
  plan: z.string().trim().max(2000).optional().meta({ description: 'adopt: the planned action' }),
  plannedDate: DateOnly.optional().meta({ description: 'adopt: when it will be done' }),
  attachmentIds: z.array(Id).max(20).default([]).meta({ description: 'resolve: photos of the result' }),
});
export type TransitionBody = z.infer<typeof TransitionBody>;

export const ReplyBody = z.strictObject({
  mode: ReplyMode,
  content: z.string().trim().min(1).max(2000),
});
export type ReplyBody = z.infer<typeof ReplyBody>;

export const EscalateBody = z.strictObject({ comment: z.string().trim().min(2).max(1000) });
export const ExpectedDateBody = z.strictObject({
  date: DateOnly,
  message: z.string().trim().min(2).max(500).meta({ description: 'What the resident is told' }),
});
