/** 我的任务: the visitor's own open tasks for today, overdue and upcoming, as touch-friendly cards. */
import { Empty, Flex, Segmented, Spin } from 'antd';
import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVisitTasks, visitTasksQuery, type TaskView } from '../../api/visits';
import { PageHeader } from '../../components/PageHeader';
import { TaskCard } from './TaskCard';

const VIEWS = ['today', 'overdue', 'upcoming'] as const satisfies readonly TaskView[];
const LIST = { mine: 'true', limit: 200, offset: 0 } as const;

/** Asks for the three lists while the console renders its first frame, when this page opens the console. */
export function prefetch(queryClient: QueryClient): void {
  for (const view of VIEWS) void queryClient.prefetchQuery(visitTasksQuery({ ...LIST, view }));
}

export function MyTasksPage() {
  const { t } = useTranslation();
  const [view, setView] = useState<(typeof VIEWS)[number]>('today');
  // All three lists load at once so that each tab shows its count.
  const lists = {
    today: useVisitTasks({ ...LIST, view: 'today' }),
    overdue: useVisitTasks({ ...LIST, view: 'overdue' }),
    upcoming: useVisitTasks({ ...LIST, view: 'upcoming' }),
  };
  const current = lists[view];
  const tasks = current.data?.items ?? [];

  return (
    <>
      <PageHeader title={t('visits.nav.myTasks')} />
      <Segmented
        block
        size="large"
        value={view}
        onChange={(value) => setView(value as typeof view)}
        options={VIEWS.map((v) => ({
          value: v,
          label: (
            <span data-testid={`view-${v}`}>
              {t(`visits.views.${v}`)} {lists[v].data ? lists[v].data.total : ''}
            </span>
          ),
        }))}
        style={{ marginBottom: 16 }}
      />
      {current.isLoading ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : tasks.length === 0 ? (
        <Empty description={view === 'today' ? t('visits.myTasks.emptyToday') : t('visits.myTasks.empty')} />
      ) : (
        <Flex vertical gap={12}>
          {tasks.map((task) => (
            <TaskCard key={task.id} task={task} overdue={view === 'overdue'} />
          ))}
        </Flex>
      )}
    </>
  );
}
