/**
 * The one place that talks HTTP to /api/v1: adds the CSRF token to state-changing requests, sends the UI
 * language so errors come back translated, and turns problem+json answers into ApiError values.
 */
import type { Problem } from '../../shared/schemas/common';
import i18n from '../i18n';
import { API_BASE, toQueryString, type QueryParams } from './base';
import { takeEarly } from './early';

export { API_BASE, toQueryString, type QueryParams };

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request other than the session probe answers 401: the session has ended. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem | null;

  constructor(status: number, problem: Problem | null, fallback: string) {
    super(problem?.detail || problem?.title || fallback);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem?.code ?? 'http_' + status;
    this.problem = problem;
  }
}

interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  /** Do not treat a 401 as "session ended" (used by the session probe and login). */
  quietUnauthenticated?: boolean;
  /** Extra request headers, e.g. an Idempotency-Key. */
  headers?: Record<string, string>;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.language || 'zh-CN',
    ...options.headers,
  };
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const isForm = options.body instanceof FormData;
  // A FormData body sets its own multipart boundary.
  if (options.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';

  const target = path + toQueryString(options.query);
  // A GET the start-up module already sent (early.ts) is answered by that request.
  const early = method === 'GET' && !options.headers ? takeEarly(target) : undefined;
  if (early) return receive<T>(early, options);
  return receive<T>(
    fetch(API_BASE + target, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : isForm ? (options.body as FormData) : JSON.stringify(options.body),
    }),
    options,
  );
}

/** Reads an answer of the API: its JSON, nothing for 204, or an ApiError for a failure (0 when offline). */
export async function receive<T>(sent: Promise<Response>, options: Pick<RequestOptions, 'quietUnauthenticated'> = {}): Promise<T> {
  let response: Response;
  try {
    response = await sent;
  } catch {
    throw new ApiError(0, null, i18n.t('errors.network'));
  }

  if (response.status === 204) return undefined as T;
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  const payload: unknown = isJson ? await response.json().catch(() => null) : null;

  if (!response.ok) {
    const problem = payload && typeof payload === 'object' && 'code' in payload ? (payload as Problem) : null;
    if (response.status === 401 && !options.quietUnauthenticated) onUnauthenticated?.();
    throw new ApiError(response.status, problem, i18n.t('errors.http', { status: response.status }));
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams, quietUnauthenticated = false) =>
    request<T>('GET', path, { query, quietUnauthenticated }),
  post: <T>(path: string, body?: unknown, quietUnauthenticated = false) =>
    request<T>('POST', path, { body: body ?? {}, quietUnauthenticated }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
  /** multipart/form-data POST (file uploads). */
  upload: <T>(path: string, form: FormData, query?: QueryParams) => request<T>('POST', path, { body: form, query }),
};

/** Address of a file the browser downloads itself (the session cookie authenticates it). */
export function downloadUrl(path: string, query?: QueryParams): string {
  return API_BASE + path + toQueryString(query);
}

/** The file name of a Content-Disposition header: the UTF-8 one, else the ASCII fallback. */
function fileNameOf(disposition: string | null): string {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (utf8) return decodeURIComponent(utf8);
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? 'download';
}

/**
 * Downloads a file through fetch (the session cookie authenticates it) and hands it to the browser under the
 * server's file name once it is complete; its response, for the headers that describe it. A refusal
 * (problem+json) or a lost connection is thrown as an ApiError, as every request's.
 */
export async function downloadFile(path: string, query?: QueryParams): Promise<Response> {
  const sent = fetch(downloadUrl(path, query), { credentials: 'same-origin', headers: { 'Accept-Language': i18n.language || 'zh-CN' } });
  const response = await sent.catch(() => null);
  if (!response?.ok) await receive(sent);
  const href = URL.createObjectURL(await response!.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = fileNameOf(response!.headers.get('content-disposition'));
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return response!;
}
