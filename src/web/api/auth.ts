/**
 * The signed-in user's own profile and personal API tokens (`/me`); login, logout and the password change
 * live in auth/session.ts, beside the session they change.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiToken, CreateApiTokenBody, CreatedApiToken, SessionUser, UpdateProfileBody } from '../../shared/schemas/auth';
import type { Page } from '../../shared/schemas/common';
import { setSessionUser } from '../auth/session';
import { api } from './client';

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateProfileBody) => api.patch<SessionUser>('/me', body),
    onSuccess: (user) => setSessionUser(queryClient, user),
  });
}

export function useApiTokens() {
  return useQuery({ queryKey: ['tokens'], queryFn: () => api.get<Page<ApiToken>>('/me/tokens') });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiTokenBody) => api.post<CreatedApiToken>('/me/tokens', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tokens'] }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete(`/me/tokens/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tokens'] }),
  });
}
