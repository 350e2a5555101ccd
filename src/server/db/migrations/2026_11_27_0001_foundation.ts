/**
 * Foundation: companies, communities, departments, roles, users and their community scope,
 * sessions, API tokens, login attempts and the append-only audit log.
 */
import { sql } from 'kysely';
import { columns, notNull, type Migration } from './helpers.js';

export const foundation: Migration = {
  async up(db, dialect) {
    const c = columns(dialect);

    await c.id(db.schema.createTable('companies'))
      .addColumn('name', 'text', notNull)
      .addColumn('created_at', c.timestamp, notNull)
      .execute();

    await c.id(db.schema.createTable('communities'))
      .addColumn('company_id', c.ref, (col) => col.notNull().references('companies.id'))
      .addColumn('name', 'text', notNull)
      .addColumn('code', 'text', notNull)
      .addColumn('type', 'text', notNull)
      .addColumn('address', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('status', 'text', (col) => col.notNull().defaultTo('active'))
      .addColumn('created_at', c.timestamp, notNull)
      .addColumn('updated_at', c.timestamp, notNull)
      .addUniqueConstraint('communities_company_code_uq', ['company_id', 'code'])
      .execute();
    // Serves the community list, which is always filtered by company and ordered by name.
    await db.schema.createIndex('communities_company_name_idx').on('communities').columns(['company_id', 'name']).execute();

    await c.id(db.schema.createTable('departments'))
      .addColumn('company_id', c.ref, (col) => col.notNull().references('companies.id'))
      .addColumn('name', 'text', notNull)
      .addColumn('code', 'text', notNull)
      .addColumn('created_at', c.timestamp, notNull)
      .addUniqueConstraint('departments_company_code_uq', ['company_id', 'code'])
      .execute();

    await c.id(db.schema.createTable('roles'))
      .addColumn('company_id', c.ref, (col) => col.notNull().references('companies.id'))
      .addColumn('key', 'text')
      .addColumn('name', 'text', notNull)
      .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('permissions', 'text', notNull)
      .addColumn('created_at', c.timestamp, notNull)
      .addColumn('updated_at', c.timestamp, notNull)
      .addUniqueConstraint('roles_company_name_uq', ['company_id', 'name'])
      .addUniqueConstraint('roles_company_key_uq', ['company_id', 'key'])
      .execute();

    await c.id(db.schema.createTable('users'))
      .addColumn('company_id', c.ref, (col) => col.notNull().references('companies.id'))
      .addColumn('username', 'text', (col) => col.notNull().unique())
      .addColumn('display_name', 'text', notNull)
      .addColumn('phone', 'text')
      .addColumn('password_hash', 'text', notNull)
      .addColumn('must_change_password', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('role_id', c.ref, (col) => col.notNull().references('roles.id'))
      .addColumn('department_id', c.ref, (col) => col.references('departments.id'))
      .addColumn('status', 'text', (col) => col.notNull().defaultTo('active'))
      .addColumn('locale', 'text', (col) => col.notNull().defaultTo('zh-CN'))
      .addColumn('last_login_at', c.timestamp)
      .addColumn('created_at', c.timestamp, notNull)
      .addColumn('updated_at', c.timestamp, notNull)
      .execute();
    // Serves the user list of a company.
    await db.schema.createIndex('users_company_idx').on('users').columns(['company_id', 'username']).execute();
    // Serves "which users hold this role" when a role is deleted.
    await db.schema.createIndex('users_role_idx').on('users').column('role_id').execute();

    await db.schema
      .createTable('user_communities')
      .addColumn('user_id', c.ref, (col) => col.notNull().references('users.id').onDelete('cascade'))
      .addColumn('community_id', c.ref, (col) => col.notNull().references('communities.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('user_communities_pk', ['user_id', 'community_id'])
      .execute();
    // Serves "who works in this community" (user list filtered by community).
    await db.schema.createIndex('user_communities_community_idx').on('user_communities').columns(['community_id', 'user_id']).execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('user_id', c.ref, (col) => col.notNull().references('users.id').onDelete('cascade'))
      .addColumn('csrf_token', 'text', notNull)
      .addColumn('created_at', c.timestamp, notNull)
      .addColumn('last_seen_at', c.timestamp, notNull)
      .addColumn('expires_at', c.timestamp, notNull)
      .addColumn('ip', 'text')
      .addColumn('user_agent', 'text')
      .execute();
    // Serves ending every session of a user (disable, password change).
    await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

    await c.id(db.schema.createTable('api_tokens'))
      .addColumn('user_id', c.ref, (col) => col.notNull().references('users.id').onDelete('cascade'))
      .addColumn('name', 'text', notNull)
      .addColumn('prefix', 'text', notNull)
      .addColumn('token_hash', 'text', (col) => col.notNull().unique())
      .addColumn('created_at', c.timestamp, notNull)
      .addColumn('expires_at', c.timestamp)
      .addColumn('last_used_at', c.timestamp)
      .addColumn('revoked_at', c.timestamp)
      .execute();
    await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').column('user_id').execute();

    await c.id(db.schema.createTable('login_attempts'))
      .addColumn('username', 'text', notNull)
      .addColumn('ip', 'text', notNull)
      .addColumn('at', c.timestamp, notNull)
      .addColumn('succeeded', 'integer', notNull)
      .execute();
    // Serve the throttle's two counts: recent failures per username and per IP.
    await db.schema.createIndex('login_attempts_username_idx').on('login_attempts').columns(['username', 'at']).execute();
    await db.schema.createIndex('login_attempts_ip_idx').on('login_attempts').columns(['ip', 'at']).execute();

    await c.id(db.schema.createTable('audit_log'))
      .addColumn('company_id', c.ref, (col) => col.references('companies.id'))
      .addColumn('community_id', c.ref)
      .addColumn('at', c.timestamp, notNull)
      .addColumn('actor_id', c.ref)
      .addColumn('actor_name', 'text')
      .addColumn('action', 'text', notNull)
      .addColumn('entity_type', 'text')
      .addColumn('entity_id', 'text')
      .addColumn('ip', 'text')
      .addColumn('before', 'text')
      .addColumn('after', 'text')
      .execute();
    // Serves the audit browser: a company's entries newest first, optionally by action or entity.
    await db.schema.createIndex('audit_log_company_at_idx').on('audit_log').columns(['company_id', 'at']).execute();
    await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['company_id', 'entity_type', 'entity_id']).execute();

    // The audit log is append-only: the database itself refuses updates and deletes.
    if (dialect === 'postgres') {
      await sql`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`.execute(db);
      await sql`CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
    } else {
      await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
      await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
    }
  },
};
