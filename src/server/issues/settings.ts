/** A company's deadline settings for issues (回复时限, reminders, escalation steps, confirmation visits). */
import type { IssueSettings } from '../../shared/schemas/issues.js';
import { actorOf, changes, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { DEFAULT_ISSUE_SETTINGS } from './defaults.js';

export function parseSettings(json: string | null): IssueSettings {
  return json ? { ...DEFAULT_ISSUE_SETTINGS, ...(JSON.parse(json) as Partial<IssueSettings>) } : DEFAULT_ISSUE_SETTINGS;
}

export async function loadSettings(db: Db, companyId: number): Promise<IssueSettings> {
  const row = await db.selectFrom('companies').select('issue_settings').where('id', '=', companyId).executeTakeFirst();
  return parseSettings(row?.issue_settings ?? null);
}

export async function getIssueSettings(db: Db, ctx: Ctx): Promise<IssueSettings> {
  requirePermission(ctx, 'issues.read', 'issues.configure');
  return loadSettings(db, ctx.companyId);
}

export async function updateIssueSettings(db: Db, ctx: Ctx, input: IssueSettings): Promise<IssueSettings> {
  requirePermission(ctx, 'issues.configure');
  const before = await loadSettings(db, ctx.companyId);
  const diff = changes(before, input);
  if (diff.changed) {
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('companies').set({ issue_settings: JSON.stringify(input) }).where('id', '=', ctx.companyId).execute();
      await recordAudit(trx, actorOf(ctx), { action: 'issue_settings.update', entityType: 'company', entityId: ctx.companyId, before: diff.before, after: diff.after });
    });
  }
  return input;
}
