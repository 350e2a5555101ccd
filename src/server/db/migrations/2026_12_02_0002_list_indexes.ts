/**
 * Indexes that let every list read its page in its own order straight from an index, and count its matches up to
 * the bound without touching the display tables (db/paging.ts). Each says which list it serves. The partial
 * indexes name task and issue statuses as literals, and the lists repeat exactly these literals
 * (visits/task-queries.ts, issues/queries.ts): SQLite uses a partial index only when the query's WHERE names its
 * condition as written.
 */
import { sql } from 'kysely';
import type { Migration } from './helpers.js';

export const listIndexes: Migration = {
  async up(db) {
    const run = (statement: string) => sql.raw(statement).execute(db);
    // 回访记录: the company's records newest first (a company-wide user, a date range), and a community's; the id
    // makes the order total, so a cursor (visit_date, id) resumes inside a day. The company leads both, so that the
    // scope's own filter and the count are answered from the index alone.
    await run('CREATE INDEX visit_records_company_date_idx ON visit_records (company_id, visit_date, id)');
    await run('DROP INDEX visit_records_community_idx');
    await run('CREATE INDEX visit_records_community_idx ON visit_records (company_id, community_id, visit_date, id)');

    // 回访任务 (view all, today, overdue, upcoming): open tasks by due date, and the closed ones most recent first;
    // a partial index each, so neither walks past the other's rows.
    const open = "status IN ('pending', 'appointed')";
    await run(`CREATE INDEX visit_tasks_open_company_idx ON visit_tasks (company_id, due_date, id) WHERE ${open}`);
    await run(`CREATE INDEX visit_tasks_open_community_idx ON visit_tasks (company_id, community_id, due_date, id) WHERE ${open}`);
    await run(`CREATE INDEX visit_tasks_closed_company_idx ON visit_tasks (company_id, due_date, id) WHERE status NOT IN ('pending', 'appointed')`);
    await run(`CREATE INDEX visit_tasks_closed_community_idx ON visit_tasks (company_id, community_id, due_date, id) WHERE status NOT IN ('pending', 'appointed')`);
    // Counts of a company's or a community's tasks, from the index alone.
    await run('DROP INDEX visit_tasks_community_idx');
    await run('CREATE INDEX visit_tasks_community_idx ON visit_tasks (company_id, community_id, due_date, id)');
    // The "today" view's appointments of a company or a community.
    await run('CREATE INDEX visit_tasks_company_appointment_idx ON visit_tasks (company_id, appointment_at)');

    // 问题跟踪: the company's issues newest first, and a community's; the counts of a status, the deadline filters
    // (overdue, due soon) and 督办 read issues_company_status_idx alone.
    await run('CREATE INDEX issues_company_idx ON issues (company_id, id)');
    await run('CREATE INDEX issues_company_community_idx ON issues (company_id, community_id, id)');
    await run(
      'CREATE INDEX issues_company_status_idx ON issues (company_id, status, community_id, resolve_due_at, reply_due_at, replied_at, escalation_level, unconfirmed_at)',
    );
    // 督办: open and resolved issues by resolution deadline (the earliest first, the newest first within one).
    await run(
      "CREATE INDEX issues_supervision_idx ON issues (company_id, resolve_due_at, id DESC) WHERE status IN ('new', 'assigned', 'in_progress', 'reopened', 'resolved')",
    );

    // 住户查询: households in natural room order, company-wide or by community; the id makes the order total.
    await run('CREATE INDEX households_company_sort_idx ON households (company_id, community_id, sort_key, id)');

    // 操作日志: newest first, the id breaking ties within one millisecond.
    await run('DROP INDEX audit_log_company_at_idx');
    await run('CREATE INDEX audit_log_company_at_idx ON audit_log (company_id, at, id)');
  },
};
