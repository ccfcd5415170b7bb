import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseURL, horizontalOverflow, launchBrowser, newContext, signInThroughForm } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('a legal-aid volunteer answering a question (journey 6)', () => {
  it('searches 养犬, opens a hit, copies its citation and looks at an earlier text', async () => {
    const context = await newContext(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL() });
    const page = await context.newPage();
    await signInThroughForm(page, 'volunteer@demo.lawbench');
    await page.getByRole('navigation').getByRole('link', { name: '法规库' }).click();
    // The client-side navigation must have settled, or its render can reset what was typed.
    await page.waitForURL('**/regulations');
    await page.waitForLoadState('networkidle');
    const box = page.getByRole('searchbox', { name: '检索法规条文' });
    await box.fill('养犬');
    expect(await box.inputValue()).toBe('养犬');
    await Promise.all([page.waitForURL(/[?&]q=/), box.press('Enter')]);
    await page.getByTestId('results-summary').waitFor();
    const groups = await page.locator('.result-group h3 > a').allInnerTexts();
    // The city's own rule comes before another city's on every page: 舟山's many hits fill the first.
    expect(groups[0]).toBe('舟山市养犬管理条例');
    expect(groups).not.toContain('嘉兴市养犬管理条例');
    // Another city's rule is there under 外地参考, marked as a reference only.
    await page.goto('/regulations?q=养犬&scope=elsewhere');
    await expect(page.locator('.result-group', { hasText: '嘉兴市养犬管理条例' }).getByTestId('jurisdiction').innerText()).resolves.toBe('外地参考 · 嘉兴市');
    await page.goto('/regulations?q=养犬');
    await expect(page.locator('.result-hit mark').first().innerText()).resolves.toBe('养犬');

    // One character works too, and the filter narrows to one topic.
    await page.goto('/regulations?q=犬&topic=养犬管理');
    const oneChar = await page.locator('.result-group h3').allInnerTexts();
    expect(oneChar.length).toBeGreaterThan(0);
    // Every text of the topic is about dogs (舟山's 犬只收容管理办法 among them).
    expect(oneChar.every((t) => t.includes('犬'))).toBe(true);

    await page.locator('.result-group', { hasText: '舟山市养犬管理条例' }).locator('.result-hit').first().click();
    await page.getByTestId('citation').waitFor();
    const citation = await page.getByTestId('citation').innerText();
    expect(citation).toMatch(/^《舟山市养犬管理条例》第[一二三四五六七八九十百]+条$/);
    await page.locator('.citation-box').getByRole('button', { name: /复制引用/ }).click();
    await page.locator('.citation-box').getByRole('status').filter({ hasText: '已复制' }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(citation);

    // One 款 of 第十二条 can be cited on its own.
    await page.goto('/regulations/舟山市养犬管理条例/articles/12');
    await page.getByTestId('provision-citations').locator('summary').click();
    await page.getByRole('button', { name: '复制引用：《舟山市养犬管理条例》第十二条第二款' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('《舟山市养犬管理条例》第十二条第二款');
    await context.close();
  });

  it('switches "as in force on" to an earlier date and sees the text that applied then', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/regulations/北京市审计条例/articles/2');
    await expect(page.locator('.statute-article').innerText()).resolves.toContain('本市依法实行审计监督制度');
    await page.getByLabel('查看某日施行的文本').fill('2020-06-01');
    await page.getByRole('button', { name: '查看', exact: true }).click();
    await page.waitForURL(/at=2020-06-01/);
    await expect(page.locator('.statute-article').innerText()).resolves.toContain('市和区、县人民政府依法设立审计机关');
    await expect(page.getByTestId('as-of-note').innerText()).resolves.toContain('2020年6月1日');
    await page.getByRole('link', { name: /修正/ }).first().waitFor();
    // The 2017 修正 named in the header has no text here: the timeline says so, and a date after
    // it does not pass the 2012 text off as the one in force then.
    await expect(page.getByTestId('timeline-unheld').innerText()).resolves.toBe('2017年9月22日 · 修正 · 文本未收录');
    await expect(page.getByTestId('unheld-at').innerText()).resolves.toContain('本库没有收录那次修改后的文本');
    await expect(page.getByTestId('historical').innerText()).resolves.toBe('历史文本（2012年10月1日施行）');
    await expect(page.getByTestId('citation').innerText()).resolves.toBe('《北京市审计条例》第二条（2012年10月1日施行的文本）');
    await expect(page.locator('.reg-info').innerText()).resolves.not.toMatch(/）\s*$/);
    await page.goto('/regulations/北京市审计条例/articles/2?at=2015-01-01');
    expect(await page.getByTestId('unheld-at').count()).toBe(0);
    await context.close();
  });

  it('follows an article through the published versions and compares the versions on a phone', async () => {
    const context = await newContext(browser, { width: 375 });
    const page = await context.newPage();
    await page.goto('/regulations/北京市审计条例/articles/37');
    await page.getByRole('link', { name: '本条沿革' }).click();
    await page.waitForURL(/\/articles\/37\/history/);
    // 第三十七条 of 2023 was 第四十四条 in 2012, word for word.
    await expect(page.locator('main').innerText()).resolves.toMatch(/第四十四条[\s\S]*第三十七条/);
    expect(await horizontalOverflow(page)).toBe(0);

    await page.goto('/regulations/北京市审计条例/compare');
    const table = page.getByTestId('comparison-table');
    await table.waitFor();
    await expect(table.locator('del', { hasText: '行政' }).count()).resolves.toBeGreaterThan(0);
    await expect(table.locator('ins').count()).resolves.toBeGreaterThan(0);
    expect(await horizontalOverflow(page)).toBe(0);
    await context.close();
  });

  it('jumps straight to the article when the query is a citation', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/regulations?q=' + encodeURIComponent('舟山市养犬管理条例第十二条'));
    await page.waitForURL(/articles\/12$/);
    await expect(page.getByTestId('citation').innerText()).resolves.toBe('《舟山市养犬管理条例》第十二条');
    await context.close();
  });
});

