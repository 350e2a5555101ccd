/** Issues (问题/投诉/建议/需求/表扬): the lists, one issue with its actions, categories and deadline settings. */
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Page } from '../../shared/schemas/common';
import type {
  CreateCategoryBody,
  CreateIssueBody,
  EscalateBody,
  ExpectedDateBody,
  Issue,
  IssueCategory,
  IssueChannel,
  IssueListQuery,
  IssuePriority,
  IssueSettings,
  IssueStatus,
  IssueSummary,
  ReplyBody,
  ReplyMode,
  TransitionBody,
  UpdateCategoryBody,
  UpdateIssueBody,
} from '../../shared/schemas/issues';
import { useCan } from '../auth/session';
import { ApiError, api } from './client';
import { useUsers } from './users';
import { invalidate, TOUCHES } from './invalidation';

export type { DueState, Issue, IssueCategory, IssueEventName, IssueSettings, IssueStatus, IssueSummary } from '../../shared/schemas/issues';
export { OPEN_ISSUE_STATUSES } from '../../shared/schemas/issues';

export const ISSUE_STATUSES: readonly IssueStatus[] = ['new', 'assigned', 'in_progress', 'reopened', 'resolved', 'closed', 'not_adopted', 'withdrawn'];
/** The statuses the board shows as columns, in the order work moves through them. */
export const BOARD_STATUSES: readonly IssueStatus[] = ['new', 'assigned', 'in_progress', 'reopened', 'resolved'];
/** Channels staff enter an issue from; 'visit' issues come from visit records only. */
export const ENTRY_CHANNELS: readonly Exclude<IssueChannel, 'visit'>[] = ['phone', 'wechat', 'walk_in', 'online', 'other'];
export const ISSUE_PRIORITIES: readonly IssuePriority[] = ['low', 'normal', 'high', 'urgent'];
export const REPLY_MODES: readonly ReplyMode[] = ['oral', 'written'];
export const DUE_FILTERS = ['overdue', 'due_today', 'due_soon'] as const;

/** The list filters of GET /issues without paging. */
export type IssueFilters = Partial<Omit<IssueListQuery, 'limit' | 'offset'>>;

/** Any change to an issue can move it between every list, the board and the bell, and make or cancel a visit. */
function invalidateIssues(queryClient: QueryClient) {
  invalidate(queryClient, TOUCHES.issue);
}

/** Where the 问题台账 (xlsx) is exported, with the list's filters as its query (components/ExportButton.tsx). */
export const ISSUES_EXPORT_PATH = '/issues/export.xlsx';

export function useIssues(filters: IssueFilters & { limit: number; offset: number }, enabled = true) {
  return useQuery({
    queryKey: ['issues', filters],
    queryFn: () => api.get<Page<IssueSummary>>('/issues', { ...filters }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useIssue(issueId: number) {
  return useQuery({ queryKey: ['issue', issueId], queryFn: () => api.get<Issue>(`/issues/${issueId}`) });
}

/**
 * Writes on one issue answer the whole issue: it replaces the cached one at once. A conflict (someone else
 * moved the issue first) reloads it, so the buttons match what is allowed now.
 */
function useIssueMutation<V>(fn: (variables: V) => Promise<Issue>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (issue) => {
      queryClient.setQueryData(['issue', issue.id], issue);
      invalidateIssues(queryClient);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) void queryClient.invalidateQueries({ queryKey: ['issue'] });
    },
  });
}

export function useCreateIssue() {
  return useIssueMutation((body: z.input<typeof CreateIssueBody>) => api.post<Issue>('/issues', body));
}

export function useUpdateIssue() {
  return useIssueMutation(({ id, body }: { id: number; body: z.input<typeof UpdateIssueBody> }) => api.patch<Issue>(`/issues/${id}`, body));
}

export function useTransitionIssue() {
  return useIssueMutation(({ id, body }: { id: number; body: z.input<typeof TransitionBody> }) => api.post<Issue>(`/issues/${id}/transitions`, body));
}

export function useReplyToIssue() {
  return useIssueMutation(({ id, body }: { id: number; body: ReplyBody }) => api.post<Issue>(`/issues/${id}/replies`, body));
}

export function useEscalateIssue() {
  return useIssueMutation(({ id, body }: { id: number; body: z.infer<typeof EscalateBody> }) => api.post<Issue>(`/issues/${id}/escalate`, body));
}

export function useSetExpectedDate() {
  return useIssueMutation(({ id, body }: { id: number; body: z.infer<typeof ExpectedDateBody> }) => api.post<Issue>(`/issues/${id}/expected-date`, body));
}

/** Categories by position; the visit form and the create form offer the active ones only. */
export function useIssueCategories(includeInactive = false) {
  return useQuery({
    queryKey: ['issue-categories', includeInactive],
    queryFn: () => api.get<IssueCategory[]>('/issue-categories', includeInactive ? { includeInactive: true } : undefined),
    select: (categories) => [...categories].sort((a, b) => a.position - b.position).filter((c) => includeInactive || c.active),
    staleTime: 5 * 60_000,
  });
}

export function useCreateCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateCategoryBody>) => api.post<IssueCategory>('/issue-categories', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['issue-categories'] }),
  });
}

export function useUpdateCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: z.input<typeof UpdateCategoryBody> }) => api.patch<IssueCategory>(`/issue-categories/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['issue-categories'] }),
  });
}

export function useIssueSettings() {
  return useQuery({ queryKey: ['issue-settings'], queryFn: () => api.get<IssueSettings>('/issue-settings') });
}

export function useSaveIssueSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IssueSettings) => api.put<IssueSettings>('/issue-settings', body),
    onSuccess: (settings) => queryClient.setQueryData(['issue-settings'], settings),
  });
}

/**
 * Accounts an issue may be given to: active users of the community whose role handles issues, in the
 * department when one is given. The account list needs users.read; without it `available` is false and
 * the issue goes to the department's queue.
 */
export interface IssueHandler {
  id: number;
  displayName: string;
  departmentId: number | null;
  departmentName: string | null;
}

/**
 * Who an issue can be given to (any caller with issue permissions may ask), and the staff a praise can
 * credit: everyone active in the community for those who may read accounts, else the handlers.
 */
export function useIssueAssignees(communityId: number | undefined, departmentId: number | null | undefined, enabled = true) {
  const can = useCan();
  const handlers = useQuery({
    queryKey: ['issue-handlers', communityId ?? null, departmentId ?? null],
    queryFn: () => api.get<IssueHandler[]>('/issue-handlers', { communityId, departmentId }),
    enabled,
  });
  const readsAccounts = can('users.read') || can('users.manage');
  const users = useUsers({ communityId, status: 'active', limit: 200, offset: 0 }, enabled && readsAccounts);
  const assignees = handlers.data ?? [];
  return { staff: readsAccounts ? (users.data?.items ?? []) : assignees, assignees };
}
