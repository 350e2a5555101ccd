/**
 * 录入放假通知: an administrator pastes the State Council notice (or a list of dates), or reads it from a text
 * file, previews what was read — the holiday periods, the make-up working days, problems and how many open
 * deadlines will move — and enters it in one step.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Flex, Input, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnterNotice, usePreviewNotice, type NoticePreview } from '../../api/calendar';
import { useShowError } from '../../lib/feedback';

/** A text file as Excel or WPS saves it: UTF-8, else GB18030. */
async function readText(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** What stops the notice (errors) or should be checked (warnings), one line each. */
function ProblemList({ type, list, testId }: { type: 'error' | 'warning'; list: NoticePreview['errors']; testId: string }) {
  const { t } = useTranslation();
  if (!list.length) return null;
  return (
    <Alert
      type={type}
      showIcon
      title={t(type === 'error' ? 'calendar.notice.errors' : 'calendar.notice.warnings', { count: list.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {list.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      }
      data-testid={testId}
    />
  );
}

function Problems({ preview }: { preview: NoticePreview }) {
  return (
    <>
      <ProblemList type="error" list={preview.errors} testId="notice-errors" />
      <ProblemList type="warning" list={preview.warnings} testId="notice-warnings" />
    </>
  );
}

function PreviewTable({ preview }: { preview: NoticePreview }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12}>
      <Table
        size="small"
        rowKey={(p) => `${p.name}${p.from}`}
        pagination={false}
        dataSource={preview.periods}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('calendar.notice.holiday'), dataIndex: 'name' },
          { title: t('calendar.notice.period'), key: 'period', render: (_, p) => (p.from === p.to ? p.from : `${p.from} ~ ${p.to}`) },
          { title: t('calendar.notice.days'), dataIndex: 'days' },
        ]}
        data-testid="notice-periods"
      />
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'workdays',
            label: t('calendar.notice.workdays'),
            children: preview.workdays.length ? (
              <Space size={[4, 4]} wrap>
                {preview.workdays.map((d) => (
                  <Tag key={d}>{d}</Tag>
                ))}
              </Space>
            ) : (
              t('calendar.notice.noWorkdays')
            ),
          },
          { key: 'affected', label: t('calendar.notice.affected'), children: <span data-testid="notice-affected">{t('calendar.notice.affectedCount', { count: preview.affectedIssues })}</span> },
        ]}
      />
    </Flex>
  );
}

export function NoticeModal({ year, open, onClose }: { year: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [text, setText] = useState('');
  const preview = usePreviewNotice();
  const enter = useEnterNotice();

  const { reset } = preview;
  useEffect(() => {
    if (!open) return;
    setText('');
    reset();
  }, [open, year, reset]);

  const current = preview.data?.year === year ? preview.data : undefined;
  const check = () => preview.mutate({ year, text }, { onError: (e) => showError(e) });
  const submit = () =>
    enter.mutate(
      { year, text },
      {
        onSuccess: (r) => {
          void message.success(t('calendar.notice.entered', { year, count: r.recomputedIssues }));
          onClose();
        },
        onError: (e) => showError(e),
      },
    );

  return (
    <Modal
      open={open}
      title={t('calendar.notice.title', { year })}
      onCancel={onClose}
      width={720}
      destroyOnHidden
      footer={
        <Space wrap>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={check} loading={preview.isPending} disabled={!text.trim()} data-testid="notice-preview">
            {t('calendar.notice.preview')}
          </Button>
          <Button type="primary" onClick={submit} loading={enter.isPending} disabled={!current || current.errors.length > 0} data-testid="notice-submit">
            {t('calendar.notice.submit')}
          </Button>
        </Space>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('calendar.notice.help', { year })}
        </Typography.Paragraph>
        <Input.TextArea
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            preview.reset();
          }}
          autoSize={{ minRows: 6, maxRows: 10 }}
          maxLength={20_000}
          placeholder={t('calendar.notice.placeholder', { year })}
          aria-label={t('calendar.notice.title', { year })}
          data-testid="notice-text"
        />
        <Upload
          accept=".txt,.csv,text/plain,text/csv"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(file) => {
            void readText(file).then((content) => {
              setText(content);
              preview.reset();
            });
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>{t('calendar.notice.fromFile')}</Button>
        </Upload>
        {current ? (
          <>
            <Problems preview={current} />
            {current.errors.length === 0 ? <PreviewTable preview={current} /> : null}
          </>
        ) : null}
      </Flex>
    </Modal>
  );
}
