/**
 * 住户查询: find a household across every community in scope by room, resident name or phone digits; the search
 * is in the address, so a search can be linked and the back button returns to the previous one.
 */
import { Input, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { HouseholdListQuery } from '../../../shared/schemas/households';
import { useScopeCommunities } from '../../api/communities';
import { useHouseholdSearch } from '../../api/households';
import { useCan } from '../../auth/session';
import { ListPage } from '../../lists/ListPage';
import { listSpec } from '../../lists/listParams';
import { useListParams } from '../../lists/useListParams';
import { householdColumns } from './householdColumns';
import { TagsCard } from '../residents/TagsCard';

const LIST = listSpec({ schema: HouseholdListQuery, keys: ['q'] });

export function HouseholdSearchPage() {
  const { t } = useTranslation();
  const can = useCan();
  const list = useListParams(LIST);
  const q = list.filters.q;
  const households = useHouseholdSearch({ q, limit: list.limit, offset: list.offset, cursor: list.cursor });
  const communities = useScopeCommunities(can('communities.read'));
  const communityById = useMemo(() => new Map((communities.data?.items ?? []).map((c) => [c.id, c.name])), [communities.data]);

  return (
    <ListPage
      title={t('nav.households')}
      filters={
        <>
          <Input.Search
            key={q ?? ''}
            allowClear
            enterButton
            size="large"
            placeholder={t('households.searchPlaceholder')}
            aria-label={t('common.search')}
            defaultValue={q}
            onSearch={(value) => list.setFilters({ q: value.trim() || undefined })}
            style={{ maxWidth: 560, marginBottom: 8 }}
          />
          <Typography.Paragraph type="secondary">{t('households.searchHint')}</Typography.Paragraph>
        </>
      }
      query={households}
      pagination={list.pagination}
      columns={householdColumns({ t, communityName: (id) => communityById.get(id) ?? `#${id}` })}
      table={q ? { 'data-testid': 'household-search-results' } : { dataSource: [], pagination: false, locale: { emptyText: t('households.startSearch') }, 'data-testid': 'household-search-results' }}
      below={<TagsCard />}
    />
  );
}
