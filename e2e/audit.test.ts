import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseURL, launchBrowser, newContext, signInThroughForm } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function signInCookie(email: string): Promise<string> {
  const res = await fetch(`${baseURL()}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'lawbench-demo' }) });
  return res.headers.get('set-cookie')!.split(';')[0];
}

describe('transparency page', () => {
  it('shows anyone the current head, the heads of past days and the command to check a kept head, linked from the footer', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/');
    await page.locator('.site-footer').getByRole('link', { name: '透明度' }).click();
    await page.waitForURL('**/transparency');
    const head = await (await fetch(`${baseURL()}/api/v1/audit/head`)).json();
    await expect(page.getByTestId('audit-head-seq').innerText()).resolves.toBe(String(head.seq));
    await expect(page.getByTestId('audit-head-hash').innerText()).resolves.toBe(head.hash);
    await expect(page.locator('table.data-table tbody tr').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('pre.command').innerText()).resolves.toBe(`npm run -s lawbench -- audit verify --expect ${head.seq}:${head.hash}`);
    await context.close();
  });
});

describe('audit pages', () => {
  it('let the admin read and filter the whole log, with a CSV of what is selected', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInThroughForm(page, 'admin@demo.lawbench');
    await page.goto('/admin/audit');
    await page.getByTestId('audit-table').waitFor();
    await page.getByLabel('操作', { exact: true }).fill('regulation');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.waitForURL(/action=regulation/);
    const actions = await page.locator('[data-testid="audit-table"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((a) => a?.startsWith('regulation.'))).toBe(true);
    await expect(page.getByTestId('audit-export').getAttribute('href')).resolves.toBe('/api/v1/audit/export?action=regulation');
    await context.close();
  });

  it('keep the whole log from staff who are not admins, and show a bill’s members that bill’s log', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInThroughForm(page, 'drafter2@demo.lawbench');
    await page.goto('/admin/audit');
    await page.getByTestId('forbidden').waitFor();

    const cookie = await signInCookie('drafter2@demo.lawbench');
    const { items } = await (await fetch(`${baseURL()}/api/v1/bills`, { headers: { cookie } })).json();
    expect(items.length).toBeGreaterThan(0);
    await page.goto(`/bills/${items[0].id}/audit`);
    await page.getByTestId('audit-table').waitFor();
    const actions = await page.locator('[data-testid="audit-table"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    expect(actions).toContain('bill.create');
    expect(actions).not.toContain('regulation.import');
    await expect(page.getByTestId('audit-export').getAttribute('href')).resolves.toBe(`/api/v1/audit/export?bill=${items[0].id}`);
    await context.close();
  });
});
