/** Column definitions of the import error table: row, column and the reason in words (codes stay in the API). */
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { RosterImport } from '../../../shared/schemas/roster';

type RosterError = RosterImport['errors'][number];

export function rosterErrorColumns(t: TFunction): TableColumnsType<RosterError> {
  return [
    { title: t('roster.errorFields.row'), dataIndex: 'row', align: 'right', width: 72 },
    { title: t('roster.errorFields.column'), dataIndex: 'column', render: (column: string | null) => column ?? '—' },
    { title: t('roster.errorFields.message'), dataIndex: 'message' },
  ];
}
