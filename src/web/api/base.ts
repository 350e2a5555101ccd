/** Where the API lives and how a query string is written, for the modules that talk to it before the API client loads. */
export const API_BASE = '/api/v1';

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** `?a=1&b=x` from the params that have a value, in their order; '' when none has. */
export function toQueryString(params?: QueryParams): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? '?' + text : '';
}
