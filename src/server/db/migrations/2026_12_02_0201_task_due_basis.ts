/**
 * A visit task whose due date is counted in working days (the confirmation visit, the complainant's follow-up)
 * keeps what it was counted from — `due_from` (YYYY-MM-DD) and `due_working_days` — so that a change of the
 * working-day calendar can recount it, and `due_provisional` (1 when the count crossed a year without its
 * State Council notice). Tasks with a due date chosen by a person have neither.
 */
import type { Migration } from './helpers.js';

export const taskDueBasis: Migration = {
  async up(db) {
    await db.schema.alterTable('visit_tasks').addColumn('due_from', 'text').execute();
    await db.schema.alterTable('visit_tasks').addColumn('due_working_days', 'integer').execute();
    await db.schema.alterTable('visit_tasks').addColumn('due_provisional', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  },
};
