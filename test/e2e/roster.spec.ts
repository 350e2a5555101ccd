/**
 * Roster import in a real browser: a supervisor uploads a CSV roster with two bad rows, dry-runs it, imports it,
 * reads the counts and the error table, downloads the error report, then finds a household by its room.
 */
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { adminApi, changeForcedPassword, logIn } from './support';

const COMMUNITY = { name: '南湖家园', code: 'E2E-ROSTER', type: 'residential', address: '南湖路 6 号' };
const SUPERVISOR = { username: 'wang.sup', displayName: '王主管' };
const SUPERVISOR_PASSWORD = 'Supervisor-Roster-2026';

/** Five good rows (one with the room written as a single label) and two bad ones: rows 7 and 8 of the file. */
const ROSTER_CSV = [
  '楼栋,单元,房号,姓名,身份,手机,入住日期,标签',
  '3,2,1502,赵建国,业主,13800138000,2020-05-01,独居老人',
  '3,2,1501,钱晓梅,业主,13900139000,2019-03-15,',
  '3,2,1503,孙立,租户,13700137000,,',
  '5,1,301,李娜,业主,13600136000,2021-08-08,行动不便',
  ',,6-1-702,周强,业主,13500135000,,',
  '3,2,1601,吴芳,业主,12345,,',
  '3,2,1602,,业主,13300133000,,',
].join('\r\n');

test('supervisor: imports a roster with some bad rows, watches the progress, downloads the error report, then finds a household by 3-2-1502', async ({
  page,
  request,
}) => {
  // Set-up through the API: a community and its supervisor.
  const admin = await adminApi(request);
  const community = await admin.post<{ id: number }>('/communities', COMMUNITY);
  const roles = await admin.get<{ items: { id: number; key: string | null }[] }>('/roles');
  const supervisorRole = roles.items.find((role) => role.key === 'supervisor')!;
  const created = await admin.post<{ user: { id: number }; temporaryPassword: string }>('/users', {
    ...SUPERVISOR,
    roleId: supervisorRole.id,
    communityIds: [community.id],
  });
  await admin.patch(`/communities/${community.id}`, { supervisorId: created.user.id });

  // The supervisor's first login forces a new password.
  await logIn(page, SUPERVISOR.username, created.temporaryPassword);
  await changeForcedPassword(page, created.temporaryPassword, SUPERVISOR_PASSWORD);

  // From the community list to the community page, then to the import page.
  await page.getByRole('menuitem', { name: '小区管理' }).click();
  await page.getByRole('link', { name: COMMUNITY.name }).click();
  await expect(page.getByRole('heading', { name: COMMUNITY.name })).toBeVisible();
  await expect(page.getByTestId('community-summary')).toContainText(SUPERVISOR.displayName);
  await page.getByRole('button', { name: /导入名单/ }).click();
  await expect(page).toHaveURL(new RegExp(`/communities/${community.id}/import$`));

  // UTF-8 with a byte order mark, as Excel writes "CSV UTF-8".
  await page.locator('input[type=file]').setInputFiles({
    name: '南湖家园名单.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('\uFEFF' + ROSTER_CSV, 'utf8'),
  });
  const result = page.getByTestId('roster-import-result');

  // Dry run first: everything is checked, nothing is written.
  await page.getByRole('button', { name: '试运行（不写入）' }).click();
  await expect(result.getByTestId('roster-import-status')).toHaveText('已完成');
  await expect(result).toContainText('试运行');
  await expect(result.getByTestId('roster-import-progress')).toHaveText('已处理 7 / 7 行');
  await expect(result.getByTestId('roster-count-failed')).toContainText('2');

  // Then for real.
  await page.getByRole('button', { name: '正式导入' }).click();
  await expect(result).not.toContainText('试运行');
  await expect(result.getByTestId('roster-import-status')).toHaveText('已完成');
  await expect(result.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  await expect(result.getByTestId('roster-import-progress')).toHaveText('已处理 7 / 7 行');
  await expect(result.getByTestId('roster-count-created')).toContainText('5');
  await expect(result.getByTestId('roster-count-failed')).toContainText('2');
  await expect(result).toContainText('导入完成');

  // The error table names both bad rows and their columns.
  const errors = result.getByTestId('roster-errors');
  const phoneError = errors.getByRole('row').filter({ hasText: '12345' });
  await expect(phoneError.getByRole('cell').first()).toHaveText('7');
  await expect(phoneError).toContainText('手机');
  const nameError = errors.getByRole('row').filter({ hasText: '姓名' });
  await expect(nameError.getByRole('cell').first()).toHaveText('8');
  // Reasons are in words; the importer's codes never show.
  await expect(nameError).toContainText('必填项为空');
  await expect(errors).not.toContainText('phone_invalid');
  await expect(errors).not.toContainText('required');

  // The error report is an .xlsx file (a zip: "PK").
  const [download] = await Promise.all([page.waitForEvent('download'), result.getByRole('link', { name: /下载错误报告/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const report = fs.readFileSync(await download.path());
  expect(report.subarray(0, 2).toString('latin1')).toBe('PK');

  // Find the household by its room from the household search.
  await page.getByRole('menuitem', { name: '住户查询' }).click();
  await page.getByPlaceholder('房号 3-2-1502 / 姓名 / 手机后四位').first().fill('3-2-1502');
  await page.keyboard.press('Enter');
  const results = page.getByTestId('household-search-results');
  await expect(results.getByRole('row').filter({ hasText: '赵建国' })).toContainText(COMMUNITY.name);
  await results.getByRole('link', { name: '3栋2单元1502' }).click();

  // The resident's phone is masked until the supervisor asks to see it; the view is recorded.
  await expect(page.getByRole('heading', { name: '3栋2单元1502' })).toBeVisible();
  const resident = page.getByTestId('resident-card').filter({ hasText: '赵建国' });
  await expect(resident).toContainText('业主');
  await expect(resident).toContainText('独居老人');
  await expect(resident.getByTestId('masked-phone')).toHaveText('138****8000');
  await expect(resident).not.toContainText('0013');
  await resident.getByRole('button', { name: /查看号码/ }).click();
  const revealed = resident.getByTestId('revealed-phones');
  await expect(revealed).toContainText('已记入审计日志');
  expect((await revealed.getByRole('link').innerText()).replace(/\D/g, '')).toMatch(/13800138000$/);
});
