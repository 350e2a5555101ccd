/** Residents of a household (add, edit, move out, erase, merge, reveal phones) and the resident tag vocabulary. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../shared/schemas/common';
import type { CreateResidentBody, Resident, ResidentRole, UpdateResidentBody } from '../../shared/schemas/residents';
import { api } from './client';
import { invalidateMasterData } from './households';

export type ContactMethod = NonNullable<Resident['preferredContact']>;

export const RESIDENT_ROLES: readonly ResidentRole[] = ['owner', 'tenant', 'merchant'];
export const CONTACT_METHODS: readonly ContactMethod[] = ['phone', 'visit', 'sms', 'wechat', 'online'];

export interface Tag {
  id: number;
  name: string;
  residentCount: number;
}

export interface RevealedPhone {
  id: number;
  number: string;
  kind: 'mobile' | 'landline';
}

export function useCreateResident(householdId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateResidentBody) => api.post<Resident>(`/households/${householdId}/residents`, body),
    onSuccess: () => invalidateMasterData(queryClient),
  });
}

export function useUpdateResident() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateResidentBody }) => api.patch<Resident>(`/residents/${id}`, body),
    onSuccess: () => invalidateMasterData(queryClient),
  });
}

export function useMoveOutResident() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, moveOutDate }: { id: number; moveOutDate: string }) =>
      api.post<Resident>(`/residents/${id}/move-out`, { moveOutDate }),
    onSuccess: () => invalidateMasterData(queryClient),
  });
}

export function useEraseResident() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) => api.post<Resident>(`/residents/${id}/erase`, { reason }),
    onSuccess: () => invalidateMasterData(queryClient),
  });
}

export function useMergeResidents() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, duplicateId }: { id: number; duplicateId: number }) =>
      api.post<Resident>(`/residents/${id}/merge`, { duplicateId }),
    onSuccess: () => invalidateMasterData(queryClient),
  });
}

/** The full numbers; the server records every reveal in the audit log, so it is never a query. */
export function useRevealPhones() {
  return useMutation({
    mutationFn: (residentId: number) => api.post<{ phones: RevealedPhone[] }>(`/residents/${residentId}/phones/reveal`, {}),
  });
}

export function useTags(enabled = true) {
  return useQuery({
    queryKey: ['tags'],
    queryFn: () => api.get<Page<Tag>>('/tags'),
    enabled,
  });
}

export function useCreateTag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post<Tag>('/tags', { name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tags'] }),
  });
}
