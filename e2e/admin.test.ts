import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseURL, horizontalOverflow, launchBrowser, newContext, signInThroughForm } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('account administration', () => {
  it('lets the admin create a staff account, change its role and disable it, ending its sessions', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInThroughForm(page, 'admin@demo.lawbench');
    await page.goto('/admin/users');
    await page.getByLabel('名称').fill('周起草');
    await page.getByLabel('电子邮箱').fill('zhou@demo.lawbench');
    await page.getByRole('combobox', { name: /^角色/ }).selectOption('reviewer');
    await page.getByLabel('初始密码').fill('zhou-password');
    await page.getByRole('button', { name: '开设账号' }).click();
    await expect(page.getByRole('status').first().innerText()).resolves.toContain('zhou@demo.lawbench');
    const row = page.locator('tr[data-email="zhou@demo.lawbench"]');
    await expect(row.innerText()).resolves.toContain('审核人员');

    // The new person signs in through the API and holds a session.
    const login = await fetch(`${baseURL()}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'zhou@demo.lawbench', password: 'zhou-password' }),
    });
    const first = login.headers.get('set-cookie')!.split(';')[0];
    expect((await login.json()).user.role).toBe('reviewer');

    await row.getByRole('combobox').selectOption('drafter');
    await row.getByRole('button', { name: '修改角色' }).click();
    await expect(row.getByRole('status').innerText()).resolves.toBe('已修改角色。');
    await expect(row.locator('td').nth(2).innerText()).resolves.toBe('起草人员');
    // A role change ends the person's sessions: they sign in again, under the new role.
    expect((await fetch(`${baseURL()}/api/v1/me`, { headers: { cookie: first } })).status).toBe(401);
    const relogin = await fetch(`${baseURL()}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'zhou@demo.lawbench', password: 'zhou-password' }),
    });
    const cookie = relogin.headers.get('set-cookie')!.split(';')[0];
    expect((await (await fetch(`${baseURL()}/api/v1/me`, { headers: { cookie } })).json()).user.role).toBe('drafter');

    await row.getByRole('button', { name: /停用/ }).click();
    await row.getByRole('status').filter({ hasText: '已停用该账号' }).waitFor();
    await expect(row.locator('td').nth(3).innerText()).resolves.toBe('已停用');
    expect((await fetch(`${baseURL()}/api/v1/me`, { headers: { cookie } })).status).toBe(401);
    const again = await fetch(`${baseURL()}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'zhou@demo.lawbench', password: 'zhou-password' }),
    });
    expect(again.status).toBe(403);
    expect((await again.json()).error.code).toBe('account_disabled');
    await context.close();
  });

  it('keeps every account’s actions within reach on a phone, rows as cards', async () => {
    const context = await newContext(browser, { width: 375 });
    const page = await context.newPage();
    await signInThroughForm(page, 'admin@demo.lawbench');
    await page.goto('/admin/users');
    const row = page.locator('tr[data-email="drafter2@demo.lawbench"]');
    const disable = row.getByRole('button', { name: /停用/ });
    const box = (await disable.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    await expect(row.locator('td').first().evaluate((td) => getComputedStyle(td, '::before').content)).resolves.toBe('"名称"');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    // The menu's labels stay on one line each.
    for (const link of await page.locator('.site-nav a').all()) expect((await link.boundingBox())!.height).toBeLessThan(40);
    // The audit log and the workflow dashboard are cards too, every cell labelled.
    for (const [path, table] of [['/admin/audit', 'audit-table'], ['/workflow', 'workflow-table']]) {
      await page.goto(path);
      const cells = page.getByTestId(table).locator('tbody tr').first().locator('td');
      for (const td of await cells.all()) {
        await expect(td.evaluate((el) => getComputedStyle(el, '::before').content)).resolves.toMatch(/^".+"$/);
      }
      expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
    }
    await context.close();
  });

  it('does not offer the admin a way to disable their own account', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInThroughForm(page, 'admin@demo.lawbench');
    await page.goto('/admin/users');
    const self = page.locator('tr[data-email="admin@demo.lawbench"]');
    expect(await self.getByRole('button', { name: /停用/ }).count()).toBe(0);
    await context.close();
  });
});
