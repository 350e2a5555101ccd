/**
 * KPIs (指标): the figures of a period with their targets, formulas and drill-down lists; the company's targets;
 * the recurring themes of free text, the texts behind one, and the company's words for them.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../shared/schemas/common';
import type { KpiAttention, KpiDrivers, KpiQuery, KpiTargets, KpiThemeTexts, KpiThemes, KpiTrend, Kpis, ThemeWords, ThemeWordsView } from '../../shared/schemas/kpis';
import { api } from './client';

export type { DriverQuadrant, GroupBy, KpiDriver, KpiDrivers, KpiFigure, KpiKey, KpiStatus, KpiTargets, KpiTheme, KpiThemeText, KpiThemeTexts, KpiThemes, KpiTrend, Kpis, ThemeWords, ThemeWordsView } from '../../shared/schemas/kpis';

export function useKpis(query: KpiQuery, enabled = true) {
  return useQuery({
    queryKey: ['kpis', query],
    queryFn: () => api.get<Kpis>('/kpis', { ...query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useKpiTargets(enabled = true) {
  return useQuery({ queryKey: ['kpi-targets'], queryFn: () => api.get<KpiTargets>('/kpi-targets'), enabled });
}

export function useUpdateKpiTargets() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: KpiTargets) => api.put<KpiTargets>('/kpi-targets', body),
    onSuccess: (targets) => {
      queryClient.setQueryData(['kpi-targets'], targets);
      void queryClient.invalidateQueries({ queryKey: ['kpis'] });
    },
  });
}

/**
 * One page of a list behind a figure: the drill-down `href` is an API address (/api/v1/issues?…) whose total
 * equals the figure's count; the console reads it as it is, with the page asked.
 */
export function useDrillDownList(href: string | undefined, offset: number, limit = 20) {
  return useQuery({
    queryKey: ['kpi-drill-down', href, offset, limit],
    queryFn: () => {
      const url = new URL(href ?? '', window.location.origin);
      const query: Record<string, string | number> = Object.fromEntries(url.searchParams);
      return api.get<Page<Record<string, unknown>>>(url.pathname.replace(/^\/api\/v1/, ''), { ...query, limit, offset });
    },
    enabled: !!href,
    placeholderData: keepPreviousData,
  });
}

/** The months up to `to` of some figures, for the dashboard's trend chart. */
export function useKpiTrend(query: { kpi: string; months?: number; to?: string; communityId?: number }, enabled = true) {
  return useQuery({
    queryKey: ['kpis', 'trend', query],
    queryFn: () => api.get<KpiTrend>('/kpis/trend', { ...query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Where the KPI table (xlsx) is exported, with the dashboard's period and community as its query. */
export const KPIS_EXPORT_PATH = '/kpis/export';

/** Issues by category and department, and the low-satisfaction visits, of the dashboard's period. */
export function useKpiAttention(query: { period?: string; communityId?: number }, enabled = true) {
  return useQuery({
    queryKey: ['kpis', 'attention', query],
    queryFn: () => api.get<KpiAttention>('/kpis/attention', { ...query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The month's most frequent themes in free text, with their change and six-month trend. */
export function useKpiThemes(query: { period?: string; communityId?: number; limit?: number }, enabled = true) {
  return useQuery({
    queryKey: ['kpis', 'themes', query],
    queryFn: () => api.get<KpiThemes>('/kpis/themes', { ...query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One page of the texts behind a theme; the total is the theme's count. */
export function useKpiThemeTexts(query: { term: string; period?: string; communityId?: number; limit: number; offset: number }) {
  return useQuery({
    queryKey: ['kpis', 'themes', 'texts', query],
    queryFn: () => api.get<KpiThemeTexts>('/kpis/themes/texts', { ...query }),
    placeholderData: keepPreviousData,
  });
}

export function useThemeWords() {
  return useQuery({ queryKey: ['kpi-theme-words'], queryFn: () => api.get<ThemeWordsView>('/kpi-theme-words') });
}

export function useUpdateThemeWords() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ThemeWords) => api.put<ThemeWordsView>('/kpi-theme-words', body),
    onSuccess: (words) => {
      queryClient.setQueryData(['kpi-theme-words'], words);
      void queryClient.invalidateQueries({ queryKey: ['kpis', 'themes'] });
    },
  });
}

/** The key drivers (关键驱动因素) of a period: each dimension's importance for overall satisfaction and its score. */
export function useKpiDrivers(query: { period?: string; communityId?: number }, enabled = true) {
  return useQuery({
    queryKey: ['kpis', 'drivers', query],
    queryFn: () => api.get<KpiDrivers>('/kpis/drivers', { ...query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
