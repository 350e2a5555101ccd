/** Column definitions of household tables (a community's households and the global search). */
import { Badge, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import type { Household } from '../../../shared/schemas/households';
import type { Resident } from '../../../shared/schemas/residents';
import { formatDate } from '../../lib/format';
import { currentResidents } from '../residents/residentDisplay';
import { STATUS_BADGE } from './householdDisplay';

const SHOWN_RESIDENTS = 3;

export interface HouseholdColumnContext {
  t: TFunction;
  /** Given on the cross-community search, where the community is not obvious. */
  communityName?: (id: number) => string;
}

function ResidentLine({ t, resident }: { t: TFunction; resident: Resident }) {
  return (
    <Space size={4} wrap>
      <Typography.Text>{resident.name}</Typography.Text>
      <Tag>{t(`residents.roles.${resident.role}`)}</Tag>
      {resident.phones[0] ? <Typography.Text type="secondary">{resident.phones[0].masked}</Typography.Text> : null}
      {resident.doNotContact ? <Tag color="red">{t('residents.doNotContactBadge')}</Tag> : null}
    </Space>
  );
}

export function householdColumns({ t, communityName }: HouseholdColumnContext): TableColumnsType<Household> {
  const columns: TableColumnsType<Household> = [
    {
      title: t('households.fields.label'),
      dataIndex: 'label',
      fixed: 'left',
      render: (label: string, household) => <Link to={`/households/${household.id}`}>{label}</Link>,
    },
  ];
  if (communityName) {
    columns.push({ title: t('households.fields.community'), dataIndex: 'communityId', render: (id: number) => communityName(id) });
  }
  columns.push(
    {
      title: t('households.fields.residents'),
      key: 'residents',
      render: (_, household) => {
        const residents = currentResidents(household.residents);
        if (residents.length === 0) return <Typography.Text type="secondary">{t('households.noResidents')}</Typography.Text>;
        return (
          <Space orientation="vertical" size={2}>
            {residents.slice(0, SHOWN_RESIDENTS).map((resident) => (
              <ResidentLine key={resident.id} t={t} resident={resident} />
            ))}
            {residents.length > SHOWN_RESIDENTS ? (
              <Typography.Text type="secondary">{t('households.moreResidents', { count: residents.length - SHOWN_RESIDENTS })}</Typography.Text>
            ) : null}
          </Space>
        );
      },
    },
    {
      title: t('households.fields.tags'),
      key: 'tags',
      render: (_, household) => {
        const tags = [...new Set(currentResidents(household.residents).flatMap((r) => r.tags))];
        return tags.length ? (
          <Space wrap size={[4, 4]}>
            {tags.map((tag) => (
              <Tag key={tag} color="orange">
                {tag}
              </Tag>
            ))}
          </Space>
        ) : (
          '—'
        );
      },
    },
    {
      title: t('households.fields.moveInDate'),
      key: 'moveIn',
      render: (_, household) => {
        const dates = currentResidents(household.residents)
          .map((r) => r.moveInDate)
          .filter((d): d is string => !!d)
          .sort();
        return formatDate(dates[0]);
      },
    },
    {
      title: t('households.fields.status'),
      dataIndex: 'status',
      render: (status: Household['status']) => <Badge status={STATUS_BADGE[status]} text={t(`households.status.${status}`)} />,
    },
    { title: t('households.fields.area'), dataIndex: 'area', align: 'right', render: (area: number | null) => area ?? '—' },
  );
  return columns;
}
