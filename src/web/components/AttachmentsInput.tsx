/**
 * Photos or PDFs uploaded one by one to /attachments; the form keeps their ids (and names for the visit draft).
 * Used by the visit form, the issue form and the resolve dialog.
 */
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadAttachment } from '../api/visits';
import { useShowError } from '../lib/feedback';

export interface UploadedFile {
  id: number;
  fileName: string;
}

const MAX_BYTES = 10 * 1024 * 1024;

export function AttachmentsInput({ value = [], onChange }: { value?: UploadedFile[]; onChange?: (value: UploadedFile[]) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [uploading, setUploading] = useState(0);
  // Several files may finish in any order before the next render; each adds to the latest list.
  const valueRef = useRef(value);
  valueRef.current = value;

  return (
    <Flex vertical gap={8}>
      {value.map((file) => (
        <Flex key={file.id} align="center" gap={8} data-testid="attachment">
          <PaperClipOutlined />
          <Typography.Text ellipsis style={{ flex: 1 }}>
            {file.fileName}
          </Typography.Text>
          <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => onChange?.(value.filter((f) => f.id !== file.id))} />
        </Flex>
      ))}
      <Upload
        accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"
        multiple
        showUploadList={false}
        beforeUpload={(file) => {
          if (file.size > MAX_BYTES) {
            void message.error(`${file.name}: ${t('attachments.tooLarge')}`);
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          setUploading((n) => n + 1);
          uploadAttachment(file as File)
            .then((uploaded) => {
              valueRef.current = [...valueRef.current, { id: uploaded.id, fileName: uploaded.fileName }];
              onChange?.(valueRef.current);
              onSuccess?.(uploaded);
            })
            .catch((error: Error) => {
              showError(error);
              onError?.(error);
            })
            .finally(() => setUploading((n) => n - 1));
        }}
      >
        <Button size="large" icon={<UploadOutlined />} loading={uploading > 0}>
          {t('attachments.upload')}
        </Button>
      </Upload>
    </Flex>
  );
}
