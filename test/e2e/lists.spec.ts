/**
 * List pages keep their filters in the address: a supervisor filters 问题跟踪 by status, reloads the page and opens
 * the copied address in a new page and sees the same filtered list; the back button restores the previous
 * filter; an address with params the list does not take opens the default list. Set-up goes through the API.
 */
import { expect, test, type Page } from '@playwright/test';
import { adminApi, builtInRoles, firstLoginApi, logIn, pickOption } from './support';

const COMMUNITY = { name: '西溪苑', code: 'E2E-LISTS', type: 'residential', address: '西溪路 12 号' };
const SUPERVISOR = { username: 'lu.lead', displayName: '陆主管', password: 'Supervisor-Lists-2026' };
const HANDLER = { username: 'qian.fix', displayName: '钱维修', password: 'Handler-Lists-2026' };
const NEW_ISSUE = '单元门禁刷卡没有反应';
const ASSIGNED_ISSUE = '地库照明灯坏了三盏';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ playwright }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL;
  const adminRequest = await playwright.request.newContext({ baseURL });
  const admin = await adminApi(adminRequest);
  const community = await admin.post<{ id: number }>('/communities', COMMUNITY);
  const roleId = await builtInRoles(admin);
  const category = (await admin.get<{ id: number; departmentId: number | null }[]>('/issue-categories')).find((c) => c.departmentId !== null)!;
  const supervisor = await admin.post<{ temporaryPassword: string }>('/users', { username: SUPERVISOR.username, displayName: SUPERVISOR.displayName, roleId: roleId('supervisor'), communityIds: [community.id] });
  const handler = await admin.post<{ user: { id: number } }>('/users', {
    username: HANDLER.username,
    displayName: HANDLER.displayName,
    roleId: roleId('handler'),
    communityIds: [community.id],
    departmentId: category.departmentId,
  });
  const issue = { kind: 'problem', categoryId: category.id, communityId: community.id };
  await admin.post('/issues', { ...issue, description: NEW_ISSUE });
  await admin.post('/issues', { ...issue, description: ASSIGNED_ISSUE, assigneeId: handler.user.id });
  const supervisorRequest = await playwright.request.newContext({ baseURL });
  await firstLoginApi(supervisorRequest, SUPERVISOR.username, supervisor.temporaryPassword, SUPERVISOR.password);
  for (const r of [adminRequest, supervisorRequest]) await r.dispose();
});

/** The issue table shows these issues and not those, and the status filter says which status it shows. */
async function expectIssues(page: Page, status: string, shown: string, hidden: string) {
  const table = page.getByTestId('issue-table');
  await expect(table).toContainText(shown);
  await expect(table).not.toContainText(hidden);
  await expect(page.getByTestId('issue-filter-status')).toContainText(status);
}

