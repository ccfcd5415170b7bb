import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { horizontalOverflow, launchBrowser, newContext, signInThroughForm } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('public pages on a phone', () => {
  it('fit a 375 px screen without sideways scrolling', async () => {
    const context = await newContext(browser, { width: 375 });
    const page = await context.newPage();
    for (const path of ['/', '/login', '/register', '/no-such-page']) {
      await page.goto(path);
      expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
      expect((await page.title()).length, `${path} has a title`).toBeGreaterThan(0);
    }
    await context.close();
  });

  it('let a member of the public register by e-mailed link, reset a forgotten password and change it', async () => {
    const context = await newContext(browser, { width: 375 });
    const page = await context.newPage();
    await page.goto('/register');
    await page.getByLabel('姓名或昵称').fill('陈小姐');
    await page.getByLabel('电子邮箱').fill('chen.phone@example.com');
    await page.getByLabel('密码').fill('a-good-password');
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await expect(page.locator('.form-message--error').innerText()).resolves.toContain('隐私声明');
    await page.getByLabel(/我已阅读并同意/).check();
    await page.getByLabel('密码').fill('short');
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await page.locator('.form-message--error', { hasText: '8 至 200' }).waitFor();
    await expect(page.getByLabel('姓名或昵称').inputValue()).resolves.toBe('陈小姐');
    await page.getByLabel('密码').fill('a-good-password');
    await page.getByLabel(/我已阅读并同意/).check();
    await page.getByRole('button', { name: '注册', exact: true }).click();
    const sent = await page.locator('.form-message--notice').innerText();
    expect(sent).toContain('我们已向 chen.phone@example.com 发送一封邮件');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    // Someone trying an address that is taken gets the very same answer.
    const other = await context.newPage();
    await other.goto('/register');
    await other.getByLabel('姓名或昵称').fill('冒名者');
    await other.getByLabel('电子邮箱').fill('volunteer@demo.lawbench');
    await other.getByLabel('密码').fill('a-good-password');
    await other.getByLabel(/我已阅读并同意/).check();
    await other.getByRole('button', { name: '注册', exact: true }).click();
    expect(await other.locator('.form-message--notice').innerText()).toBe(sent.replace('chen.phone@example.com', 'volunteer@demo.lawbench'));

    // There is no mail server here: the administrator reads the outbox.
    const admin = await (await newContext(browser)).newPage();
    await signInThroughForm(admin, 'admin@demo.lawbench');
    const linkTo = async (to: string, subject: string) => {
      await admin.goto('/admin/outbox');
      const message = admin.getByTestId('outbox').locator('li', { hasText: to }).filter({ hasText: subject }).first();
      return (await message.locator('pre').innerText()).match(/http\S+token=\S+/)![0];
    };
    expect(await linkTo('volunteer@demo.lawbench', '您已有账号')).toContain('/password/reset?token=');

    await page.goto(await linkTo('chen.phone@example.com', '完成注册'));
    await page.getByRole('button', { name: '完成注册并登录' }).click();
    await page.waitForURL(/\/account$/);
    await expect(page.getByTestId('account-link').innerText()).resolves.toContain('陈小姐');
    await expect(page.getByTestId('account-role').innerText()).resolves.toBe('公众');

    // Forgotten password: a link by e-mail, once.
    const fresh = await (await newContext(browser, { width: 375 })).newPage();
    await fresh.goto('/login');
    await fresh.getByRole('link', { name: '忘记密码？' }).click();
    await fresh.getByRole('heading', { name: '重设密码' }).waitFor();
    await fresh.getByLabel('电子邮箱').fill('chen.phone@example.com');
    await fresh.getByRole('button', { name: '发送重设链接' }).click();
    await fresh.locator('.form-message--notice', { hasText: '如果 chen.phone@example.com 有账号' }).waitFor();
    const reset = await linkTo('chen.phone@example.com', '重设密码');
    await fresh.goto(reset);
    await fresh.getByLabel('新密码').fill('a-newer-password');
    await fresh.getByRole('button', { name: '保存新密码并登录' }).click();
    await fresh.waitForURL(/\/account$/);
    // The first browser's session ended with the reset.
    await page.goto('/account');
    await page.waitForURL(/\/login/);
    await fresh.goto(reset);
    await fresh.getByLabel('新密码').fill('a-third-password');
    await fresh.getByRole('button', { name: '保存新密码并登录' }).click();
    await fresh.locator('.form-message--error', { hasText: '无效或已过期' }).waitFor();

    // Changing it while signed in.
    await fresh.goto('/account');
    await fresh.getByLabel('当前密码').fill('wrong-password');
    await fresh.getByLabel('新密码').fill('a-fourth-password');
    await fresh.getByRole('button', { name: '修改密码' }).click();
    await fresh.locator('.form-message--error', { hasText: '当前密码不正确' }).waitFor();
    await fresh.getByLabel('当前密码').fill('a-newer-password');
    await fresh.getByLabel('新密码').fill('a-fourth-password');
    await fresh.getByRole('button', { name: '修改密码' }).click();
    await fresh.locator('.form-message--notice', { hasText: '密码已修改' }).waitFor();
    await fresh.goto('/account');
    await fresh.getByTestId('account-role').waitFor();
    await context.close();
  });
});

describe('keyboard use', () => {
  it('reaches the content with the skip link and signs in without a mouse', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/login');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('跳到正文');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await page.keyboard.press('Tab');
    await page.keyboard.type('volunteer@demo.lawbench');
    await page.keyboard.press('Tab');
    await page.keyboard.type('lawbench-demo');
    await page.keyboard.press('Enter');
    await page.getByTestId('account-link').waitFor();
    await context.close();
  });
});

describe('languages and errors', () => {
  it('switches the interface to English and keeps it', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page.goto('/');
    await page.getByRole('heading', { name: 'Lawbench', level: 1 }).waitFor();
    await page.getByRole('button', { name: /中文/ }).click();
    await page.getByRole('heading', { name: '立法工作台', level: 1 }).waitFor();
    await context.close();
  });

  it('shows a friendly 404 page with a way home', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const res = await page.goto('/regulations/nothing-here');
    expect(res?.status()).toBe(404);
    await page.getByRole('heading', { name: '找不到这个页面' }).waitFor();
    await page.getByRole('link', { name: '返回首页' }).click();
    await page.getByRole('heading', { name: '立法工作台', level: 1 }).waitFor();
    await context.close();
  });

  it('declares a CJK serif font stack for legal text', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/');
    const font = await page.locator('.statute').evaluate((el) => getComputedStyle(el).fontFamily);
    expect(font).toMatch(/Serif|Song/);
    await context.close();
  });
});
