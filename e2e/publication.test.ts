import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { addDays, todayInChina } from '@/lib/shared';
import { launchBrowser, newContext, signInThroughForm } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const title = '郑州市城市市容和环境卫生管理条例';
const added = '本市推行生活垃圾分类。';
const editor = (page: Page) => page.locator('.draft-editor');
const synced = (page: Page) => page.locator('[data-testid="draft-status"][data-synced="true"]').waitFor({ timeout: 20_000 });

/// Posts JSON as the signed-in person of `api` and expects `status`.
async function post(api: APIRequestContext, path: string, data: unknown, status = 200): Promise<unknown> {
  const res = await api.post(path, { data });
  const body = await res.json();
  expect(res.status(), JSON.stringify(body)).toBe(status);
  return body;
}

describe('an amendment from the library back into it (publication)', () => {
  it('is drafted, moved through its stages, published with its 公告 and filed; the library shows both versions and the change ahead', async () => {
    const today = todayInChina();
    const effective = addDays(today, 20);
    const anonymous = await (await newContext(browser)).newPage();
    const regulationUrl = `/regulations/${encodeURIComponent(title)}`;
    // A reader without a session gets the page from the cache the second time.
    expect((await anonymous.request.get(regulationUrl)).headers()['x-lawbench-cache']).toMatch(/hit|miss/);
    expect((await anonymous.request.get(regulationUrl)).headers()['x-lawbench-cache']).toBe('hit');

    // 王 starts an amendment from the library and adds a sentence to 第三条.
    const wang = await (await newContext(browser)).newPage();
    await signInThroughForm(wang, 'drafter@demo.lawbench');
    await wang.goto(regulationUrl);
    await wang.getByRole('button', { name: '起草修改草案' }).click();
    await wang.waitForURL(/\/bills\/[0-9a-f-]+$/);
    const billId = new URL(wang.url()).pathname.split('/').at(-1)!;
    await synced(wang);
    const third = editor(wang).locator('section.article', { hasText: '统一领导、分级负责' });
    await third.locator('p').first().click();
    await wang.keyboard.press('End');
    await wang.keyboard.type(added);
    await editor(wang).locator('section.article', { hasText: added }).waitFor();
    await synced(wang);

    // Through the stages by the API: a reviewer signs off the text for the vote, which passes.
    for (const to of ['drafting', 'submission', 'first_reading', 'consultation', 'second_reading', 'third_reading']) {
      const { stage } = (await (await wang.request.get(`/api/v1/bills/${billId}`)).json()) as { stage: string };
      await post(wang.request, `/api/v1/bills/${billId}/transitions`, { to, expectedStage: stage, note: `进入${to}` });
    }
    await post(wang.request, `/api/v1/bills/${billId}/signoff-requests`, { stage: 'vote', reviewerEmail: 'reviewer@demo.lawbench' }, 201);
    const zhao = await (await newContext(browser)).newPage();
    await signInThroughForm(zhao, 'reviewer@demo.lawbench');
    await post(zhao.request, `/api/v1/bills/${billId}/signoffs`, { stage: 'vote', decision: 'approve', note: '同意。' }, 201);
    await post(wang.request, `/api/v1/bills/${billId}/transitions`, { to: 'vote', expectedStage: 'third_reading', note: '付表决。' });
    await post(wang.request, `/api/v1/bills/${billId}/votes`, { for: 45, against: 2, abstain: 1, present: 48, composition: 55 }, 201);
    await post(wang.request, `/api/v1/bills/${billId}/transitions`, { to: 'approval', expectedStage: 'vote', note: '报请批准。' });
    // Publishing before 公布 is refused with the stage it is at.
    const early = await wang.request.post(`/api/v1/bills/${billId}/publication`, { data: { announcementNumber: 31, promulgatedOn: today, effectiveOn: effective, approvingBody: '河南省人民代表大会常务委员会' } });
    expect(early.status()).toBe(409);
    expect((await early.json()).error).toMatchObject({ message: expect.stringContaining('报请批准') });
    await post(wang.request, `/api/v1/bills/${billId}/transitions`, { to: 'promulgation', expectedStage: 'approval', note: '省人大常委会已批准。' });

    // 王 publishes on the procedure page: the generated 修改决定 is checked against the text first.
    await wang.goto(`/bills/${billId}/workflow`);
    await expect(wang.getByTestId('decision-check').innerText()).resolves.toContain('逐条一致');
    const form = wang.getByTestId('publish-form');
    await form.getByLabel('公告编号（第N号）').fill('31');
    await form.getByLabel('施行日期').fill(effective);
    await form.getByRole('button', { name: '公布' }).click();
    await form.getByRole('alert').filter({ hasText: '批准机关' }).waitFor();
    await form.getByLabel('批准机关').fill('河南省第十四届人民代表大会常务委员会第十次会议');
    await form.getByRole('button', { name: '公布' }).click();
    await wang.getByTestId('notice').waitFor({ timeout: 15_000 });
    const notice = await wang.getByTestId('notice').innerText();
    expect(notice).toContain('郑州市人民代表大会常务委员会公告');
    expect(notice).toContain('第31号');
    expect(notice).toContain('关于修改〈郑州市城市市容和环境卫生管理条例〉的决定');

    // The library: the cached page went stale with the publication; both versions, the change ahead.
    const fresh = await anonymous.request.get(regulationUrl);
    expect(fresh.headers()['x-lawbench-cache']).toBe('miss');
    await anonymous.goto(regulationUrl);
    await expect(anonymous.getByTestId('outstanding').innerText()).resolves.toContain('修改后的文本自');
    await expect(anonymous.locator('.timeline ol li:not(.timeline__unheld)').count()).resolves.toBe(2);
    // The 2014 and 2018 修正 its header names are on the timeline too, as texts not held.
    await expect(anonymous.getByTestId('timeline-unheld').allInnerTexts()).resolves.toEqual(['2014年4月25日 · 修正 · 文本未收录', '2018年8月29日 · 修正 · 文本未收录']);
    await anonymous.goto(`${regulationUrl}/articles/3`);
    await expect(anonymous.locator('.article-focus .statute').innerText()).resolves.not.toContain(added);
    await expect(anonymous.getByTestId('article-ahead').innerText()).resolves.toContain('本条已经修改');
    await anonymous.getByTestId('article-ahead').getByRole('link').click();
    await anonymous.waitForURL(`**/articles/3?at=${effective}`);
    await expect(anonymous.locator('.article-focus .statute').innerText()).resolves.toContain(added);
    expect(await anonymous.getByTestId('article-ahead').count()).toBe(0);
    await anonymous.goto(`${regulationUrl}?at=${effective}`);
    await expect(anonymous.getByTestId('notice').innerText()).resolves.toContain('第31号');

    // Exports of the new version, and an unknown format refused with the list.
    const akn = await anonymous.request.get(`/api/v1/regulations/${encodeURIComponent(title)}/export?format=akn&at=${effective}`);
    expect(akn.headers()['content-type']).toContain('akn+xml');
    const xml = await akn.text();
    expect(xml).toContain(added);
    expect(xml).toMatch(/<article eId="(chp_1__)?art_3"/);
    const pdf = await anonymous.request.get(`/api/v1/regulations/${encodeURIComponent(title)}/export?format=pdf`);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const bad = await anonymous.request.get(`/api/v1/regulations/${encodeURIComponent(title)}/export?format=doc`);
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.details.formats).toEqual(['pdf', 'docx', 'txt', 'json', 'akn']);

    // Filing: the package holds the 公告, the text, the decision and the table; recording it ends the bill.
    const zip = await JSZip.loadAsync(await (await wang.request.get(`/api/v1/bills/${billId}/filing-package`)).body());
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { files: { what: string }[] };
    expect(manifest.files.map((f) => f.what)).toEqual(expect.arrayContaining(['公告', '正文（PDF）', '正文（Word）', '修改决定', '修改对照表']));
    const filing = wang.getByTestId('filing-form');
    await filing.getByLabel('备案机关').fill('全国人民代表大会常务委员会\n国务院\n河南省人民代表大会常务委员会');
    await filing.getByRole('button', { name: '记录备案' }).click();
    await wang.getByTestId('filing').waitFor({ timeout: 15_000 });
    await expect(wang.locator('.path-step--current .path-step__name').innerText()).resolves.toBe('完成');

    // The publication log and the feed of amended regulations carry it.
    const log = (await (await anonymous.request.get('/api/v1/publications?limit=10')).json()) as { entries: { kind: string; title: string }[] };
    expect(log.entries.filter((e) => e.title === title).map((e) => e.kind)).toEqual(expect.arrayContaining(['amended', 'promulgated', 'effective']));
    await expect((await anonymous.request.get('/feeds/library/amended.atom')).text()).resolves.toContain(title);
  });
});

