/** Built-in roles are shown in the UI language; custom roles by the name the admin gave them. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export function useRoleName() {
  const { t } = useTranslation();
  return useCallback(
    (role: { key: string | null; name: string }) => (role.key ? t(`roles.builtin.${role.key}`, { defaultValue: role.name }) : role.name),
    [t],
  );
}
