/**
 * Visits on a phone (360 × 740): a visitor works today's tasks — two failed calls on one, a completed
 * questionnaire with a complaint on the other — and the supervisor then finds that record and its complaint.
 * Set-up goes through the API: the admin creates the community, households, questionnaire and accounts;
 * the supervisor assigns the two tasks.
 */
import { expect, test, type Page } from '@playwright/test';
import { adminApi, builtInRoles, changeForcedPassword, firstLoginApi, logIn, shanghaiToday, pickOption } from './support';

const COMMUNITY = { name: '北湖雅苑', code: 'E2E-VISITS', type: 'residential', address: '北湖路 9 号' };
const SUPERVISOR = { username: 'li.sup', displayName: '李主管', password: 'Supervisor-Visits-2026' };
const VISITOR = { username: 'chen.visit', displayName: '陈回访', password: 'Visitor-Visits-2026' };
const UNREACHABLE = { room: '101', label: '8栋1单元101', resident: '周一鸣', phone: '13800138101' };
const COMPLETED = { room: '102', label: '8栋1单元102', resident: '吴二妹', phone: '13800138102' };
const COMPLAINT = '夜间广场舞音乐太吵，影响休息';

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 360, height: 740 } });



/** The phone menu is a drawer; wait until it has closed, since closing moves the focus back to its button. */
async function openMenu(page: Page, item: string) {
  await page.getByRole('button', { name: '打开菜单' }).click();
  await page.getByRole('menuitem', { name: item }).click();
  await expect(page.getByRole('menuitem', { name: item })).toBeHidden();
  await expect(page.getByRole('heading', { name: item })).toBeVisible();
}

let visitorTemporaryPassword = '';

test.beforeAll(async ({ playwright }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL;
  const adminRequest = await playwright.request.newContext({ baseURL });
  const admin = await adminApi(adminRequest);
  const community = await admin.post<{ id: number }>('/communities', COMMUNITY);
  for (const h of [UNREACHABLE, COMPLETED]) {
    const household = await admin.post<{ id: number }>(`/communities/${community.id}/households`, { building: '8', unit: '1', room: h.room });
    await admin.post(`/households/${household.id}/residents`, { name: h.resident, role: 'owner', phones: [h.phone] });
  }
  const questionnaire = await admin.post<{ id: number }>('/questionnaires', {
    name: '北湖雅苑维修回访',
    scope: 'community',
    communityId: community.id,
    questions: [
      { key: 'repairs', type: 'rating', title: '您对维修质量是否满意？', required: true, dimension: '维修', allowNotApplicable: true },
      { key: 'service', type: 'rating', title: '您对维修人员的服务态度是否满意？', required: true, dimension: '客服' },
      { key: 'service_issue', type: 'text', title: '服务态度哪里不满意？', required: true, showIf: { question: 'service', op: 'lte', value: 2 } },
      { key: 'fixed', type: 'yesno', title: '问题是否已经解决？', required: false },
    ],
  });
  const roleId = await builtInRoles(admin);
  const supervisor = await admin.post<{ user: { id: number }; temporaryPassword: string }>('/users', {
    username: SUPERVISOR.username,
    displayName: SUPERVISOR.displayName,
    roleId: roleId('supervisor'),
    communityIds: [community.id],
  });
  const visitor = await admin.post<{ user: { id: number }; temporaryPassword: string }>('/users', {
    username: VISITOR.username,
    displayName: VISITOR.displayName,
    roleId: roleId('visitor'),
    communityIds: [community.id],
  });
  visitorTemporaryPassword = visitor.temporaryPassword;

  // The supervisor assigns both households to the visitor, due today.
  const supervisorRequest = await playwright.request.newContext({ baseURL });
  const supervisorPost = await firstLoginApi(supervisorRequest, SUPERVISOR.username, supervisor.temporaryPassword, SUPERVISOR.password);
  const households = await admin.get<{ items: { id: number; label: string; residents: { id: number }[] }[] }>(`/communities/${community.id}/households`);
  for (const h of [UNREACHABLE, COMPLETED]) {
    const household = households.items.find((x) => x.label === h.label)!;
    await supervisorPost('/visit-tasks', {
      householdId: household.id,
      residentId: household.residents[0].id,
      assigneeId: visitor.user.id,
      reason: 'after_repair',
      method: 'phone',
      dueDate: shanghaiToday(),
      questionnaireId: questionnaire.id,
      note: '',
    });
  }
  await adminRequest.dispose();
  await supervisorRequest.dispose();
});

