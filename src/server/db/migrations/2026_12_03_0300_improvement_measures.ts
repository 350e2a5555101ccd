/**
 * Improvement measures (改进措施, issue 12): what a company did about a service dimension or an issue category, in
 * one community or company-wide (`community_id` null), from a start date, with an owner and a status; the console
 * shows that dimension's satisfaction or that category's issues before and after the start (improvements/).
 *
 * - `target_kind` 'dimension' names a service dimension by its name (`dimension`, as questions name it);
 *   'category' names an issue category (`category_id`). Exactly one of the two is set.
 * - `start_date` / `end_date`: Shanghai calendar dates; `end_date` null while it runs.
 * - `improvements.read` goes to the stored admin, manager and supervisor roles, `improvements.manage` too (a
 *   supervisor's within their communities), as new companies get.
 */
import { sql } from 'kysely';
import { columns, notNull, type Migration } from './helpers.js';

const GRANTS: Record<string, string[]> = {
  admin: ['improvements.read', 'improvements.manage'],
  manager: ['improvements.read', 'improvements.manage'],
  supervisor: ['improvements.read', 'improvements.manage'],
};

export const improvementMeasures: Migration = {
  async up(db, dialect) {
    const c = columns(dialect);
    const date = dialect === 'postgres' ? 'date' : 'text';

    await c.id(db.schema.createTable('improvement_measures'))
      .addColumn('company_id', c.ref, (col) => col.notNull().references('companies.id'))
      .addColumn('community_id', c.ref, (col) => col.references('communities.id'))
      .addColumn('title', 'text', notNull)
      .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('target_kind', 'text', notNull)
      .addColumn('dimension', 'text')
      .addColumn('category_id', c.ref, (col) => col.references('issue_categories.id'))
      .addColumn('start_date', date, notNull)
      .addColumn('end_date', date)
      .addColumn('owner_id', c.ref, (col) => col.references('users.id'))
      .addColumn('status', 'text', (col) => col.notNull().defaultTo('planned'))
      .addColumn('created_by', c.ref, (col) => col.references('users.id'))
      .addColumn('created_at', c.timestamp, notNull)
      .addColumn('updated_by', c.ref, (col) => col.references('users.id'))
      .addColumn('updated_at', c.timestamp, notNull)
      .execute();
    // The list: a company's measures (of some communities, of a status), newest start first.
    await sql.raw('CREATE INDEX improvement_measures_company_idx ON improvement_measures (company_id, start_date, id)').execute(db);

    const roles = await db.selectFrom('roles').select(['id', 'key', 'permissions']).where('key', 'in', Object.keys(GRANTS)).execute();
    for (const role of roles as { id: number; key: string; permissions: string }[]) {
      const merged = [...new Set([...(JSON.parse(role.permissions) as string[]), ...GRANTS[role.key]])].sort();
      await db.updateTable('roles').set({ permissions: JSON.stringify(merged) }).where('id', '=', role.id).execute();
    }
  },
};
