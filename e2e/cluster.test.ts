import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { freePort, waitForHttp } from '../scripts/localServer';
import { launchBrowser, signInThroughForm } from './browser';

// `npm run cluster` as a user starts it: two web processes and two collaboration processes behind
// one port each, drafts shared through a redis-server it starts itself, all on a PostgreSQL
// server it starts itself.
type Member = { name: string; port: number; pid: number };
let cluster: ChildProcess;
let members: Member[] = [];
let base = '';
let databaseUrl = '';
let browser: Browser;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lawbench-cluster-e2e-'));

beforeAll(async () => {
  const [webPort, collabPort] = [await freePort(), await freePort()];
  base = `http://127.0.0.1:${webPort}`;
  cluster = spawn(process.execPath, ['--import', 'tsx', 'scripts/cluster.ts'], {
    env: { ...process.env, PORT: String(webPort), COLLAB_PORT: String(collabPort), DATABASE_PATH: path.join(dir, 'not-written.db'), DATABASE_URL: '', REDIS_URL: '', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  for (const stream of [cluster.stdout!, cluster.stderr!]) stream.on('data', (d: Buffer) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run cluster did not start: ${out}`)), 90_000);
    cluster.once('exit', (code) => reject(new Error(`npm run cluster exited (${code}): ${out}`)));
    const poll = setInterval(() => {
      if (!out.includes('Press Ctrl-C')) return;
      clearInterval(poll);
      clearTimeout(timer);
      resolve();
    }, 100);
  });
  databaseUrl = /Database: +PostgreSQL (postgres:\/\/\S+)/.exec(out)?.[1] ?? '';
  expect(databaseUrl, out).toMatch(/^postgres:\/\/lawbench@127\.0\.0\.1:\d+\/lawbench$/);
  members = [...out.matchAll(/(web \d|collab \d) on 127\.0\.0\.1:(\d+) \(pid (\d+)\)/g)].map((m) => ({ name: m[1], port: Number(m[2]), pid: Number(m[3]) }));
  // Each process answers on its own port; the balanced ports are left untouched until the browser
  // comes, so that the first two editor sockets go to the two collaboration processes in turn.
  for (const m of members) await waitForHttp(m.name.startsWith('web') ? `http://127.0.0.1:${m.port}/api/v1/openapi.json` : `http://127.0.0.1:${m.port}/health`, 60_000);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (cluster && cluster.exitCode === null) {
    const exited = new Promise((r) => cluster.once('exit', r));
    cluster.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

const synced = (page: Page) => page.locator('[data-testid="draft-status"][data-synced="true"]').waitFor({ timeout: 20_000 });
const article = (page: Page, text: string) => page.locator('.draft-editor section.article', { hasText: text });
const memberNamed = (name: string) => members.find((m) => m.name === name)!;

async function signedIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: base, locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInThroughForm(page, email);
  return { context, page };
}

describe('npm run cluster', () => {
  it('keeps no state in a web process: sign-in throttling counts across both, and a library change reaches both processes’ page caches', async () => {
    // A new connection each time, so the balancer alternates between the two web processes.
    const signIn = (password: string) =>
      fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base, connection: 'close' }, body: JSON.stringify({ email: 'citizen@demo.lawbench', password }) });
    for (let i = 0; i < 5; i++) expect((await signIn('wrong-password')).status).toBe(401);
    // Five failures, spread over two processes, lock the sixth attempt whichever process takes it.
    expect((await signIn('lawbench-demo')).status).toBe(429);
    expect((await signIn('lawbench-demo')).status).toBe(429);

    const page = '/regulations/' + encodeURIComponent('舟山市养犬管理条例');
    const webs = members.filter((m) => m.name.startsWith('web'));
    const textOn = async (m: Member) => (await fetch(`http://127.0.0.1:${m.port}${page}`)).text();
    for (const m of webs) for (let i = 0; i < 2; i++) expect(await textOn(m)).toContain('本市行政区域内禁止饲养烈性犬');
    // Another process (the command line) adds a version of the regulation in force today.
    const changed = path.join(dir, 'zhoushan-new.md');
    fs.writeFileSync(changed, fs.readFileSync('db/seed/regulations/reg-078-zhoushan.md', 'utf8').replace('本市行政区域内禁止饲养烈性犬', '本市行政区域内禁止饲养大型烈性犬'));
    const imported = spawnSync(process.execPath, ['--import', 'tsx', 'cli/lawbench.ts', 'import', changed, '--version-of', '舟山市养犬管理条例', '--effective', '2026-01-01'], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: 'utf8',
    });
    expect(imported.status, imported.stderr).toBe(0);
    for (const m of webs) expect(await textOn(m)).toContain('本市行政区域内禁止饲养大型烈性犬');
  });

  it('serves the library from PostgreSQL: a word, a question, an article and the API, with no SQLite file written', async () => {
    const html = async (url: string) => {
      const response = await fetch(`${base}${url}`, { headers: { 'accept-language': 'zh-CN', connection: 'close' } });
      expect(response.status, url).toBe(200);
      return response.text();
    };
    // Twice each, so that both web processes answer.
    for (let i = 0; i < 2; i++) {
      expect(await html(`/regulations?q=${encodeURIComponent('烈性犬')}`)).toContain('舟山市养犬管理条例');
      expect(await html(`/regulations?q=${encodeURIComponent('邻居养狗扰民怎么办')}`)).toContain('养犬管理条例');
      expect(await html(`/regulations/${encodeURIComponent('宁波市法制宣传教育条例')}`)).toContain('法制宣传教育');
    }
    const api = (await (await fetch(`${base}/api/v1/regulations?q=${encodeURIComponent('犬只 登记')}`)).json()) as { mode: string; results: { title: string }[] };
    expect(api.mode).toBe('phrase');
    expect(api.results.length).toBeGreaterThan(0);
    // The audit chain the seeding and the import wrote, checked by the command line on PostgreSQL.
    const verified = spawnSync(process.execPath, ['--import', 'tsx', 'cli/lawbench.ts', 'audit', 'verify'], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8' });
    expect(verified.stdout, verified.stderr).toMatch(/^ok \d+ entries, head \d+:[0-9a-f]{64}$/m);
    expect(fs.existsSync(path.join(dir, 'not-written.db'))).toBe(false);
  });

  it('two drafters on different collaboration processes see each other type; killing a process loses nothing and its clients carry on', async () => {
    expect(members.map((m) => m.name).sort()).toEqual(['collab 1', 'collab 2', 'web 1', 'web 2']);
    const wang = await signedIn('drafter@demo.lawbench');
    const created = await wang.page.request.post('/api/v1/bills', {
      headers: { origin: base },
      data: { title: '集群测试条例', kind: 'local_regulation', from: { text: '第一条　为了测试多进程协作，制定本条例。\n第二条　本条例自公布之日起施行。' }, members: [{ email: 'drafter2@demo.lawbench', role: 'editor' }] },
    });
    expect(created.status()).toBe(201);
    const billUrl = `/bills/${((await created.json()) as { id: string }).id}`;
    await wang.page.goto(billUrl);
    await synced(wang.page);
    const li = await signedIn('drafter2@demo.lawbench');
    await li.page.goto(billUrl);
    await synced(li.page);

    // 王's socket was the balancer's first (collab 1), 李's its second (collab 2).
    const typeAtEndOf = async (page: Page, anchor: string, text: string) => {
      await article(page, anchor).locator('p').first().click();
      await page.keyboard.press('End');
      await page.keyboard.type(text);
    };
    await typeAtEndOf(wang.page, '多进程协作', '甲');
    await article(li.page, '制定本条例。甲').waitFor({ timeout: 15_000 });
    await typeAtEndOf(li.page, '自公布之日起施行', '乙');
    await article(wang.page, '施行。乙').waitFor({ timeout: 15_000 });

    process.kill(memberNamed('collab 1').pid, 'SIGKILL');
    // 王's editor reconnects through the balancer to collab 2, and what he types goes on reaching 李.
    await typeAtEndOf(wang.page, '多进程协作', '丙');
    await article(li.page, '制定本条例。甲丙').waitFor({ timeout: 15_000 });

    // A web process killed: the next page comes from the other, signed in all the same.
    process.kill(memberNamed('web 1').pid, 'SIGKILL');
    for (let i = 0; i < 2; i++) {
      await li.page.goto(billUrl);
      await synced(li.page);
      await article(li.page, '制定本条例。甲丙').waitFor({ timeout: 15_000 });
      await article(li.page, '施行。乙').waitFor();
    }
    await wang.context.close();
    await li.context.close();
  }, 120_000);
});
