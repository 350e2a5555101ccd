/** Page state for server-paginated tables: gives `limit`/`offset` for the query and antd's pagination prop. */
import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function usePagination(initialPageSize = 20) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);

  const table = (total: number | undefined): TablePaginationConfig => ({
    current,
    pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100, 200],
    showTotal: (count) => t('common.total', { count }),
    onChange: (page, size) => {
      setCurrent(size !== pageSize ? 1 : page);
      setPageSize(size);
    },
  });

  return { limit: pageSize, offset: (current - 1) * pageSize, table, reset: () => setCurrent(1) };
}
