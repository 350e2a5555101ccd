/** Built-in roles are shown in the UI language; custom roles by the name the admin gave them. */
import { useTranslation } from 'react-i18next';

export function useRoleName() {
  const { t } = useTranslation();
  return (role: { key: string | null; name: string }) =>
    role.key ? t(`roles.builtin.${role.key}`, { defaultValue: role.name }) : role.name;
}
