/** Communities (小区/项目): lists, one community, the header switcher's list, create and update. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../shared/schemas/common';
import type { Community, CommunityType, CreateCommunityBody, UpdateCommunityBody } from '../../shared/schemas/communities';
import { api } from './client';

export const COMMUNITY_TYPES: readonly CommunityType[] = ['residential', 'commercial', 'mixed'];

export interface CommunityFilters {
  q?: string;
  type?: CommunityType;
  status?: 'active' | 'archived';
  limit: number;
  offset: number;
  /** the nextCursor of the page before (then offset is 0) */
  cursor?: string;
}

export function useCommunities(filters: CommunityFilters, enabled = true) {
  return useQuery({
    queryKey: ['communities', filters],
    queryFn: () => api.get<Page<Community>>('/communities', { ...filters }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCommunity(communityId: number, enabled = true) {
  return useQuery({
    queryKey: ['community', communityId],
    queryFn: () => api.get<Community>(`/communities/${communityId}`),
    enabled,
  });
}

/** Every active community the user can see (for selects and the header switcher). */
export function useScopeCommunities(enabled = true) {
  return useCommunities({ status: 'active', limit: 200, offset: 0 }, enabled);
}

export function useCreateCommunity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCommunityBody) => api.post<Community>('/communities', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['communities'] }),
  });
}

export function useUpdateCommunity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateCommunityBody }) =>
      api.patch<Community>(`/communities/${id}`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['communities'] });
      void queryClient.invalidateQueries({ queryKey: ['community'] });
    },
  });
}
