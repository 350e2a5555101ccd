/**
 * Delivery channels behind one interface. In-app messages land in the staff member's notification list
 * (the bell). Messages to residents go by WeChat when the resident prefers it, else by SMS to their first
 * mobile; until a provider is configured, the log providers write them to the server log (the number
 * masked), so nothing is lost and development needs no gateway. A real SMS or WeChat provider implements
 * `ResidentProvider` and is chosen in `channelsFor`.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.js';
import { maskPhone } from '../residents/phones.js';
import { unscoped } from '../scope.js';

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

interface Reachable {
  mobile: string | null;
  prefersWechat: boolean;
}

/** How the resident can be reached, unless the resident was erased or asked not to be contacted. */
async function reachResident(db: Db, residentId: number): Promise<Reachable | { skip: string }> {
  const resident = await unscoped(db, 'outbox delivery: the message names its resident').selectFrom('residents').select(['erased_at', 'do_not_contact', 'preferred_contact']).where('id', '=', residentId).executeTakeFirst();
  if (!resident || resident.erased_at) return { skip: 'resident_erased' };
  if (resident.do_not_contact) return { skip: 'do_not_contact' };
  const phone = await db.selectFrom('resident_phones').select('number').where('resident_id', '=', residentId).where('kind', '=', 'mobile').orderBy('position').limit(1).executeTakeFirst();
  return { mobile: phone?.number ?? null, prefersWechat: resident.preferred_contact === 'wechat' };
}

/** Sends one message to one resident by SMS or WeChat. */
export interface ResidentProvider {
  readonly name: string;
  sms(mobile: string, message: Delivery): Promise<void>;
  wechat(residentId: number, message: Delivery): Promise<void>;
}

function logProvider(log: FastifyBaseLogger): ResidentProvider {
  return {
    name: 'log',
    async sms(mobile, m) {
      log.info({ outboxId: m.id, via: 'sms', to: maskPhone(mobile), kind: m.kind, text: m.body }, 'message to a resident (log provider: no SMS gateway configured)');
    },
    async wechat(residentId, m) {
      log.info({ outboxId: m.id, via: 'wechat', residentId, kind: m.kind, text: m.body }, 'message to a resident (log provider: no WeChat account configured)');
    },
  };
}

function residentChannel(provider: ResidentProvider): Channel {
  return {
    name: 'resident',
    async send(db, m) {
      if (!m.recipientResidentId) return { status: 'skipped', error: 'no_recipient' };
      const reach = await reachResident(db, m.recipientResidentId);
      if ('skip' in reach) return { status: 'skipped', error: reach.skip };
      if (reach.prefersWechat) {
        await provider.wechat(m.recipientResidentId, m);
        return { status: 'sent', provider: `${provider.name}:wechat` };
      }
      if (!reach.mobile) return { status: 'skipped', error: 'no_mobile' };
      await provider.sms(reach.mobile, m);
      return { status: 'sent', provider: `${provider.name}:sms` };
    },
  };
}

export function channelsFor(log: FastifyBaseLogger): Map<string, Channel> {
  return new Map([inApp, residentChannel(logProvider(log))].map((c) => [c.name, c]));
}