describe('a repeal recorded by an admin', () => {
  it('is an event from its date: the regulation shows as repealed and its cached page goes stale', async () => {
    const title = '明码标价和禁止价格欺诈规定';
    const anonymous = await (await newContext(browser)).newPage();
    const url = `/regulations/${encodeURIComponent(title)}`;
    await anonymous.request.get(url);
    expect((await anonymous.request.get(url)).headers()['x-lawbench-cache']).toBe('hit');
    // Only an admin is offered the form.
    const drafter = await (await newContext(browser)).newPage();
    await signInThroughForm(drafter, 'drafter@demo.lawbench');
    await drafter.goto(url);
    expect(await drafter.getByTestId('repeal-form').count()).toBe(0);
    const admin = await (await newContext(browser)).newPage();
    await signInThroughForm(admin, 'admin@demo.lawbench');
    await admin.goto(url);
    await admin.getByText('记录废止（管理员）').click();
    const form = admin.getByTestId('repeal-form');
    await form.getByLabel('废止依据').fill('');
    await form.getByRole('button', { name: '记录废止' }).click();
    await form.getByRole('alert').filter({ hasText: '废止的依据' }).waitFor();
    await form.getByLabel('废止依据').fill('《关于废止〈明码标价和禁止价格欺诈规定〉的决定》');
    await form.getByRole('button', { name: '记录废止' }).click();
    await admin.getByTestId('repealed').waitFor({ timeout: 15_000 });
    const fresh = await anonymous.request.get(url);
    expect(fresh.headers()['x-lawbench-cache']).toBe('miss');
    await anonymous.goto(url);
    await expect(anonymous.getByTestId('repealed').innerText()).resolves.toContain('废止');
    await expect((await anonymous.request.get('/feeds/library/repealed.atom')).text()).resolves.toContain(title);
  });
});