test('supervisor: a filtered issue list is the same after a reload and from a copied address; back restores the previous filter', async ({ page, context }) => {
  await logIn(page, SUPERVISOR.username, SUPERVISOR.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto('/issues');
  await expect(page.getByTestId('issue-table')).toContainText(NEW_ISSUE);
  await expect(page.getByTestId('issue-table')).toContainText(ASSIGNED_ISSUE);

  await pickOption(page, page.getByTestId('issue-filter-status'), '已分派');
  await expect(page).toHaveURL(/\/issues\?communityId=\d+&status=assigned$/);
  await expectIssues(page, '已分派', ASSIGNED_ISSUE, NEW_ISSUE);

  await page.reload();
  await expectIssues(page, '已分派', ASSIGNED_ISSUE, NEW_ISSUE);

  const copied = await context.newPage();
  await copied.goto(page.url());
  await expectIssues(copied, '已分派', ASSIGNED_ISSUE, NEW_ISSUE);
  await copied.close();

  await pickOption(page, page.getByTestId('issue-filter-status'), '新建');
  await expect(page).toHaveURL(/\/issues\?communityId=\d+&status=new$/);
  await expectIssues(page, '新建', NEW_ISSUE, ASSIGNED_ISSUE);

  await page.goBack();
  await expect(page).toHaveURL(/\/issues\?communityId=\d+&status=assigned$/);
  await expectIssues(page, '已分派', ASSIGNED_ISSUE, NEW_ISSUE);
  await page.goBack();
  await expect(page).toHaveURL(/\/issues$/);
  await expect(page.getByTestId('issue-table')).toContainText(NEW_ISSUE);
  await expect(page.getByTestId('issue-table')).toContainText(ASSIGNED_ISSUE);
});

test('supervisor: an address with a status the list does not know, or params it does not take, opens the default list', async ({ page }) => {
  await logIn(page, SUPERVISOR.username, SUPERVISOR.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto('/issues?status=nonsense&view=mine&limit=9999&colour=blue');
  await expect(page.getByRole('heading', { name: '问题跟踪' })).toBeVisible();
  await expect(page.getByTestId('issue-table')).toContainText(NEW_ISSUE);
  await expect(page.getByTestId('issue-table')).toContainText(ASSIGNED_ISSUE);
  await expect(page.getByRole('checkbox', { name: '仅未关闭' })).toBeChecked();
});

test('supervisor: opens a deep page of 问题跟踪 from its address, pages on by cursor and comes back with the browser', async ({ page, playwright }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL;
  const adminRequest = await playwright.request.newContext({ baseURL });
  const admin = await adminApi(adminRequest);
  const community = (await admin.get<{ items: { id: number; code: string }[] }>('/communities?limit=200')).items.find((c) => c.code === COMMUNITY.code)!;
  const category = (await admin.get<{ id: number; departmentId: number | null }[]>('/issue-categories')).find((c) => c.departmentId !== null)!;
  for (let n = 1; n <= 24; n++) {
    await admin.post('/issues', { kind: 'problem', categoryId: category.id, communityId: community.id, description: `巡查发现第 ${String(n).padStart(2, '0')} 处破损` });
  }
  // The pages as the supervisor's API sees them: the oracle for what the console must show on each page.
  const supervisorRequest = await playwright.request.newContext({ baseURL });
  expect((await supervisorRequest.post('/api/v1/auth/login', { data: { username: SUPERVISOR.username, password: SUPERVISOR.password } })).ok()).toBe(true);
  type IssuePage = { items: { description: string }[]; nextCursor: string | null };
  const pageOf = async (query: string) => (await (await supervisorRequest.get(`/api/v1/issues?communityId=${community.id}&open=true&limit=10${query}`)).json()) as IssuePage;
  const first = await pageOf('');
  expect(first.nextCursor).toBeTruthy();
  const second = await pageOf(`&cursor=${encodeURIComponent(first.nextCursor!)}`);
  const third = await pageOf(`&cursor=${encodeURIComponent(second.nextCursor!)}`);
  expect(third.items.length).toBeGreaterThan(0);
  for (const r of [adminRequest, supervisorRequest]) await r.dispose();

  await logIn(page, SUPERVISOR.username, SUPERVISOR.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto(`/issues?limit=10&cursor=${encodeURIComponent(first.nextCursor!)}&page=2`);
  const table = page.getByTestId('issue-table');
  const pager = page.getByTestId('cursor-pager');
  await expect(table).toContainText(second.items[0].description);
  await expect(table).not.toContainText(first.items[0].description);
  await expect(pager.getByTestId('list-page')).toHaveText('第 2 页');

  await pager.getByRole('button', { name: '下一页' }).click();
  await expect(table).toContainText(third.items[0].description);
  await expect(table).not.toContainText(second.items[0].description);
  await expect(pager.getByTestId('list-page')).toHaveText('第 3 页');
  expect(new URL(page.url()).searchParams.get('cursor')).toBe(second.nextCursor);

  await page.goBack();
  await expect(table).toContainText(second.items[0].description);
  await expect(pager.getByTestId('list-page')).toHaveText('第 2 页');

  await pager.getByRole('button', { name: '首页' }).click();
  await expect(table).toContainText(first.items[0].description);
  expect(new URL(page.url()).searchParams.get('cursor')).toBeNull();
});
