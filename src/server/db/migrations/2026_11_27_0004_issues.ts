/**
 * Issues raised in visits or entered directly, with their categories and routing, timeline, replies,
 * the working-day calendar overrides, the notification outbox and the staff's in-app notifications.
 * Departments get a head (the first level of escalation); visit tasks and attachments can belong to an
 * issue (confirmation visits, photos of the result).
 */
import { columns, notNull, type Migration } from './helpers.js';

/**
 * The default categories as they stood when this migration was written, given to companies that existed then.
 * A migration carries its own data: a later change to the defaults of new companies (issues/defaults.ts)
 * must not change what this step did.
 */
const CATEGORIES_2026_11_27: readonly { code: string; name: string; department: string; resolveDays: number }[] = [
  { code: 'cleaning', name: '保洁', department: 'CLEAN', resolveDays: 2 },
  { code: 'security', name: '安保', department: 'SEC', resolveDays: 2 },
  { code: 'greening', name: '绿化', department: 'GREEN', resolveDays: 5 },
  { code: 'repair', name: '维修/工程', department: 'ENG', resolveDays: 5 },
  { code: 'facilities', name: '设施设备', department: 'ENG', resolveDays: 7 },
  { code: 'fees', name: '收费', department: 'CS', resolveDays: 5 },
  { code: 'parking', name: '停车', department: 'SEC', resolveDays: 3 },
  { code: 'noise', name: '噪音', department: 'SEC', resolveDays: 3 },
  { code: 'neighbours', name: '邻里', department: 'CS', resolveDays: 7 },
  { code: 'other', name: '其他', department: 'CS', resolveDays: 7 },
];

