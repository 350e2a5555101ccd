/**
 * The working-day calendar of a year, the company's overrides (holidays, make-up days, rest days) and the
 * notices entered for years the official data does not cover yet.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CalendarOverride, CalendarStatus, CreateOverrideBody, NoticeBody, NoticePreview, NoticeResult, OverrideChange, OverrideKind, WorkingDaysYear } from '../../shared/schemas/calendar';
import { api } from './client';

export type { CalendarDay, CalendarOverride, CalendarStatus, NoticePreview, OverrideKind, WorkingDaysYear, YearSource } from '../../shared/schemas/calendar';
export const OVERRIDE_KINDS: readonly OverrideKind[] = ['holiday', 'workday', 'rest_day'];

/** A change to the calendar changes the year's working days and the open deadlines computed from them. */
function invalidateCalendar(queryClient: QueryClient) {
  for (const key of ['working-days', 'calendar-overrides', 'calendar-status', 'issues', 'issue']) void queryClient.invalidateQueries({ queryKey: [key] });
}

export function useWorkingDays(year: number) {
  return useQuery({ queryKey: ['working-days', year], queryFn: () => api.get<WorkingDaysYear>('/calendar/working-days', { year }) });
}

export function useCalendarStatus(enabled = true) {
  return useQuery({ queryKey: ['calendar-status'], queryFn: () => api.get<CalendarStatus>('/calendar/status'), enabled, staleTime: 10 * 60_000 });
}

export function useCalendarOverrides(year: number) {
  return useQuery({ queryKey: ['calendar-overrides', year], queryFn: () => api.get<CalendarOverride[]>('/calendar/overrides', { year }) });
}

export function useCreateOverride() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateOverrideBody>) => api.post<OverrideChange>('/calendar/overrides', body),
    onSuccess: () => invalidateCalendar(queryClient),
  });
}

export function useDeleteOverride() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<OverrideChange>(`/calendar/overrides/${id}`),
    onSuccess: () => invalidateCalendar(queryClient),
  });
}

/** Reads a pasted notice without entering it. */
export function usePreviewNotice() {
  return useMutation({ mutationFn: (body: NoticeBody) => api.post<NoticePreview>('/calendar/notices/preview', body) });
}

export function useEnterNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NoticeBody) => api.post<NoticeResult>('/calendar/notices', body),
    onSuccess: () => invalidateCalendar(queryClient),
  });
}

export function useDeleteNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (year: number) => api.delete<NoticeResult>(`/calendar/notices/${year}`),
    onSuccess: () => invalidateCalendar(queryClient),
  });
}
