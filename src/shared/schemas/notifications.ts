/** In-app notifications of staff (the bell): reminders, escalations, assignments. */
import { z } from 'zod';
import { Id, PageQuery, Timestamp } from './common.js';

export const Notification = z
  .object({
    id: Id,
    kind: z.string().meta({ description: 'issue_assigned, issue_reminder, issue_escalated, issue_reply_overdue, issue_reopened, …' }),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable().meta({ description: 'Console path to open, e.g. /issues/12' }),
    createdAt: Timestamp,
    readAt: Timestamp.nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof Notification>;

export const NotificationListQuery = PageQuery.extend({ unread: z.enum(['true', 'false']).optional() });
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;
export const UnreadCount = z.object({ count: z.number().int() });
