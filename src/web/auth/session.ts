/**
 * The logged-in session as TanStack Query state: `null` means logged out. Login, logout and password
 * changes update this one cache entry, and the router guards read it.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ChangePasswordBody, LoginBody, SessionResponse, SessionUser } from '../../shared/schemas/auth';
import { ApiError, api, setCsrfToken } from '../api/client';
import type { Permission } from '../../shared/schemas/permissions';

export const SESSION_KEY = ['session'] as const;

async function fetchSession(): Promise<SessionResponse | null> {
  try {
    // The first call takes the request main.tsx sent (api/early.ts).
    const session = await api.get<SessionResponse>('/auth/session', undefined, true);
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Asks for the session into the cache before the first render; a failure is left to useSession's own retry. */
export function prefetchSession(queryClient: QueryClient): Promise<void> {
  return queryClient.prefetchQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity });
}

export function useSession() {
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity, retry: 1 });
  return { session: query.data ?? null, user: query.data?.user ?? null, isPending: query.isPending, error: query.error };
}

/** The current user; only for components rendered behind the authentication guard. */
export function useCurrentUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useCurrentUser outside an authenticated route');
  return user;
}

export function hasPermission(user: SessionUser | null, permission: Permission): boolean {
  return !!user && user.permissions.includes(permission);
}

export function useCan(): (permission: Permission) => boolean {
  const { user } = useSession();
  return (permission) => hasPermission(user, permission);
}

/** Forget everything cached for the previous user. */
export function endSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
  queryClient.setQueryData(SESSION_KEY, null);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post<SessionResponse>('/auth/login', body, true),
    onSuccess: (session) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(SESSION_KEY, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/auth/logout', {}, true),
    onSettled: () => endSession(queryClient),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => api.post<{ ok: true }>('/auth/password', body),
    onSuccess: () => {
      const current = queryClient.getQueryData<SessionResponse | null>(SESSION_KEY);
      if (current) {
        queryClient.setQueryData(SESSION_KEY, { ...current, user: { ...current.user, mustChangePassword: false } });
      }
      // The server may rotate the session on a password change; read it again.
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}

/** Replace the session's user after a profile update. */
export function setSessionUser(queryClient: QueryClient, user: SessionUser): void {
  const current = queryClient.getQueryData<SessionResponse | null>(SESSION_KEY);
  if (current) queryClient.setQueryData(SESSION_KEY, { ...current, user });
}
