/**
 * The company's own settings and its exports (xlsx): the export cap (导出上限), and downloading a file while
 * reading the headers that say what it holds, so that the console can tell the user when rows were left out.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExportSettings, ExportSettingsBody } from '../../shared/schemas/companies';
import { api, downloadFile, type QueryParams } from './client';

export type { ExportSettings } from '../../shared/schemas/companies';

export function useExportSettings() {
  return useQuery({ queryKey: ['export-settings'], queryFn: () => api.get<ExportSettings>('/export-settings') });
}

export function useSaveExportSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ExportSettingsBody) => api.put<ExportSettings>('/export-settings', body),
    onSuccess: (settings) => queryClient.setQueryData(['export-settings'], settings),
  });
}

/** What a downloaded export holds, from its X-Export-* headers. */
export interface ExportOutcome {
  total: number;
  rows: number;
  /** rows left out by the cap */
  omitted: number;
  limit: number;
  limitBy: 'company' | 'server';
}

/** Downloads an export (client.ts `downloadFile`) and returns what its X-Export-* headers say it holds. */
export async function downloadExport(path: string, query?: QueryParams): Promise<ExportOutcome> {
  const ok = await downloadFile(path, query);
  const number = (name: string) => Number(ok.headers.get(name) ?? 0);
  return {
    total: number('x-export-total'),
    rows: number('x-export-rows'),
    omitted: number('x-export-omitted'),
    limit: number('x-export-limit'),
    limitBy: ok.headers.get('x-export-limit-by') === 'company' ? 'company' : 'server',
  };
}
