import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, signInThroughForm } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const currentStage = (page: Page) => page.locator('.path-step--current .path-step__name');

/// Moves the bill open in `page` with the "推进程序" form and waits for the path to show it.
async function move(page: Page, to: string, label: string, note: string, reason?: string): Promise<void> {
  const form = page.getByTestId('move-form');
  await form.getByLabel('推进到').selectOption(to);
  await form.getByLabel('说明（记入程序记录）').fill(note);
  if (reason) await form.getByRole('textbox', { name: '理由' }).fill(reason);
  await form.getByRole('button', { name: '推进' }).click();
  await expect.poll(() => currentStage(page).innerText(), { timeout: 15_000 }).toBe(label);
}

describe('a bill from 立项 to 公布 (the workflow)', () => {
  it('is moved by its coordinator, signed off by a reviewer from her inbox, voted, and shows on the dashboard and in the record', async () => {
    const coordinator = await (await newContext(browser)).newPage();
    await signInThroughForm(coordinator, 'drafter2@demo.lawbench');
    await coordinator.goto('/workflow');
    const row = coordinator.getByTestId('workflow-table').locator('tr', { hasText: '舟山市电动自行车管理条例' });
    await expect(row.innerText()).resolves.toContain('立项');
    await row.getByRole('link', { name: '舟山市电动自行车管理条例' }).click();
    await coordinator.waitForURL(/\/bills\/[0-9a-f-]+\/workflow$/);
    const billId = coordinator.url().split('/').at(-2)!;
    expect(await currentStage(coordinator).innerText()).toBe('立项');

    await move(coordinator, 'drafting', '起草', '列入年度立法计划。');
    await move(coordinator, 'submission', '提请审议', '主任会议决定提请审议。');
    await move(coordinator, 'first_reading', '一审', '常委会第一次审议。');
    await move(coordinator, 'consultation', '征求意见', '一审后公开征求意见。');
    await coordinator.getByTestId('deadlines').getByText('征求意见截止').waitFor();
    await move(coordinator, 'second_reading', '二审', '常委会第二次审议。');

    // Skipping 三审 into 表决 needs a reviewer's sign-off first: refused with a plain message.
    const form = coordinator.getByTestId('move-form');
    await form.getByLabel('推进到').selectOption('vote');
    await expect(form.innerText()).resolves.toContain('审核人员对当前文本的签批');
    await form.getByLabel('说明（记入程序记录）').fill('付表决。');
    await form.getByRole('textbox', { name: '理由' }).fill('二审后各方意见一致，不再三审。');
    await form.getByRole('button', { name: '推进' }).click();
    await form.getByRole('alert').filter({ hasText: '签批' }).waitFor();
    expect(await currentStage(coordinator).innerText()).toBe('二审');

    const ask = coordinator.getByTestId('request-signoff');
    await ask.getByLabel('审核人员邮箱').fill('reviewer@demo.lawbench');
    await ask.getByRole('button', { name: '发送请求' }).click();
    await ask.getByRole('status').waitFor();

    // The reviewer finds the request in her inbox and approves the text.
    const reviewer = await (await newContext(browser)).newPage();
    await signInThroughForm(reviewer, 'reviewer@demo.lawbench');
    await expect(reviewer.getByTestId('inbox-link').innerText()).resolves.toMatch(/\d/);
    await reviewer.getByTestId('inbox-link').click();
    await reviewer.getByTestId('inbox').getByRole('link', { name: /舟山市电动自行车管理条例.*请您签批/ }).click();
    await reviewer.waitForURL(`**/bills/${billId}/workflow`);
    const decide = reviewer.getByTestId('decide-signoff').first();
    await decide.getByLabel('说明（记入程序记录）').fill('文本无意见。');
    await decide.getByRole('button', { name: '同意', exact: true }).click();
    await decide.getByRole('status').filter({ hasText: '签批已记录' }).waitFor();
    // She may not move the bill herself.
    await reviewer.getByText('只有项目牵头人或管理员可以推进程序。').waitFor();

    await coordinator.reload();
    await move(coordinator, 'vote', '表决', '付表决。', '二审后各方意见一致，不再三审。');
    expect(await coordinator.locator('.path-step--skipped').innerText()).toContain('三审');
    const vote = coordinator.getByTestId('vote-form');
    for (const [label, n] of [['赞成', '41'], ['反对', '3'], ['弃权', '2'], ['出席人数', '46'], ['组成人员总数', '52']]) await vote.getByLabel(label, { exact: true }).fill(n);
    await vote.getByRole('button', { name: '记录表决结果' }).click();
    await vote.getByRole('status').filter({ hasText: '通过' }).waitFor();
    await move(coordinator, 'approval', '报请批准', '报请省人大常委会批准。');
    await coordinator.getByTestId('deadlines').getByText('报请批准期限').waitFor();
    await move(coordinator, 'promulgation', '公布', '省人大常委会已批准。');

    // The approval letter goes with the last move; a text file is refused in plain words.
    const attach = coordinator.getByTestId('attach-form');
    await attach.locator('input[type=file]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('只是文字') });
    await attach.getByRole('button', { name: '上传附件' }).click();
    await attach.getByRole('alert').filter({ hasText: 'PDF' }).waitFor();
    await attach.locator('input[type=file]').setInputFiles({ name: '批准决定.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%%EOF\n') });
    await attach.getByRole('button', { name: '上传附件' }).click();
    await coordinator.getByTestId('attachments').getByRole('link', { name: '批准决定.pdf' }).waitFor();
    const href = await coordinator.getByTestId('attachments').getByRole('link', { name: '批准决定.pdf' }).getAttribute('href');
    const download = await coordinator.request.get(href!);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect((await download.body()).toString()).toBe('%PDF-1.7\n%%EOF\n');

    const history = await coordinator.getByTestId('history').innerText();
    for (const step of ['立项 → 起草', '二审 → 表决', '表决 → 报请批准', '报请批准 → 公布']) expect(history).toContain(step);
    // Every move is in the bill's audit log, which the chain seals.
    await coordinator.goto(`/bills/${billId}/audit`);
    await expect(coordinator.locator('main').innerText()).resolves.toContain('bill.transition');
    await coordinator.goto('/workflow');
    await expect(coordinator.getByTestId('workflow-table').locator('tr', { hasText: '舟山市电动自行车管理条例' }).innerText()).resolves.toContain('公布');

    // The API tells the same story, and a move from a stage the bill has left is refused.
    const api = (await coordinator.request.get(`/api/v1/bills/${billId}`)).json() as Promise<{ stage: string; path: { stage: string; state: string }[] }>;
    const bill = await api;
    expect(bill.stage).toBe('promulgation');
    expect(bill.path.find((p) => p.stage === 'third_reading')?.state).toBe('skipped');
    const stale = await coordinator.request.post(`/api/v1/bills/${billId}/transitions`, { data: { to: 'filing', expectedStage: 'approval', note: '过时的请求' } });
    expect(stale.status()).toBe(409);
    expect((await stale.json()).error.code).toBe('stage_changed');
  });
});
