/**
 * 回访记录: visit records with filters (kept in the address), each opening its detail page; export to xlsx with
 * the same filters.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordListQuery } from '../../../shared/schemas/visits';
import { ExportButton } from '../../components/ExportButton';
import { useScopeCommunities } from '../../api/communities';
import { useVisitRecords, useVisitors } from '../../api/visits';
import { useCan } from '../../auth/session';
import { useSelectedCommunityId } from '../../lib/communitySelection';
import { ListPage } from '../../lists/ListPage';
import { listSpec } from '../../lists/listParams';
import { useListParams } from '../../lists/useListParams';
import { RecordFilters } from './RecordFilters';
import { recordColumns } from './recordColumns';

const LIST = listSpec({ schema: RecordListQuery, keys: ['communityId', 'from', 'to', 'visitorId', 'method', 'outcome', 'minScore', 'maxScore', 'hasItems'] });

export function VisitRecordsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const selectedCommunityId = useSelectedCommunityId();
  const list = useListParams(LIST);
  const effective = { ...list.filters, communityId: list.filters.communityId ?? selectedCommunityId };
  const communities = useScopeCommunities(can('communities.read'));
  const { visitors } = useVisitors(effective.communityId, can('users.read'));
  const records = useVisitRecords({ ...effective, limit: list.limit, offset: list.offset, cursor: list.cursor });
  const columns = useMemo(() => recordColumns(t), [t]);

  return (
    <ListPage
      title={t('visits.nav.records')}
      extra={
        can('visits.export') ? (
          <ExportButton path="/visit-records/export.xlsx" query={{ ...effective }}>
            {t('visits.records.export')}
          </ExportButton>
        ) : null
      }
      filters={<RecordFilters value={effective} communities={communities.data?.items ?? []} visitors={visitors} onChange={list.setFilters} />}
      query={records}
      pagination={list.pagination}
      columns={columns}
    />
  );
}
