/**
 * A resident's phones, masked. Holders of `residents.contact` may reveal the full numbers with an explicit
 * click; the server records each reveal, and the console says so next to the numbers.
 */
import { EyeOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Resident } from '../../../shared/schemas/residents';
import { useRevealPhones, type RevealedPhone } from '../../api/residents';
import { useCan } from '../../auth/session';
import { useShowError } from '../../lib/feedback';

export function PhoneNumbers({ resident }: { resident: Resident }) {
  const { t } = useTranslation();
  const can = useCan();
  const reveal = useRevealPhones();
  const showError = useShowError();
  const [revealed, setRevealed] = useState<RevealedPhone[] | null>(null);

  if (resident.phones.length === 0) return <Typography.Text type="secondary">{t('residents.noPhones')}</Typography.Text>;

  if (revealed) {
    return (
      <Flex vertical gap={2} data-testid="revealed-phones">
        {revealed.map((phone) => (
          <Typography.Link key={phone.id} href={`tel:${phone.number.replace(/[^\d+]/g, '')}`} style={{ fontSize: 16 }}>
            {phone.number}
          </Typography.Link>
        ))}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('residents.revealNote')}
        </Typography.Text>
      </Flex>
    );
  }

  return (
    <Flex wrap align="center" gap={8}>
      {resident.phones.map((phone) => (
        <Typography.Text key={phone.id} data-testid="masked-phone">
          {phone.masked}
        </Typography.Text>
      ))}
      {can('residents.contact') && !resident.erased ? (
        <Button
          size="small"
          icon={<EyeOutlined />}
          loading={reveal.isPending}
          onClick={() => reveal.mutate(resident.id, { onSuccess: (result) => setRevealed(result.phones), onError: (e) => showError(e) })}
        >
          {t('residents.reveal')}
        </Button>
      ) : null}
    </Flex>
  );
}
