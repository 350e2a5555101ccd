/**
 * The bell in the header: the unread count (polled every minute and when the window regains focus) and a
 * popover with the latest notifications (a drawer on phones, where a popover would run off the screen).
 * Opening one marks it read and goes to its page.
 */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Empty, Flex, Grid, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMarkAllRead, useMarkRead, useNotifications, useUnreadCount, type Notification } from '../api/notifications';
import { formatDateTime } from '../lib/format';

const LATEST = 10;

function NotificationList({ onOpen }: { onOpen: (notification: Notification) => void }) {
  const { t } = useTranslation();
  const notifications = useNotifications({ limit: LATEST, offset: 0 });
  if (notifications.isLoading) return <Spin style={{ display: 'block', padding: 24 }} />;
  const items = notifications.data?.items ?? [];
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />;
  return (
    <Flex vertical style={{ maxHeight: 400, overflowY: 'auto' }}>
      {items.map((n, i) => (
        <Flex
          key={n.id}
          vertical
          gap={2}
          role="button"
          tabIndex={0}
          onClick={() => onOpen(n)}
          onKeyDown={(e) => e.key === 'Enter' && onOpen(n)}
          style={{ cursor: 'pointer', padding: '8px 4px', borderTop: i ? '1px solid rgba(5, 5, 5, 0.06)' : undefined }}
          data-testid="notification-item"
          data-unread={!n.readAt}
        >
          <Flex gap={6} align="center">
            {n.readAt ? null : <Badge status="processing" />}
            <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
          </Flex>
          {n.body ? <Typography.Text type="secondary">{n.body}</Typography.Text> : null}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(n.createdAt)}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}

export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  const count = unread.data?.count ?? 0;

  const openNotification = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    setOpen(false);
    if (n.link) navigate(n.link);
  };

  const isPhone = !Grid.useBreakpoint().md;
  const title = (
    <Flex justify="space-between" align="center" gap={16}>
      {t('notifications.title')}
      <Button type="link" size="small" disabled={count === 0} loading={markAllRead.isPending} onClick={() => markAllRead.mutate()} data-testid="notifications-read-all">
        {t('notifications.readAll')}
      </Button>
    </Flex>
  );
  const bell = (
    <Button type="text" aria-label={t('notifications.bell', { count })} data-testid="notification-bell" onClick={isPhone ? () => setOpen(true) : undefined}>
      <Badge count={count} size="small" overflowCount={99} data-testid="notification-count">
        <BellOutlined style={{ fontSize: 18 }} />
      </Badge>
    </Button>
  );
  if (isPhone) {
    return (
      <>
        {bell}
        <Drawer placement="top" open={open} onClose={() => setOpen(false)} title={title} size="auto" styles={{ body: { padding: '0 12px 12px' } }}>
          {open ? <NotificationList onOpen={openNotification} /> : null}
        </Drawer>
      </>
    );
  }
  return (
    <Popover trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} title={title} content={<div style={{ width: 340 }}>{open ? <NotificationList onOpen={openNotification} /> : null}</div>}>
      {bell}
    </Popover>
  );
}
