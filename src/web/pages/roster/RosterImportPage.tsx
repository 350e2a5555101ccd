/**
 * Importing a community's resident roster: choose a file, dry-run it (nothing written), then import it for
 * real, while the page polls the job for progress, counts and row errors.
 */
import { ArrowLeftOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Result, Space, Spin, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useCommunity } from '../../api/communities';
import { isFinished, rosterTemplateUrl, useRosterImport, useStartRosterImport } from '../../api/roster';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../lib/feedback';
import { RosterImportResult } from './RosterImportResult';

const ACCEPT = '.xlsx,.csv';

export function RosterImportPage() {
  const { t } = useTranslation();
  const communityId = Number(useParams().communityId);
  const community = useCommunity(communityId);
  const start = useStartRosterImport(communityId);
  const showError = useShowError();
  const [file, setFile] = useState<File | null>(null);
  const [importId, setImportId] = useState<number | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const job = useRosterImport(importId);

  if (community.isPending) return <Spin />;
  if (!community.data) return <Result status="404" title="404" subTitle={t('communities.notFound')} />;

  const running = start.isPending || (importId !== null && !isFinished(job.data));
  const run = (asDryRun: boolean) => {
    if (!file) return;
    setDryRun(asDryRun);
    start.mutate({ file, dryRun: asDryRun }, { onSuccess: (created) => setImportId(created.id), onError: (e) => showError(e) });
  };
  const fileList: UploadFile[] = file ? [{ uid: 'roster', name: file.name, status: 'done' }] : [];

  return (
    <>
      <PageHeader
        title={`${t('roster.importTitle')} · ${community.data.name}`}
        extra={
          <Link to={`/communities/${communityId}`}>
            <Button icon={<ArrowLeftOutlined />}>{t('roster.back')}</Button>
          </Link>
        }
      />
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Card size="small">
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Alert type="info" showIcon title={t('roster.dryRunHint')} />
            <Upload.Dragger
              accept={ACCEPT}
              maxCount={1}
              fileList={fileList}
              beforeUpload={(chosen) => {
                setFile(chosen);
                setImportId(null);
                // Keep the file here; it is sent by the dry run or import buttons.
                return false;
              }}
              onRemove={() => {
                setFile(null);
                setImportId(null);
              }}
              disabled={running}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('roster.dragText')}</p>
              <p className="ant-upload-hint">{t('roster.dragHint')}</p>
            </Upload.Dragger>
            <Flex wrap gap={8}>
              <Button size="large" disabled={!file || (running && !dryRun)} loading={running && dryRun} onClick={() => run(true)}>
                {t('roster.dryRun')}
              </Button>
              <Button type="primary" size="large" disabled={!file || (running && dryRun)} loading={running && !dryRun} onClick={() => run(false)}>
                {t('roster.run')}
              </Button>
              <Button size="large" type="link" icon={<FileExcelOutlined />} href={rosterTemplateUrl()} download>
                {t('roster.template')}
              </Button>
            </Flex>
          </Space>
        </Card>
        {job.data ? <RosterImportResult job={job.data} /> : null}
      </Space>
    </>
  );
}
