/**
 * UI translations, merged in resources.ts from the shell's and each domain's texts files. zh-CN is the
 * default; the choice is remembered in localStorage (and in the user's profile once logged in, see
 * useLanguage). antd and dayjs follow the same language.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Locale } from '../../shared/schemas/common';
import { RESOURCES } from './resources';
import { storedLocale } from './stored-locale';

export { LOCALE_STORAGE_KEY, storedLocale } from './stored-locale';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

export function applyDayjsLocale(locale: Locale): void {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
}

const initial: Locale = storedLocale() ?? 'zh-CN';
applyDayjsLocale(initial);
document.documentElement.lang = initial;

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: RESOURCES['zh-CN'] }, en: { translation: RESOURCES.en } },
  lng: initial,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on('languageChanged', (lng) => {
  const locale: Locale = lng === 'en' ? 'en' : 'zh-CN';
  applyDayjsLocale(locale);
  document.documentElement.lang = locale;
});

export default i18n;
