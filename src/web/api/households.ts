/** Buildings and households (one room each): the building tree, lists, search, create, edit and merge. */
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Page } from '../../shared/schemas/common';
import type { Building, CreateHouseholdBody, Household, UpdateHouseholdBody } from '../../shared/schemas/households';
import type { ResidentRole } from '../../shared/schemas/residents';
import { api } from './client';

export type HouseholdStatus = Household['status'];

export const HOUSEHOLD_STATUSES: readonly HouseholdStatus[] = ['occupied', 'vacant', 'let'];

export interface HouseholdFilters {
  q?: string;
  buildingId?: number;
  unitId?: number;
  role?: ResidentRole;
  tag?: string;
  status?: HouseholdStatus;
  moveInFrom?: string;
  moveInTo?: string;
  includeMovedOut?: 'true' | 'false';
  limit: number;
  offset: number;
  /** the nextCursor of the page before (then offset is 0) */
  cursor?: string;
}

/** Anything that changes a household or resident changes lists, counts and the building tree. */
export function invalidateMasterData(queryClient: QueryClient) {
  for (const key of ['households', 'household', 'buildings', 'communities', 'community', 'tags']) {
    void queryClient.invalidateQueries({ queryKey: [key] });
  }
}

export function useBuildings(communityId: number) {
  return useQuery({
    queryKey: ['buildings', communityId],
    queryFn: () => api.get<{ items: Building[] }>(`/communities/${communityId}/buildings`),
  });
}

export function useCommunityHouseholds(communityId: number, filters: HouseholdFilters, enabled = true) {
  return useQuery({
    queryKey: ['households', 'community', communityId, filters],
    queryFn: () => api.get<Page<Household>>(`/communities/${communityId}/households`, { ...filters }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Search across every community in the user's scope; nothing is fetched until there is a query. */
export function useHouseholdSearch(filters: { q?: string; limit: number; offset: number; cursor?: string }) {
  return useQuery({
    queryKey: ['households', 'search', filters],
    queryFn: () => api.get<Page<Household>>('/households', { ...filters }),
    placeholderData: keepPreviousData,
    enabled: !!filters.q,
  });
}

export function useHousehold(householdId: number) {
  return useQuery({
    queryKey: ['household', householdId],
    queryFn: () => api.get<Household>(`/households/${householdId}`),
  });
}

export function useCreateHousehold(communityId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateHouseholdBody) => api.post<Household>(`/communities/${communityId}/households`, body),
    onSuccess: () => invalidateMasterData(queryClient),
  });
}

export function useUpdateHousehold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateHouseholdBody }) => api.patch<Household>(`/households/${id}`, body),
    onSuccess: () => invalidateMasterData(queryClient),
  });
}

export function useMergeHouseholds() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, duplicateId }: { id: number; duplicateId: number }) =>
      api.post<Household>(`/households/${id}/merge`, { duplicateId }),
    onSuccess: () => invalidateMasterData(queryClient),
  });
}
