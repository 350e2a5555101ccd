/**
 * One demo issue's life, written as it would have happened: dated actions (assigning, replying,
 * starting, resolving, the confirmation visit, adopting, …), each checked against the issue status
 * machine, and between them the deadline sweep replayed at the instants it would have run (the same
 * `planSweep`), so reminders, overdue notices and escalations sit on the timeline and in the bell at
 * the time they fell due. The result is written by demo-issues.ts once the issue has its id.
 */
import type { Adoption, Closure, IssueEventName, IssueKind, IssueSettings, IssueStatus } from '../../shared/schemas/issues.js';
import { type WorkCalendar } from '../calendar/working-days.js';
import type { NewIssue } from '../issues/create-issue.js';
import { computeDeadlines, NOTICE_BITS, periodEnd, planSweep, type Deadline, type SweepPlan } from '../issues/deadline-plan.js';
import { nextIssueStatus } from '../issues/issue-status.js';
import type { IssueRef, Recipients } from '../issues/notify.js';
import type { StaffNoticeKind } from '../notifications/templates.js';
import { dateOfDay, shanghaiDay, startOfDayMs } from '../../shared/shanghai.js';

const MINUTE = 60_000;

export interface LifeEnv {
  calendar: WorkCalendar;
  settings: IssueSettings;
  /** loaded with every department and community of the demo */
  recipients: Recipients;
  now: number;
  companyId: number;
  nameOf(userId: number): string;
}

export interface Person {
  id: number;
  name: string;
}

/** A visit that follows the issue: the confirmation visit, or the complainant's visit after closing. */
export interface LifeTask {
  reason: 'confirmation' | 'after_complaint';
  assigneeId: number | null;
  dueDate: string;
  createdAt: number;
  createdBy: number;
  /** when the visit was made (it then has a record), or null while it is on the visitor's list */
  doneAt: number | null;
  /** what the resident said in it */
  note: string;
}

export interface LifeEvent {
  type: string;
  event?: IssueEventName;
  fromStatus?: IssueStatus;
  toStatus?: IssueStatus;
  comment: string;
  data: Record<string, unknown>;
  actor: Person | null;
  at: number;
  /** data fields that name a task or the record of a task, filled in once those have ids */
  links?: { confirmationTaskId?: LifeTask; followUpTaskId?: LifeTask; recordId?: LifeTask };
}

export interface LifeReply {
  mode: 'oral' | 'written';
  content: string;
  by: number;
  at: number;
  onTime: boolean;
}

export interface LifeNotice {
  kind: StaffNoticeKind;
  at: number;
  userIds: number[];
  due: string | null;
  level?: number;
}

export class IssueLife {
  status: IssueStatus;
  adoption: Adoption | null;
  assigneeId: number | null = null;
  readonly reply: Deadline | null;
  resolve: Deadline | null;
  /** when the current resolution period started */
  resolveFrom: string;
  resolvedBy: number | null = null;
  closure: Closure | null = null;
  repliedAt: number | null = null;
  resolvedAt: number | null = null;
  closedAt: number | null = null;
  escalationLevel = 0;
  escalatedAt: number | null = null;
  notices = 0;
  reopenCount = 0;
  satisfaction: number | null = null;
  resolution: string | null = null;
  adoptionPlan: string | null = null;
  adoptionPlannedDate: string | null = null;
  adoptionReason: string | null = null;
  withdrawReason: string | null = null;
  expectedResolveDate: string | null = null;
  checkAt: string | null = null;

  readonly events: LifeEvent[] = [];
  readonly replies: LifeReply[] = [];
  readonly tasks: LifeTask[] = [];
  readonly bell: LifeNotice[] = [];

  private cursor: number;
  private readonly raisedDay: number;

