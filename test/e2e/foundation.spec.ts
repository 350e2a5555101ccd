/**
 * Foundation flows in a real browser: the first administrator changes the initial password, sets up two
 * communities and a supervisor for one of them; the supervisor then sees only that community.
 */
import { expect, test, type Page } from '@playwright/test';
import { E2E_ADMIN_CHANGED_PASSWORD, E2E_ADMIN_PASSWORD, changeForcedPassword, logIn, optionLabels, pickOption } from './support';

const COMMUNITY_A = { name: '东湖花园', code: 'E2E-A', address: '东湖路 1 号' };
const COMMUNITY_B = { name: '西山商业广场', code: 'E2E-B', address: '西山大道 88 号' };
const SUPERVISOR = { username: 'zhang.sup', name: '张主管' };

test.describe.configure({ mode: 'serial' });

let supervisorTemporaryPassword = '';

/**
 * Chooses a language from the header and waits until the menu reads in it and the choice is saved to the profile.
 * On a busy machine a click can land while the menu is still opening; as a user would, it opens the menu again.
 */
async function chooseLanguage(page: Page, button: string, language: string, menuItemInLanguage: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'PATCH');
  const item = page.getByRole('menuitem', { name: language });
  await expect(async () => {
    if (!(await item.isVisible())) await page.getByRole('button', { name: button }).click();
    await item.click({ timeout: 3000 });
    await expect(page.getByRole('menuitem', { name: menuItemInLanguage })).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 20_000 });
  expect((await saved).ok()).toBe(true);
}

test('admin: logs in, must change the generated password, creates a supervisor scoped to one community', async ({ page }) => {
  await logIn(page, 'admin', E2E_ADMIN_PASSWORD);
  await changeForcedPassword(page, E2E_ADMIN_PASSWORD, E2E_ADMIN_CHANGED_PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(page.getByRole('heading', { name: '您好，系统管理员' })).toBeVisible();

  // Two communities through the UI.
  await page.getByRole('menuitem', { name: '小区管理' }).click();
  for (const community of [COMMUNITY_A, COMMUNITY_B]) {
    await page.getByRole('button', { name: '新建小区' }).click();
    const dialog = page.getByRole('dialog', { name: '新建小区' });
    await dialog.getByLabel('名称').fill(community.name);
    await dialog.getByLabel('编码').fill(community.code);
    await dialog.getByLabel('地址').fill(community.address);
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('cell', { name: community.name, exact: true })).toBeVisible();
  }

  // A supervisor for community A only; the temporary password is shown once.
  await page.getByRole('menuitem', { name: '用户管理' }).click();
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog', { name: '新建用户' });
  await dialog.getByLabel('用户名').fill(SUPERVISOR.username);
  await dialog.getByLabel('姓名').fill(SUPERVISOR.name);
  await pickOption(page, dialog.getByLabel('角色'), '物业主管');
  await pickOption(page, dialog.getByLabel('负责小区'), COMMUNITY_A.name);
  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: /保\s?存/ }).click();

  const secretDialog = page.getByRole('dialog', { name: `${SUPERVISOR.name} 的临时密码` });
  await expect(secretDialog).toBeVisible();
  supervisorTemporaryPassword = (await secretDialog.getByTestId('secret-value').innerText()).trim();
  expect(supervisorTemporaryPassword.length).toBeGreaterThanOrEqual(10);
  await secretDialog.getByRole('button', { name: '我已妥善保存' }).click();
  const row = page.getByRole('row').filter({ hasText: SUPERVISOR.username });
  await expect(row).toContainText('物业主管');
  await expect(row).toContainText(COMMUNITY_A.name);
  await expect(row).not.toContainText(COMMUNITY_B.name);

  // The language switch changes the menu, and back. The header's menu opens from the top of the page (the
  // table above left it scrolled), as a user would find it.
  await chooseLanguage(page, '语言', 'English', 'Users');
  await expect(page.getByRole('menuitem', { name: 'Communities' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  await chooseLanguage(page, 'Language', '简体中文', '用户管理');
});

test('supervisor: logs in, changes password, sees only their community', async ({ page }) => {
  expect(supervisorTemporaryPassword, 'the admin test created the supervisor').not.toBe('');
  await logIn(page, SUPERVISOR.username, supervisorTemporaryPassword);
  await changeForcedPassword(page, supervisorTemporaryPassword, 'Supervisor-2026');
  // A supervisor opens on the 数据看板; the 工作台 greets them.
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { name: '数据看板' })).toBeVisible();
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(page.getByRole('heading', { name: `您好，${SUPERVISOR.name}` })).toBeVisible();

  // The menu follows the role: no roles, departments or audit log.
  await expect(page.getByRole('menuitem', { name: '小区管理' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '角色权限' })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: '审计日志' })).toHaveCount(0);

  // The header switcher offers community A only, and it is selected.
  const switcher = page.getByRole('combobox', { name: '当前小区' });
  await expect(page.getByTestId('community-switcher')).toContainText(COMMUNITY_A.name);
  expect(await optionLabels(page, switcher)).toEqual([COMMUNITY_A.name]);

  // The community list shows A and not B, and offers no way to create one.
  await page.getByRole('menuitem', { name: '小区管理' }).click();
  await expect(page.getByRole('cell', { name: COMMUNITY_A.name, exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: COMMUNITY_B.name, exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '新建小区' })).toHaveCount(0);
});

test.describe('on a 360px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('admin: opens the menu from a drawer; the users table scrolls inside the page', async ({ page }) => {
    await logIn(page, 'admin', E2E_ADMIN_CHANGED_PASSWORD);
    await expect(page.getByRole('heading', { name: '数据看板' })).toBeVisible();
    await expect(page.getByRole('menuitem', { name: '用户管理' })).toBeHidden();

    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('menuitem', { name: '用户管理' }).click();
    await expect(page.getByRole('heading', { name: '用户管理' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: SUPERVISOR.username })).toBeVisible();

    // The page itself never scrolls sideways; the wide table does, inside its own box.
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(360);
    const table = page.locator('.ant-table-content');
    expect(await table.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await page.screenshot({ path: test.info().outputPath('users-360.png'), fullPage: true });
  });
});
