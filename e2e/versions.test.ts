import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, signInThroughForm } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const editor = (page: Page) => page.locator('.draft-editor');
const articleWith = (page: Page, text: string) => editor(page).locator('section.article', { hasText: text });

/// The draft id of the bill open in `page`, from the API (same cookies as the page).
async function draftIdOf(page: Page, billId: string): Promise<string> {
  const res = await page.request.get('/api/v1/bills');
  const { items } = (await res.json()) as { items: { id: string; draftId: string }[] };
  return items.find((b) => b.id === billId)!.draftId;
}

/// Waits until the server-side text of the draft contains `text` (every update is persisted
/// before it is relayed, so this is what a version will freeze).
async function waitForServerText(page: Page, draftId: string, text: string): Promise<void> {
  await expect.poll(async () => JSON.stringify(await (await page.request.get(`/api/v1/drafts/${draftId}`)).json()), { timeout: 15_000 }).toContain(text);
}

async function saveVersion(page: Page, billPath: string, name: string): Promise<void> {
  await page.goto(`${billPath}/versions`);
  await page.getByLabel('版本名称').fill(name);
  await page.getByRole('button', { name: '保存版本' }).click();
  await page.getByRole('status').filter({ hasText: `已保存“${name}”` }).waitFor();
}

describe('freeze and compare (journey 3)', () => {
  it('saves two versions, shows the changed articles side by side, the redline, the decision and the article history, and exports the table', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInThroughForm(page, 'drafter@demo.lawbench');
    await page.goto('/regulations/舟山市养犬管理条例');
    await page.getByRole('button', { name: '起草修改草案' }).click();
    await page.waitForURL(/\/bills\/[0-9a-f-]+$/);
    const billPath = new URL(page.url()).pathname;
    const draftId = await draftIdOf(page, billPath.split('/').pop()!);

    await page.getByRole('link', { name: '版本与对照' }).click();
    await page.getByText('还没有保存过版本').waitFor();
    await saveVersion(page, billPath, '征求意见稿');
    await page.getByTestId('version-list').getByText('征求意见稿').waitFor();

    // Change 第十二条 in the editor and add an article after it.
    await page.goto(billPath);
    await page.locator('[data-testid="draft-status"][data-synced="true"]').waitFor({ timeout: 20_000 });
    const target = articleWith(page, '本市行政区域内禁止饲养烈性犬');
    await expect
      .poll(async () => {
        await target.locator('p').first().click();
        return page.getByTestId('article-history-link').innerText().catch(() => '');
      }, { timeout: 15_000 })
      .toContain('第十二条');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('和攻击性犬');
    await page.keyboard.press('End');
    await page.keyboard.press('Control+Enter');
    await page.keyboard.type('鼓励养犬人为犬只购买责任保险。');
    await waitForServerText(page, draftId, '鼓励养犬人为犬只购买责任保险');
    await waitForServerText(page, draftId, '禁止饲养烈性犬和攻击性犬');

    // The article's history, opened from the editor: the saved text, then the draft with the change marked.
    await target.locator('p').first().click();
    await page.getByTestId('article-history-link').click();
    await page.getByRole('heading', { name: '第十二条的沿革' }).waitFor();
    await expect(page.getByTestId('history').locator('ins').first().innerText()).resolves.toContain('攻击性犬');

    await saveVersion(page, billPath, '二审稿');
    await expect(page.getByTestId('version-list').locator('li').first().innerText()).resolves.toContain('变动 2 条');

    // Compare version 1 with version 2: only the two changed articles, marked word by word.
    await page.getByTestId('version-list').locator('li').first().getByRole('link', { name: '与第 1 版对照' }).click();
    await page.getByTestId('compare-summary').filter({ hasText: '修改 1 条 · 新增 1 条' }).waitFor();
    const table = page.getByTestId('comparison-table');
    await expect(table.locator('tbody tr').count()).resolves.toBe(2);
    await expect(table.locator('tbody tr').first().locator('ins').innerText()).resolves.toBe('和攻击性犬');
    await expect(table.locator('thead').innerText()).resolves.toMatch(/修改前（征求意见稿（第 1 版））\s+修改后（二审稿（第 2 版））/);

    await page.getByRole('link', { name: '显示全部条文' }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(53);

    await page.getByRole('link', { name: '修订标记' }).click();
    await page.getByTestId('redline').locator('ins', { hasText: '鼓励养犬人为犬只购买责任保险。' }).waitFor();

    await page.getByRole('link', { name: '修改决定' }).click();
    const decision = page.getByTestId('decision');
    // allInnerTexts does not wait: let the decision view arrive first.
    await decision.waitFor();
    await expect(decision.locator('.decision-clause').allInnerTexts()).resolves.toEqual([
      '一、在第十二条第一款中的“烈性犬”后增加“和攻击性犬”。',
      '二、增加一条，作为第十三条：“鼓励养犬人为犬只购买责任保险。”',
    ]);
    // The view is headed as the decision it is, without the table's strike/underline legend.
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('由对照生成的修改决定');
    expect(await page.getByText('删去的文字加删除线').count()).toBe(0);
    // The closing clauses, each a paragraph: the renumbering, the date left blank in a draft, the republication.
    await expect(decision.locator('.decision-close').allInnerTexts()).resolves.toEqual([
      '此外，对条文顺序作相应调整。',
      '本决定自　　年　　月　　日起施行。',
      '《舟山市养犬管理条例》根据本决定作相应修改，重新公布。',
    ]);

    // Export the table as Word and PDF.
    await page.getByRole('link', { name: '修改对照表' }).click();
    for (const [testId, magic, ext] of [['download-docx', 'PK', '.docx'], ['download-pdf', '%PDF', '.pdf']] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
      expect(download.suggestedFilename()).toBe(`舟山市养犬管理条例-修改对照表${ext}`);
      const bytes = readFileSync((await download.path())!);
      expect(bytes.subarray(0, magic.length).toString('latin1')).toBe(magic);
      expect(bytes.length).toBeGreaterThan(5000);
    }
    await context.close();
  });

  it('answers comparisons through the API: no changes against itself, 404 for an unknown version, 422 for a nameless version, 403 for an admin outside the bill', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInThroughForm(page, 'drafter@demo.lawbench');
    const { items } = (await (await page.request.get('/api/v1/bills')).json()) as { items: { id: string; draftId: string; title: string }[] };
    const draftId = items.find((b) => b.title === '舟山市养犬管理条例')!.draftId;
    const versions = (await (await page.request.get(`/api/v1/drafts/${draftId}/versions`)).json()) as { items: { id: string; name: string }[] };
    expect(versions.items.map((v) => v.name)).toEqual(['二审稿', '征求意见稿']);
    const same = await (await page.request.get(`/api/v1/drafts/${draftId}/compare?from=${versions.items[0].id}&to=${versions.items[0].id}`)).json();
    expect(same.summary).toEqual({ unchanged: 53, renumbered: 0, modified: 0, added: 0, deleted: 0, moved: 0 });
    const missing = await page.request.get(`/api/v1/drafts/${draftId}/compare?from=nope&to=current`);
    expect(missing.status()).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
    const inForce = await (await page.request.get(`/api/v1/drafts/${draftId}/compare?from=in-force&to=${versions.items[0].id}`)).json();
    expect(inForce.summary).toMatchObject({ unchanged: 11, renumbered: 29, modified: 12, added: 1, deleted: 0 });
    expect(inForce.articles.filter((a: { referencesOnly?: boolean }) => a.referencesOnly)).toHaveLength(11);
    const decision = await page.request.get(`/api/v1/drafts/${draftId}/decision?from=in-force&format=txt`);
    expect(await decision.text()).toMatch(/^关于修改《舟山市养犬管理条例》的决定\n/);
    const nameless = await page.request.post(`/api/v1/drafts/${draftId}/versions`, { data: { name: '  ' } });
    expect(nameless.status()).toBe(422);
    expect((await nameless.json()).error.message).toBe('请填写版本名称，例如“征求意见稿”。');
    await context.close();

    const adminContext = await newContext(browser);
    const admin = await adminContext.newPage();
    await signInThroughForm(admin, 'admin@demo.lawbench');
    const refused = await admin.request.post(`/api/v1/drafts/${draftId}/versions`, { data: { name: '表决稿' } });
    expect(refused.status()).toBe(403);
    expect((await (await admin.request.get(`/api/v1/drafts/${draftId}/versions`)).json()).items).toHaveLength(2);
    await adminContext.close();
  });
});
