/** 我的任务: the visitor's own open tasks for today, overdue and upcoming, as touch-friendly cards. */
import { Empty, Flex, Segmented, Spin } from 'antd';
import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVisitTasks, visitTasksQuery } from '../../api/visits';
import { PageHeader } from '../../components/PageHeader';
import { MY_TASK_VIEWS as VIEWS, myTaskList, type MyTaskView } from './myTaskLists';
import { TaskCard } from './TaskCard';

/** Asks for the three lists while the console renders its first frame, when this page opens the console. */
export function prefetch(queryClient: QueryClient): void {
  for (const view of VIEWS) void queryClient.prefetchQuery(visitTasksQuery(myTaskList(view)));
}

export function MyTasksPage() {
  const { t } = useTranslation();
  const [view, setView] = useState<MyTaskView>('today');
  // All three lists load at once so that each tab shows its count.
  const lists = {
    today: useVisitTasks(myTaskList('today')),
    overdue: useVisitTasks(myTaskList('overdue')),
    upcoming: useVisitTasks(myTaskList('upcoming')),
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
