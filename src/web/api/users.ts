/** Staff accounts: list, create, update and password reset. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../shared/schemas/common';
import type { CreateUserBody, CreatedUser, UpdateUserBody, User } from '../../shared/schemas/users';
import { api } from './client';
import { useRoles } from './roles';

export interface UserFilters {
  q?: string;
  roleId?: number;
  communityId?: number;
  status?: 'active' | 'disabled';
  limit: number;
  offset: number;
  /** the nextCursor of the page before (then offset is 0) */
  cursor?: string;
}

export function useUsers(filters: UserFilters, enabled = true) {
  return useQuery({
    queryKey: ['users', filters],
    queryFn: () => api.get<Page<User>>('/users', { ...filters }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => api.post<CreatedUser>('/users', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateUserBody }) => api.patch<User>(`/users/${id}`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['roles'] });
    },
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (id: number) => api.post<{ temporaryPassword: string }>(`/users/${id}/password-reset`, {}),
  });
}

/** Active accounts holding the built-in supervisor role (the choices for a community's supervisor). */
export function useSupervisors(enabled = true) {
  const roles = useRoles(enabled);
  const supervisorRoleId = roles.data?.items.find((role) => role.key === 'supervisor')?.id;
  return useUsers({ roleId: supervisorRoleId, status: 'active', limit: 200, offset: 0 }, enabled && supervisorRoleId !== undefined);
}
