/**
 * A list page's filters and page, kept in the URL (see listParams.ts): every change is a new history entry,
 * so the back button restores the previous filter and a copied address opens the same list.
 */
import type { TablePaginationConfig } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { z } from 'zod';
import { tablePagination } from '../lib/pagination';
import { parseListParams, serializeListParams, withFilters, withPage, type ListFilters, type ListParamsSpec, type ListQuerySchema, type ListState } from './listParams';

export interface ListParams<F> {
  filters: F;
  limit: number;
  offset: number;
  /** Shows other filters, from the first page. */
  setFilters: (filters: F) => void;
  /** antd's pagination prop for a page of this list. */
  pagination: (total: number | undefined) => TablePaginationConfig;
}

/** `spec` should be a module-level constant: its schema, filter keys and defaults do not change while the page is shown. */
export function useListParams<S extends ListQuerySchema, K extends keyof z.output<S> & string>(spec: ListParamsSpec<S, K>): ListParams<ListFilters<S, K>> {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const query = search.toString();
  const state = useMemo(() => parseListParams(spec, new URLSearchParams(query)), [spec, query]);
  const go = useCallback((next: ListState<ListFilters<S, K>>) => setSearch(serializeListParams(spec, next)), [spec, setSearch]);

  return {
    ...state,
    setFilters: (filters) => go(withFilters(state, filters)),
    pagination: (total) => tablePagination(t, { ...state, total, onChange: (page, pageSize) => go(withPage(state, page, pageSize)) }),
  };
}
