/**
 * The session request, sent by the start-up module (main.tsx) before React and antd have downloaded, so that
 * the answer is there when the first render asks for it. Read once: a later session check sends its own.
 */
import { API_BASE } from '../api/base';
import { storedLocale } from '../i18n/stored-locale';

let early: Promise<Response> | null = null;

export function startSessionRequest(): void {
  early = fetch(API_BASE + '/auth/session', {
    headers: { Accept: 'application/json', 'Accept-Language': storedLocale() ?? 'zh-CN' },
    credentials: 'same-origin',
  });
  // Whoever takes the request sees its failure; until then it must not count as unhandled.
  early.catch(() => undefined);
}

export function takeSessionRequest(): Promise<Response> | null {
  const pending = early;
  early = null;
  return pending;
}
