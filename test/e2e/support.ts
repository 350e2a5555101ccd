/**
 * Shared steps of the browser tests: logging in, the forced password change, picking antd options, and
 * setting up data through the API as the administrator.
 */
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { shanghaiDate } from '../../src/shared/shanghai';

/** The admin's initial password given to the server by playwright.config.ts; it must be changed at first login. */
export const E2E_ADMIN_PASSWORD = 'Initial-Pass-2026';
/** The admin's password once the forced change is done (by foundation.spec.ts, or by `adminApi` when it runs first). */
export const E2E_ADMIN_CHANGED_PASSWORD = 'Admin-Changed-2026';

export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  // antd puts a space between two Chinese characters in a button ("登 录").
  await page.getByRole('button', { name: /^登\s?录$/ }).click();
}

export async function changeForcedPassword(page: Page, current: string, next: string): Promise<void> {
  await expect(page).toHaveURL(/\/change-password$/);
  await page.getByLabel('当前密码').fill(current);
  await page.getByLabel('新密码', { exact: true }).fill(next);
  await page.getByLabel('确认新密码').fill(next);
  // The new password is judged in the browser first, by an estimator whose dictionaries load when the field is
  // first used; on a busy machine that takes a while. A click that lands while the debounced check is still
  // running can be dropped by the form (the user clicks again): so the click is repeated until the request
  // goes out — never after it went out, so the change is sent once — and a form that does not send says why.
  const isChange = (r: { url(): string; method(): string }) => r.url().endsWith('/api/v1/auth/password') && r.method() === 'POST';
  const response = page.waitForResponse((r) => isChange(r.request()), { timeout: 45_000 }).catch(() => null);
  let sent = false;
  // The first wait is long enough for the estimator to load on a busy machine, so a slow first click is not repeated.
  for (const wait of [15_000, 5_000, 5_000, 5_000]) {
    const request = page.waitForRequest(isChange, { timeout: wait }).then(() => true, () => false);
    await page.getByRole('button', { name: '修改密码' }).click();
    sent = await request;
    if (sent) break;
  }
  if (!sent) {
    const errors = await page.locator('.ant-form-item-explain-error').allInnerTexts();
    throw new Error(`the password change was not sent; the form says: ${errors.join(' / ') || 'nothing'}`);
  }
  const answered = await response;
  if (!answered) throw new Error('the password change was sent but not answered');
  expect(answered.status(), await answered.text()).toBe(200);
  // Managers and supervisors open on the 数据看板, the others on the 工作台.
  await expect(page).toHaveURL(/\/(dashboard)?$/, { timeout: 20_000 });
}

/**
 * Opens an antd Select and clicks the option with this label, until the option is selected: a click that
 * lands while the dropdown is still opening is sometimes lost on a busy machine.
 */
export async function pickOption(page: Page, select: Locator, label: string): Promise<void> {
  const open = page.locator('.ant-select-dropdown:visible');
  await expect(async () => {
    if ((await open.count()) === 0) await select.click();
    await open.locator(`.ant-select-item-option[title="${label}"]`).click({ timeout: 3_000 });
    await expect(page.locator(`.ant-select-dropdown .ant-select-item-option-selected[title="${label}"]`).first()).toBeAttached({ timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
}

/** The labels offered by an antd Select (opened, read, closed again). */
export async function optionLabels(page: Page, select: Locator): Promise<string[]> {
  await select.click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect(options.first()).toBeVisible();
  const labels = await options.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('title') ?? n.textContent ?? ''));
  await page.keyboard.press('Escape');
  return labels;
}

/** JSON calls to /api/v1 with a session's CSRF token; a non-2xx answer fails the test with the problem detail. */
export interface Api {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
}

interface Session {
  csrfToken: string;
  user: { mustChangePassword: boolean };
}

function apiClient(request: APIRequestContext, csrfToken: string): Api {
  const call = async <T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> => {
    const response = await request.fetch('/api/v1' + path, {
      method,
      data: body,
      headers: method === 'GET' ? {} : { 'X-CSRF-Token': csrfToken },
    });
    expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  };
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    patch: (path, body) => call('PATCH', path, body),
  };
}

async function apiLogin(request: APIRequestContext, username: string, password: string): Promise<Session | null> {
  const response = await request.post('/api/v1/auth/login', { data: { username, password } });
  return response.ok() ? ((await response.json()) as Session) : null;
}

/**
 * The administrator through the API (in a request context of its own, so the browser stays logged out).
 * Works whether or not the first-login password change has happened yet.
 */
export async function adminApi(request: APIRequestContext): Promise<Api> {
  let session = (await apiLogin(request, 'admin', E2E_ADMIN_CHANGED_PASSWORD)) ?? (await apiLogin(request, 'admin', E2E_ADMIN_PASSWORD));
  expect(session, 'the admin logs in with the initial or the changed password').not.toBeNull();
  if (session!.user.mustChangePassword) {
    await apiClient(request, session!.csrfToken).post('/auth/password', {
      currentPassword: E2E_ADMIN_PASSWORD,
      newPassword: E2E_ADMIN_CHANGED_PASSWORD,
    });
    session = (await (await request.get('/api/v1/auth/session')).json()) as Session;
  }
  return apiClient(request, session!.csrfToken);
}

/**
 * A new account's first login through the API: the temporary password is changed, and a JSON poster with
 * the new session is returned.
 */
export async function firstLoginApi(request: APIRequestContext, username: string, temporary: string, password: string) {
  const login = await request.post('/api/v1/auth/login', { data: { username, password: temporary } });
  expect(login.ok()).toBe(true);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const changed = await request.post('/api/v1/auth/password', { data: { currentPassword: temporary, newPassword: password }, headers: { 'X-CSRF-Token': csrfToken } });
  expect(changed.ok(), await changed.text()).toBe(true);
  const session = (await (await request.get('/api/v1/auth/session')).json()) as { csrfToken: string };
  return async <T>(path: string, body: unknown): Promise<T> => {
    const response = await request.post('/api/v1' + path, { data: body, headers: { 'X-CSRF-Token': session.csrfToken } });
    expect(response.ok(), `POST ${path}: ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  };
}

/** Today in Asia/Shanghai, the calendar the server uses for due dates. */
export const shanghaiToday = () => shanghaiDate(Date.now());

/** The ids of the built-in roles by key (visitor, supervisor, handler …), for creating accounts through the API. */
export async function builtInRoles(admin: Api): Promise<(key: string) => number> {
  const roles = await admin.get<{ items: { id: number; key: string | null }[] }>('/roles');
  return (key) => roles.items.find((r) => r.key === key)!.id;
}
