/** Departments (部门): the list (for selects and the departments page), create and update. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../shared/schemas/common';
import type { CreateDepartmentBody, Department, UpdateDepartmentBody } from '../../shared/schemas/departments';
import { api } from './client';

export function useDepartments(enabled = true) {
  return useQuery({
    queryKey: ['departments'],
    queryFn: () => api.get<Page<Department>>('/departments'),
    enabled,
  });
}

export function useCreateDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDepartmentBody) => api.post<Department>('/departments', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['departments'] }),
  });
}

export function useUpdateDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateDepartmentBody }) => api.patch<Department>(`/departments/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['departments'] }),
  });
}
