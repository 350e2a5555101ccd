/**
 * The layout every list page of the console shares: title row with actions, then a card with an optional hint,
 * the filter bar and the server-paged table (or what the page renders instead, such as cards on a phone) with its
 * numbered pages or, for a long list, the cursor pager below it (useListParams.ts), and an error state with a retry when the list cannot be loaded. Modals go in `children`, further cards in `below`.
 */
import { Button, Result, Space, Table, Typography } from 'antd';
import type { TableColumnsType, TablePaginationConfig, TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../shared/schemas/common';
import type { PageInfo, Paging } from './useListParams';
import { PageCard } from '../components/PageCard';
import { PageHeader } from '../components/PageHeader';

/** What ListPage needs of a TanStack list query. */
export interface ListQuery<T> {
  data: Page<T> | undefined;
  isFetching: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/** One page of the list, for a page that shows it otherwise than as the table. */
export interface ListView<T> {
  items: T[] | undefined;
  loading: boolean;
  /** Numbered pages, or false when the cursor pager below pages the list. */
  pagination: TablePaginationConfig | false;
}

interface Props<T> {
  title: ReactNode;
  extra?: ReactNode;
  /** A line of explanation above the filters. */
  hint?: ReactNode;
  filters?: ReactNode;
  query: ListQuery<T>;
  pagination: (data: PageInfo | undefined) => Paging;
  columns?: TableColumnsType<T>;
  /** Further props of the table (row style, expandable rows, a test id …); they win over the list's own. */
  table?: Omit<TableProps<T>, 'columns'> & { 'data-testid'?: string };
  /** Shows the page of the list in place of the table. */
  render?: (view: ListView<T>) => ReactNode;
  below?: ReactNode;
  children?: ReactNode;
}

export function ListPage<T extends { id: number | string }>({ title, extra, hint, filters, query, pagination, columns, table, render, below, children }: Props<T>) {
  const { t } = useTranslation();
  const paging = pagination(query.data);
  let body: ReactNode;
  if (query.isError) {
    body = (
      <Result
        status="warning"
        title={t('list.loadFailed')}
        subTitle={query.error instanceof Error ? query.error.message : undefined}
        extra={<Button onClick={() => void query.refetch()}>{t('list.retry')}</Button>}
        data-testid="list-error"
      />
    );
  } else if (render) {
    body = render({ items: query.data?.items, loading: query.isFetching, pagination: paging.table });
  } else {
    body = (
      <Table<T>
        rowKey="id"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={paging.table}
        scroll={{ x: 'max-content' }}
        size="middle"
        {...table}
      />
    );
  }
  const card = (
    <PageCard>
      {hint ? <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph> : null}
      {filters}
      {body}
      {query.isError ? null : paging.pager}
    </PageCard>
  );
  return (
    <>
      <PageHeader title={title} extra={extra} />
      {below ? (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {card}
          {below}
        </Space>
      ) : (
        card
      )}
      {children}
    </>
  );
}
