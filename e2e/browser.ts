import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../scripts/chromium';
import { inject } from 'vitest';

/// The system Chromium with the flags this sandbox needs (no downloads, no background traffic).
export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

/// The URL of the app under test.
export function baseURL(): string {
  return inject('baseURL');
}

/// A fresh browser context (own cookies) at a given width; phones get touch and a small screen.
export async function newContext(browser: Browser, opts: { width?: number; locale?: string } = {}): Promise<BrowserContext> {
  const width = opts.width ?? 1280;
  return browser.newContext({
    baseURL: baseURL(),
    viewport: { width, height: width < 500 ? 740 : 900 },
    isMobile: width < 500,
    hasTouch: width < 500,
    locale: opts.locale ?? 'zh-CN',
  });
}

/// Signs in through the real form and waits until the header shows the account.
export async function signInThroughForm(page: Page, email: string, password = 'lawbench-demo'): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('电子邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByTestId('account-link').waitFor();
}

/// Horizontal overflow in CSS pixels (0 when the page fits its viewport).
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
