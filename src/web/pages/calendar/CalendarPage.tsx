/**
 * 工作日历: the year's days as twelve months coloured by kind (working day, weekend, statutory holiday,
 * make-up working day), where the year's holidays come from (the official data, an entered notice, or the
 * provisional calendar of the holiday regulation), the company's overrides marked, the count of working
 * days, and — for those who configure issues — entering the year's notice and adding or deleting overrides
 * (click a day or use the button). `/settings/calendar?year=2027&notice=1` opens the notice form (the banner links there).
 */
import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Popconfirm, Row, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCalendarOverrides, useDeleteNotice, useDeleteOverride, useWorkingDays, type CalendarOverride, type WorkingDaysYear } from '../../api/calendar';
import { useCan } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../lib/feedback';
import { DAY_COLOR, type DayLook } from './calendarDisplay';
import { MonthGrid } from './MonthGrid';
import { NoticeModal } from './NoticeModal';
import { OverrideFormModal } from './OverrideFormModal';
import { overrideColumns } from './overrideColumns';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

function Legend({ provisional }: { provisional: boolean }) {
  const { t } = useTranslation();
  return (
    <Space wrap size={[12, 4]}>
      {(Object.keys(DAY_COLOR) as DayLook[]).map((look) => (
        <Space key={look} size={4}>
          <span style={{ display: 'inline-block', width: 14, height: 14, borderRadius: 3, background: DAY_COLOR[look], border: '1px solid rgba(5, 5, 5, 0.15)' }} />
          <Typography.Text type="secondary">{t(`calendar.looks.${look}`)}</Typography.Text>
        </Space>
      ))}
      {provisional ? (
        <Space size={4}>
          <span style={{ display: 'inline-block', width: 14, height: 14, borderRadius: 3, background: DAY_COLOR.holiday, border: '1px dashed #cf1322' }} />
          <Typography.Text type="secondary">{t('calendar.looks.provisional')}</Typography.Text>
        </Space>
      ) : null}
    </Space>
  );
}

const SOURCE_COLOR: Record<WorkingDaysYear['source'], string> = { official: 'green', notice: 'blue', provisional: 'orange' };

/** Where the year's holidays come from, with what an administrator can do about it. */
function YearSourceAlert({ data, canEdit, onEnter }: { data: WorkingDaysYear; canEdit: boolean; onEnter: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const remove = useDeleteNotice();
  if (data.source === 'provisional') {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('calendar.provisional.title', { year: data.year })}
        description={
          // The button sits under the text, so that on a phone the text keeps the width.
          <Flex vertical gap={8} align="start">
            <span>{t('calendar.provisional.detail')}</span>
            {canEdit ? (
              <Button type="primary" icon={<FileTextOutlined />} onClick={onEnter} data-testid="notice-open">
                {t('calendar.notice.open')}
              </Button>
            ) : null}
          </Flex>
        }
        data-testid="calendar-provisional"
      />
    );
  }
  if (data.source === 'notice' && data.notice) {
    return (
      <Alert
        type="info"
        showIcon
        title={t('calendar.notice.enteredBy', { year: data.year, name: data.notice.createdByName ?? '—', at: dayjs(data.notice.createdAt).format('YYYY-MM-DD HH:mm') })}
        action={
          canEdit ? (
            <Space wrap>
              <Button size="small" onClick={onEnter}>
                {t('calendar.notice.replace')}
              </Button>
              <Popconfirm
                title={t('calendar.notice.confirmDelete', { year: data.year })}
                onConfirm={() =>
                  remove.mutate(data.year, {
                    onSuccess: (r) => void message.success(t('calendar.notice.deleted', { count: r.recomputedIssues })),
                    onError: (e) => showError(e),
                  })
                }
              >
                <Button size="small" danger loading={remove.isPending}>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            </Space>
          ) : undefined
        }
        data-testid="calendar-notice"
      />
    );
  }
  return null;
}

export function CalendarPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canEdit = can('issues.configure');
  const { message } = App.useApp();
  const showError = useShowError();
  const [params, setParams] = useSearchParams();
  const [year, setYear] = useState(() => Number(params.get('year')) || dayjs().year());
  const [noticeOpen, setNoticeOpen] = useState(() => params.get('notice') === '1');
  // null: closed; '' : open without a date; a date: open for that day.
  const [adding, setAdding] = useState<string | null>(null);
  const calendar = useWorkingDays(year);
  const overrides = useCalendarOverrides(year);
  const remove = useDeleteOverride();
  const days = calendar.data?.days ?? [];

  const columns = overrideColumns({
    t,
    canEdit,
    onDelete: (o: CalendarOverride) =>
      remove.mutate(o.id, { onSuccess: (r) => void message.success(t('calendar.overrideChanged', { count: r.recomputedIssues })), onError: (e) => showError(e) }),
  });

  return (
    <>
      <PageHeader
        title={
          <Space size={8} wrap>
            {t('calendar.nav')}
            {calendar.data ? (
              <Tag color={SOURCE_COLOR[calendar.data.source]} data-testid="calendar-source">
                {t(`calendar.sources.${calendar.data.source}`)}
              </Tag>
            ) : null}
          </Space>
        }
        extra={
          <Space wrap>
            <DatePicker
              picker="year"
              allowClear={false}
              value={dayjs().year(year)}
              onChange={(value) => value && setYear(value.year())}
              aria-label={t('calendar.year')}
              inputReadOnly
              data-testid="calendar-year"
            />
            {canEdit ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding('')} data-testid="override-add">
                {t('calendar.addOverride')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Flex vertical gap={16}>
        {calendar.data ? <YearSourceAlert data={calendar.data} canEdit={canEdit} onEnter={() => setNoticeOpen(true)} /> : null}
        <Card size="small">
          <Flex justify="space-between" align="center" wrap gap={12}>
            <Statistic title={t('calendar.workingDays', { year })} value={calendar.data?.workingDays ?? '—'} data-testid="calendar-working-days" />
            <Legend provisional={calendar.data?.source === 'provisional'} />
          </Flex>
        </Card>
        {calendar.isLoading ? (
          <Flex justify="center" style={{ padding: 48 }}>
            <Spin />
          </Flex>
        ) : (
          <Row gutter={[12, 12]}>
            {MONTHS.map((month) => (
              <Col key={month} xs={24} sm={12} lg={8} xxl={6}>
                <MonthGrid
                  month={month}
                  days={days.filter((d) => Number(d.date.slice(5, 7)) === month)}
                  onPick={canEdit ? (day) => (day.override ? undefined : setAdding(day.date)) : undefined}
                />
              </Col>
            ))}
          </Row>
        )}
        <Card size="small" title={t('calendar.overrides')}>
          <Table<CalendarOverride>
            rowKey="id"
            columns={columns}
            dataSource={overrides.data}
            loading={overrides.isFetching}
            pagination={false}
            scroll={{ x: 'max-content' }}
            size="small"
            locale={{ emptyText: t('calendar.noOverrides') }}
            data-testid="override-table"
          />
        </Card>
      </Flex>
      {canEdit ? <OverrideFormModal date={adding} onClose={() => setAdding(null)} /> : null}
      {canEdit ? (
        <NoticeModal
          year={year}
          open={noticeOpen}
          onClose={() => {
            setNoticeOpen(false);
            if (params.has('notice')) setParams({}, { replace: true });
          }}
        />
      ) : null}
    </>
  );
}
