/** Table types of the notification outbox and the bell's in-app notifications. Column conventions: ../schema.ts. */
import type { Generated } from 'kysely';

export interface OutboxTable {
  id: Generated<number>;
  company_id: number;
  channel: string;
  recipient_user_id: number | null;
  recipient_resident_id: number | null;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  dedupe_key: string | null;
  status: 'pending' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  available_at: string;
  locked_until: string | null;
  sent_at: string | null;
  provider: string | null;
  error: string | null;
  created_at: string;
}

export interface NotificationsTable {
  id: Generated<number>;
  company_id: number;
  user_id: number;
  outbox_id: number | null;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}
