/**
 * Closing the loop in a browser: a complaint raised in a visit reaches the security department's queue; the
 * handler replies and resolves it; the confirmation visit appears on the visitor's phone; the resident says
 * "not solved" and the issue is reopened for the handler. Set-up goes through the API: the admin creates the
 * community, household and accounts; the visitor records the visit with the complaint.
 */
import { expect, test, type Page } from '@playwright/test';
import type { VisitTaskDetail } from '../../src/shared/schemas/visits';
import { answersTo } from '../helpers/answers';
import { adminApi, builtInRoles, changeForcedPassword, firstLoginApi, logIn, shanghaiToday } from './support';

const COMMUNITY = { name: '南山公寓', code: 'E2E-ISSUES', type: 'residential', address: '南山路 3 号' };
const VISITOR = { username: 'sun.visit', displayName: '孙回访', password: 'Visitor-Issues-2026' };
const HANDLER = { username: 'zhou.sec', displayName: '周安保', password: 'Handler-Issues-2026' };
const COMPLAINT = '地下车库入口道闸经常抬不起来';
const HOUSEHOLD = { building: '6', unit: '2', room: '1201', label: '6栋2单元1201', resident: '郑小芳', phone: '13800138121' };

test.describe.configure({ mode: 'serial' });



let handlerTemporaryPassword = '';
let issueId = 0;

test.beforeAll(async ({ playwright }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL;
  const adminRequest = await playwright.request.newContext({ baseURL });
  const admin = await adminApi(adminRequest);
  const community = await admin.post<{ id: number }>('/communities', COMMUNITY);
  const household = await admin.post<{ id: number }>(`/communities/${community.id}/households`, { building: HOUSEHOLD.building, unit: HOUSEHOLD.unit, room: HOUSEHOLD.room });
  const resident = await admin.post<{ id: number }>(`/households/${household.id}/residents`, { name: HOUSEHOLD.resident, role: 'owner', phones: [HOUSEHOLD.phone] });
  const roleId = await builtInRoles(admin);
  const departments = await admin.get<{ items: { id: number; code: string }[] }>('/departments');
  const visitor = await admin.post<{ user: { id: number }; temporaryPassword: string }>('/users', {
    username: VISITOR.username,
    displayName: VISITOR.displayName,
    roleId: roleId('visitor'),
    communityIds: [community.id],
  });
  const handler = await admin.post<{ user: { id: number }; temporaryPassword: string }>('/users', {
    username: HANDLER.username,
    displayName: HANDLER.displayName,
    roleId: roleId('handler'),
    communityIds: [community.id],
    departmentId: departments.items.find((d) => d.code === 'SEC')!.id,
  });
  handlerTemporaryPassword = handler.temporaryPassword;
  const task = await admin.post<{ id: number }>('/visit-tasks', { householdId: household.id, residentId: resident.id, assigneeId: visitor.user.id, reason: 'periodic', method: 'phone', dueDate: shanghaiToday() });

  // The visitor records the visit; the complaint becomes an issue routed to 安保部.
  const visitorRequest = await playwright.request.newContext({ baseURL });
  const visitorPost = await firstLoginApi(visitorRequest, VISITOR.username, visitor.temporaryPassword, VISITOR.password);
  const { questionnaire } = await admin.get<VisitTaskDetail>(`/visit-tasks/${task.id}`);
  const record = await visitorPost<{ id: number }>(`/visit-tasks/${task.id}/record`, {
    answers: answersTo(questionnaire?.questions ?? []),
    startedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    endedAt: new Date().toISOString(),
    items: [{ kind: 'complaint', category: '停车', description: COMPLAINT }],
  });
  const issues = await admin.get<{ items: { id: number; recordId: number }[] }>(`/issues?householdId=${household.id}`);
  issueId = issues.items.find((i) => i.recordId === record.id)!.id;
  await adminRequest.dispose();
  await visitorRequest.dispose();
});

async function openIssueFromQueue(page: Page) {
  await page.goto('/issues/queue');
  await expect(page.getByRole('heading', { name: '部门待办' })).toBeVisible();
  await page.getByText(COMPLAINT).first().click();
  await expect(page).toHaveURL(new RegExp(`/issues/${issueId}$`));
}

test('security handler: finds the complaint in the department queue, replies to the resident and resolves it', async ({ page }) => {
  await logIn(page, HANDLER.username, handlerTemporaryPassword);
  await changeForcedPassword(page, handlerTemporaryPassword, HANDLER.password);
  await openIssueFromQueue(page);
  await expect(page.getByTestId('issue-status')).toHaveText('新建');
  await expect(page.getByTestId('issue-description')).toContainText(COMPLAINT);

  await page.getByTestId('issue-action-reply').click();
  const replyForm = page.getByTestId('issue-reply-form');
  await replyForm.getByText('口头', { exact: true }).click();
  await replyForm.locator('textarea').fill('已电话告知业主，明天上午更换道闸电机');
  await page.getByTestId('issue-reply-form-submit').click();
  await expect(page.getByTestId('issue-replies')).toContainText('已电话告知业主');
  await expect(page.getByTestId('issue-replies')).toContainText('按时');

  await page.getByTestId('issue-action-start').click();
  await expect(page.getByTestId('issue-status')).toHaveText('处理中');
  await page.getByTestId('issue-action-resolve').click();
  await page.getByTestId('issue-transition-form').locator('textarea').first().fill('已更换道闸电机并调试正常');
  await page.getByTestId('issue-transition-form-submit').click();
  await expect(page.getByTestId('issue-status')).toHaveText('已解决');
  await expect(page.getByTestId('issue-timeline')).toContainText('已更换道闸电机并调试正常');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('visitor: the confirmation visit is on the upcoming list; the resident says it is not solved and the issue reopens', async ({ page }) => {
    await logIn(page, VISITOR.username, VISITOR.password);
    await expect(page).toHaveURL(/\/$/);
    await page.goto('/tasks');
    await page.getByTestId('view-upcoming').click();
    const card = page.getByTestId('task-card').filter({ hasText: HOUSEHOLD.label });
    await expect(card).toContainText('复访确认');
    await card.click();
    await expect(page.getByRole('heading', { name: HOUSEHOLD.label })).toBeVisible();
    await expect(page.getByTestId('task-issue-link')).toBeVisible();
    await page.getByRole('button', { name: '开始回访' }).click();

    const block = page.getByTestId('confirmation-block');
    await expect(block).toBeVisible();
    await block.getByText('否', { exact: true }).click();
    await block.locator('textarea').fill('道闸还是经常抬不起来');
    await page.getByRole('button', { name: '提交回访记录' }).click();
    await expect(page.getByText('回访记录已提交')).toBeVisible();
  });
});

test('security handler: sees the issue reopened with the resident\'s reason on the timeline', async ({ page }) => {
  await logIn(page, HANDLER.username, HANDLER.password);
  await expect(page).toHaveURL(/\/$/);
  await openIssueFromQueue(page);
  await expect(page.getByTestId('issue-status')).toHaveText('已重开');
  await expect(page.getByTestId('issue-timeline')).toContainText('道闸还是经常抬不起来');
  await expect(page.getByTestId('issue-action-resolve')).toBeVisible();
});
