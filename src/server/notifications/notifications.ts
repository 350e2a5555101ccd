/** A staff member's own in-app notifications (the bell): list, unread count, mark read. */
import type { Page } from '../../shared/schemas/common.js';
import type { Notification, NotificationListQuery } from '../../shared/schemas/notifications.js';
import type { Ctx } from '../context.js';
import { nowIso } from '../clock.js';
import { type Db } from '../db/database.js';
import { boundedCount, COUNT_BOUND, cut, keysetPage, readCursor, type SortKey } from '../db/paging.js';
import { notFound } from '../http/errors.js';

/** Notifications belong to their recipient; nobody else reads them, whatever their permissions. */
function own(db: Db, ctx: Ctx) {
  return db.selectFrom('notifications').where('notifications.user_id', '=', ctx.userId).where('notifications.company_id', '=', ctx.companyId);
}

const COLUMNS = ['id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at'] as const;
type Row = { id: number; kind: string; title: string; body: string; link: string | null; created_at: string; read_at: string | null };
const toNotification = (r: Row): Notification => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, createdAt: r.created_at, readAt: r.read_at });

const NEWEST_FIRST: SortKey[] = [{ ref: 'notifications.id', dir: 'desc' }];

export async function listNotifications(db: Db, ctx: Ctx, q: NotificationListQuery, countBound = COUNT_BOUND): Promise<Page<Notification>> {
  const from = readCursor('notifications', ['int'], q);
  let base = own(db, ctx);
  if (q.unread === 'true') base = base.where('read_at', 'is', null);
  const [found, count] = await Promise.all([keysetPage(base.select([...COLUMNS]), NEWEST_FIRST, from, q.limit + 1, q.offset).execute(), boundedCount(db, base, countBound)]);
  const { rows, nextCursor } = cut('notifications', found, q.limit, (r) => [r.id]);
  return { items: rows.map(toNotification), ...count, nextCursor };
}

export async function unreadCount(db: Db, ctx: Ctx): Promise<{ count: number }> {
  const row = await own(db, ctx)
    .where('read_at', 'is', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { count: Number(row.n) };
}

export async function markRead(db: Db, ctx: Ctx, id: number): Promise<Notification> {
  const row = await own(db, ctx).select([...COLUMNS]).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('notification');
  if (row.read_at) return toNotification(row);
  const readAt = nowIso();
  await db.updateTable('notifications').set({ read_at: readAt }).where('id', '=', id).where('user_id', '=', ctx.userId).execute();
  return toNotification({ ...row, read_at: readAt });
}

export async function markAllRead(db: Db, ctx: Ctx): Promise<void> {
  await db.updateTable('notifications').set({ read_at: nowIso() }).where('user_id', '=', ctx.userId).where('company_id', '=', ctx.companyId).where('read_at', 'is', null).execute();
}
