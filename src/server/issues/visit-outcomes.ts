/**
 * The issues domain's side of a visit (the port is visits/visit-outcomes.ts, installed by app.ts): raised items
 * become issues, a confirmation visit's answer confirms or reopens the issue, a visit that could not be made is
 * put on the issue's timeline (follow-up-not-made.ts), and an issue's attachments follow the issue's visibility.
 */
import type { VisitOutcomes } from '../visits/visit-outcomes.js';
import { createIssuesFromRecord } from './create-issue.js';
import { followUpNotMade } from './follow-up-not-made.js';
import { findIssue, findIssueForTask } from './queries.js';
import { applyIssueEvent } from './transition-issue.js';

export const issueVisitOutcomes: VisitOutcomes = {
  itemsRaised: (trx, ctx, visit, items) => createIssuesFromRecord(trx, ctx, visit, items),

  /**
   * "Solved" closes the issue with the rating of the handling; "not solved" reopens it with the reason. An
   * issue that meanwhile left "resolved" (withdrawn, confirmed by hand) is left as it is; the visit is still
   * recorded.
   */
  async confirmationAnswered(trx, ctx, issueId, recordId, answer) {
    const issue = await findIssueForTask(trx, ctx, issueId);
    if (!issue || issue.status !== 'resolved') return;
    await applyIssueEvent(trx, ctx, issue, { event: answer.solved ? 'confirm' : 'reopen', comment: answer.comment, rating: answer.rating, attachmentIds: [] }, { recordId });
  },

  visitNotMade: (trx, ctx, task, status) => followUpNotMade(trx, ctx, task, status),

  issueReadable: (db, ctx, issueId) =>
    findIssue(db, ctx, issueId).then(
      () => true,
      () => false,
    ),
};
