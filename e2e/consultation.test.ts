import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { horizontalOverflow, launchBrowser, newContext, signInThroughForm } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

type Summary = { id: string; billId: string; title: string };

/// Moves a consultation's period into the past, as if the month had gone by.
function closeConsultation(id: string): void {
  const db = new Database(inject('databasePath'));
  const day = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
  db.prepare('update consultations set opens_on = ?, closes_on = ? where id = ?').run(day(-31), day(-1), id);
  db.close();
}

describe('a public consultation (journeys 4 and 5)', () => {
  it('answers bad comments through the API with their own 4xx and stores nothing for them', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const { items } = (await (await page.request.get('/api/v1/consultations?status=open')).json()) as { items: Summary[] };
    // The demo's consultation by name: other tests open consultations of their own.
    const demo = items.find((c) => c.title === '舟山市养犬管理条例（修正草案征求意见稿）')!;
    expect(demo).toBeDefined();
    const url = `/api/v1/consultations/${demo.id}/comments`;
    expect((await page.request.post(url, { data: { body: '未登录' } })).status()).toBe(401);
    await signInThroughForm(page, 'volunteer@demo.lawbench');
    const detail = await (await page.request.get(`/api/v1/consultations/${demo.id}`)).json();
    expect(detail.text.articles[11]).toMatchObject({ label: '第十二条', eid: expect.any(String) });
    const send = (data: unknown, headers: Record<string, string> = {}) => page.request.post(url, { data: data as object, headers });
    const cases: [string, Awaited<ReturnType<typeof send>>, number, string][] = [
      ['empty', await send({ body: '   ' }), 422, 'validation_failed'],
      ['unknown article', await send({ body: '意见', articleEid: 'nope' }), 422, 'validation_failed'],
      ['oversized', await send({ body: '长'.repeat(70_000) }), 413, 'payload_too_large'],
      ['not UTF-8', await page.request.post(url, { data: Buffer.from([0x7b, 0x22, 0x62, 0x6f, 0x64, 0x79, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]), headers: { 'content-type': 'application/json' } }), 400, 'bad_request'],
      ['malformed', await page.request.post(url, { data: Buffer.from('{"body":'), headers: { 'content-type': 'application/json' } }), 400, 'invalid_json'],
    ];
    for (const [what, res, status, code] of cases) {
      expect([what, res.status()]).toEqual([what, status]);
      expect([what, (await res.json()).error.code]).toEqual([what, code]);
    }
    const ok = await send({ body: '<script>alert(1)</script> 建议增加宣传。', articleEid: detail.text.articles[11].eid });
    expect(ok.status()).toBe(201);
    expect(await ok.json()).toMatchObject({ reference: expect.stringMatching(/^YJ/), status: 'pending' });
    const openapi = await (await page.request.get('/api/v1/openapi.json')).json();
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/v1/consultations', '/api/v1/consultations/{id}', '/api/v1/consultations/{id}/comments']));
    await context.close();
  });

  it('takes a comment on 第十二条 from a phone, has it moderated, decided and reported back to the public', async () => {
    // 陈 comments on her phone.
    const phone = await newContext(browser, { width: 375 });
    const chen = await phone.newPage();
    await signInThroughForm(chen, 'citizen@demo.lawbench');
    await chen.goto('/consultations');
    // The demo's consultation by name: other tests open consultations of their own.
    await chen.getByTestId('consultation-list').getByRole('link', { name: '舟山市养犬管理条例（修正草案征求意见稿）' }).click();
    await chen.waitForURL(/\/consultations\/[0-9a-f-]+$/);
    const consultationPath = new URL(chen.url()).pathname;
    // An amendment opens on what it changes: the 修改对照表 against the text in force, on a phone.
    const table = chen.getByTestId('comparison-table');
    await expect(table.locator('tr[data-change]').count()).resolves.toBe(3);
    await expect(table.locator('tr', { hasText: '第十二条' }).locator('ins').first().innerText()).resolves.toContain('烈性犬的品种名录');
    await chen.getByRole('link', { name: '《舟山市养犬管理条例》' }).waitFor();
    // The same changes written as the 修改决定 they amount to, one tap away.
    await chen.getByTestId('draft-decision').locator('summary').tap();
    const decision = await chen.getByTestId('draft-decision').innerText();
    expect(decision).toContain('关于修改《舟山市养犬管理条例》的决定（草案）');
    expect(decision).toContain('一、将第八条第一款修改为');
    expect(decision).toContain('在第十二条第一款中');
    expect(await horizontalOverflow(chen)).toBe(0);
    await chen.getByTestId('consult-views').getByRole('link', { name: '修正草案全文' }).tap();
    await chen.waitForURL(/view=full/);
    await chen.getByRole('link', { name: /^提意见\s*（第十二条）/ }).tap();
    await chen.getByRole('heading', { name: '对第十二条提意见' }).waitFor();
    await chen.getByLabel('您的意见').fill('建议明确“烈性犬”的认定标准，并向社会公布。<b>谢谢</b>');
    await chen.getByLabel('我想提出具体的修改文字').check();
    // The wording box starts with the article's text; she changes one phrase of it.
    const wording = chen.getByLabel('建议修改为');
    await expect.poll(() => wording.inputValue(), { timeout: 15_000 }).toContain('禁止饲养烈性犬。');
    // Typed again if the page was still hydrating when the first keystrokes came (under load).
    const marked = chen.locator('.comment-form .proposed-diff ins', { hasText: '和攻击性犬' });
    await expect
      .poll(async () => {
        const value = await wording.inputValue();
        if (!value.includes('和攻击性犬')) await wording.fill(value.replace('禁止饲养烈性犬。', '禁止饲养烈性犬和攻击性犬。'));
        return marked.count();
      }, { timeout: 20_000 })
      .toBeGreaterThan(0);
    await expect(chen.locator('.comment-form .proposed-diff del').count()).resolves.toBe(0);
    await chen.getByRole('button', { name: '提交意见' }).tap();
    const receipt = chen.getByTestId('comment-receipt');
    await receipt.waitFor();
    const reference = await receipt.locator('.receipt__reference').innerText();
    expect(reference).toMatch(/^YJ\d{8}-[0-9A-Z]{6}$/);
    await expect(receipt.innerText()).resolves.toContain('意见经审核后公开发布');
    expect(await horizontalOverflow(chen)).toBe(0);

    const { items } = (await (await chen.request.get('/api/v1/consultations?status=open')).json()) as { items: Summary[] };
    const consultation = items.find((c) => consultationPath.endsWith(c.id))!;
    const manage = `/bills/${consultation.billId}/consultations/${consultation.id}`;

    // 赵 (reviewer) publishes it from the moderation queue; the HTML she typed stays text.
    const zhaoCtx = await newContext(browser);
    const zhao = await zhaoCtx.newPage();
    await signInThroughForm(zhao, 'reviewer@demo.lawbench');
    await zhao.goto(manage);
    const queued = zhao.locator(`[data-reference="${reference}"]`);
    await expect(queued.locator('.comment-body').innerText()).resolves.toContain('<b>谢谢</b>');
    await queued.getByRole('button', { name: '发布', exact: true }).click();
    await queued.waitFor({ state: 'detached' });

    // 王 (drafter) marks it 部分采纳 with a reason.
    const wangCtx = await newContext(browser);
    const wang = await wangCtx.newPage();
    await signInThroughForm(wang, 'drafter@demo.lawbench');
    await wang.goto(`${manage}?tab=stats`);
    await wang.getByTestId('heat-map').getByRole('link', { name: /^第十二条：\d+ 条意见/ }).click();
    const mine = wang.locator(`[data-reference="${reference}"]`);
    await mine.locator('summary', { hasText: '尚未处理' }).click();
    await mine.getByLabel('部分采纳').check();
    await mine.getByLabel(/^理由/).fill('将在草案中授权市公安机关制定并公布烈性犬认定标准。');
    await mine.getByRole('button', { name: '保存采纳情况' }).click();
    // Once decided, the comment's work panel folds up under its disposition.
    await mine.locator('summary', { hasText: '部分采纳：将在草案中授权市公安机关' }).waitFor();

    // A month later: the consultation has closed. Until the report is out, its page says by when.
    closeConsultation(consultation.id);
    const early = await (await newContext(browser)).newPage();
    await early.goto(`${consultationPath}/report`);
    await expect(early.getByTestId('report-pending').innerText()).resolves.toMatch(/征求意见已于.+结束.*应于.+前在此公布/);
    await early.context().close();
    // 王 publishes the report.
    await wang.goto(`${manage}?tab=report`);
    await wang.getByLabel('情况通报的概述').fill('共收到意见若干条，主要集中在烈性犬管理和养犬扰民问题。');
    await wang.getByRole('button', { name: '发布情况通报' }).click();
    await wang.getByRole('status').filter({ hasText: '情况通报已发布' }).waitFor();

    // Anyone can read it; 陈's comment is there with how it was handled.
    const publicCtx = await newContext(browser, { width: 375 });
    const reader = await publicCtx.newPage();
    await reader.goto(`${consultationPath}/report`);
    const entry = reader.locator(`[data-reference="${reference}"]`);
    await expect(entry.innerText()).resolves.toContain('建议明确“烈性犬”的认定标准');
    await expect(entry.locator('.disposition').innerText()).resolves.toBe('部分采纳：将在草案中授权市公安机关制定并公布烈性犬认定标准。');
    expect(await horizontalOverflow(reader)).toBe(0);

    // 陈 sees the outcome of her own comment.
    await chen.goto('/account');
    const own = chen.getByTestId('my-comments').locator('li', { hasText: reference });
    await expect(own.innerText()).resolves.toContain('部分采纳');

    // The closed consultation refuses comments on the server.
    const late = await chen.request.post(`/api/v1/consultations/${consultation.id}/comments`, { data: { body: '还来得及吗？' } });
    expect(late.status()).toBe(409);
    await Promise.all([phone.close(), zhaoCtx.close(), wangCtx.close(), publicCtx.close()]);
  });
});

