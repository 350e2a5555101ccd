/** The audit log. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEntry } from '../../shared/schemas/audit';
import type { Page } from '../../shared/schemas/common';
import { api } from './client';

export interface AuditFilters {
  actorId?: number;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
  /** the nextCursor of the page before (then offset is 0) */
  cursor?: string;
}

export function useAuditLog(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit', filters],
    queryFn: () => api.get<Page<AuditEntry>>('/audit-log', { ...filters }),
    placeholderData: keepPreviousData,
  });
}