  constructor(
    private readonly env: LifeEnv,
    readonly issue: NewIssue,
    readonly start: { createdBy: Person; createdAt: number; visitorId: number | null; supervisorId: number },
  ) {
    this.status = 'new';
    this.adoption = issue.kind === 'suggestion' ? 'pending' : null;
    const deadlines = computeDeadlines(env.calendar, env.settings, { kind: issue.kind, replyMode: issue.replyMode, raisedAt: issue.raisedAt, resolveDays: issue.category.resolveDays });
    this.reply = deadlines.reply;
    this.resolve = deadlines.resolve;
    this.resolveFrom = issue.raisedAt;
    this.raisedDay = shanghaiDay(issue.raisedAt);
    this.cursor = start.createdAt;
    this.events.push({ type: 'created', toStatus: 'new', comment: '', data: { channel: issue.channel, recordId: issue.recordId }, actor: start.createdBy, at: start.createdAt });
    if (issue.kind !== 'praise') this.notify('issue_assigned', start.createdAt, this.level(0), { due: this.resolveDueAt, except: start.createdBy.id });
  }

  get replyDueAt(): string | null {
    return this.reply?.dueAt ?? null;
  }

  get resolveDueAt(): string | null {
    return this.resolve?.dueAt ?? null;
  }

  get kind(): IssueKind {
    return this.issue.kind;
  }

  /** The instant `hour:minute` (Shanghai) on the `k`-th working day after raising (0: the day raised), never before the last action. */
  later(k: number, hour: number, minute = 0): number {
    const day = k === 0 ? this.raisedDay : this.env.calendar.addWorkingDays(this.raisedDay, k);
    return Math.max(startOfDayMs(day) + (hour * 60 + minute) * MINUTE, this.cursor + 15 * MINUTE);
  }

  /** The confirmation visit still waiting to be made, if any. */
  get pendingConfirmation(): LifeTask | undefined {
    return this.tasks.find((t) => t.reason === 'confirmation' && t.doneAt === null);
  }

  assign(at: number, by: Person, to: number, comment = ''): this {
    this.step(at);
    const from = this.status;
    const before = this.assigneeId;
    this.assigneeId = to;
    if (this.status === 'new' || this.status === 'reopened') this.status = 'assigned';
    this.events.push({ type: 'updated', fromStatus: from, toStatus: this.status !== from ? this.status : undefined, comment, data: { before: { assigneeId: before }, after: { assigneeId: to } }, actor: by, at });
    if (this.kind !== 'praise') this.notify('issue_assigned', at, this.level(0), { due: this.resolveDueAt, except: by.id });
    return this;
  }

  answer(at: number, by: Person, mode: 'oral' | 'written', content: string): this {
    this.step(at);
    const onTime = !this.replyDueAt || at <= Date.parse(this.replyDueAt);
    this.replies.push({ mode, content, by: by.id, at, onTime });
    if (this.repliedAt === null) this.repliedAt = at;
    this.events.push({ type: 'reply', comment: content, data: { mode, onTime, toResident: mode === 'written' && this.issue.residentId !== null }, actor: by, at });
    return this;
  }

  begin(at: number, by: Person): this {
    return this.transition(at, by, 'start');
  }

  expect(at: number, by: Person, date: string, message: string): this {
    this.step(at);
    this.expectedResolveDate = date;
    this.events.push({ type: 'expected_date', comment: message, data: { date, toResident: this.issue.residentId !== null }, actor: by, at });
    return this;
  }

  /** Resolves it; the confirmation visit goes to the visitor of the original visit, else the supervisor. */
  resolveIt(at: number, by: Person, resolution: string): this {
    let task: LifeTask | undefined;
    this.transition(at, by, 'resolve', resolution, () => {
      this.resolvedAt = at;
      this.resolvedBy = by.id;
      this.resolution = resolution;
      if (this.kind === 'suggestion') this.adoption = 'implemented';
      task = this.followUp('confirmation', at, by.id, dateOfDay(this.env.calendar.addWorkingDays(shanghaiDay(at), this.env.settings.confirmationDays)));
    });
    const event = this.events.at(-1)!;
    if (task) {
      event.links = { confirmationTaskId: task };
      if (task.assigneeId !== null) this.notify('confirmation_task', at, [task.assigneeId], { except: by.id });
    }
    return this;
  }

