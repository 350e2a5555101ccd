/** Visit tasks (回访任务), contact attempts, and visit records (回访记录) with the items raised in them. */
import { z } from 'zod';
import { DateOnly, Id, IdParam, PageQuery, textNumber, Timestamp } from './common.js';
import { Answers, Question } from './questionnaires.js';

export const VisitReason = z.enum(['periodic', 'move_in', 'after_complaint', 'after_repair', 'low_satisfaction', 'special_need', 'event', 'ad_hoc', 'confirmation']);
export type VisitReason = z.infer<typeof VisitReason>;
export const VisitMethod = z.enum(['phone', 'door', 'online', 'written']);
export type VisitMethod = z.infer<typeof VisitMethod>;
export const TaskStatus = z.enum(['pending', 'appointed', 'completed', 'unreachable', 'refused', 'cancelled']);
export type TaskStatus = z.infer<typeof TaskStatus>;
export const AttemptResult = z.enum(['no_answer', 'busy', 'wrong_number', 'not_home', 'refused', 'call_back_later']);
export type AttemptResult = z.infer<typeof AttemptResult>;
export const ItemKind = z.enum(['problem', 'complaint', 'suggestion', 'need', 'praise']);
export type ItemKind = z.infer<typeof ItemKind>;
export const RecordOutcome = z.enum(['completed', 'refused']);
export type RecordOutcome = z.infer<typeof RecordOutcome>;

/** What a caller may do with a task: record the visit, log an attempt, make an appointment, reassign, cancel. */
export const TaskAction = z.enum(['record', 'attempt', 'appoint', 'reassign', 'cancel']);
export type TaskAction = z.infer<typeof TaskAction>;

export const Attempt = z.object({ id: Id, at: Timestamp, result: AttemptResult, note: z.string(), userName: z.string().nullable() });

