/**
 * Shows an API failure to the user: field errors go next to the form fields they name, conflicts such as
 * "username already taken" go next to that field, everything else (the server's translated `detail`)
 * goes to a message toast.
 */
import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** Problem codes that are about one field of the submitted form. */
const CODE_FIELDS: Record<string, string> = {
  username_taken: 'username',
  code_taken: 'code',
  name_taken: 'name',
  calendar_override_conflict: 'date',
};

/** "/body/username", "body.username" or "username" → ["username"]. */
export function fieldPath(path: string): (string | number)[] {
  const parts = path.split(/[/.]/).filter(Boolean);
  if (parts[0] === 'body') parts.shift();
  return parts.map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export function useShowError() {
  const { message } = App.useApp();
  const { t } = useTranslation();

  return (error: unknown, form?: FormInstance) => {
    if (error instanceof ApiError) {
      const fieldErrors = error.problem?.errors ?? [];
      const known = new Set(form ? Object.keys(form.getFieldsValue() as object) : []);
      const conflictField = CODE_FIELDS[error.code];
      if (form && conflictField && known.has(conflictField)) {
        form.setFields([{ name: conflictField, errors: [error.message] }]);
        return;
      }
      if (form && fieldErrors.length > 0) {
        // A business error about one field (e.g. wrong current password) reads best in its full `detail`.
        const single = fieldErrors.length === 1 && error.code !== 'validation_failed';
        const byField = new Map<string, string[]>();
        for (const e of fieldErrors) {
          const field = String(fieldPath(e.path)[0] ?? '');
          if (!known.has(field)) continue;
          byField.set(field, [...(byField.get(field) ?? []), single ? error.message : e.message]);
        }
        if (byField.size > 0) {
          form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
          const placed = [...byField.values()].reduce((n, list) => n + list.length, 0);
          if (placed === fieldErrors.length) return;
        }
      }
      void message.error(error.message);
      return;
    }
    void message.error(error instanceof Error && error.message ? error.message : t('errors.unknown'));
  };
}
