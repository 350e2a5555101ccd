/** Endpoints used before login: demo accounts (only in demo mode). */
import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from './client';

export interface DemoAccount {
  username: string;
  role: string;
  password: string;
}

/** `null` when the server is not in demo mode (404). */
export function useDemoAccounts() {
  return useQuery({
    queryKey: ['demo-accounts'],
    queryFn: async () => {
      try {
        return await api.get<{ items: DemoAccount[] }>('/auth/demo-accounts', undefined, true);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    staleTime: Infinity,
    retry: false,
  });
}
