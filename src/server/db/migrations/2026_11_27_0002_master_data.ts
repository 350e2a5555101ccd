/**
 * Master data: buildings, units, households, residents with phones and tags, staff, and roster import jobs.
 * Also gives the built-in roles the new permissions they hold by default.
 */
import { sql } from 'kysely';
import { columns, notNull, type Migration } from './helpers.js';

export const masterData: Migration = {
  async up(db, dialect) {
    const c = columns(dialect);
    const date = dialect === 'postgres' ? 'date' : 'text';

    await db.schema.alterTable('communities').addColumn('supervisor_id', c.ref, (col) => col.references('users.id')).execute();

    await c.id(db.schema.createTable('buildings'))
      .addColumn('company_id', c.ref, (col) => col.notNull().references('companies.id'))
      .addColumn('community_id', c.ref, (col) => col.notNull().references('communities.id'))
      .addColumn('name', 'text', notNull)
      .addColumn('created_at', c.timestamp, notNull)
      .addUniqueConstraint('buildings_community_name_uq', ['community_id', 'name'])
      .execute();

    await c.id(db.schema.createTable('units'))
      .addColumn('company_id', c.ref, (col) => col.notNull().references('companies.id'))
      .addColumn('community_id', c.ref, (col) => col.notNull().references('communities.id'))
      .addColumn('building_id', c.ref, (col) => col.notNull().references('buildings.id'))
      .addColumn('name', 'text', notNull)
      .addColumn('created_at', c.timestamp, notNull)
      .addUniqueConstraint('units_building_name_uq', ['building_id', 'name'])
      .execute();

    await c.id(db.schema.createTable('households'))
      .addColumn('company_id', c.ref, (col) => col.notNull().references('companies.id'))
      .addColumn('community_id', c.ref, (col) => col.notNull().references('communities.id'))
      .addColumn('building_id', c.ref, (col) => col.notNull().references('buildings.id'))
      .addColumn('unit_id', c.ref, (col) => col.references('units.id'))
      .addColumn('room', 'text', notNull)
      .addColumn('sort_key', 'text', notNull)
      .addColumn('area', c.float)
      .addColumn('status', 'text', (col) => col.notNull().defaultTo('occupied'))
      .addColumn('created_at', c.timestamp, notNull)
      .addColumn('updated_at', c.timestamp, notNull)
      .execute();
    // One household per room: building + unit (none counts as 0) + room. Serves the import's matching too.
    await sql`CREATE UNIQUE INDEX households_room_uq ON households (building_id, coalesce(unit_id, 0), room)`.execute(db);
    // Serves the household list of a community in natural building → unit → room order, and the building filter.
    await db.schema.createIndex('households_community_sort_idx').on('households').columns(['community_id', 'sort_key']).execute();
    await db.schema.createIndex('households_building_idx').on('households').columns(['building_id', 'sort_key']).execute();
    // Serves search by room number across the caller's communities ("1502").
    await db.schema.createIndex('households_company_room_idx').on('households').columns(['company_id', 'room']).execute();

    await c.id(db.schema.createTable('residents'))
      .addColumn('company_id', c.ref, (col) => col.notNull().references('companies.id'))
      .addColumn('community_id', c.ref, (col) => col.notNull().references('communities.id'))
      .addColumn('household_id', c.ref, (col) => col.notNull().references('households.id'))
      .addColumn('name', 'text', notNull)
      .addColumn('role', 'text', notNull)
      .addColumn('move_in_date', date)
      .addColumn('move_out_date', date)
      .addColumn('preferred_contact', 'text')
      .addColumn('do_not_contact', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('do_not_contact_reason', 'text')
      .addColumn('notes', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('erased_at', c.timestamp)
      .addColumn('created_at', c.timestamp, notNull)
      .addColumn('updated_at', c.timestamp, notNull)
      .execute();
    await db.schema.createIndex('residents_household_idx').on('residents').column('household_id').execute();
    // Serves the household list's role and move-in filters within one community.
    await db.schema.createIndex('residents_community_role_idx').on('residents').columns(['community_id', 'role', 'move_in_date']).execute();
    // Serves search by name prefix within a company.
    await db.schema.createIndex('residents_company_name_idx').on('residents').columns(['company_id', 'name']).execute();

    await c.id(db.schema.createTable('resident_phones'))
      .addColumn('resident_id', c.ref, (col) => col.notNull().references('residents.id').onDelete('cascade'))
      .addColumn('company_id', c.ref, (col) => col.notNull().references('companies.id'))
      .addColumn('number', 'text', notNull)
      .addColumn('kind', 'text', notNull)
      .addColumn('last4', 'text', notNull)
      .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('resident_phones_resident_idx').on('resident_phones').column('resident_id').execute();
    // Serves search by the last four digits of a phone.
    await db.schema.createIndex('resident_phones_last4_idx').on('resident_phones').columns(['company_id', 'last4']).execute();
    // Serves the import's "same resident = same phone" matching.
    await db.schema.createIndex('resident_phones_number_idx').on('resident_phones').columns(['company_id', 'number']).execute();

    await c.id(db.schema.createTable('tags'))
      .addColumn('company_id', c.ref, (col) => col.notNull().references('companies.id'))
      .addColumn('name', 'text', notNull)
      .addColumn('created_at', c.timestamp, notNull)
      .addUniqueConstraint('tags_company_name_uq', ['company_id', 'name'])
      .execute();
    await db.schema
      .createTable('resident_tags')
      .addColumn('resident_id', c.ref, (col) => col.notNull().references('residents.id').onDelete('cascade'))
      .addColumn('tag_id', c.ref, (col) => col.notNull().references('tags.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('resident_tags_pk', ['resident_id', 'tag_id'])
      .execute();
    // Serves the household list's tag filter.
    await db.schema.createIndex('resident_tags_tag_idx').on('resident_tags').columns(['tag_id', 'resident_id']).execute();

    await c.id(db.schema.createTable('staff'))
      .addColumn('company_id', c.ref, (col) => col.notNull().references('companies.id'))
      .addColumn('name', 'text', notNull)
      .addColumn('phone', 'text')
      .addColumn('position', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('department_id', c.ref, (col) => col.references('departments.id'))
      .addColumn('user_id', c.ref, (col) => col.references('users.id'))
      .addColumn('status', 'text', (col) => col.notNull().defaultTo('active'))
      .addColumn('created_at', c.timestamp, notNull)
      .addColumn('updated_at', c.timestamp, notNull)
      .execute();
    await db.schema.createIndex('staff_company_idx').on('staff').columns(['company_id', 'name']).execute();
    await db.schema
      .createTable('staff_communities')
      .addColumn('staff_id', c.ref, (col) => col.notNull().references('staff.id').onDelete('cascade'))
      .addColumn('community_id', c.ref, (col) => col.notNull().references('communities.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('staff_communities_pk', ['staff_id', 'community_id'])
      .execute();

    await c.id(db.schema.createTable('roster_imports'))
      .addColumn('company_id', c.ref, (col) => col.notNull().references('companies.id'))
      .addColumn('community_id', c.ref, (col) => col.notNull().references('communities.id'))
      .addColumn('user_id', c.ref, (col) => col.notNull().references('users.id'))
      .addColumn('status', 'text', notNull)
      .addColumn('dry_run', 'integer', notNull)
      .addColumn('file_name', 'text', notNull)
      .addColumn('total', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('processed', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('created', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('updated', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('unchanged', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('failed', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('error_code', 'text')
      .addColumn('created_at', c.timestamp, notNull)
      .addColumn('finished_at', c.timestamp)
      .execute();
    await db.schema.createIndex('roster_imports_community_idx').on('roster_imports').columns(['community_id', 'created_at']).execute();
    await c.id(db.schema.createTable('roster_import_errors'))
      .addColumn('import_id', c.ref, (col) => col.notNull().references('roster_imports.id').onDelete('cascade'))
      .addColumn('row', 'integer', notNull)
      .addColumn('column', 'text')
      .addColumn('code', 'text', notNull)
      .addColumn('params', 'text')
      .addColumn('value', 'text')
      .execute();
    await db.schema.createIndex('roster_import_errors_import_idx').on('roster_import_errors').columns(['import_id', 'row']).execute();

    // Built-in roles keep their permissions as data: add this release's defaults to every company's built-in roles.
    const added: Record<string, string[]> = {
      admin: ['households.read', 'households.manage', 'residents.contact', 'residents.export', 'residents.erase', 'roster.import', 'staff.manage'],
      manager: ['households.read', 'residents.export'],
      supervisor: ['households.read', 'households.manage', 'residents.contact', 'residents.export', 'roster.import'],
      visitor: ['households.read', 'residents.contact'],
      handler: ['households.read'],
    };
    const roles = await db.selectFrom('roles').select(['id', 'key', 'permissions']).where('key', 'is not', null).execute();
    for (const role of roles as { id: number; key: string; permissions: string }[]) {
      const defaults = added[role.key] ?? [];
      const merged = [...new Set([...(JSON.parse(role.permissions) as string[]), ...defaults])].sort();
      await db.updateTable('roles').set({ permissions: JSON.stringify(merged) }).where('id', '=', role.id).execute();
    }
  },
};
