/**
 * How an issue was closed, so that the KPIs can count apart what the resident did not confirm: `closure` is
 * confirmed (the resident, in the confirmation visit), unconfirmed (未能确认: the confirmation visit never reached
 * the resident), supervisor (closed by a supervisor without confirmation, with `close_reason`) or acknowledged
 * (praise). `resolved_by` is who resolved it (a handler never closes their own work); `unconfirmed_at` and
 * `unconfirmed_reason` say when and why the confirmation visit failed (then a supervisor decides, or the issue
 * closes as unconfirmed, as the company chose). Visitors may record
 * the oral reply given on the spot (permission issues.reply_on_visit).
 */
import { columns, type Migration } from './helpers.js';

export const issueClosure: Migration = {
  async up(db, dialect) {
    const c = columns(dialect);
    await db.schema.alterTable('issues').addColumn('closure', 'text').execute();
    await db.schema.alterTable('issues').addColumn('close_reason', 'text').execute();
    await db.schema.alterTable('issues').addColumn('resolved_by', c.ref, (col) => col.references('users.id')).execute();
    await db.schema.alterTable('issues').addColumn('unconfirmed_at', c.timestamp).execute();
    // unreachable or refused: why the confirmation visit failed
    await db.schema.alterTable('issues').addColumn('unconfirmed_reason', 'text').execute();
    await db.updateTable('issues').set({ closure: 'confirmed' }).where('status', '=', 'closed').where('kind', '!=', 'praise').execute();
    await db.updateTable('issues').set({ closure: 'acknowledged' }).where('status', '=', 'closed').where('kind', '=', 'praise').execute();

    const added: Record<string, string[]> = { admin: ['issues.reply_on_visit'], supervisor: ['issues.reply_on_visit'], visitor: ['issues.reply_on_visit'] };
    const roles = (await db.selectFrom('roles').select(['id', 'key', 'permissions']).where('key', 'is not', null).execute()) as { id: number; key: string; permissions: string }[];
    for (const role of roles) {
      if (!added[role.key]) continue;
      const merged = [...new Set([...(JSON.parse(role.permissions) as string[]), ...added[role.key]])].sort();
      await db.updateTable('roles').set({ permissions: JSON.stringify(merged) }).where('id', '=', role.id).execute();
    }
  },
};
