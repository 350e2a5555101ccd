/** In-app notifications (the bell): the unread count, the latest notifications, marking them read. */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Page } from '../../shared/schemas/common';
import type { z } from 'zod';
import type { Notification, UnreadCount } from '../../shared/schemas/notifications';
import { api } from './client';

export type { Notification } from '../../shared/schemas/notifications';

const POLL_MS = 60_000;

function invalidateNotifications(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: ['notifications'] });
}

/** Polled every minute and whenever the window regains focus, so a reminder shows without a reload. */
export function useUnreadCount() {
  return useQuery({
    queryKey: ['notifications', 'unread-count'],
    queryFn: () => api.get<z.infer<typeof UnreadCount>>('/notifications/unread-count'),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
}

export function useNotifications(filters: { unread?: 'true'; limit: number; offset: number }, enabled = true) {
  return useQuery({
    queryKey: ['notifications', 'list', filters],
    queryFn: () => api.get<Page<Notification>>('/notifications', { ...filters }),
    enabled,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<Notification>(`/notifications/${id}/read`),
    onSuccess: () => invalidateNotifications(queryClient),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/notifications/read-all'),
    onSuccess: () => invalidateNotifications(queryClient),
  });
}
