/** Staff (员工): the people who do the work, optionally linked to a login account. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../shared/schemas/common';
import type { CreateStaffBody, Staff, UpdateStaffBody } from '../../shared/schemas/staff';
import { api } from './client';

export type StaffStatus = Staff['status'];
export const STAFF_STATUSES: readonly StaffStatus[] = ['active', 'left'];

export interface StaffFilters {
  q?: string;
  departmentId?: number;
  communityId?: number;
  status?: StaffStatus;
  limit: number;
  offset: number;
  /** the nextCursor of the page before (then offset is 0) */
  cursor?: string;
}

export function useStaff(filters: StaffFilters) {
  return useQuery({
    queryKey: ['staff', filters],
    queryFn: () => api.get<Page<Staff>>('/staff', { ...filters }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateStaffBody) => api.post<Staff>('/staff', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['staff'] }),
  });
}

export function useUpdateStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateStaffBody }) => api.patch<Staff>(`/staff/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['staff'] }),
  });
}
