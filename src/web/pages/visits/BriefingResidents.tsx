/**
 * Residents of the household as the visitor needs them before calling: masked phones with an explicit
 * reveal (recorded by the server), tags, preferred contact and a clear do-not-contact warning.
 */
import { EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevealPhones, type RevealedPhone } from '../../api/residents';
import type { Briefing } from '../../api/visits';
import { useCan } from '../../auth/session';
import { useShowError } from '../../lib/feedback';

type BriefingResident = Briefing['residents'][number];

function ResidentPhones({ resident }: { resident: BriefingResident }) {
  const { t } = useTranslation();
  const can = useCan();
  const reveal = useRevealPhones();
  const showError = useShowError();
  const [revealed, setRevealed] = useState<RevealedPhone[] | null>(null);

  if (revealed) {
    return (
      <Flex vertical gap={4} data-testid="revealed-phones">
        {revealed.map((phone) => (
          <Typography.Link key={phone.id} href={`tel:${phone.number.replace(/[^\d+]/g, '')}`} style={{ fontSize: 18 }}>
            {phone.number}
          </Typography.Link>
        ))}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('visits.task.revealNote')}
        </Typography.Text>
      </Flex>
    );
  }
  return (
    <Flex wrap align="center" gap={8}>
      {resident.phones.map((phone) => (
        <Typography.Text key={phone.id} style={{ fontSize: 16 }} data-testid="masked-phone">
          {phone.masked}
        </Typography.Text>
      ))}
      {resident.phones.length > 0 && can('residents.contact') ? (
        <Button
          icon={<EyeOutlined />}
          loading={reveal.isPending}
          onClick={() => reveal.mutate(resident.id, { onSuccess: (result) => setRevealed(result.phones), onError: (e) => showError(e) })}
        >
          {t('visits.task.reveal')}
        </Button>
      ) : null}
    </Flex>
  );
}

export function BriefingResidents({ residents }: { residents: BriefingResident[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('visits.task.residents')} size="small">
      <Flex vertical gap={16}>
        {residents.map((resident) => (
          <Flex key={resident.id} vertical gap={6} data-testid="briefing-resident">
            <Flex wrap gap={8} align="center">
              <Typography.Text strong style={{ fontSize: 16 }}>
                {resident.name}
              </Typography.Text>
              <Tag>{t(`residents.roles.${resident.role}`, { defaultValue: resident.role })}</Tag>
              {resident.tags.map((tag) => (
                <Tag key={tag} color="gold">
                  {tag}
                </Tag>
              ))}
            </Flex>
            {resident.doNotContact ? (
              <Alert
                type="error"
                showIcon
                title={resident.doNotContactReason ? t('visits.task.doNotContactReason', { reason: resident.doNotContactReason }) : t('visits.task.doNotContact')}
              />
            ) : null}
            {resident.preferredContact ? (
              <Typography.Text type="secondary">
                {t('visits.task.preferredContact', { method: t(`residents.contact.${resident.preferredContact}`, { defaultValue: resident.preferredContact }) })}
              </Typography.Text>
            ) : null}
            <ResidentPhones resident={resident} />
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
