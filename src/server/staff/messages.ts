/** The staff domain's words in messages: the name of a staff member (it raises no codes of its own). */
import type { MessageCatalogue } from '../http/messages.js';

export const STAFF_MESSAGES = {
  errors: {},
  entities: {
    staff: { 'zh-CN': '员工', en: 'staff member' },
  },
} satisfies MessageCatalogue;

declare module '../http/messages.js' {
  interface MessageCatalogues {
    staff: typeof STAFF_MESSAGES;
  }
}