export const issues: Migration = {
  async up(db, dialect) {
    const c = columns(dialect);
    const date = dialect === 'postgres' ? 'date' : 'text';

    await db.schema.alterTable('companies').addColumn('issue_settings', 'text').execute();
    await db.schema.alterTable('departments').addColumn('head_id', c.ref, (col) => col.references('users.id')).execute();

    await c.id(db.schema.createTable('issue_categories'))
      .addColumn('company_id', c.ref, (col) => col.notNull().references('companies.id'))
      .addColumn('code', 'text', notNull)
      .addColumn('name', 'text', notNull)
      .addColumn('department_id', c.ref, (col) => col.references('departments.id'))
      .addColumn('resolve_days', 'integer', notNull)
      .addColumn('position', 'integer', notNull)
      .addColumn('active', 'integer', (col) => col.notNull().defaultTo(1))
      .addColumn('created_at', c.timestamp, notNull)
      .addUniqueConstraint('issue_categories_company_name_uq', ['company_id', 'name'])
      .addUniqueConstraint('issue_categories_company_code_uq', ['company_id', 'code'])
      .execute();

    await c.id(db.schema.createTable('issues'))
      .addColumn('company_id', c.ref, (col) => col.notNull().references('companies.id'))
      .addColumn('community_id', c.ref, (col) => col.notNull().references('communities.id'))
      .addColumn('household_id', c.ref, (col) => col.references('households.id'))
      .addColumn('resident_id', c.ref, (col) => col.references('residents.id'))
      .addColumn('record_id', c.ref, (col) => col.references('visit_records.id'))
      .addColumn('record_item_id', c.ref, (col) => col.unique().references('visit_record_items.id'))
      .addColumn('kind', 'text', notNull)
      .addColumn('category_id', c.ref, (col) => col.notNull().references('issue_categories.id'))
      .addColumn('description', 'text', notNull)
      .addColumn('channel', 'text', notNull)
      .addColumn('raised_at', c.timestamp, notNull)
      .addColumn('reply_mode', 'text', notNull)
      .addColumn('priority', 'text', notNull)
      .addColumn('department_id', c.ref, (col) => col.references('departments.id'))
      .addColumn('assignee_id', c.ref, (col) => col.references('users.id'))
      .addColumn('status', 'text', notNull)
      .addColumn('adoption', 'text')
      .addColumn('adoption_plan', 'text')
      .addColumn('adoption_planned_date', date)
      .addColumn('adoption_reason', 'text')
      .addColumn('resolution', 'text')
      .addColumn('satisfaction', 'integer')
      .addColumn('withdraw_reason', 'text')
      .addColumn('praised_user_id', c.ref, (col) => col.references('users.id'))
      .addColumn('praised_department_id', c.ref, (col) => col.references('departments.id'))
      .addColumn('reply_due_at', c.timestamp)
      .addColumn('resolve_due_at', c.timestamp)
      .addColumn('replied_at', c.timestamp)
      .addColumn('resolved_at', c.timestamp)
      .addColumn('closed_at', c.timestamp)
      .addColumn('expected_resolve_date', date)
      .addColumn('escalation_level', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('escalated_at', c.timestamp)
      .addColumn('reopen_count', 'integer', (col) => col.notNull().defaultTo(0))
      // Which deadline notices were sent: bit 1 reply reminder, 2 reply overdue, 4 resolution reminder.
      .addColumn('notices', 'integer', (col) => col.notNull().defaultTo(0))
      // When the escalation sweep must next look at the issue; null when nothing is pending.
      .addColumn('check_at', c.timestamp)
      .addColumn('created_by', c.ref, (col) => col.references('users.id'))
      .addColumn('created_at', c.timestamp, notNull)
      .addColumn('updated_at', c.timestamp, notNull)
      .execute();
    // Serves the issue list of a community (filtered by status) and its counts.
    await db.schema.createIndex('issues_community_idx').on('issues').columns(['community_id', 'status', 'created_at']).execute();
    // Serves a department's queue and an assignee's own list.
    await db.schema.createIndex('issues_department_idx').on('issues').columns(['department_id', 'status']).execute();
    await db.schema.createIndex('issues_assignee_idx').on('issues').columns(['assignee_id', 'status']).execute();
    await db.schema.createIndex('issues_household_idx').on('issues').column('household_id').execute();
    await db.schema.createIndex('issues_record_idx').on('issues').column('record_id').execute();
    // Serves the escalation sweep: only issues whose next check has come are read, however many are open.
    await db.schema.createIndex('issues_check_idx').on('issues').column('check_at').execute();

    // The timeline and the outbox are append-only and written only by use cases that hold the rows they
    // name. Like the audit log they carry no foreign keys: the escalation sweep writes thousands of rows at
    // a time, and on PostgreSQL each key costs a lookup (and a row lock) per row — measured at 0.9 s of a
    // 2.4 s sweep of 10,000 due issues.
    await c.id(db.schema.createTable('issue_events'))
      .addColumn('issue_id', c.ref, notNull)
      .addColumn('company_id', c.ref, notNull)
      .addColumn('at', c.timestamp, notNull)
      .addColumn('actor_id', c.ref)
      .addColumn('actor_name', 'text')
      .addColumn('type', 'text', notNull)
      .addColumn('event', 'text')
      .addColumn('from_status', 'text')
      .addColumn('to_status', 'text')
      .addColumn('comment', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('data', 'text', (col) => col.notNull().defaultTo('{}'))
      .execute();
    // Serves an issue's timeline in order.
    await db.schema.createIndex('issue_events_issue_idx').on('issue_events').columns(['issue_id', 'id']).execute();

    await c.id(db.schema.createTable('issue_replies'))
      .addColumn('issue_id', c.ref, (col) => col.notNull().references('issues.id'))
      .addColumn('company_id', c.ref, (col) => col.notNull().references('companies.id'))
      .addColumn('mode', 'text', notNull)
      .addColumn('content', 'text', notNull)
      .addColumn('replied_by', c.ref, (col) => col.references('users.id'))
      .addColumn('replied_at', c.timestamp, notNull)
      .addColumn('on_time', 'integer', notNull)
      .execute();
    await db.schema.createIndex('issue_replies_issue_idx').on('issue_replies').column('issue_id').execute();

    await db.schema.alterTable('attachments').addColumn('issue_id', c.ref, (col) => col.references('issues.id')).execute();
    await db.schema.createIndex('attachments_issue_idx').on('attachments').column('issue_id').execute();
    await db.schema.alterTable('visit_tasks').addColumn('issue_id', c.ref, (col) => col.references('issues.id')).execute();
    await db.schema.createIndex('visit_tasks_issue_idx').on('visit_tasks').column('issue_id').execute();

    await c.id(db.schema.createTable('calendar_overrides'))
      .addColumn('company_id', c.ref, (col) => col.notNull().references('companies.id'))
      .addColumn('date', date, notNull)
      .addColumn('kind', 'text', notNull)
      .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('created_by', c.ref, (col) => col.references('users.id'))
      .addColumn('created_at', c.timestamp, notNull)
      // One override per date: a date cannot be both a holiday and a working day.
      .addUniqueConstraint('calendar_overrides_company_date_uq', ['company_id', 'date'])
      .execute();

    await c.id(db.schema.createTable('outbox'))
      .addColumn('company_id', c.ref, notNull)
      .addColumn('channel', 'text', notNull)
      .addColumn('recipient_user_id', c.ref)
      .addColumn('recipient_resident_id', c.ref)
      .addColumn('kind', 'text', notNull)
      .addColumn('title', 'text', notNull)
      .addColumn('body', 'text', notNull)
      .addColumn('link', 'text')
      // The same notice is never queued twice (two sweeps, two instances): the key names it.
      .addColumn('dedupe_key', 'text', (col) => col.unique())
      .addColumn('status', 'text', notNull)
      .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('available_at', c.timestamp, notNull)
      .addColumn('locked_until', c.timestamp)
      .addColumn('sent_at', c.timestamp)
      .addColumn('provider', 'text')
      .addColumn('error', 'text')
      .addColumn('created_at', c.timestamp, notNull)
      .execute();
    // Serves the delivery job: pending messages in order.
    await db.schema.createIndex('outbox_pending_idx').on('outbox').columns(['status', 'available_at']).execute();

    await c.id(db.schema.createTable('notifications'))
      .addColumn('company_id', c.ref, (col) => col.notNull().references('companies.id'))
      .addColumn('user_id', c.ref, (col) => col.notNull().references('users.id'))
      .addColumn('outbox_id', c.ref, (col) => col.unique().references('outbox.id'))
      .addColumn('kind', 'text', notNull)
      .addColumn('title', 'text', notNull)
      .addColumn('body', 'text', notNull)
      .addColumn('link', 'text')
      .addColumn('created_at', c.timestamp, notNull)
      .addColumn('read_at', c.timestamp)
      .execute();
    // Serves the bell: a user's notifications newest first and the unread count.
    await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'read_at', 'id']).execute();

    const now = new Date().toISOString();
    const companies = (await db.selectFrom('companies').select('id').execute()) as { id: number }[];
    for (const { id: companyId } of companies) {
      const departments = (await db.selectFrom('departments').select(['id', 'code']).where('company_id', '=', companyId).execute()) as { id: number; code: string }[];
      await db
        .insertInto('issue_categories')
        .values(
          CATEGORIES_2026_11_27.map((cat, position) => ({
            company_id: companyId,
            code: cat.code,
            name: cat.name,
            department_id: departments.find((d) => d.code === cat.department)?.id ?? null,
            resolve_days: cat.resolveDays,
            position,
            active: 1,
            created_at: now,
          })),
        )
        .execute();
    }

    const added: Record<string, string[]> = {
      admin: ['issues.read', 'issues.create', 'issues.handle', 'issues.manage', 'issues.oversee', 'issues.configure'],
      manager: ['issues.read', 'issues.manage', 'issues.oversee'],
      supervisor: ['issues.read', 'issues.create', 'issues.handle', 'issues.manage'],
      visitor: ['issues.read', 'issues.create'],
      handler: ['issues.read', 'issues.handle'],
    };
    const roles = await db.selectFrom('roles').select(['id', 'key', 'permissions']).where('key', 'is not', null).execute();
    for (const role of roles as { id: number; key: string; permissions: string }[]) {
      const merged = [...new Set([...(JSON.parse(role.permissions) as string[]), ...(added[role.key] ?? [])])].sort();
      await db.updateTable('roles').set({ permissions: JSON.stringify(merged) }).where('id', '=', role.id).execute();
    }
  },
};
