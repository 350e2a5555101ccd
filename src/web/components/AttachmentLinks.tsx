/** Uploaded files as links that open them (the session cookie authorises the download). */
import { PaperClipOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AttachmentInfo } from '../api/visits';
import { downloadUrl } from '../api/client';

export function AttachmentLinks({ attachments }: { attachments: AttachmentInfo[] }) {
  const { t } = useTranslation();
  if (attachments.length === 0) return <Typography.Text type="secondary">{t('attachments.none')}</Typography.Text>;
  return (
    <Flex vertical gap={4}>
      {attachments.map((a) => (
        <Typography.Link key={a.id} href={downloadUrl(`/attachments/${a.id}/content`)} target="_blank" rel="noreferrer" data-testid="attachment-link">
          <PaperClipOutlined /> {a.fileName} ({Math.max(1, Math.round(a.size / 1024))} KB)
        </Typography.Link>
      ))}
    </Flex>
  );
}