  /** The confirmation visit: the resident says it is solved (closed, rated) or not (reopened). */
  confirmationVisit(at: number, answer: { solved: true; rating: number; comment: string } | { solved: false; comment: string }): this {
    const task = this.pendingConfirmation;
    if (!task) throw new Error('demo issue: no confirmation visit to make');
    const visitor = task.assigneeId === null ? null : { id: task.assigneeId, name: this.env.nameOf(task.assigneeId) };
    task.doneAt = at;
    task.note = answer.comment;
    if (answer.solved) {
      let followUp: LifeTask | undefined;
      this.transition(at, visitor, 'confirm', answer.comment, () => {
        this.closedAt = at;
        this.closure = 'confirmed';
        this.satisfaction = answer.rating;
        const settings = this.env.settings;
        if (this.kind === 'complaint' && settings.complainantFollowUpDays > 0) {
          // As follow-up-tasks.ts: from resolution (or closing), moved to the next working day, never in the past.
          const from = settings.complainantFollowUpFrom === 'closed' ? at : (this.resolvedAt ?? at);
          const day = Math.max(shanghaiDay(from) + settings.complainantFollowUpDays, shanghaiDay(at));
          followUp = this.followUp('after_complaint', at, visitor?.id ?? this.start.supervisorId, dateOfDay(this.env.calendar.addWorkingDays(day, 0)));
        }
      });
      const event = this.events.at(-1)!;
      event.data.rating = answer.rating;
      event.links = { recordId: task, ...(followUp ? { followUpTaskId: followUp } : {}) };
    } else {
      this.transition(at, visitor, 'reopen', answer.comment, () => {
        // A new period to resolve it starts now; escalation starts over from it.
        this.resolvedAt = null;
        this.resolvedBy = null;
        this.reopenCount++;
        this.resolveFrom = new Date(at).toISOString();
        this.resolve = periodEnd(this.env.calendar, this.resolveFrom, this.issue.category.resolveDays);
        this.escalationLevel = 0;
        this.escalatedAt = null;
        this.notices &= ~NOTICE_BITS.resolve_reminder;
      });
      this.events.at(-1)!.links = { recordId: task };
      this.notify('issue_reopened', at, [...this.level(0), ...this.level(1)], { except: visitor?.id });
    }
    return this;
  }

  /** The complainant's visit after closing, made at `at`. */
  followUpVisit(at: number, note: string): this {
    const task = this.tasks.find((t) => t.reason === 'after_complaint' && t.doneAt === null);
    if (!task) throw new Error('demo issue: no follow-up visit to make');
    if (at >= this.env.now) throw new Error('demo issue: a visit in the future');
    task.doneAt = at;
    task.note = note;
    return this;
  }

  adopt(at: number, by: Person, plan: string, plannedDate: string): this {
    this.transition(at, by, 'adopt', '', () => {
      this.adoption = 'adopted';
      this.adoptionPlan = plan;
      this.adoptionPlannedDate = plannedDate;
    });
    Object.assign(this.events.at(-1)!.data, { plan, plannedDate });
    return this;
  }

  reject(at: number, by: Person, reason: string): this {
    this.transition(at, by, 'reject', reason, () => {
      this.adoption = 'not_adopted';
      this.adoptionReason = reason;
      this.closedAt = at;
    });
    if (this.issue.residentId !== null) this.events.at(-1)!.data.toldResident = true;
    return this;
  }

  acknowledge(at: number, by: Person): this {
    return this.transition(at, by, 'acknowledge', '', () => {
      this.closedAt = at;
      this.closure = 'acknowledged';
    });
  }

  withdraw(at: number, by: Person, reason: string): this {
    return this.transition(at, by, 'withdraw', reason, () => {
      this.withdrawReason = reason;
      this.closedAt = at;
    });
  }

  /** Plays the sweep up to now and fixes when it must look next. */
  finish(): this {
    this.sweepTo(this.env.now);
    const plan = this.plan(this.env.now);
    if (plan.due.length) throw new Error('demo issue: notices left unsent');
    this.checkAt = plan.checkAt;
    return this;
  }

