/** The notification domain's words in messages: the name of a notification (it raises no codes of its own). */
import type { MessageCatalogue } from '../http/messages.js';

export const NOTIFICATION_MESSAGES = {
  errors: {},
  entities: {
    notification: { 'zh-CN': '通知', en: 'notification' },
  },
} satisfies MessageCatalogue;

declare module '../http/messages.js' {
  interface MessageCatalogues {
    notifications: typeof NOTIFICATION_MESSAGES;
  }
}
