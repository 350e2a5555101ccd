/**
 * Shows an API failure to the user: field errors go next to the form fields they name, everything else
 * (and the server's translated `detail`) goes to a message toast.
 */
import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

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
      if (form && fieldErrors.length > 0) {
        const known = new Set(Object.keys(form.getFieldsValue(true) as object));
        const mapped = fieldErrors
          .map((e) => ({ name: fieldPath(e.path), errors: [e.message] }))
          .filter((f) => f.name.length > 0 && known.has(String(f.name[0])));
        if (mapped.length > 0) {
          form.setFields(mapped.map((f) => ({ name: f.name.slice(0, 1), errors: f.errors })));
          if (mapped.length === fieldErrors.length) return;
        }
      }
      void message.error(error.message);
      return;
    }
    void message.error(error instanceof Error && error.message ? error.message : t('errors.unknown'));
  };
}
