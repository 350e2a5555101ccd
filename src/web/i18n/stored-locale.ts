/** The language chosen on this browser (localStorage), readable before the translations load. */
import type { Locale } from '../../shared/schemas/common';

export const LOCALE_STORAGE_KEY = 'huifang.locale';

export function storedLocale(): Locale | null {
  const value = localStorage.getItem(LOCALE_STORAGE_KEY);
  return value === 'zh-CN' || value === 'en' ? value : null;
}
