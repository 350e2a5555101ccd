/** Visit tasks, contact attempts, the pre-visit briefing, visit records, corrections and attachments. */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Page } from '../../shared/schemas/common';
import type {
  Attachment,
  Attempt,
  AttemptBody,
  BulkCreateResult,
  BulkCreateTasksBody,
  CorrectRecordBody,
  CreateTaskBody,
  RecordVisitBody,
  TaskBriefing,
  TaskStatus,
  UpdateTaskBody,
  VisitMethod,
  VisitReason,
  VisitRecord,
  VisitTask,
  VisitTaskDetail,
} from '../../shared/schemas/visits';
import { useRoles } from './roles';
import { useUsers } from './users';
import { api, request } from './client';
import { invalidate, TOUCHES } from './invalidation';

export type { AttemptResult, TaskAction, TaskStatus, VisitRecord, VisitTask, VisitTaskDetail } from '../../shared/schemas/visits';
export type Briefing = z.infer<typeof TaskBriefing>;
export type BulkResult = z.infer<typeof BulkCreateResult>;
export type AttachmentInfo = z.infer<typeof Attachment>;
export type AttemptEntry = z.infer<typeof Attempt>;
export type Method = z.infer<typeof VisitMethod>;
export type Reason = z.infer<typeof VisitReason>;
export type ItemKind = VisitRecord['items'][number]['kind'];
export type TaskView = 'today' | 'overdue' | 'upcoming' | 'all';

export const VISIT_METHODS: readonly Method[] = ['phone', 'door', 'online', 'written'];
export const VISIT_REASONS: readonly Reason[] = ['periodic', 'move_in', 'after_complaint', 'after_repair', 'low_satisfaction', 'special_need', 'event', 'ad_hoc', 'confirmation'];
/** Reasons a supervisor plans a task for; confirmation visits (复访) are created by the issue they confirm. */
export const PLANNED_VISIT_REASONS = VISIT_REASONS.filter((r) => r !== 'confirmation');
export const TASK_STATUSES: readonly TaskStatus[] = ['pending', 'appointed', 'completed', 'unreachable', 'refused', 'cancelled'];
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ['pending', 'appointed'];
export const ATTEMPT_RESULTS = ['no_answer', 'busy', 'wrong_number', 'not_home', 'refused', 'call_back_later'] as const;
export const ITEM_KINDS: readonly ItemKind[] = ['problem', 'complaint', 'suggestion', 'need', 'praise'];

export interface TaskFilters {
  view?: TaskView;
  mine?: 'true';
  communityId?: number;
  assigneeId?: number;
  status?: TaskStatus;
  reason?: Reason;
  method?: Method;
  limit: number;
  offset: number;
  /** the nextCursor of the page before (then offset is 0) */
  cursor?: string;
}

export interface RecordFilters {
  communityId?: number;
  visitorId?: number;
  householdId?: number;
  method?: Method;
  outcome?: 'completed' | 'refused';
  from?: string;
  to?: string;
  minScore?: number;
  maxScore?: number;
  hasItems?: 'true' | 'false';
}

/** A task change moves it between lists and changes its briefing. */
function invalidateTasks(queryClient: QueryClient) {
  invalidate(queryClient, TOUCHES.task);
}

/** A page of visit tasks, as query options, for useVisitTasks and for asking before a page renders. */
export function visitTasksQuery(filters: TaskFilters) {
  return queryOptions({ queryKey: ['visit-tasks', filters], queryFn: () => api.get<Page<VisitTask>>('/visit-tasks', { ...filters }) });
}

export function useVisitTasks(filters: TaskFilters, enabled = true) {
  return useQuery({ ...visitTasksQuery(filters), placeholderData: keepPreviousData, enabled });
}

/** One task with the questionnaire version its visit is answered in, as the server chose it. */
export function useVisitTask(taskId: number) {
  return useQuery({ queryKey: ['visit-task', taskId], queryFn: () => api.get<VisitTaskDetail>(`/visit-tasks/${taskId}`) });
}

export function useBriefing(taskId: number) {
  return useQuery({ queryKey: ['briefing', taskId], queryFn: () => api.get<Briefing>(`/visit-tasks/${taskId}/briefing`) });
}

export function useAttempts(taskId: number) {
  return useQuery({ queryKey: ['attempts', taskId], queryFn: () => api.get<Page<AttemptEntry>>(`/visit-tasks/${taskId}/attempts`) });
}

export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTaskBody) => api.post<VisitTask>('/visit-tasks', body),
    onSuccess: () => invalidateTasks(queryClient),
  });
}

export function useBulkCreateTasks() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof BulkCreateTasksBody>) => api.post<BulkResult>('/visit-tasks/bulk', body),
    onSuccess: () => invalidateTasks(queryClient),
  });
}

export function useUpdateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateTaskBody }) => api.patch<VisitTask>(`/visit-tasks/${id}`, body),
    onSuccess: () => invalidateTasks(queryClient),
  });
}

export function useCancelTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) => api.post<VisitTask>(`/visit-tasks/${id}/cancel`, { reason }),
    onSuccess: () => invalidateTasks(queryClient),
  });
}

export function useLogAttempt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: z.input<typeof AttemptBody> }) => api.post<VisitTask>(`/visit-tasks/${id}/attempts`, body),
    onSuccess: () => invalidate(queryClient, TOUCHES.attempt),
  });
}

/** The Idempotency-Key makes a retry after a lost answer return the first record instead of a second one. */
export function useRecordVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, idempotencyKey, body }: { taskId: number; idempotencyKey: string; body: z.input<typeof RecordVisitBody> }) =>
      request<VisitRecord>('POST', `/visit-tasks/${taskId}/record`, { body, headers: { 'Idempotency-Key': idempotencyKey } }),
    onSuccess: () => invalidate(queryClient, TOUCHES.visit),
  });
}

export function uploadAttachment(file: File): Promise<AttachmentInfo> {
  const form = new FormData();
  form.append('file', file);
  return api.upload<AttachmentInfo>('/attachments', form);
}

export function useVisitRecords(filters: RecordFilters & { limit: number; offset: number; cursor?: string }, enabled = true) {
  return useQuery({
    queryKey: ['visit-records', filters],
    queryFn: () => api.get<Page<VisitRecord>>('/visit-records', { ...filters }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useVisitRecord(recordId: number) {
  return useQuery({ queryKey: ['visit-record', recordId], queryFn: () => api.get<VisitRecord>(`/visit-records/${recordId}`) });
}

export function useCorrectRecord() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: CorrectRecordBody }) => api.post<VisitRecord>(`/visit-records/${id}/corrections`, body),
    onSuccess: () => invalidate(queryClient, TOUCHES.correction),
  });
}

/**
 * Accounts a task may be given to in a community: active users whose role works visits, the same rule
 * the server applies to assignees.
 */
export function useVisitors(communityId: number | undefined, enabled = true) {
  const roles = useRoles(enabled);
  const users = useUsers({ communityId, status: 'active', limit: 200, offset: 0 }, enabled && communityId !== undefined);
  const workers = new Set((roles.data?.items ?? []).filter((r) => r.permissions.includes('visits.work')).map((r) => r.id));
  return { visitors: (users.data?.items ?? []).filter((u) => workers.has(u.roleId)), isLoading: users.isLoading || roles.isLoading };
}
