/**
 * Query invalidation by entity: a change names the entities it touched, and every cached query about them is
 * refetched. The query keys of each entity are listed here once, so that a change made in one domain refreshes
 * what it changed in another: recording a visit refreshes the issues it raised or confirmed and the bell; an
 * issue's transition refreshes the tasks it created or cancelled (the confirmation visit).
 */
import type { QueryClient } from '@tanstack/react-query';

export type Entity = 'task' | 'record' | 'issue' | 'notification' | 'household';

export const ENTITY_QUERIES: Record<Entity, readonly string[]> = {
  task: ['visit-tasks', 'visit-task', 'briefing', 'attempts'],
  record: ['visit-records', 'visit-record'],
  issue: ['issues', 'issue'],
  notification: ['notifications'],
  household: ['households', 'household'],
};

/** What each kind of change touches. */
export const TOUCHES = {
  /** a task created, changed, appointed or cancelled */
  task: ['task'],
  /** a contact attempt: a task that ends unreachable or refused puts its issue's visit on the timeline */
  attempt: ['task', 'issue', 'notification'],
  /** a visit recorded: its items become issues, a confirmation confirms or reopens one, the household was visited */
  visit: ['task', 'record', 'issue', 'notification', 'household'],
  /** a record corrected */
  correction: ['record'],
  /** an issue created or moved: lists, the bell, and the confirmation visit it creates or cancels */
  issue: ['issue', 'notification', 'task'],
} as const satisfies Record<string, readonly Entity[]>;

export function invalidate(queryClient: QueryClient, entities: readonly Entity[]): void {
  for (const entity of entities) for (const key of ENTITY_QUERIES[entity]) void queryClient.invalidateQueries({ queryKey: [key] });
}