  get updatedAt(): number {
    return this.events.at(-1)!.at;
  }

  private transition(at: number, by: Person | null, event: IssueEventName, comment = '', apply?: () => void): this {
    this.step(at);
    const from = this.status;
    this.status = nextIssueStatus({ status: from, kind: this.kind, adoption: this.adoption }, event);
    apply?.();
    this.events.push({ type: 'transition', event, fromStatus: from, toStatus: this.status, comment, data: {}, actor: by, at });
    return this;
  }

  private followUp(reason: LifeTask['reason'], at: number, createdBy: number, dueDate: string): LifeTask | undefined {
    if (this.issue.householdId === null) return undefined;
    const task: LifeTask = { reason, assigneeId: this.start.visitorId ?? this.start.supervisorId, dueDate, createdAt: at, createdBy, doneAt: null, note: '' };
    this.tasks.push(task);
    return task;
  }

  private step(at: number): void {
    if (at < this.cursor) throw new Error('demo issue: actions out of order');
    if (at >= this.env.now) throw new Error('demo issue: an action in the future');
    this.sweepTo(at);
    this.cursor = at;
  }

  private ref(): IssueRef {
    const i = this.issue;
    return { id: 0, companyId: this.env.companyId, communityId: i.communityId, departmentId: i.departmentId, assigneeId: this.assigneeId, categoryName: i.category.name, description: i.description };
  }

  private level(level: number): number[] {
    return this.env.recipients.level(this.ref(), level);
  }

  private notify(kind: StaffNoticeKind, at: number, userIds: number[], extra: { due?: string | null; level?: number; except?: number } = {}): void {
    const to = [...new Set(userIds)].filter((u) => u !== extra.except);
    if (to.length) this.bell.push({ kind, at, userIds: to, due: extra.due ?? null, level: extra.level });
  }

  private plan(at: number): SweepPlan {
    return planSweep(
      this.env.calendar,
      this.env.settings,
      {
        status: this.status,
        raisedAt: this.issue.raisedAt,
        replyDueAt: this.replyDueAt,
        resolveDueAt: this.resolveDueAt,
        repliedAt: this.repliedAt === null ? null : new Date(this.repliedAt).toISOString(),
        escalationLevel: this.escalationLevel,
        notices: this.notices,
      },
      at,
    );
  }

  /** What the sweep, running every minute, would have done up to `until`. */
  private sweepTo(until: number): void {
    for (;;) {
      const plan = this.plan(this.cursor);
      if (plan.due.length) {
        this.fire(plan, this.cursor);
        continue;
      }
      if (!plan.checkAt || Date.parse(plan.checkAt) > until) return;
      this.cursor = Date.parse(plan.checkAt);
    }
  }

  /** The notices of one sweep, as sweep-deadlines.ts sends them. */
  private fire(due: SweepPlan, at: number): void {
    let plan = due;
    for (const n of plan.due) {
      if (n.type === 'escalate') {
        const { level, to, empty } = this.env.recipients.escalation(this.ref(), n.from, n.level);
        this.notify('issue_escalated', at, to, { due: n.dueAt, level });
        this.events.push({ type: 'escalated', comment: '', data: { level, from: n.from, ...(empty.length ? { noRecipient: empty } : {}), notified: to.length }, actor: null, at });
        this.escalatedAt = at;
        plan = { ...plan, escalationLevel: level };
      } else {
        const to = n.type === 'reply_overdue' ? [...this.level(0), ...this.level(1)] : this.level(0);
        const kind = n.type === 'reply_reminder' ? 'issue_reply_reminder' : n.type === 'resolve_reminder' ? 'issue_resolve_reminder' : 'issue_reply_overdue';
        this.notify(kind, at, to, { due: n.dueAt });
        this.events.push({ type: n.type === 'reply_overdue' ? 'reply_overdue' : 'reminded', comment: '', data: { deadline: n.type === 'resolve_reminder' ? 'resolve' : 'reply', notified: new Set(to).size }, actor: null, at });
      }
    }
    this.notices = plan.notices;
    this.escalationLevel = plan.escalationLevel;
  }
}
