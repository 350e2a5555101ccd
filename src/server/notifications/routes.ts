/** HTTP routes for the signed-in user's notifications. */
import { z } from 'zod';
import { IdParam, Ok, page } from '../../shared/schemas/common.js';
import { Notification, NotificationListQuery, UnreadCount } from '../../shared/schemas/notifications.js';
import { ctxOf } from '../http/auth-hook.js';
import type { App, Deps } from '../http/types.js';
import { listNotifications, markAllRead, markRead, unreadCount } from './notifications.js';

const tags = ['notifications'];

export function notificationRoutes(app: App, { handle: { db }, config }: Deps) {
  app.get(
    '/api/v1/notifications',
    { schema: { tags, operationId: 'listNotifications', summary: 'Your notifications, newest first', querystring: NotificationListQuery, response: { 200: page(Notification) } } },
    async (request) => listNotifications(db, ctxOf(request), request.query, config.listCountBound),
  );
  app.get(
    '/api/v1/notifications/unread-count',
    { schema: { tags, operationId: 'countUnreadNotifications', summary: 'How many of your notifications are unread', response: { 200: UnreadCount } } },
    async (request) => unreadCount(db, ctxOf(request)),
  );
  app.post(
    '/api/v1/notifications/:notificationId/read',
    { schema: { tags, operationId: 'markNotificationRead', summary: 'Mark one notification read', params: z.object({ notificationId: IdParam }), response: { 200: Notification } } },
    async (request) => markRead(db, ctxOf(request), request.params.notificationId),
  );
  app.post(
    '/api/v1/notifications/read-all',
    { schema: { tags, operationId: 'markAllNotificationsRead', summary: 'Mark all your notifications read', response: { 200: Ok } } },
    async (request) => {
      await markAllRead(db, ctxOf(request));
      return { ok: true as const };
    },
  );
}
