/**
 * Whether a user's permissions open a page or menu entry: any one of its `anyOf` (none listed: every signed-in
 * user). Used by the route guards, the router's prefetch, the side menu and the workbench shortcuts; and the
 * page a user opens on after signing in.
 */
import type { Permission } from '../../shared/schemas/permissions';

export function isAllowed(entry: { anyOf?: Permission[] }, permissions: readonly string[]): boolean {
  return !entry.anyOf || entry.anyOf.some((p) => permissions.includes(p));
}

/**
 * Where a user lands after signing in (or changing the first password) when no other page was asked for: the
 * 数据看板 for those who read the figures of their communities (managers, supervisors), the 工作台 for the others.
 */
export function homePath(permissions: readonly string[]): string {
  return permissions.includes('kpis.read') ? '/dashboard' : '/';
}
