import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { horizontalOverflow, launchBrowser, newContext } from './browser';

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

  it('let a member of the public register and arrive signed in', async () => {
    const context = await newContext(browser, { width: 375 });
    const page = await context.newPage();
    await page.goto('/register');
    await page.getByLabel('姓名或昵称').fill('陈小姐');
    await page.getByLabel('电子邮箱').fill('chen.phone@example.com');
    await page.getByLabel('密码').fill('short');
    await page.getByRole('button', { name: '注册并登录' }).click();
    await expect(page.locator('.form-message--error').innerText()).resolves.toContain('8 至 200');
    await expect(page.getByLabel('姓名或昵称').inputValue()).resolves.toBe('陈小姐');
    await page.getByLabel('密码').fill('a-good-password');
    await page.getByRole('button', { name: '注册并登录' }).click();
    await expect(page.getByTestId('signed-in-as').innerText()).resolves.toContain('陈小姐（公众）');
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
