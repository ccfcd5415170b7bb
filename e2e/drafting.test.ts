import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import { inject } from 'vitest';
import { launchBrowser, newContext, signInThroughForm } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const editor = (page: Page) => page.locator('.draft-editor');
const synced = (page: Page) => page.locator('[data-testid="draft-status"][data-synced="true"]').waitFor({ timeout: 20_000 });
/// Signs in as 王 in a fresh context, opens a blank bill through the form and waits for sync.
async function openBlankBill(title: string) {
  const context = await newContext(browser);
  const page = await context.newPage();
  await signInThroughForm(page, 'drafter@demo.lawbench');
  await page.goto('/bills');
  await page.getByLabel('项目名称（法规标题）').fill(title);
  await page.getByRole('button', { name: '创建并打开草案' }).click();
  await page.waitForURL(/\/bills\/[0-9a-f-]+$/);
  await synced(page);
  return { context, page, billUrl: new URL(page.url()).pathname };
}

/// The article element whose text contains `text`, as shown in an editor.
const articleWith = (page: Page, text: string) => editor(page).locator('section.article', { hasText: text });

describe('drafting together (journeys 1 and 2)', () => {
  it('opens an amendment, adds colleagues, and two drafters see each other while a reviewer only reads', async () => {
    const wangCtx = await newContext(browser);
    const wang = await wangCtx.newPage();
    await signInThroughForm(wang, 'drafter@demo.lawbench');
    await wang.goto('/regulations/舟山市养犬管理条例');
    await wang.getByRole('button', { name: '起草修改草案' }).click();
    await wang.waitForURL(/\/bills\/[0-9a-f-]+$/);
    const billUrl = new URL(wang.url()).pathname;
    await synced(wang);
    expect(await editor(wang).locator('section.article').count()).toBe(52);

    await wang.getByText(/项目成员/).click();
    for (const [email, role] of [['drafter2@demo.lawbench', 'editor'], ['reviewer@demo.lawbench', 'reviewer']]) {
      await wang.getByLabel('同事的电子邮箱').fill(email);
      await wang.getByLabel('项目角色').selectOption(role);
      await wang.getByRole('button', { name: '添加成员' }).click();
      await wang.getByRole('status').filter({ hasText: '已更新项目成员' }).waitFor();
    }
    await wang.locator('.members li', { hasText: '李明' }).waitFor();
    await wang.locator('.members li', { hasText: '赵磊' }).getByText('审核人员').waitFor();

    const liCtx = await newContext(browser);
    const li = await liCtx.newPage();
    await signInThroughForm(li, 'drafter2@demo.lawbench');
    await li.goto(billUrl);
    await synced(li);

    // 王 inserts a new article after 第十二条 and types in it. The click must have put the cursor
    // in that article (the margin's comment target follows the cursor) before the keys go in.
    const target = articleWith(wang, '本市行政区域内禁止饲养烈性犬');
    await expect
      .poll(async () => {
        await target.locator('p').first().click();
        return wang.getByLabel('批注条文').inputValue();
      }, { timeout: 15_000 })
      .toBe(await target.getAttribute('data-eid'));
    await wang.keyboard.press('End');
    await wang.keyboard.press('Control+Enter');
    await wang.keyboard.type('新增条文测试');
    await articleWith(li, '新增条文测试').waitFor({ timeout: 15_000 });
    await expect(articleWith(li, '新增条文测试').locator('.label--article').innerText()).resolves.toBe('第十三条');
    // Everything after renumbered on 李's screen, and the reference to the old 第十三条 follows it.
    const penalty = articleWith(li, '饲养犬只超过限养数量');
    await expect(penalty.locator('.label--article').innerText()).resolves.toBe('第三十八条');
    await expect(penalty.locator('.article-ref').getAttribute('data-label')).resolves.toBe('第十四条');
    await expect(li.locator('.draft-outline__counts').innerText()).resolves.toContain('53 条');

    // Each sees the other: 李 sees 王's cursor with his name and the article he is in.
    await li.locator('.ProseMirror-yjs-cursor', { hasText: '王芳' }).waitFor({ timeout: 10_000 });
    await li.getByTestId('presence').filter({ hasText: '王芳 · 第十三条' }).waitFor({ timeout: 10_000 });

    // 赵 (reviewer) reads the same text but cannot change it.
    const zhaoCtx = await newContext(browser);
    const zhao = await zhaoCtx.newPage();
    await signInThroughForm(zhao, 'reviewer@demo.lawbench');
    await zhao.goto(billUrl);
    await synced(zhao);
    await articleWith(zhao, '新增条文测试').waitFor();
    await expect(zhao.getByText('您是本项目的审核人员').isVisible()).resolves.toBe(true);
    await expect(editor(zhao).getAttribute('contenteditable')).resolves.toBe('false');
    await articleWith(zhao, '新增条文测试').click();
    await zhao.keyboard.type('审阅人员不能改');
    await wang.waitForTimeout(500);
    expect(await editor(wang).innerText()).not.toContain('审阅人员不能改');
    expect(await zhao.getByRole('toolbar').count()).toBe(0);

    // 赵 leaves a margin comment on 第二十条; it stays on that article when 王 adds one before it.
    const commented = await articleWith(zhao, '').nth(19).locator('p').first().innerText();
    await zhao.getByLabel('批注条文').selectOption({ label: '第二十条' });
    await zhao.getByLabel('写下意见……').fill('建议写明补办期限。');
    await zhao.getByRole('button', { name: '添加批注' }).click();
    const thread = (page: Page) => page.locator('.thread', { hasText: '建议写明补办期限' });
    await expect(thread(zhao).locator('.thread__anchor').innerText()).resolves.toBe('第二十条');
    await thread(wang).waitFor({ timeout: 10_000 });
    await articleWith(wang, '为了规范养犬行为').locator('p').first().click();
    await wang.getByRole('button', { name: '新条' }).click();
    await expect(thread(wang).locator('.thread__anchor').innerText()).resolves.toBe('第二十一条');
    await expect(articleWith(wang, commented.slice(5, 20)).locator('.label--article').innerText()).resolves.toBe('第二十一条');
    await thread(wang).getByLabel('回复……').fill('同意，已补充。');
    await thread(wang).getByRole('button', { name: '回复' }).click();
    await thread(zhao).getByText('同意，已补充。').waitFor({ timeout: 10_000 });

    await li.screenshot({ path: 'test-results/drafting-li.png' });
    for (const c of [wangCtx, liCtx, zhaoCtx]) await c.close();
  });

  it('keeps edits made offline and merges them when the connection returns', async () => {
    const { context: ctxA, page: a, billUrl } = await openBlankBill('离线测试条例');

    const ctxB = await newContext(browser);
    // B's connection to the collaboration server goes through a route we can cut, as a dropped
    // network would: open sockets close and new ones are refused until the network is back.
    let offline = false;
    const sockets: WebSocketRoute[] = [];
    await ctxB.routeWebSocket(
      (url) => url.port === String(inject('collabPort')),
      (ws) => {
        if (offline) return void ws.close({ code: 1001, reason: 'offline' });
        ws.connectToServer();
        sockets.push(ws);
      },
    );
    const b = await ctxB.newPage();
    await signInThroughForm(b, 'drafter@demo.lawbench');
    await b.goto(billUrl);
    await synced(b);

    offline = true;
    await ctxB.setOffline(true);
    for (const ws of sockets.splice(0)) await ws.close({ code: 1001, reason: 'offline' });
    await b.locator('[data-testid="draft-status"]').filter({ hasText: '离线' }).waitFor({ timeout: 20_000 });
    await editor(b).locator('section.article p').first().click();
    await b.keyboard.type('离线时写的内容');
    await editor(a).locator('section.article p').first().click();
    await a.keyboard.press('End');
    await a.keyboard.type('在线时写的内容');
    offline = false;
    await ctxB.setOffline(false);
    await articleWith(a, '离线时写的内容').waitFor({ timeout: 30_000 });
    await articleWith(b, '在线时写的内容').waitFor({ timeout: 30_000 });
    for (const c of [ctxA, ctxB]) await c.close();
  });

  it("undoes only one's own edits, not a colleague's", async () => {
    const { context: ctxA, page: a, billUrl } = await openBlankBill('撤销测试条例');
    const ctxB = await newContext(browser);
    const b = await ctxB.newPage();
    await signInThroughForm(b, 'drafter@demo.lawbench');
    await b.goto(billUrl);
    await synced(b);
    await articleWith(b, '').first().waitFor();
    await editor(a).locator('section.article p').first().click();
    await a.keyboard.type('甲乙丙');
    await articleWith(b, '甲乙丙').waitFor();
    await editor(b).locator('section.article p').first().click();
    await b.keyboard.press('End');
    await b.keyboard.type('丁戊');
    await articleWith(a, '丁戊').waitFor();
    await a.keyboard.press('Control+z');
    await a.waitForFunction(() => !document.querySelector('.draft-editor')?.textContent?.includes('甲乙丙'));
    await expect(editor(a).innerText()).resolves.toContain('丁戊');
    await b.waitForFunction(() => !document.querySelector('.draft-editor')?.textContent?.includes('甲乙丙'));
    await expect(editor(b).innerText()).resolves.toContain('丁戊');
    for (const c of [ctxA, ctxB]) await c.close();
  });
});
