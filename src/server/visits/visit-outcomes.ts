/**
 * What a visit means beyond the visit domain, as a port: the items raised in a completed visit become issues,
 * the answer of a confirmation visit confirms or reopens its issue, a visit about an issue that could not be
 * made goes on the issue's timeline, and an attachment filed on an issue is readable by whoever may read the
 * issue. The issues domain implements it (issues/visit-outcomes.ts) and app.ts installs it, so that visits
 * never imports issues: issues sits above visits and may use it, not the other way round.
 */
import type { RecordVisitBody } from '../../shared/schemas/visits.js';
import type { Ctx } from '../context.js';
import type { Db } from '../db/database.js';

export interface RecordedVisit {
  id: number;
  communityId: number;
  householdId: number;
  residentId: number | null;
  /** when the visit started: the items were raised then */
  raisedAt: string;
  /** when it ended: an oral reply given in it was given then */
  endedAt: string;
}

export type RaisedItem = RecordVisitBody['items'][number] & { id: number };

export interface TaskAboutIssue {
  id: number;
  issueId: number | null;
  reason: string;
}

export interface VisitOutcomes {
  /** The issue made of each raised item, in the items' order. Runs in the recording transaction. */
  itemsRaised(trx: Db, ctx: Ctx, visit: RecordedVisit, items: readonly RaisedItem[]): Promise<number[]>;
  /** The resident's answer in the confirmation visit of an issue. */
  confirmationAnswered(trx: Db, ctx: Ctx, issueId: number, recordId: number, answer: NonNullable<RecordVisitBody['confirmation']>): Promise<void>;
  /** A task about an issue ended without a visit (unreachable, refused). */
  visitNotMade(trx: Db, ctx: Ctx, task: TaskAboutIssue, status: string): Promise<void>;
  /** Whether the caller may read the issue (for attachments filed on it). */
  issueReadable(db: Db, ctx: Ctx, issueId: number): Promise<boolean>;
}

let installed: VisitOutcomes | null = null;

export function installVisitOutcomes(outcomes: VisitOutcomes): void {
  installed = outcomes;
}

export function visitOutcomes(): VisitOutcomes {
  if (!installed) throw new Error('visit outcomes are not installed (app.ts installs them at start)');
  return installed;
}
