/** One resident of a household: role, badges, phones, dates, tags, contact preference and notes, with actions below. */
import { Button, Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Resident } from '../../../shared/schemas/residents';
import { formatDate } from '../../lib/format';
import { PhoneNumbers } from './PhoneNumbers';

export type ResidentAction = 'edit' | 'moveOut' | 'merge' | 'erase';

interface Props {
  resident: Resident;
  /** The actions the user may take on this resident, in display order. */
  actions: ResidentAction[];
  onAction: (action: ResidentAction, resident: Resident) => void;
}

export function ResidentCard({ resident, actions, onAction }: Props) {
  const { t } = useTranslation();
  const labels: Record<ResidentAction, string> = {
    edit: t('common.edit'),
    moveOut: t('residents.moveOut'),
    merge: t('residents.merge'),
    erase: t('residents.erase'),
  };

  return (
    <Card
      size="small"
      data-testid="resident-card"
      title={
        <Space wrap size={[8, 4]}>
          <span>{resident.name}</span>
          <Tag color="blue">{t(`residents.roles.${resident.role}`)}</Tag>
          {resident.erased ? (
            <Tag>{t('residents.erased')}</Tag>
          ) : (
            <>
              {resident.doNotContact ? <Tag color="red">{t('residents.doNotContactBadge')}</Tag> : null}
              {resident.moveOutDate ? <Tag>{t('residents.movedOut', { date: formatDate(resident.moveOutDate) })}</Tag> : null}
            </>
          )}
        </Space>
      }
    >
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('residents.fields.phones')}>
          <PhoneNumbers key={resident.updatedAt} resident={resident} />
        </Descriptions.Item>
        <Descriptions.Item label={t('residents.fields.moveInDate')}>{formatDate(resident.moveInDate)}</Descriptions.Item>
        <Descriptions.Item label={t('residents.fields.tags')}>
          {resident.tags.length ? (
            <Space wrap size={[4, 4]}>
              {resident.tags.map((tag) => (
                <Tag key={tag} color="orange">
                  {tag}
                </Tag>
              ))}
            </Space>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('residents.fields.preferredContact')}>
          {resident.preferredContact ? t(`residents.contact.${resident.preferredContact}`) : '—'}
        </Descriptions.Item>
        {resident.doNotContact && !resident.erased ? (
          <Descriptions.Item label={t('residents.fields.doNotContactReason')} span={2}>
            <Typography.Text type="danger">{resident.doNotContactReason || '—'}</Typography.Text>
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('residents.fields.notes')} span={2}>
          {resident.notes ? <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{resident.notes}</Typography.Paragraph> : '—'}
        </Descriptions.Item>
      </Descriptions>
      {actions.length ? (
        <Flex wrap gap={8} style={{ marginTop: 12 }}>
          {actions.map((action) => (
            <Button key={action} danger={action === 'erase'} onClick={() => onAction(action, resident)}>
              {labels[action]}
            </Button>
          ))}
        </Flex>
      ) : null}
    </Card>
  );
}
