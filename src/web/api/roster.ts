/**
 * Roster (住户名单) import and export. An upload starts a job on the server; the console polls it until it
 * has succeeded or failed. Template, export and error report are files the browser downloads itself.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RosterImport } from '../../shared/schemas/roster';
import { api, downloadUrl } from './client';
import { invalidateMasterData } from './households';

export const ROSTER_POLL_MS = 500;

export const rosterTemplateUrl = () => downloadUrl('/roster-template.xlsx');
export const rosterExportUrl = (communityId: number) => downloadUrl(`/communities/${communityId}/roster.xlsx`);
export const rosterErrorReportUrl = (importId: number) => downloadUrl(`/roster-imports/${importId}/error-report.xlsx`);

export function isFinished(job: RosterImport | undefined): boolean {
  return job?.status === 'succeeded' || job?.status === 'failed';
}

export function useStartRosterImport(communityId: number) {
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<RosterImport>(`/communities/${communityId}/roster-imports`, form, dryRun ? { dryRun: 'true' } : undefined);
    },
  });
}

/** Polls a job every half second while it runs; a finished real import refreshes the household data. */
export function useRosterImport(importId: number | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['roster-import', importId],
    queryFn: async () => {
      const job = await api.get<RosterImport>(`/roster-imports/${importId}`);
      if (isFinished(job) && !job.dryRun) {
        invalidateMasterData(queryClient);
      }
      return job;
    },
    enabled: importId !== null,
    refetchInterval: (query) => (isFinished(query.state.data) ? false : ROSTER_POLL_MS),
    staleTime: 0,
  });
}
