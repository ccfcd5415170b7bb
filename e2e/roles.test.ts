import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext, signInThroughForm } from './browser';

const accounts = [
  { email: 'admin@demo.lawbench', name: '孙管理', role: '管理员', workspace: true, admin: true },
  { email: 'drafter@demo.lawbench', name: '王芳', role: '起草人员', workspace: true, admin: false },
  { email: 'drafter2@demo.lawbench', name: '李明', role: '起草人员', workspace: true, admin: false },
  { email: 'reviewer@demo.lawbench', name: '赵磊', role: '审核人员', workspace: true, admin: false },
  { email: 'volunteer@demo.lawbench', name: '刘洋', role: '法律援助志愿者', workspace: false, admin: false },
  { email: 'citizen@demo.lawbench', name: '陈静', role: '公众', workspace: false, admin: false },
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('signing in and out as each role', () => {
  for (const a of accounts) {
    it(`${a.email} signs in, sees what a ${a.role} may open, and signs out`, async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await signInThroughForm(page, a.email);
      await expect(page.getByTestId('account-link').innerText()).resolves.toContain(a.name);
      await expect(page.getByTestId('account-link').innerText()).resolves.toContain(a.role);
      expect(new URL(page.url()).pathname).toBe(a.workspace ? '/workspace' : '/');

      const nav = page.getByRole('navigation');
      expect(await nav.getByRole('link', { name: '工作台' }).count()).toBe(a.workspace ? 1 : 0);
      expect(await nav.getByRole('link', { name: '账号管理' }).count()).toBe(a.admin ? 1 : 0);

      const workspace = await page.goto('/workspace');
      if (a.workspace) {
        expect(workspace?.status()).toBe(200);
        await expect(page.getByTestId('workspace-role').innerText()).resolves.toContain(a.role);
      } else {
        expect(workspace?.status()).toBe(403);
        await page.getByTestId('forbidden').waitFor();
      }
      const admin = await page.goto('/admin/users');
      expect(admin?.status()).toBe(a.admin ? 200 : 403);

      await page.goto('/account');
      await expect(page.getByTestId('account-role').innerText()).resolves.toBe(a.role);
      await page.getByRole('button', { name: '退出登录' }).click();
      await page.getByRole('link', { name: '登录' }).first().waitFor();
      const me = await page.request.get('/api/v1/me');
      expect(me.status()).toBe(401);
      await context.close();
    });
  }

  it('sends a signed-out visitor from the workspace to sign in, and back there afterwards', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/workspace');
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByLabel('电子邮箱').fill('reviewer@demo.lawbench');
    await page.getByLabel('密码').fill('lawbench-demo');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByTestId('workspace-role').waitFor();
    expect(new URL(page.url()).pathname).toBe('/workspace');
    await context.close();
  });

  it('tells someone with a wrong password so, without losing the typed e-mail', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('电子邮箱').fill('drafter@demo.lawbench');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expect(page.locator('.form-message--error').innerText()).resolves.toBe('邮箱或密码不正确。');
    await expect(page.getByLabel('电子邮箱').inputValue()).resolves.toBe('drafter@demo.lawbench');
    await context.close();
  });
});
