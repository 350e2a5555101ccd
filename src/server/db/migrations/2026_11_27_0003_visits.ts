/**
 * Questionnaires with immutable versions, service dimensions, visit tasks with their contact attempts,
 * visit records with the items raised in them, corrections and attachments.
 */
import { sql } from 'kysely';
import { columns, notNull, type Migration } from './helpers.js';

export const visits: Migration = {
  async up(db, dialect) {
    const c = columns(dialect);
    const date = dialect === 'postgres' ? 'date' : 'text';

    await c.id(db.schema.createTable('service_dimensions'))
      .addColumn('company_id', c.ref, (col) => col.notNull().references('companies.id'))
      .addColumn('name', 'text', notNull)
      .addColumn('position', 'integer', notNull)
      .addUniqueConstraint('service_dimensions_company_name_uq', ['company_id', 'name'])
      .execute();

    await c.id(db.schema.createTable('questionnaires'))
      .addColumn('company_id', c.ref, (col) => col.notNull().references('companies.id'))
      .addColumn('name', 'text', notNull)
      .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('scope', 'text', notNull)
      .addColumn('community_id', c.ref, (col) => col.references('communities.id'))
      .addColumn('property_type', 'text')
      .addColumn('status', 'text', (col) => col.notNull().defaultTo('active'))
      .addColumn('builtin', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('created_at', c.timestamp, notNull)
      .addColumn('updated_at', c.timestamp, notNull)
      .execute();
    await db.schema.createIndex('questionnaires_company_idx').on('questionnaires').columns(['company_id', 'status']).execute();

    await c.id(db.schema.createTable('questionnaire_versions'))
      .addColumn('questionnaire_id', c.ref, (col) => col.notNull().references('questionnaires.id'))
      .addColumn('company_id', c.ref, (col) => col.notNull().references('companies.id'))
      .addColumn('version', 'integer', notNull)
      .addColumn('questions', 'text', notNull)
      .addColumn('published_at', c.timestamp, notNull)
      .addColumn('published_by', c.ref, (col) => col.references('users.id'))
      .addUniqueConstraint('questionnaire_versions_uq', ['questionnaire_id', 'version'])
      .execute();

    await c.id(db.schema.createTable('visit_tasks'))
      .addColumn('company_id', c.ref, (col) => col.notNull().references('companies.id'))
      .addColumn('community_id', c.ref, (col) => col.notNull().references('communities.id'))
      .addColumn('household_id', c.ref, (col) => col.notNull().references('households.id'))
      .addColumn('resident_id', c.ref, (col) => col.references('residents.id'))
      .addColumn('reason', 'text', notNull)
      .addColumn('method', 'text', notNull)
      .addColumn('assignee_id', c.ref, (col) => col.references('users.id'))
      .addColumn('due_date', date, notNull)
      .addColumn('appointment_at', c.timestamp)
      .addColumn('status', 'text', notNull)
      .addColumn('attempt_count', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('questionnaire_id', c.ref, (col) => col.references('questionnaires.id'))
      .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('cancel_reason', 'text')
      .addColumn('created_by', c.ref, (col) => col.references('users.id'))
      .addColumn('created_at', c.timestamp, notNull)
      .addColumn('updated_at', c.timestamp, notNull)
      .execute();
    // Serves a visitor's list in due-date order (all / today / overdue / upcoming) and its count without
    // touching the table: the scope and status columns ride along in the index.
    await db.schema
      .createIndex('visit_tasks_assignee_idx')
      .on('visit_tasks')
      .columns(['assignee_id', 'due_date', 'status', 'community_id', 'company_id'])
      .execute();
    // Serves "appointments today" in the visitor's today view.
    await db.schema.createIndex('visit_tasks_assignee_appointment_idx').on('visit_tasks').columns(['assignee_id', 'appointment_at']).execute();
    // Serves the supervisor's list of a community by due date.
    await db.schema.createIndex('visit_tasks_community_idx').on('visit_tasks').columns(['community_id', 'due_date']).execute();
    await db.schema.createIndex('visit_tasks_household_idx').on('visit_tasks').columns(['household_id', 'status']).execute();

    await c.id(db.schema.createTable('visit_attempts'))
      .addColumn('task_id', c.ref, (col) => col.notNull().references('visit_tasks.id'))
      .addColumn('company_id', c.ref, (col) => col.notNull().references('companies.id'))
      .addColumn('at', c.timestamp, notNull)
      .addColumn('result', 'text', notNull)
      .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('user_id', c.ref, (col) => col.references('users.id'))
      .execute();
    await db.schema.createIndex('visit_attempts_task_idx').on('visit_attempts').columns(['task_id', 'at']).execute();

    await c.id(db.schema.createTable('visit_records'))
      .addColumn('company_id', c.ref, (col) => col.notNull().references('companies.id'))
      .addColumn('community_id', c.ref, (col) => col.notNull().references('communities.id'))
      .addColumn('task_id', c.ref, (col) => col.notNull().unique().references('visit_tasks.id'))
      .addColumn('household_id', c.ref, (col) => col.notNull().references('households.id'))
      .addColumn('resident_id', c.ref, (col) => col.references('residents.id'))
      .addColumn('visitor_id', c.ref, (col) => col.notNull().references('users.id'))
      .addColumn('method', 'text', notNull)
      .addColumn('reason', 'text', notNull)
      .addColumn('outcome', 'text', notNull)
      .addColumn('started_at', c.timestamp, notNull)
      .addColumn('ended_at', c.timestamp, notNull)
      .addColumn('visit_date', date, notNull)
      .addColumn('backdated', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('spoken_to', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('questionnaire_version_id', c.ref, (col) => col.references('questionnaire_versions.id'))
      .addColumn('answers', 'text', notNull)
      .addColumn('average_score', c.float)
      .addColumn('opinions', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('suggestions', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('improvement_measures', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('item_count', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('idempotency_key', 'text')
      .addColumn('created_at', c.timestamp, notNull)
      .execute();
    // Serves the supervisor's record list: a community's records newest first, filtered by date.
    await db.schema.createIndex('visit_records_community_idx').on('visit_records').columns(['community_id', 'visit_date']).execute();
    await db.schema.createIndex('visit_records_household_idx').on('visit_records').columns(['household_id', 'visit_date']).execute();
    await db.schema.createIndex('visit_records_visitor_idx').on('visit_records').columns(['visitor_id', 'visit_date']).execute();
    // A retried submission with the same Idempotency-Key finds the record it already created.
    await sql`CREATE UNIQUE INDEX visit_records_idempotency_uq ON visit_records (company_id, idempotency_key) WHERE idempotency_key IS NOT NULL`.execute(db);

    await c.id(db.schema.createTable('visit_record_items'))
      .addColumn('record_id', c.ref, (col) => col.notNull().references('visit_records.id'))
      .addColumn('company_id', c.ref, (col) => col.notNull().references('companies.id'))
      .addColumn('community_id', c.ref, (col) => col.notNull().references('communities.id'))
      .addColumn('household_id', c.ref, (col) => col.notNull().references('households.id'))
      .addColumn('kind', 'text', notNull)
      .addColumn('category', 'text', notNull)
      .addColumn('description', 'text', notNull)
      .addColumn('raised_on', date, notNull)
      .execute();
    await db.schema.createIndex('visit_record_items_record_idx').on('visit_record_items').column('record_id').execute();
    // Serves the briefing: what a community complained about in the last 30 days, and a household's items.
    await db.schema.createIndex('visit_record_items_community_idx').on('visit_record_items').columns(['community_id', 'raised_on']).execute();
    await db.schema.createIndex('visit_record_items_household_idx').on('visit_record_items').columns(['household_id', 'raised_on']).execute();

    await c.id(db.schema.createTable('visit_record_corrections'))
      .addColumn('record_id', c.ref, (col) => col.notNull().references('visit_records.id'))
      .addColumn('user_id', c.ref, (col) => col.references('users.id'))
      .addColumn('at', c.timestamp, notNull)
      .addColumn('reason', 'text', notNull)
      .addColumn('fields', 'text', notNull)
      .execute();
    await db.schema.createIndex('visit_record_corrections_record_idx').on('visit_record_corrections').column('record_id').execute();

    await c.id(db.schema.createTable('attachments'))
      .addColumn('company_id', c.ref, (col) => col.notNull().references('companies.id'))
      .addColumn('community_id', c.ref, (col) => col.references('communities.id'))
      .addColumn('record_id', c.ref, (col) => col.references('visit_records.id'))
      .addColumn('uploaded_by', c.ref, (col) => col.references('users.id'))
      .addColumn('file_name', 'text', notNull)
      .addColumn('content_type', 'text', notNull)
      .addColumn('size', 'integer', notNull)
      .addColumn('sha256', 'text', notNull)
      .addColumn('content', dialect === 'postgres' ? 'bytea' : 'blob', notNull)
      .addColumn('created_at', c.timestamp, notNull)
      .execute();
    await db.schema.createIndex('attachments_record_idx').on('attachments').column('record_id').execute();

    const added: Record<string, string[]> = {
      admin: ['questionnaires.manage', 'visits.manage', 'visits.read', 'visits.work', 'visits.export'],
      manager: ['visits.read', 'visits.export'],
      supervisor: ['questionnaires.manage', 'visits.manage', 'visits.read', 'visits.work', 'visits.export'],
      visitor: ['visits.work'],
    };
    const roles = await db.selectFrom('roles').select(['id', 'key', 'permissions']).where('key', 'is not', null).execute();
    for (const role of roles as { id: number; key: string; permissions: string }[]) {
      const merged = [...new Set([...(JSON.parse(role.permissions) as string[]), ...(added[role.key] ?? [])])].sort();
      await db.updateTable('roles').set({ permissions: JSON.stringify(merged) }).where('id', '=', role.id).execute();
    }
  },
};
