/**
 * A list page's filters and page, kept in the URL (see listParams.ts): every change is a new history entry,
 * so the back button restores the previous filter or page and a copied address opens the same list.
 *
 * Paging: a list whose total is exact and within reach of an offset gets antd's numbered pages. A long list (its
 * total counted only up to a bound, "10,000+", or beyond MAX_OFFSET) or a page reached by cursor gets the cursor
 * pager: 下一页 follows the server's `nextCursor`, 上一页 returns to the address the console came from (remembered for this tab, by cursor), else to the
 * previous numbered page while an offset reaches it.
 */
import type { TablePaginationConfig } from 'antd';
import type { TFunction } from 'i18next';
import { createElement, useCallback, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { z } from 'zod';
import { MAX_OFFSET, type Page } from '../../shared/schemas/common';
import { tablePagination } from '../lib/pagination';
import { CursorPager } from './CursorPager';
import {
  pageNumber,
  parseListParams,
  serializeListParams,
  withCursor,
  withFilters,
  withPage,
  type ListFilters,
  type ListParamsSpec,
  type ListQuerySchema,
  type ListState,
} from './listParams';

/** How a page of the list is paged: antd's numbered pagination of the table, or the cursor pager below it. */
export interface Paging {
  table: TablePaginationConfig | false;
  pager: ReactNode;
}

/** What of a list response the paging reads. */
export type PageInfo = Pick<Page<unknown>, 'total' | 'totalKind' | 'nextCursor'>;

export interface ListParams<F> {
  filters: F;
  limit: number;
  offset: number;
  cursor?: string;
  /** Shows other filters, from the first page. */
  setFilters: (filters: F) => void;
  /** The paging of the page shown, given the server's answer for it. */
  pagination: (data: PageInfo | undefined) => Paging;
}

const TRAIL_KEY = 'huifang.listTrail';
const TRAIL_SIZE = 200;

/** The address 上一页 returns to from a cursor page, remembered in this tab when the console went forward to it. */
function trail(): Record<string, string> {
  try {
    return JSON.parse(sessionStorage.getItem(TRAIL_KEY) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}
function remember(cursor: string, from: string) {
  const entries = Object.entries(trail()).filter(([key]) => key !== cursor);
  entries.push([cursor, from]);
  try {
    sessionStorage.setItem(TRAIL_KEY, JSON.stringify(Object.fromEntries(entries.slice(-TRAIL_SIZE))));
  } catch {
    // storage full or refused: 上一页 then falls back to the numbered page
  }
}

/** The total as far as the server counted it: "10,000+ 条" for a lower bound, "共 N 条" when exact. */
export function totalText(t: TFunction, data: PageInfo | undefined): string {
  if (!data) return '';
  if (data.totalKind === 'atLeast') return t('list.atLeast', { count: new Intl.NumberFormat('en-US').format(data.total) });
  return t('common.total', { count: data.total });
}

/** `spec` should be a module-level constant: its schema, filter keys and defaults do not change while the page is shown. */
export function useListParams<S extends ListQuerySchema, K extends keyof z.output<S> & string>(spec: ListParamsSpec<S, K>): ListParams<ListFilters<S, K>> {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const query = search.toString();
  const state = useMemo(() => parseListParams(spec, new URLSearchParams(query)), [spec, query]);
  const go = useCallback((next: ListState<ListFilters<S, K>>) => setSearch(serializeListParams(spec, next)), [spec, setSearch]);

  const pagination = (data: PageInfo | undefined): Paging => {
    const long = state.cursor !== undefined || data?.totalKind === 'atLeast' || (data?.total ?? 0) > MAX_OFFSET;
    if (!long) {
      return { table: tablePagination(t, { ...state, total: data?.total, onChange: (page, pageSize) => go(withPage(state, page, pageSize)) }), pager: null };
    }
    const page = pageNumber(state);
    const first = state.cursor !== undefined || state.offset > 0 ? () => go(withPage(state, 1, state.limit)) : undefined;

    const cursor = data?.nextCursor;
    const next = cursor
      ? () => {
          remember(cursor, query);
          go(withCursor(state, cursor));
        }
      : undefined;

    let previous: (() => void) | undefined;
    const back = state.cursor !== undefined ? trail()[state.cursor] : undefined;
    if (back !== undefined) previous = () => setSearch(new URLSearchParams(back));
    else if (page !== undefined && page > 1 && (page - 2) * state.limit <= MAX_OFFSET) previous = () => go(withPage(state, page - 1, state.limit));

    const pager = createElement(CursorPager, {
      page,
      totalText: totalText(t, data),
      totalHint: data?.totalKind === 'atLeast' ? t('list.atLeastHint', { count: new Intl.NumberFormat('en-US').format(data.total) }) : undefined,
      pageSize: state.limit,
      onFirst: first,
      onPrevious: previous,
      onNext: next,
      onPageSize: (size: number) => go(withPage(state, 1, size)),
    });
    return { table: false, pager };
  };

  return { ...state, setFilters: (filters) => go(withFilters(state, filters)), pagination };
}
