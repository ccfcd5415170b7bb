import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext, signInThroughForm } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('the legal-aid desk (issue 16)', () => {
  it('is for volunteers and staff: anonymous visitors sign in first, the public gets 403', async () => {
    const anonymous = await (await newContext(browser)).newPage();
    await anonymous.goto('/desk');
    await anonymous.waitForURL(/\/login\?next=%2Fdesk$/);
    const citizen = await (await newContext(browser)).newPage();
    await signInThroughForm(citizen, 'citizen@demo.lawbench');
    expect((await citizen.goto('/desk'))!.status()).toBe(403);
  });

  it('records a consultation, collects three articles from their pages and prints an answer sheet with them in full', async () => {
    const liu = await (await newContext(browser)).newPage();
    await signInThroughForm(liu, 'volunteer@demo.lawbench');
    await liu.goto(`/desk?q=${encodeURIComponent('报酬')}`);
    await liu.getByTestId('desk-results').getByRole('link').first().waitFor();
    const form = liu.getByTestId('desk-record-form');
    await form.getByLabel('咨询的问题').fill('在工地打工被拖欠三个月工资，没钱请律师，能否申请法律援助？');
    await form.getByLabel('基本情况（不写姓名）').fill('男，外地务工人员，电话 13812345678，欠薪约一万二千元。');
    await form.getByLabel('答复意见').fill('可以。请求支付劳动报酬、因经济困难无力支付法律服务费用的，可以向法律援助机构申请法律援助。');
    await form.getByLabel('建议去向').selectOption('legal_aid');
    await form.getByRole('button', { name: '登记' }).click();
    await liu.waitForURL(/\/desk\/records\/[0-9a-f-]+$/);
    const recordUrl = new URL(liu.url()).pathname;
    // The phone number is flagged.
    await expect(liu.getByTestId('personal-data').innerText()).resolves.toContain('手机号');

    for (const n of [8, 9, 15]) {
      await liu.goto(`/regulations/${encodeURIComponent('浙江省法律援助条例')}/articles/${n}`);
      const collect = liu.getByTestId('collect-form');
      await collect.getByRole('button', { name: '加入咨询登记' }).click();
      await collect.getByRole('status').filter({ hasText: '已将' }).waitFor();
    }
    await liu.goto(recordUrl);
    await expect(liu.getByTestId('desk-citations').locator('li').allInnerTexts()).resolves.toEqual([
      expect.stringContaining('《浙江省法律援助条例》第八条'),
      expect.stringContaining('《浙江省法律援助条例》第九条'),
      expect.stringContaining('《浙江省法律援助条例》第十五条'),
    ]);

    const sheet = await liu.request.get(`${recordUrl}/sheet`);
    expect(sheet.headers()['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(path.join(tmpdir(), 'lawbench-sheet-'));
    writeFileSync(path.join(dir, 'sheet.pdf'), await sheet.body());
    const text = execFileSync('pdftotext', [path.join(dir, 'sheet.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const s of ['法律咨询答复单', '立法工作台法律援助服务台', '《浙江省法律援助条例》第八条', '《浙江省法律援助条例》第九条', '《浙江省法律援助条例》第十五条', '（五）请求支付劳动报酬的', '建议向法律援助机构申请法律援助。']) expect(text).toContain(s);

    // The record is hers: another volunteer account would get nothing; the reviewer is not desk staff.
    const zhao = await (await newContext(browser)).newPage();
    await signInThroughForm(zhao, 'reviewer@demo.lawbench');
    expect((await zhao.goto(recordUrl))!.status()).toBe(403);
    expect((await zhao.request.get(`${recordUrl}/sheet`)).status()).toBe(403);
  });
});
