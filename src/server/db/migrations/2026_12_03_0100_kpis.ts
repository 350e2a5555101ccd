/**
 * KPIs (issue 12): the company's targets, the permissions to read and configure them, the attribution an issue's
 * resolution keeps, and the indexes the figures are counted from.
 *
 * - `companies.kpi_targets`: JSON KpiTargets (kpis/targets.ts); null means the defaults of the regulations.
 * - `kpis.read` (figures of one's scope) goes to the stored admin, manager and supervisor roles, `kpis.configure`
 *   (the targets) to admin and manager, `kpis.read_own` (a visitor's own figures) to visitor, as new companies get.
 * - `issues.resolved_department_id`: the department an issue was resolved by, written when it is resolved and
 *   cleared when it is reopened, so that a later reassignment does not move past figures by department. Issues
 *   resolved before this step get the department they have now, the best that is known.
 */
import { sql } from 'kysely';
import type { Migration } from './helpers.js';

const GRANTS: Record<string, string[]> = {
  admin: ['kpis.read', 'kpis.configure', 'kpis.read_own'],
  manager: ['kpis.read', 'kpis.configure'],
  supervisor: ['kpis.read'],
  visitor: ['kpis.read_own'],
};

export const kpis: Migration = {
  async up(db, dialect) {
    const run = (statement: string) => sql.raw(statement).execute(db);
    await db.schema.alterTable('companies').addColumn('kpi_targets', 'text').execute();
    await db.schema.alterTable('issues').addColumn('resolved_department_id', dialect === 'postgres' ? 'bigint' : 'integer').execute();
    await run('UPDATE issues SET resolved_department_id = department_id WHERE resolved_at IS NOT NULL');

    const roles = await db.selectFrom('roles').select(['id', 'key', 'permissions']).where('key', 'in', Object.keys(GRANTS)).execute();
    for (const role of roles as { id: number; key: string; permissions: string }[]) {
      const merged = [...new Set([...(JSON.parse(role.permissions) as string[]), ...GRANTS[role.key]])].sort();
      await db.updateTable('roles').set({ permissions: JSON.stringify(merged) }).where('id', '=', role.id).execute();
    }

    // Completion (回访完成率): the tasks due in a period, company-wide, by status. The list indexes are partial
    // (open / closed) or lead with the community; this one serves a company's date range in one range scan.
    await run('CREATE INDEX visit_tasks_company_due_idx ON visit_tasks (company_id, due_date, status)');
    // Resolution, on-time resolution: issues whose resolution falls due in a period.
    await run('CREATE INDEX issues_company_resolve_due_idx ON issues (company_id, resolve_due_at)');
    // On-time reply by mode: issues whose reply falls due in a period.
    await run('CREATE INDEX issues_company_reply_due_idx ON issues (company_id, reply_due_at)');
    // Adoption, complaints per 100 households, praise: issues of a kind raised in a period.
    await run('CREATE INDEX issues_company_kind_raised_idx ON issues (company_id, kind, raised_at)');
    // Working days to resolve: issues resolved in a period.
    await run('CREATE INDEX issues_company_resolved_idx ON issues (company_id, resolved_at)');
    // Reopen rate: the resolve and reopen events of a period.
    await run('CREATE INDEX issue_events_company_event_idx ON issue_events (company_id, event, at)');
  },
};
