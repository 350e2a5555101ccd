/** Shared steps of the browser tests: logging in, the forced password change, picking antd options. */
import { expect, type Locator, type Page } from '@playwright/test';

/** The admin's initial password given to the server by playwright.config.ts; it must be changed at first login. */
export const E2E_ADMIN_PASSWORD = 'Initial-Pass-2026';

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
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page).toHaveURL(/\/$/);
}

/** Opens an antd Select and clicks the option with this label. */
export async function pickOption(page: Page, select: Locator, label: string): Promise<void> {
  await select.click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`).click();
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
