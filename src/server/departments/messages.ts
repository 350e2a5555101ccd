/** The department domain's words in messages: the name of a department (it raises no codes of its own). */
import type { MessageCatalogue } from '../http/messages.js';

export const DEPARTMENT_MESSAGES = {
  errors: {},
  entities: {
    department: { 'zh-CN': '部门', en: 'department' },
  },
} satisfies MessageCatalogue;

declare module '../http/messages.js' {
  interface MessageCatalogues {
    departments: typeof DEPARTMENT_MESSAGES;
  }
}
