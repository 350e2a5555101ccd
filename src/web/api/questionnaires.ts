/** Questionnaire templates, their published versions, and the company's service dimensions. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Page } from '../../shared/schemas/common';
import type {
  CreateQuestionnaireBody,
  Question,
  Questionnaire,
  QuestionnaireVersion,
  UpdateQuestionnaireBody,
} from '../../shared/schemas/questionnaires';
import { api } from './client';

export type { Question, Questionnaire, QuestionnaireVersion, QuestionType } from '../../shared/schemas/questionnaires';

export interface QuestionnaireFilters {
  communityId?: number;
  status?: 'active' | 'archived';
  limit: number;
  offset: number;
  /** the nextCursor of the page before (then offset is 0) */
  cursor?: string;
}

export function useQuestionnaires(filters: QuestionnaireFilters, enabled = true) {
  return useQuery({
    queryKey: ['questionnaires', filters],
    queryFn: () => api.get<Page<Questionnaire>>('/questionnaires', { ...filters }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useQuestionnaire(id: number | null | undefined) {
  return useQuery({
    queryKey: ['questionnaire', id],
    queryFn: () => api.get<Questionnaire>(`/questionnaires/${id}`),
    enabled: !!id,
  });
}

/** A published version never changes, so it is cached for the session. */
export function useQuestionnaireVersion(versionId: number | null | undefined) {
  return useQuery({
    queryKey: ['questionnaire-version', versionId],
    queryFn: () => api.get<Pick<QuestionnaireVersion, 'id' | 'version' | 'questions'>>(`/questionnaire-versions/${versionId}`),
    enabled: !!versionId,
    staleTime: Infinity,
  });
}

export function useServiceDimensions() {
  return useQuery({
    queryKey: ['service-dimensions'],
    queryFn: () => api.get<Page<{ id: number; name: string }>>('/service-dimensions'),
    staleTime: 5 * 60_000,
  });
}

function useQuestionnaireMutation<V>(fn: (variables: V) => Promise<Questionnaire>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['questionnaires'] });
      void queryClient.invalidateQueries({ queryKey: ['questionnaire'] });
    },
  });
}

export function useCreateQuestionnaire() {
  return useQuestionnaireMutation((body: z.input<typeof CreateQuestionnaireBody>) => api.post<Questionnaire>('/questionnaires', body));
}

export function useUpdateQuestionnaire() {
  return useQuestionnaireMutation(({ id, body }: { id: number; body: UpdateQuestionnaireBody }) => api.patch<Questionnaire>(`/questionnaires/${id}`, body));
}

export function usePublishVersion() {
  return useQuestionnaireMutation(({ id, questions }: { id: number; questions: z.input<typeof Question>[] }) =>
    api.post<Questionnaire>(`/questionnaires/${id}/versions`, { questions }),
  );
}

export function useDuplicateQuestionnaire() {
  return useQuestionnaireMutation(({ id, name }: { id: number; name: string }) => api.post<Questionnaire>(`/questionnaires/${id}/duplicate`, { name }));
}
