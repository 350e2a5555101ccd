/**
 * The company's own settings and its exports (xlsx): the export cap (导出上限), and downloading a file while
 * reading the headers that say what it holds, so that the console can tell the user when rows were left out.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExportSettings, ExportSettingsBody } from '../../shared/schemas/companies';
import i18n from '../i18n';
import { api, downloadUrl, receive, type QueryParams } from './client';

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

/** The file name of a Content-Disposition header: the UTF-8 one, else the ASCII fallback. */
function fileNameOf(disposition: string | null): string {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (utf8) return decodeURIComponent(utf8);
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? 'export.xlsx';
}

/**
 * Downloads an export through fetch (the session cookie authenticates it), hands the file to the browser
 * under the server's file name once it is complete, and returns what the headers say it holds. A refusal
 * (problem+json) is thrown as an ApiError, as every request's.
 */
export async function downloadExport(path: string, query?: QueryParams): Promise<ExportOutcome> {
  const response = await fetch(downloadUrl(path, query), { credentials: 'same-origin', headers: { 'Accept-Language': i18n.language || 'zh-CN' } }).catch(() => null);
  if (!response || !response.ok) await receive(response ? Promise.resolve(response) : Promise.reject(new Error('offline')));
  const ok = response!;
  const blob = await ok.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileNameOf(ok.headers.get('content-disposition'));
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  const number = (name: string) => Number(ok.headers.get(name) ?? 0);
  return {
    total: number('x-export-total'),
    rows: number('x-export-rows'),
    omitted: number('x-export-omitted'),
    limit: number('x-export-limit'),
    limitBy: ok.headers.get('x-export-limit-by') === 'company' ? 'company' : 'server',
  };
}
