/**
 * Whether a user's permissions open a page or menu entry: any one of its `anyOf` (none listed: every signed-in
 * user). Used by the route guards, the router's prefetch, the side menu and the workbench shortcuts.
 */
import type { Permission } from '../../shared/schemas/permissions';

export function isAllowed(entry: { anyOf?: Permission[] }, permissions: readonly string[]): boolean {
  return !entry.anyOf || entry.anyOf.some((p) => permissions.includes(p));
}