export const VisitTask = z
  .object({
    id: Id,
    communityId: Id,
    householdId: Id,
    householdLabel: z.string(),
    residentId: Id.nullable(),
    residentName: z.string().nullable(),
    reason: VisitReason,
    method: VisitMethod,
    assigneeId: Id.nullable(),
    assigneeName: z.string().nullable(),
    dueDate: DateOnly,
    dueProvisional: z.boolean().meta({ description: 'The due date was counted in working days across a year whose holiday notice is not entered yet (暂定); it is recounted when the notice is entered' }),
    appointmentAt: Timestamp.nullable(),
    status: TaskStatus,
    overdue: z.boolean().meta({ description: 'Open and past its due date (Asia/Shanghai)' }),
    attemptCount: z.number().int(),
    questionnaireId: Id.nullable(),
    recordId: Id.nullable(),
    issueId: Id.nullable().meta({ description: 'The issue a confirmation (复访) or complainant follow-up visit is about' }),
    note: z.string(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    allowedActions: z.array(TaskAction).meta({ description: 'What the caller may do with the task now' }),
  })
  .meta({ id: 'VisitTask' });
export type VisitTask = z.infer<typeof VisitTask>;

export const TaskQuestionnaire = z
  .object({ id: Id, name: z.string(), versionId: Id, version: z.number().int(), questions: z.array(Question) })
  .meta({ id: 'TaskQuestionnaire', description: 'The questionnaire version a visit of this task is answered in' });
export type TaskQuestionnaire = z.infer<typeof TaskQuestionnaire>;

export const VisitTaskDetail = VisitTask.extend({
  questionnaire: TaskQuestionnaire.nullable().meta({
    description: 'The questionnaire the task names, else the first active one usable in its community (the built-in one first); none for a confirmation visit (复访) that names none',
  }),
}).meta({ id: 'VisitTaskDetail' });
export type VisitTaskDetail = z.infer<typeof VisitTaskDetail>;

export const TaskListQuery = PageQuery.extend({
  view: z.enum(['today', 'overdue', 'upcoming', 'all']).default('all').meta({ description: 'today: due today or appointed today; overdue: open and past due; all: open tasks first by due date, then the closed ones, most recent first' }),
  mine: z.enum(['true', 'false']).optional().meta({ description: 'Only tasks assigned to me (default for visitors)' }),
  communityId: IdParam.optional(),
  assigneeId: IdParam.optional(),
  status: TaskStatus.optional(),
  reason: VisitReason.optional(),
  method: VisitMethod.optional(),
  householdId: IdParam.optional(),
  buildingId: IdParam.optional().meta({ description: 'Tasks of households in this building' }),
  dueFrom: DateOnly.optional().meta({ description: 'Due on or after this date' }),
  dueTo: DateOnly.optional().meta({ description: 'Due on or before this date' }),
  cancelled: z.enum(['true', 'false']).optional().meta({ description: 'false: leave cancelled tasks out (the tasks the completion rate counts)' }),
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;

const TaskFields = {
  reason: VisitReason,
  method: VisitMethod,
  dueDate: DateOnly,
  questionnaireId: Id.nullable().optional(),
  note: z.string().trim().max(500).default(''),
};

export const CreateTaskBody = z.strictObject({
  householdId: Id,
  residentId: Id.nullable().optional(),
  assigneeId: Id.nullable().optional(),
  appointmentAt: z.iso.datetime({ offset: true }).nullable().optional(),
  ...TaskFields,
});
export type CreateTaskBody = z.infer<typeof CreateTaskBody>;

export const BulkCreateTasksBody = z.strictObject({
  communityId: Id,
  filter: z
    .strictObject({
      buildingId: Id.optional(),
      role: z.enum(['owner', 'tenant', 'merchant']).optional(),
      tag: z.string().trim().max(30).optional(),
      householdIds: z.array(Id).max(20000).optional(),
      notVisitedSinceDays: z.number().int().min(1).max(3650).optional(),
    })
    .default({}),
  assigneeIds: z.array(Id).min(1).max(200).meta({ description: 'Tasks are spread evenly among these visitors' }),
  ...TaskFields,
});
export type BulkCreateTasksBody = z.infer<typeof BulkCreateTasksBody>;
export const BulkCreateResult = z.object({ created: z.number().int(), skipped: z.number().int(), perAssignee: z.array(z.object({ assigneeId: Id, count: z.number().int() })) });

export const UpdateTaskBody = z.strictObject({
  assigneeId: Id.nullable().optional(),
  dueDate: DateOnly.optional(),
  appointmentAt: z.iso.datetime({ offset: true }).nullable().optional(),
  method: VisitMethod.optional(),
  note: z.string().trim().max(500).optional(),
});
export type UpdateTaskBody = z.infer<typeof UpdateTaskBody>;
export const CancelTaskBody = z.strictObject({ reason: z.string().trim().min(2).max(200) });
export const AttemptBody = z.strictObject({
  result: AttemptResult,
  note: z.string().trim().max(500).default(''),
  at: z.iso.datetime({ offset: true }).optional(),
});
export type AttemptBody = z.infer<typeof AttemptBody>;

const RecordItemFields = {
  kind: ItemKind,
  category: z.string().trim().min(1).max(30),
  description: z.string().trim().min(1).max(2000),
};
export const RecordItemInput = z.strictObject({
  ...RecordItemFields,
  replyMode: z
    .enum(['oral', 'written'])
    .default('written')
    .meta({ description: 'How the resident is to be answered: oral (the same working day) or written (within the written-reply days)' }),
  reply: z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .optional()
    .meta({ description: 'The oral reply the visitor gave on the spot (needs issues.reply_on_visit); it meets the reply deadline at once' }),
});
export type RecordItemInput = z.infer<typeof RecordItemInput>;
export const RecordItem = z.object(RecordItemFields).extend({
  id: Id,
  issueId: Id.nullable().meta({ description: 'The issue the item became' }),
  issueStatus: z.string().nullable(),
});

export const RecordVisitBody = z.strictObject({
  outcome: RecordOutcome.default('completed'),
  method: VisitMethod.optional().meta({ description: 'Defaults to the task’s method' }),
  questionnaireVersionId: Id.nullable().optional().meta({
    description: 'A version of the task’s questionnaire (a draft may keep the version it started with); defaults to its latest',
  }),
  answers: Answers.default({}).meta({ description: 'Checked against the questionnaire version when the visit is completed: required questions (show-if logic included), types and ranges' }),
  startedAt: z.iso.datetime({ offset: true }),
  endedAt: z.iso.datetime({ offset: true }),
  spokenTo: z.string().trim().max(100).default(''),
  opinions: z.string().trim().max(5000).default(''),
  suggestions: z.string().trim().max(5000).default(''),
  improvementMeasures: z.string().trim().max(5000).default(''),
  items: z.array(RecordItemInput).max(50).default([]),
  attachmentIds: z.array(Id).max(20).default([]),
  confirmation: z
    .strictObject({
      solved: z.boolean(),
      rating: z.number().int().min(1).max(5).optional().meta({ description: 'The resident’s rating of the handling (required when solved)' }),
      comment: z.string().trim().max(1000).default('').meta({ description: 'Why it is not solved (required when not solved)' }),
    })
    .optional()
    .meta({ description: 'Confirmation visits (复访): the resident’s answer; "not solved" reopens the issue' }),
});
export type RecordVisitBody = z.infer<typeof RecordVisitBody>;

export const Attachment = z.object({ id: Id, fileName: z.string(), contentType: z.string(), size: z.number().int(), createdAt: Timestamp }).meta({ id: 'Attachment' });

export const VisitRecord = z
  .object({
    id: Id,
    taskId: Id,
    communityId: Id,
    householdId: Id,
    householdLabel: z.string(),
    residentId: Id.nullable(),
    residentName: z.string().nullable(),
    visitorId: Id,
    visitorName: z.string(),
    method: VisitMethod,
    reason: VisitReason,
    outcome: RecordOutcome,
    startedAt: Timestamp,
    endedAt: Timestamp,
    visitDate: DateOnly.meta({ description: 'Asia/Shanghai date of the visit' }),
    backdated: z.boolean(),
    spokenTo: z.string(),
    questionnaireVersionId: Id.nullable(),
    answers: Answers,
    averageScore: z.number().nullable().meta({ description: 'Mean of the valid 1–5 rating answers' }),
    opinions: z.string(),
    suggestions: z.string(),
    improvementMeasures: z.string(),
    items: z.array(RecordItem),
    attachments: z.array(Attachment),
    corrections: z.array(z.object({ at: Timestamp, userName: z.string().nullable(), reason: z.string(), fields: z.array(z.string()) })),
    createdAt: Timestamp,
    canCorrect: z.boolean().meta({ description: 'The caller may correct the record (its visitor, or a supervisor)' }),
  })
  .meta({ id: 'VisitRecord' });
export type VisitRecord = z.infer<typeof VisitRecord>;

export const RecordListQuery = PageQuery.extend({
  communityId: IdParam.optional(),
  visitorId: IdParam.optional(),
  householdId: IdParam.optional(),
  method: VisitMethod.optional(),
  reason: VisitReason.optional(),
  buildingId: IdParam.optional().meta({ description: 'Visits of households in this building' }),
  outcome: RecordOutcome.optional(),
  from: DateOnly.optional(),
  to: DateOnly.optional(),
  minScore: textNumber(z.number().min(1).max(5)).optional(),
  maxScore: textNumber(z.number().min(1).max(5)).optional(),
  hasItems: z.enum(['true', 'false']).optional(),
});
export type RecordListQuery = z.infer<typeof RecordListQuery>;

export const CorrectRecordBody = z.strictObject({
  reason: z.string().trim().min(2).max(500),
  answers: Answers.optional(),
  spokenTo: z.string().trim().max(100).optional(),
  opinions: z.string().trim().max(5000).optional(),
  suggestions: z.string().trim().max(5000).optional(),
  improvementMeasures: z.string().trim().max(5000).optional(),
});
export type CorrectRecordBody = z.infer<typeof CorrectRecordBody>;

export const TaskBriefing = z.object({
  task: VisitTaskDetail,
  household: z.object({ id: Id, label: z.string(), tags: z.array(z.string()) }),
  residents: z.array(z.object({ id: Id, name: z.string(), role: z.string(), phones: z.array(z.object({ id: Id, masked: z.string(), kind: z.string() })), tags: z.array(z.string()), doNotContact: z.boolean(), doNotContactReason: z.string().nullable(), preferredContact: z.string().nullable() })),
  lastVisits: z.array(z.object({ id: Id, visitDate: DateOnly, method: VisitMethod, outcome: RecordOutcome, averageScore: z.number().nullable(), visitorName: z.string() })),
  openItems: z
    .array(z.object({ id: Id, kind: ItemKind, category: z.string(), description: z.string(), raisedOn: DateOnly, status: z.string() }))
    .meta({ description: 'The household’s issues not yet closed (id is the issue’s)' }),
  communityComplaints: z.array(z.object({ category: z.string(), count: z.number().int() })).meta({ description: 'Problems and complaints raised in this community in the last 30 days, by category' }),
});
