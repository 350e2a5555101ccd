/**
 * 工作日历: the year's days as twelve months coloured by kind (working day, weekend, statutory holiday,
 * make-up working day), the company's overrides marked, the count of working days, and — for those who
 * configure issues — adding and deleting overrides (click a day or use the button).
 */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Row, Space, Spin, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCalendarOverrides, useDeleteOverride, useWorkingDays, type CalendarOverride } from '../../api/calendar';
import { useCan } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../lib/feedback';
import { DAY_COLOR, type DayLook } from './calendarDisplay';
import { MonthGrid } from './MonthGrid';
import { OverrideFormModal } from './OverrideFormModal';
import { overrideColumns } from './overrideColumns';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

function Legend() {
  const { t } = useTranslation();
  return (
    <Space wrap size={[12, 4]}>
      {(Object.keys(DAY_COLOR) as DayLook[]).map((look) => (
        <Space key={look} size={4}>
          <span style={{ display: 'inline-block', width: 14, height: 14, borderRadius: 3, background: DAY_COLOR[look], border: '1px solid rgba(5, 5, 5, 0.15)' }} />
          <Typography.Text type="secondary">{t(`calendar.looks.${look}`)}</Typography.Text>
        </Space>
      ))}
    </Space>
  );
}

export function CalendarPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canEdit = can('issues.configure');
  const { message } = App.useApp();
  const showError = useShowError();
  const [year, setYear] = useState(() => dayjs().year());
  // null: closed; '' : open without a date; a date: open for that day.
  const [adding, setAdding] = useState<string | null>(null);
  const calendar = useWorkingDays(year);
  const overrides = useCalendarOverrides(year);
  const remove = useDeleteOverride();
  const days = calendar.data?.days ?? [];

  const columns = overrideColumns({
    t,
    canEdit,
    onDelete: (o: CalendarOverride) => remove.mutate(o.id, { onSuccess: () => void message.success(t('common.deleted')), onError: (e) => showError(e) }),
  });

  return (
    <>
      <PageHeader
        title={t('calendar.nav')}
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
        {calendar.data && !calendar.data.official ? <Alert type="warning" showIcon title={t('calendar.notOfficial')} data-testid="calendar-not-official" /> : null}
        <Card size="small">
          <Flex justify="space-between" align="center" wrap gap={12}>
            <Statistic title={t('calendar.workingDays', { year })} value={calendar.data?.workingDays ?? '—'} data-testid="calendar-working-days" />
            <Legend />
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
    </>
  );
}
