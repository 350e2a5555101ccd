/** 住户查询: find a household across every community in scope by room, resident name or phone digits. */
import { Input, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Household } from '../../../shared/schemas/households';
import { useScopeCommunities } from '../../api/communities';
import { useHouseholdSearch } from '../../api/households';
import { useCan } from '../../auth/session';
import { PageCard } from '../../components/PageCard';
import { PageHeader } from '../../components/PageHeader';
import { usePagination } from '../../lib/pagination';
import { householdColumns } from './householdColumns';
import { TagsCard } from '../residents/TagsCard';

export function HouseholdSearchPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [q, setQ] = useState('');
  const pagination = usePagination();
  const households = useHouseholdSearch({ q: q || undefined, limit: pagination.limit, offset: pagination.offset });
  const communities = useScopeCommunities(can('communities.read'));
  const communityById = useMemo(() => new Map((communities.data?.items ?? []).map((c) => [c.id, c.name])), [communities.data]);

  return (
    <>
      <PageHeader title={t('nav.households')} />
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <PageCard>
          <Input.Search
            allowClear
            enterButton
            size="large"
            placeholder={t('households.searchPlaceholder')}
            aria-label={t('common.search')}
            onSearch={(value) => {
              setQ(value.trim());
              pagination.reset();
            }}
            style={{ maxWidth: 560, marginBottom: 8 }}
          />
          <Typography.Paragraph type="secondary">{t('households.searchHint')}</Typography.Paragraph>
          <Table<Household>
            rowKey="id"
            columns={householdColumns({ t, communityName: (id) => communityById.get(id) ?? `#${id}` })}
            dataSource={q ? households.data?.items : []}
            loading={households.isFetching}
            pagination={q ? pagination.table(households.data?.total) : false}
            locale={q ? undefined : { emptyText: t('households.startSearch') }}
            scroll={{ x: 'max-content' }}
            size="middle"
            data-testid="household-search-results"
          />
        </PageCard>
        <TagsCard />
      </Space>
    </>
  );
}