test('visitor: opens today\'s tasks, logs two failed call attempts on one task and completes another with scores and a complaint', async ({ page }) => {
  await logIn(page, VISITOR.username, visitorTemporaryPassword);
  await changeForcedPassword(page, visitorTemporaryPassword, VISITOR.password);

  await openMenu(page, '我的任务');
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByTestId('view-today')).toHaveText('今天 2');
  await expect(page.getByTestId('task-card')).toHaveCount(2);

  // Two failed calls on the first household: the task stays open and counts them.
  await page.getByTestId('task-card').filter({ hasText: UNREACHABLE.label }).click();
  await expect(page.getByRole('heading', { name: UNREACHABLE.label })).toBeVisible();
  await expect(page.getByTestId('masked-phone')).toHaveText('138****8101');
  for (const result of ['无人接听', '占线']) {
    await page.getByRole('button', { name: '记录未接通' }).click();
    const dialog = page.getByRole('dialog', { name: '记录未接通' });
    await dialog.getByText(result, { exact: true }).click();
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(page.getByTestId('attempt')).toHaveCount(2);
  await expect(page.getByText('已联系 2 次')).toBeVisible();
  await expect(page.getByTestId('task-status')).toHaveText('待回访');

  // The second household: the visit form with scores, a follow-up question and a complaint.
  await page.getByRole('link', { name: '返回任务列表' }).click();
  await page.getByTestId('task-card').filter({ hasText: COMPLETED.label }).click();
  await page.getByRole('button', { name: '开始回访' }).click();
  await expect(page).toHaveURL(/\/tasks\/\d+\/record$/);

  await page.getByTestId('question-repairs').getByRole('button', { name: '4 满意' }).click();
  await expect(page.getByTestId('question-service_issue')).toHaveCount(0);
  await page.getByTestId('question-service').getByRole('button', { name: '2 不满意' }).click();
  // The follow-up appears only for a low score.
  await page.getByTestId('question-service_issue').getByRole('textbox').fill('师傅上门迟到一小时');
  await page.getByTestId('question-fixed').getByRole('button', { name: '是' }).click();
  await page.getByLabel('受访人').fill('业主本人');

  await page.getByRole('button', { name: '添加事项' }).click();
  await pickOption(page, page.getByLabel('类型 1'), '投诉');
  await pickOption(page, page.getByLabel('类别 1'), '噪音');
  await page.getByLabel('内容 1').fill(COMPLAINT);

  // The draft survives a reload.
  await page.reload();
  await expect(page.getByText('已恢复上次未提交的内容')).toBeVisible();
  await expect(page.getByLabel('内容 1')).toHaveValue(COMPLAINT);
  await expect(page.getByTestId('question-service').getByRole('button', { name: '2 不满意' })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: '提交回访记录' }).click();
  await expect(page.getByText('回访记录已提交')).toBeVisible();
  await expect(page).toHaveURL(/\/tasks$/);
  // Only the unreachable household is left for today.
  await expect(page.getByTestId('view-today')).toHaveText('今天 1');
  await expect(page.getByTestId('task-card')).toHaveCount(1);
  await expect(page.getByTestId('task-card')).toContainText(UNREACHABLE.label);
});

test('supervisor: finds that record among the visits with items raised and reads the complaint', async ({ page }) => {
  await logIn(page, SUPERVISOR.username, SUPERVISOR.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await openMenu(page, '回访记录');
  await expect(page).toHaveURL(/\/visit-records$/);

  await pickOption(page, page.getByLabel('反映事项'), '有反映事项');
  await pickOption(page, page.getByLabel('回访人'), VISITOR.displayName);
  const row = page.getByRole('row').filter({ hasText: COMPLETED.label });
  await expect(row).toContainText(VISITOR.displayName);
  await expect(row).toContainText('投诉 · 噪音');
  await expect(page.getByRole('row').filter({ hasText: UNREACHABLE.label })).toHaveCount(0);

  await row.getByRole('link', { name: COMPLETED.label }).click();
  await expect(page).toHaveURL(/\/visit-records\/\d+$/);
  await expect(page.getByTestId('record-items')).toContainText('投诉');
  await expect(page.getByTestId('record-items')).toContainText(COMPLAINT);
  const answers = page.getByTestId('record-answers');
  await expect(answers).toContainText('您对维修人员的服务态度是否满意？');
  await expect(answers).toContainText('2 不满意');
  await expect(answers).toContainText('师傅上门迟到一小时');
  await expect(page.getByText('业主本人')).toBeVisible();
});
