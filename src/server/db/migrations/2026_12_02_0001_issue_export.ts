/**
 * The issue export (问题台账, GET /issues/export.xlsx) needs its own permission, `issues.export`: the built-in
 * administrator, manager and supervisor roles that are already stored receive it, as new companies do.
 */
import type { Migration } from './helpers.js';

const GRANTED_TO = ['admin', 'manager', 'supervisor'];

export const issueExport: Migration = {
  async up(db) {
    const roles = await db.selectFrom('roles').select(['id', 'key', 'permissions']).where('key', 'in', GRANTED_TO).execute();
    for (const role of roles as { id: number; key: string; permissions: string }[]) {
      const merged = [...new Set([...(JSON.parse(role.permissions) as string[]), 'issues.export'])].sort();
      await db.updateTable('roles').set({ permissions: JSON.stringify(merged) }).where('id', '=', role.id).execute();
    }
  },
};
