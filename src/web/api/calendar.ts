/** The working-day calendar of a year and the company's overrides (holidays, make-up days, rest days). */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CalendarOverride, CreateOverrideBody, OverrideKind, WorkingDaysYear } from '../../shared/schemas/calendar';
import { api } from './client';

export type { CalendarDay, CalendarOverride, OverrideKind, WorkingDaysYear } from '../../shared/schemas/calendar';
export const OVERRIDE_KINDS: readonly OverrideKind[] = ['holiday', 'workday', 'rest_day'];

/** An override changes the year's working days and every deadline computed from them. */
function invalidateCalendar(queryClient: QueryClient) {
  for (const key of ['working-days', 'calendar-overrides', 'issues', 'issue']) void queryClient.invalidateQueries({ queryKey: [key] });
}

export function useWorkingDays(year: number) {
  return useQuery({ queryKey: ['working-days', year], queryFn: () => api.get<WorkingDaysYear>('/calendar/working-days', { year }) });
}

export function useCalendarOverrides(year: number) {
  return useQuery({ queryKey: ['calendar-overrides', year], queryFn: () => api.get<CalendarOverride[]>('/calendar/overrides', { year }) });
}

export function useCreateOverride() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateOverrideBody>) => api.post<CalendarOverride>('/calendar/overrides', body),
    onSuccess: () => invalidateCalendar(queryClient),
  });
}

export function useDeleteOverride() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete(`/calendar/overrides/${id}`),
    onSuccess: () => invalidateCalendar(queryClient),
  });
}
