/**
 * 改进措施: the measures of the caller's communities and the company-wide ones, filtered by community and status
 * (kept in the address), with recording and editing in a modal; a measure opens its effect.
 */
import { App, Button, Popconfirm, Select, Space, Switch, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { MeasureListQuery } from '../../../shared/schemas/improvements';
import { useScopeCommunities } from '../../api/communities';
import { MEASURE_STATUSES, useDeleteMeasure, useMeasures, type ImprovementMeasure } from '../../api/improvements';
import { useCan } from '../../auth/session';
import { CreateButton } from '../../components/CreateButton';
import { FILTER_SELECT_STYLE, FilterBar } from '../../components/FilterBar';
import { useShowError } from '../../lib/feedback';
import { formatDate } from '../../lib/format';
import { ListPage } from '../../lists/ListPage';
import { listSpec } from '../../lists/listParams';
import { useListParams } from '../../lists/useListParams';
import { MeasureFormModal } from './MeasureFormModal';
import { STATUS_COLORS, targetText } from './measureDisplay';

const LIST = listSpec({ schema: MeasureListQuery, keys: ['communityId', 'status', 'companyWide'] });

export function ImprovementsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const list = useListParams(LIST);
  const measures = useMeasures({ ...list.filters, limit: list.limit, offset: list.offset, cursor: list.cursor });
  const communities = useScopeCommunities(can('communities.read'));
  const remove = useDeleteMeasure();
  const [editing, setEditing] = useState<ImprovementMeasure | null>(null);
  const [open, setOpen] = useState(false);
  const manage = can('improvements.manage');
  const companyWide = can('scope.company');

  const columns: TableColumnsType<ImprovementMeasure> = [
    {
      title: t('improvements.fields.title'),
      dataIndex: 'title',
      render: (title: string, m) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/improvements/${m.id}`}>{title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {targetText(t, m)}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('improvements.fields.community'), dataIndex: 'communityName', responsive: ['md'], render: (name: string | null) => name ?? t('improvements.companyWide') },
    { title: t('improvements.fields.startDate'), dataIndex: 'startDate', render: (d: string) => formatDate(d) },
    { title: t('improvements.fields.endDate'), dataIndex: 'endDate', responsive: ['lg'], render: (d: string | null) => (d ? formatDate(d) : '—') },
    { title: t('improvements.fields.owner'), dataIndex: 'ownerName', responsive: ['lg'], render: (n: string | null) => n ?? '—' },
    { title: t('improvements.fields.status'), dataIndex: 'status', render: (s: ImprovementMeasure['status']) => <Tag color={STATUS_COLORS[s]}>{t(`improvements.statuses.${s}`)}</Tag> },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, m: ImprovementMeasure) =>
              m.canManage ? (
                <Space size={0} wrap>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => {
                      setEditing(m);
                      setOpen(true);
                    }}
                  >
                    {t('common.edit')}
                  </Button>
                  <Popconfirm
                    title={t('improvements.deleteConfirm')}
                    onConfirm={() => remove.mutate(m.id, { onSuccess: () => void message.success(t('common.deleted')), onError: (e) => showError(e) })}
                  >
                    <Button type="link" size="small" danger>
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              ) : (
                <Typography.Text type="secondary" title={t('improvements.readOnly')}>
                  —
                </Typography.Text>
              ),
          },
        ]
      : []),
  ];

  return (
    <ListPage
      title={t('improvements.nav')}
      hint={t('improvements.hint')}
      extra={
        manage ? (
          <CreateButton
            onClick={() => {
              setEditing(null);
              setOpen(true);
            }}
          >
            {t('improvements.create')}
          </CreateButton>
        ) : null
      }
      filters={
        <FilterBar>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('improvements.fields.community')}
            aria-label={t('improvements.fields.community')}
            value={list.filters.communityId}
            options={(communities.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            onChange={(communityId?: number) => list.setFilters({ ...list.filters, communityId, companyWide: undefined })}
            style={FILTER_SELECT_STYLE}
          />
          <Select
            allowClear
            placeholder={t('improvements.fields.status')}
            aria-label={t('improvements.fields.status')}
            value={list.filters.status}
            options={MEASURE_STATUSES.map((s) => ({ value: s, label: t(`improvements.statuses.${s}`) }))}
            onChange={(status?: ImprovementMeasure['status']) => list.setFilters({ ...list.filters, status })}
            style={FILTER_SELECT_STYLE}
          />
          <Space size={6}>
            <Switch
              size="small"
              checked={list.filters.companyWide === 'true'}
              onChange={(on) => list.setFilters({ ...list.filters, companyWide: on ? 'true' : undefined, communityId: on ? undefined : list.filters.communityId })}
              aria-label={t('improvements.onlyCompanyWide')}
            />
            <Typography.Text>{t('improvements.onlyCompanyWide')}</Typography.Text>
          </Space>
        </FilterBar>
      }
      query={measures}
      pagination={list.pagination}
      columns={columns}
      table={{ 'data-testid': 'measures-table' }}
    >
      <MeasureFormModal
        open={open}
        measure={editing}
        communities={communities.data?.items ?? []}
        companyWide={companyWide}
        canReadUsers={can('users.read')}
        onClose={() => setOpen(false)}
      />
    </ListPage>
  );
}
