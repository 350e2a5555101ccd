/**
 * GET requests sent by the start-up module (main.tsx) before React, antd and the API client have downloaded:
 * the session and the opening page's first data (routes.ts `firstData`), so that the answers are on their way
 * while the code is. The API client takes a pending answer for the same path once (client.ts `request`);
 * whatever the first render did not take is dropped, so a later query never reads an old answer.
 */
import { storedLocale } from '../i18n/stored-locale';
import { API_BASE } from './base';

const pending = new Map<string, Promise<Response>>();

/** Sends a GET for `path` (with its query string, as the API client writes it). */
export function sendEarly(path: string): void {
  if (pending.has(path)) return;
  const sent = fetch(API_BASE + path, {
    headers: { Accept: 'application/json', 'Accept-Language': storedLocale() ?? 'zh-CN' },
    credentials: 'same-origin',
  });
  // Whoever takes the request sees its failure; until then it must not count as unhandled.
  sent.catch(() => undefined);
  pending.set(path, sent);
}

/** The pending answer for `path`, if one was sent early and not taken yet; taken once. */
export function takeEarly(path: string): Promise<Response> | undefined {
  const sent = pending.get(path);
  pending.delete(path);
  return sent;
}

/** Forgets the requests nobody took (a page the user may not open, a signed-out visitor). */
export function dropEarly(): void {
  pending.clear();
}
