/**
 * Switching the UI language: i18next (which also switches dayjs), localStorage, and — when logged in —
 * the user's profile, so the choice follows the user to other devices.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/schemas/common';
import { useUpdateProfile } from '../api/auth';
import { useSession } from '../auth/session';
import { LOCALE_STORAGE_KEY, storedLocale } from '../i18n';

export function useLanguage() {
  const { i18n } = useTranslation();
  const { user } = useSession();
  const updateProfile = useUpdateProfile();
  const language: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';

  const setLanguage = (locale: Locale) => {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
    void i18n.changeLanguage(locale);
    // Saved on every choice: the session's copy of the profile may not yet hold the previous choice.
    if (user && !user.mustChangePassword) updateProfile.mutate({ locale });
  };
  return { language, setLanguage };
}

/**
 * Once per login: a language chosen on this device (e.g. on the login page) is saved to the profile;
 * on a device without a choice, the profile's language is adopted.
 */
export function useSyncProfileLanguage() {
  const { i18n } = useTranslation();
  const { user } = useSession();
  const updateProfile = useUpdateProfile();
  const syncedFor = useRef<number | null>(null);

  useEffect(() => {
    // The server accepts nothing but the password change until a forced change is done.
    if (!user) syncedFor.current = null;
    if (!user || user.mustChangePassword || syncedFor.current === user.id) return;
    syncedFor.current = user.id;
    const local = storedLocale();
    if (!local) {
      localStorage.setItem(LOCALE_STORAGE_KEY, user.locale);
      void i18n.changeLanguage(user.locale);
    } else if (local !== user.locale) {
      updateProfile.mutate({ locale: local });
    }
  }, [user, i18n, updateProfile]);
}
