/**
 * The three lists of 我的任务 (today, overdue, upcoming), as filters for the page's queries and as the API
 * paths the start-up module asks for when the console opens on this page (routes.ts `firstData`). Plain
 * data with no React, so that main.tsx can read it.
 */
import { toQueryString } from '../../api/base';
import type { TaskFilters } from '../../api/visits';

export const MY_TASK_VIEWS = ['today', 'overdue', 'upcoming'] as const;
export type MyTaskView = (typeof MY_TASK_VIEWS)[number];

/** The filters of one list: the visitor's own tasks of that view, up to 200. */
export function myTaskList(view: MyTaskView): TaskFilters {
  return { mine: 'true', limit: 200, offset: 0, view };
}

/** The paths the three lists are read from, written as the API client writes them. */
export function myTaskListPaths(): string[] {
  return MY_TASK_VIEWS.map((view) => '/visit-tasks' + toQueryString({ ...myTaskList(view) }));
}
