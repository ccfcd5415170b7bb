import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext, signInThroughForm } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const title = '经济困难的职工怎样申请法律援助';

describe('an explainer from writing to the article pages (issue 16)', () => {
  it('is written by a volunteer with citations resolved in the preview, approved by a reviewer, and shows on both cited articles and in search', async () => {
    const volunteer = await (await newContext(browser)).newPage();
    await signInThroughForm(volunteer, 'volunteer@demo.lawbench');
    await volunteer.goto('/explainers/new');
    const form = volunteer.getByTestId('explainer-form');
    await form.getByLabel('类别').selectOption('education');
    await form.getByLabel('标题').fill(title);
    await form.getByLabel('摘要').fill('经济困难、无力支付律师费的职工，可以向法律援助机构申请法律援助。');
    await form.getByLabel('涉及的法规').fill('浙江省法律援助条例');
    await form.getByLabel('正文（Markdown）').fill(
      '## 谁可以申请\n\n依照《浙江省法律援助条例》第八条，因经济困难无力支付法律服务费用的，可以申请法律援助。\n\n## 要交什么\n\n本条例第十五条列明了要提交的证明、材料。第九百条不存在。<script>alert(1)</script>',
    );
    // The preview links the two citations, marks the one that names nothing, and shows the script as text.
    const preview = volunteer.getByTestId('preview');
    await expect.poll(() => preview.locator('a.cite').count(), { timeout: 15_000 }).toBe(2);
    await expect(preview.locator('.cite--unresolved').innerText()).resolves.toBe('第九百条');
    await expect(preview.innerText()).resolves.toContain('<script>alert(1)</script>');
    expect(await preview.locator('script').count()).toBe(0);
    // It cannot go to review while a citation names nothing.
    await form.getByRole('button', { name: '保存并提交审核' }).click();
    await volunteer.waitForURL(/\/explainers\/[0-9a-f-]+\/edit$/);
    const id = volunteer.url().split('/').at(-2)!;
    await expect(volunteer.getByTestId('open-citations').innerText()).resolves.toContain('第九百条');
    const edit = volunteer.getByTestId('explainer-form');
    await edit.getByLabel('正文（Markdown）').fill('## 谁可以申请\n\n依照《浙江省法律援助条例》第八条，因经济困难无力支付法律服务费用的，可以申请法律援助。\n\n## 要交什么\n\n本条例第十五条列明了要提交的证明、材料。');
    await expect.poll(() => volunteer.getByTestId('preview').locator('.cite--unresolved').count(), { timeout: 15_000 }).toBe(0);
    await edit.getByRole('button', { name: '保存并提交审核' }).click();
    await edit.getByRole('status').filter({ hasText: '已保存并提交审核' }).waitFor();

    // Not public yet: an anonymous reader gets nothing, by page, list or API.
    const anonymous = await (await newContext(browser)).newPage();
    expect((await anonymous.request.get(`/api/v1/content/${id}`)).status()).toBe(404);
    expect((await anonymous.goto(`/explainers/${id}`))!.status()).toBe(404);

    const reviewer = await (await newContext(browser)).newPage();
    await signInThroughForm(reviewer, 'reviewer@demo.lawbench');
    await reviewer.goto('/explainers/manage');
    await reviewer.getByTestId('review-queue').getByRole('link', { name: title }).click();
    const review = reviewer.getByTestId('review-form');
    await review.getByRole('button', { name: '通过并公开' }).click();
    // Approved, the page offers the reviewer the take-down instead.
    await reviewer.getByTestId('unpublish-form').waitFor();

    // Public now: on both cited article pages, in the list's search (two characters) and the API.
    for (const n of [8, 15]) {
      await anonymous.goto(`/regulations/${encodeURIComponent('浙江省法律援助条例')}/articles/${n}`);
      await expect(anonymous.getByTestId('article-explainers').innerText()).resolves.toContain(title);
    }
    await anonymous.goto(`/explainers?q=${encodeURIComponent('职工')}`);
    await anonymous.getByTestId('explainer-list').getByRole('link', { name: title }).click();
    await anonymous.waitForURL(`**/explainers/${id}`);
    await expect(anonymous.getByTestId('explainer-body').locator('a.cite').first().getAttribute('href')).resolves.toMatch(/\/articles\/8\?at=\d{4}-\d{2}-\d{2}$/);
    const api = (await (await anonymous.request.get(`/api/v1/content/${id}`)).json()) as { citations: { citation: string; status: string }[] };
    expect(api.citations.map((c) => [c.citation, c.status])).toEqual([
      ['《浙江省法律援助条例》第八条', 'current'],
      ['《浙江省法律援助条例》第十五条', 'current'],
    ]);
    await expect((await anonymous.request.get('/feeds/content.atom')).text()).resolves.toContain(title);
  });
});
