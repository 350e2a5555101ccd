/** 回访记录: visit records with filters, each opening its detail page; export to xlsx with the same filters. */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadUrl } from '../../api/client';
import { useScopeCommunities } from '../../api/communities';
import { useVisitRecords, useVisitors, type RecordFilters as Filters, type VisitRecord } from '../../api/visits';
import { useCan } from '../../auth/session';
import { PageCard } from '../../components/PageCard';
import { PageHeader } from '../../components/PageHeader';
import { useSelectedCommunityId } from '../../lib/communitySelection';
import { usePagination } from '../../lib/pagination';
import { RecordFilters } from './RecordFilters';
import { recordColumns } from './recordColumns';

export function VisitRecordsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const selectedCommunityId = useSelectedCommunityId();
  const [filters, setFilters] = useState<Filters>({});
  const effective = { ...filters, communityId: filters.communityId ?? selectedCommunityId };
  const pagination = usePagination();
  const communities = useScopeCommunities(can('communities.read'));
  const { visitors } = useVisitors(effective.communityId, can('users.read'));
  const records = useVisitRecords({ ...effective, limit: pagination.limit, offset: pagination.offset });
  const columns = useMemo(() => recordColumns(t), [t]);

  return (
    <>
      <PageHeader
        title={t('visits.nav.records')}
        extra={
          can('visits.export') ? (
            <Button icon={<DownloadOutlined />} href={downloadUrl('/visit-records/export.xlsx', { ...effective })}>
              {t('visits.records.export')}
            </Button>
          ) : null
        }
      />
      <PageCard>
        <RecordFilters
          value={effective}
          communities={communities.data?.items ?? []}
          visitors={visitors}
          onChange={(next) => {
            setFilters(next);
            pagination.reset();
          }}
        />
        <Table<VisitRecord>
          rowKey="id"
          columns={columns}
          dataSource={records.data?.items}
          loading={records.isFetching}
          pagination={pagination.table(records.data?.total)}
          scroll={{ x: 'max-content' }}
          size="middle"
        />
      </PageCard>
    </>
  );
}
