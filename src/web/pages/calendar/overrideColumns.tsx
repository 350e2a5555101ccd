/** Columns of the company's calendar overrides. */
import { Button, Popconfirm, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { CalendarOverride } from '../../api/calendar';
import { formatDateTime } from '../../lib/format';

interface Context {
  t: TFunction;
  canEdit: boolean;
  onDelete: (override: CalendarOverride) => void;
}

const KIND_COLOR: Record<CalendarOverride['kind'], string> = { holiday: 'red', workday: 'blue', rest_day: 'orange' };

export function overrideColumns({ t, canEdit, onDelete }: Context): TableColumnsType<CalendarOverride> {
  return [
    { title: t('calendar.fields.date'), dataIndex: 'date' },
    {
      title: t('calendar.fields.kind'),
      dataIndex: 'kind',
      render: (kind: CalendarOverride['kind']) => <Tag color={KIND_COLOR[kind]}>{t(`calendar.overrideKinds.${kind}`)}</Tag>,
    },
    { title: t('calendar.fields.note'), dataIndex: 'note', render: (note: string) => note || '—' },
    { title: t('calendar.fields.createdBy'), dataIndex: 'createdByName', render: (name: string | null) => name ?? '—' },
    { title: t('calendar.fields.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatDateTime(at) },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, override: CalendarOverride) => (
              <Popconfirm title={t('calendar.confirmDelete', { date: override.date })} onConfirm={() => onDelete(override)}>
                <Button type="link" size="small" danger data-testid="override-delete">
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];
}
