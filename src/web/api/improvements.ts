/** Improvement measures (改进措施): the list, one measure with its effect, create, update and delete. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../shared/schemas/common';
import type { CreateMeasureInput, ImprovementMeasure, MeasureEffect, MeasureListQuery, MeasureStatus, UpdateMeasureBody } from '../../shared/schemas/improvements';
import { api } from './client';

export type { ImprovementMeasure, MeasureEffect };
export const MEASURE_STATUSES: readonly MeasureStatus[] = ['planned', 'in_progress', 'done'];

export type MeasureFilters = Partial<Omit<MeasureListQuery, 'limit' | 'offset'>> & { limit: number; offset: number };

export function useMeasures(filters: MeasureFilters) {
  return useQuery({
    queryKey: ['improvement-measures', filters],
    queryFn: () => api.get<Page<ImprovementMeasure>>('/improvement-measures', { ...filters }),
    placeholderData: keepPreviousData,
  });
}

export function useMeasure(id: number) {
  return useQuery({ queryKey: ['improvement-measure', id], queryFn: () => api.get<ImprovementMeasure>(`/improvement-measures/${id}`) });
}

export function useMeasureEffect(id: number, windowMonths: number) {
  return useQuery({
    queryKey: ['improvement-measure', id, 'effect', windowMonths],
    queryFn: () => api.get<MeasureEffect>(`/improvement-measures/${id}/effect`, { windowMonths }),
    placeholderData: keepPreviousData,
  });
}

function useMeasureMutation<V, R>(fn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['improvement-measures'] });
      void queryClient.invalidateQueries({ queryKey: ['improvement-measure'] });
    },
  });
}

export const useCreateMeasure = () => useMeasureMutation((body: CreateMeasureInput) => api.post<ImprovementMeasure>('/improvement-measures', body));
export const useUpdateMeasure = () => useMeasureMutation(({ id, body }: { id: number; body: UpdateMeasureBody }) => api.patch<ImprovementMeasure>(`/improvement-measures/${id}`, body));
export const useDeleteMeasure = () => useMeasureMutation((id: number) => api.delete<void>(`/improvement-measures/${id}`));
