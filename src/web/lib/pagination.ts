/**
 * Server paging of the console's tables: antd's pagination prop for a page of `limit` rows from `offset`, and
 * `usePagination` for a table whose page lives in component state (a list inside a page, not the page's own
 * list: those keep their page in the URL, see lists/useListParams.ts).
 */
import type { TablePaginationConfig } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export const PAGE_SIZE_OPTIONS = [10, 20, 50, 100, 200];

/** antd's pagination prop; `onChange` gets the page and page size the user chose. */
export function tablePagination(
  t: TFunction,
  { limit, offset, total, onChange }: { limit: number; offset: number; total: number | undefined; onChange: (page: number, pageSize: number) => void },
): TablePaginationConfig {
  return {
    current: Math.floor(offset / limit) + 1,
    pageSize: limit,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZE_OPTIONS,
    showTotal: (count) => t('common.total', { count }),
    onChange,
  };
}

export function usePagination(initialPageSize = 20) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);
  const offset = (current - 1) * pageSize;

  const table = (total: number | undefined): TablePaginationConfig =>
    tablePagination(t, {
      limit: pageSize,
      offset,
      total,
      onChange: (page, size) => {
        setCurrent(size !== pageSize ? 1 : page);
        setPageSize(size);
      },
    });

  return { limit: pageSize, offset, table, reset: () => setCurrent(1) };
}
