/**
 * Delivery channels behind one interface. In-app messages land in the staff member's notification list
 * (the bell). Messages to residents go to an SMS provider; until one is configured the log channel writes
 * them to the server log with the number masked, so nothing is lost and development needs no gateway.
 * A real SMS or WeChat provider implements `Channel` and is chosen in `channelsFor`.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.js';
import { maskPhone } from '../residents/phones.js';

export interface Delivery {
  id: number;
  companyId: number;
  channel: string;
  recipientUserId: number | null;
  recipientResidentId: number | null;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
}

/** What became of one message: sent (by which provider) or skipped with the reason. */
export type DeliveryResult = { status: 'sent'; provider: string } | { status: 'skipped'; error: string };

export interface Channel {
  readonly name: string;
  send(db: Db, message: Delivery): Promise<DeliveryResult>;
}

const inApp: Channel = {
  name: 'in_app',
  async send(db, m) {
    if (!m.recipientUserId) return { status: 'skipped', error: 'no_recipient' };
    await db
      .insertInto('notifications')
      .values({ company_id: m.companyId, user_id: m.recipientUserId, outbox_id: m.id, kind: m.kind, title: m.title, body: m.body, link: m.link, created_at: m.createdAt, read_at: null })
      .onConflict((oc) => oc.column('outbox_id').doNothing())
      .execute();
    return { status: 'sent', provider: 'in_app' };
  },
};

/** The resident's first mobile number, unless the resident was erased or asked not to be contacted. */
async function residentMobile(db: Db, residentId: number): Promise<string | { skip: string }> {
  const resident = await db.selectFrom('residents').select(['erased_at', 'do_not_contact']).where('id', '=', residentId).executeTakeFirst();
  if (!resident || resident.erased_at) return { skip: 'resident_erased' };
  if (resident.do_not_contact) return { skip: 'do_not_contact' };
  const phone = await db.selectFrom('resident_phones').select('number').where('resident_id', '=', residentId).where('kind', '=', 'mobile').orderBy('position').limit(1).executeTakeFirst();
  return phone ? phone.number : { skip: 'no_mobile' };
}

function logSms(log: FastifyBaseLogger): Channel {
  return {
    name: 'sms',
    async send(db, m) {
      if (!m.recipientResidentId) return { status: 'skipped', error: 'no_recipient' };
      const mobile = await residentMobile(db, m.recipientResidentId);
      if (typeof mobile !== 'string') return { status: 'skipped', error: mobile.skip };
      log.info({ outboxId: m.id, channel: 'sms', to: maskPhone(mobile), kind: m.kind, text: m.body }, 'SMS (log channel: no SMS provider configured)');
      return { status: 'sent', provider: 'log' };
    },
  };
}

export function channelsFor(log: FastifyBaseLogger): Map<string, Channel> {
  return new Map([inApp, logSms(log)].map((c) => [c.name, c]));
}
