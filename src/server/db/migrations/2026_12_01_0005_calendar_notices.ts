/**
 * Years beyond the official holiday data: a company's administrator enters the State Council notice of a
 * year (its holidays and make-up working days) in `calendar_notices`; until then the year's deadlines are
 * computed on the provisional calendar of the holiday regulation and marked provisional on the issue.
 * Issues also keep the length of each period in working days and where the resolution period started, so
 * that an entered notice or a changed override can recompute the open deadlines it affects.
 */
import { sql } from 'kysely';
import { columns, notNull, type Migration } from './helpers.js';

export const calendarNotices: Migration = {
  async up(db, dialect) {
    const c = columns(dialect);

    await c.id(db.schema.createTable('calendar_notices'))
      .addColumn('company_id', c.ref, (col) => col.notNull().references('companies.id'))
      .addColumn('year', 'integer', notNull)
      // JSON: [{ "date": "2027-01-01", "name": "元旦" }, …] and ["2027-02-14", …]
      .addColumn('holidays', 'text', notNull)
      .addColumn('workdays', 'text', notNull)
      // What the administrator pasted or uploaded, kept as the source of the entry.
      .addColumn('source_text', 'text', notNull)
      .addColumn('created_by', c.ref, (col) => col.references('users.id'))
      .addColumn('created_at', c.timestamp, notNull)
      // One notice per year and company; entering it again replaces it.
      .addUniqueConstraint('calendar_notices_company_year_uq', ['company_id', 'year'])
      .execute();

    await db.schema.alterTable('issues').addColumn('reply_days', 'integer').execute();
    await db.schema.alterTable('issues').addColumn('resolve_days', 'integer').execute();
    await db.schema.alterTable('issues').addColumn('resolve_from', c.timestamp).execute();
    await db.schema.alterTable('issues').addColumn('reply_due_provisional', 'integer', (col) => col.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('issues').addColumn('resolve_due_provisional', 'integer', (col) => col.notNull().defaultTo(0)).execute();

    // Existing issues: the periods of the default settings and their category, counted from when they were
    // raised or last reopened.
    await sql`UPDATE issues SET
        reply_days = CASE WHEN reply_due_at IS NULL THEN NULL WHEN reply_mode = 'oral' THEN 0 ELSE 3 END,
        resolve_days = CASE WHEN resolve_due_at IS NULL THEN NULL ELSE (SELECT resolve_days FROM issue_categories WHERE issue_categories.id = issues.category_id) END,
        resolve_from = COALESCE((SELECT MAX(e.at) FROM issue_events e WHERE e.issue_id = issues.id AND e.event = 'reopen'), raised_at)`.execute(db);
  },
};