describe('form actions on something that is not there (#17 item 8)', () => {
  it('answer a forged comment id on the moderation and work forms with the not-found page, not an error', async () => {
    const page = await (await newContext(browser)).newPage();
    await signInThroughForm(page, 'drafter@demo.lawbench');
    // Open, or closed by the journey test above.
    const lists = await Promise.all(['open', 'closed'].map(async (status) => ((await (await page.request.get(`/api/v1/consultations?status=${status}`)).json()) as { items: Summary[] }).items));
    const demo = lists.flat().find((c) => c.title === '舟山市养犬管理条例（修正草案征求意见稿）')!;
    for (const mode of ['queue', 'work']) {
      await page.goto(`/bills/${demo.billId}/consultations/${demo.id}?tab=${mode === 'queue' ? 'queue' : 'comments'}`);
      const form = (mode === 'queue' ? page.locator('.moderation form', { has: page.locator('select[name=reason]') }) : page.locator('.comment-work form.form--inline')).first();
      if (mode === 'work') await page.locator('details.comment-work summary').first().click();
      await form.locator('input[name=commentId]').evaluate((input: HTMLInputElement) => {
        input.value = '00000000-0000-4000-8000-000000000000';
      });
      if (mode === 'queue') await form.locator('select[name=reason]').selectOption({ index: 1 });
      await form.getByRole('button').last().click();
      await page.getByRole('heading', { name: '找不到这个页面' }).waitFor();
    }
  });
});
