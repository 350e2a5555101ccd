/** A running or finished import: progress bar, counts, the first row errors and the full error report. */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Progress, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RosterImport } from '../../../shared/schemas/roster';
import { isFinished, rosterErrorReportUrl } from '../../api/roster';
import { rosterErrorColumns } from './rosterErrorColumns';

const STATUS_COLOR: Record<RosterImport['status'], string> = {
  queued: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
};

const COUNTS = ['created', 'updated', 'unchanged', 'failed'] as const;

export function RosterImportResult({ job }: { job: RosterImport }) {
  const { t } = useTranslation();
  const finished = isFinished(job);
  const percent = job.total > 0 ? Math.floor((job.processed / job.total) * 100) : finished ? 100 : 0;

  return (
    <Card
      size="small"
      data-testid="roster-import-result"
      title={
        <Space wrap>
          <span>{job.fileName}</span>
          {job.dryRun ? <Tag color="purple">{t('roster.dryRunTag')}</Tag> : null}
          <Tag color={STATUS_COLOR[job.status]} data-testid="roster-import-status">
            {t(`roster.status.${job.status}`)}
          </Tag>
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <div>
          <Progress
            percent={percent}
            status={job.status === 'failed' ? 'exception' : finished ? 'success' : 'active'}
            aria-label={t('roster.progress', { processed: job.processed, total: job.total })}
          />
          <Typography.Text type="secondary" data-testid="roster-import-progress">
            {t('roster.progress', { processed: job.processed, total: job.total })}
          </Typography.Text>
        </div>
        {job.errorMessage ? <Alert type="error" showIcon title={job.errorMessage} /> : null}
        {job.status === 'succeeded' ? (
          <Alert type={job.dryRun ? 'info' : 'success'} showIcon title={job.dryRun ? t('roster.dryRunDone') : t('roster.importDone')} />
        ) : null}
        <Row gutter={[16, 16]}>
          {COUNTS.map((key) => (
            <Col key={key} xs={12} sm={6}>
              <Statistic
                title={t(`roster.counts.${key}`)}
                value={job[key]}
                styles={key === 'failed' && job.failed > 0 ? { content: { color: '#cf1322' } } : undefined}
                data-testid={`roster-count-${key}`}
              />
            </Col>
          ))}
        </Row>
        {job.errors.length > 0 ? (
          <>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('roster.errorsTitle')}
            </Typography.Title>
            <Table
              rowKey={(error) => `${error.row}/${error.column ?? ''}/${error.code}`}
              columns={rosterErrorColumns(t)}
              dataSource={job.errors}
              pagination={job.errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
              scroll={{ x: 'max-content' }}
              size="small"
              data-testid="roster-errors"
            />
            {job.failed > job.errors.length ? <Typography.Text type="secondary">{t('roster.errorsMore', { count: job.errors.length })}</Typography.Text> : null}
          </>
        ) : null}
        {finished && job.failed > 0 ? (
          <Button icon={<DownloadOutlined />} href={rosterErrorReportUrl(job.id)} download>
            {t('roster.errorReport')}
          </Button>
        ) : null}
      </Space>
    </Card>
  );
}