describe('reading a regulation', () => {
  it('sets the text like a statute with chapters, contents and addressable articles, and fits a phone', async () => {
    const context = await newContext(browser, { width: 375 });
    const page = await context.newPage();
    const res = await page.goto('/regulations/杭州市文明行为促进条例#art-3');
    expect(res?.status()).toBe(200);
    await expect(page.locator('#chapter-1').innerText()).resolves.toContain('第一章');
    await expect(page.locator('#art-3 .article-label').innerText()).resolves.toBe('第三条');
    expect(await page.locator('.toc a').count()).toBeGreaterThan(3);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.goto('/regulations');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('answers an unknown regulation or article with the 404 page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    expect((await page.goto('/regulations/不存在的条例'))?.status()).toBe(404);
    expect((await page.goto('/regulations/舟山市养犬管理条例/articles/999'))?.status()).toBe(404);
    expect((await page.goto('/regulations/舟山市养犬管理条例/articles/abc'))?.status()).toBe(404);
    await context.close();
  });
});

describe('library API and feed', () => {
  const get = (p: string) => fetch(`${baseURL()}${p}`);

  it('searches with one and two characters and returns grouped, highlighted hits', async () => {
    for (const q of ['犬', '养犬', '物业']) {
      const body = await (await get(`/api/v1/regulations?q=${encodeURIComponent(q)}`)).json();
      expect(body.results.length, q).toBeGreaterThan(0);
      const hit = body.results[0].hits[0];
      expect(hit.snippet.slice(hit.highlights[0][0], hit.highlights[0][1])).toBe(q);
    }
  });

  it('treats FTS syntax as text and refuses an over-long query', async () => {
    for (const q of ['"', '*', 'AND', 'NEAR(', '(养犬)', '养犬 OR 物业']) {
      const res = await get(`/api/v1/regulations?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
    // A 1,000-character question is answered on its first 200 characters, and says so; longer is refused.
    const long = await get(`/api/v1/regulations?q=${encodeURIComponent('犬'.repeat(999) + '？')}`);
    expect(long.status).toBe(200);
    expect(await long.json()).toMatchObject({ mode: 'question', cut: { limit: 200, length: 1000 } });
    const tooLong = await get(`/api/v1/regulations?q=${encodeURIComponent('犬'.repeat(1001))}`);
    expect(tooLong.status).toBe(422);
    const blank = await (await get(`/api/v1/regulations?q=${encodeURIComponent('？！😀')}`)).json();
    expect(blank).toMatchObject({ results: [], mode: 'question', terms: [] });
  });

  it('answers a question in plain words, saying what it searched for, with each added term switchable', async () => {
    const api = await (await get(`/api/v1/regulations?q=${encodeURIComponent('邻居养狗扰民怎么办')}`)).json();
    expect(api.mode).toBe('question');
    expect(api.expansions).toContainEqual({ from: '养狗', to: ['养犬', '饲养犬只'] });
    expect(api.results[0].hits.map((h: { label: string }) => h.label)).toContain('第二十二条');
    expect((await (await get(`/api/v1/regulations?q=${encodeURIComponent('舟山市养犬管理条例第十二条')}`)).json()).mode).toBe('citation');

    const context = await newContext(browser, { width: 375 });
    const page = await context.newPage();
    await page.goto('/regulations');
    await expect(page.getByRole('searchbox', { name: '检索法规条文' }).getAttribute('placeholder')).resolves.toBe('输入关键词，或直接输入问题');
    await page.goto(`/regulations?q=${encodeURIComponent('邻居养狗扰民怎么办')}`);
    const understood = page.getByTestId('search-understood');
    await expect(understood.getByTestId('expansions').innerText()).resolves.toContain('也搜索了：');
    await expect(page.locator('.result-group', { hasText: '舟山市养犬管理条例' }).innerText()).resolves.toContain('第二十二条');
    await understood.getByRole('link', { name: '不再用“养犬、饲养犬只”代替“养狗”检索' }).click();
    await page.waitForURL(/without=/);
    await expect(page.getByTestId('expansions-off').innerText()).resolves.toContain('养狗');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('gives a regulation and an article at a point in time, and 4xx for bad ids and dates', async () => {
    const old = await (await get(`/api/v1/regulations/${encodeURIComponent('北京市审计条例')}?at=2020-06-01`)).json();
    expect(old.version.seq).toBe(1);
    expect(old.text.articles).toHaveLength(44);
    const now = await (await get(`/api/v1/regulations/${encodeURIComponent('北京市审计条例')}/articles/2`)).json();
    expect(now.citation).toBe('《北京市审计条例》第二条');
    expect((await get('/api/v1/regulations/nope')).status).toBe(404);
    expect((await get(`/api/v1/regulations/${encodeURIComponent('北京市审计条例')}/articles/999`)).status).toBe(404);
    expect((await get(`/api/v1/regulations/${encodeURIComponent('北京市审计条例')}?at=2020-02-31`)).status).toBe(422);
    expect((await get(`/api/v1/regulations?status=bogus`)).status).toBe(422);
  });

  it('tells the city’s own texts from higher law and other places', async () => {
    const context = await newContext(browser, { width: 375 });
    const page = await context.newPage();
    await page.goto('/regulations');
    const tabs = page.getByTestId('scope-tabs');
    await tabs.getByRole('link', { name: /本市法规/ }).click();
    await page.waitForURL(/scope=own/);
    const own = await page.locator('.reg-list__title').allInnerTexts();
    expect(own.length).toBeGreaterThan(0);
    for (const title of own) expect(title.startsWith('舟山市')).toBe(true);
    await tabs.getByRole('link', { name: /上位法/ }).click();
    await page.waitForURL(/scope=superior/);
    const superior = await page.locator('.reg-list__title').allInnerTexts();
    expect(superior).toEqual(expect.arrayContaining(['浙江省法律援助条例', '明码标价和禁止价格欺诈规定']));
    expect(superior.some((t) => t.startsWith('山东省') || t.startsWith('嘉兴市'))).toBe(false);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await page.goto(`/regulations/${encodeURIComponent('嘉兴市养犬管理条例')}`);
    await expect(page.getByTestId('elsewhere-note').innerText()).resolves.toContain('这是嘉兴市的规定，在本市不适用');
    const api = await (await fetch(`${baseURL()}/api/v1/regulations?scope=superior&pageSize=100`)).json();
    expect(api.items.find((r: { title: string }) => r.title === '明码标价和禁止价格欺诈规定').jurisdiction).toEqual({ level: 'national', region: null, body: '国家市场监督管理总局', relation: 'superior' });
    await context.close();
  });

  it('lists the library with filters and paging', async () => {
    const body = await (await get('/api/v1/regulations?topic=' + encodeURIComponent('法律援助') + '&pageSize=5')).json();
    expect(body.items.map((r: { title: string }) => r.title).sort()).toEqual(['山东省法律援助条例', '浙江省法律援助条例']);
  });

  it('publishes an Atom feed of new and amended regulations', async () => {
    const res = await get('/feeds/regulations.atom');
    expect(res.headers.get('content-type')).toMatch(/atom\+xml/);
    const xml = await res.text();
    expect(xml).toMatch(/^<\?xml/);
    // The twelve seeded texts, the 舟山 rule and the 宁波 amendment the demo publishes (and
    // whatever the publication test adds when it runs first).
    expect((xml.match(/<entry>/g) ?? []).length).toBeGreaterThanOrEqual(14);
    expect(xml).toContain('宁波市法制宣传教育条例（修正');
    expect(xml).toContain('北京市审计条例（修正，2023-11-24 起施行）');
  });

  it('sends a browser that opens a feed to a page that explains it, and lets pages announce their feeds', async () => {
    const context = await newContext(browser, { width: 375 });
    const page = await context.newPage();
    await page.goto('/feeds/library/amended.atom');
    expect(new URL(page.url()).pathname).toBe('/feeds');
    await expect.poll(() => page.getByTestId('feed-opened').textContent()).toContain('修改的法规');
    const opened = page.locator('.feed-card[aria-current="true"]');
    expect(await opened.locator('code').textContent()).toMatch(/^http:\/\/[^/]+\/feeds\/library\/amended\.atom$/);
    expect(await horizontalOverflow(page)).toBe(0);
    // The library page names its feed for readers that discover feeds.
    await page.goto('/regulations');
    expect(await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href')).toMatch(/\/feeds\/regulations\.atom$/);
    await context.close();
    // A feed reader (no Sec-Fetch-Dest: document) still gets the XML at the same address.
    const reader = await get('/feeds/library/amended.atom');
    expect(reader.status).toBe(200);
    expect(reader.headers.get('vary')).toContain('Sec-Fetch-Dest');
    expect(await reader.text()).toMatch(/^<\?xml/);
  });
});
