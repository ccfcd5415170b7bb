import Database from 'better-sqlite3';
import { launchChromium } from './scripts/chromium';
const b = await launchChromium();
async function ctx(width: number, email?: string) {
  const c = await b.newContext({ baseURL: 'http://localhost:3100', viewport: { width, height: width < 500 ? 740 : 900 }, isMobile: width < 500, hasTouch: width < 500, locale: 'zh-CN' });
  const p = await c.newPage();
  if (email) {
    await p.goto('/login');
    await p.getByLabel('电子邮箱').fill(email);
    await p.getByLabel('密码').fill('lawbench-demo');
    await p.getByRole('button', { name: '登录', exact: true }).click();
    await p.getByTestId('account-link').waitFor();
  }
  return p;
}
const phone = await ctx(375, 'citizen@demo.lawbench');
const { items } = await (await phone.request.get('/api/v1/consultations')).json();
const c = items[0];
await phone.goto(`/consultations/${c.id}/comment?article=art_5`);
await phone.getByLabel('您的意见').fill('建议明确各部门的分工。');
await phone.getByLabel('我想提出具体的修改文字').check();
const w = phone.getByLabel('建议修改为');
await w.fill((await w.inputValue()).replace('加强对养犬管理工作的领导', '加强对养犬管理工作的统一领导'));
await phone.getByRole('button', { name: '提交意见' }).tap();
await phone.getByTestId('comment-receipt').waitFor();
await phone.screenshot({ path: '/tmp/demo/d1-receipt.png', fullPage: true });
const staff = await ctx(1280, 'drafter@demo.lawbench');
await staff.goto(`/bills/${c.billId}/consultations`);
await staff.getByLabel('截止日期').fill(new Date(Date.now() + 10 * 86400000).toISOString().slice(0, 10));
await staff.screenshot({ path: '/tmp/demo/d2-open.png', fullPage: true });
const db = new Database('/tmp/demo/l.db');
db.prepare("update consultations set opens_on = '2026-10-01', closes_on = '2026-10-31' where id = ?").run(c.id);
db.close();
await staff.goto(`/bills/${c.billId}/consultations/${c.id}?tab=report`);
await staff.getByLabel('情况通报的概述').fill('本次征求意见共收到意见 8 条。意见主要集中在犬只扰民、烈性犬名录和物业服务企业的协助义务。');
await staff.getByRole('button', { name: '发布情况通报' }).click();
await staff.getByRole('status').filter({ hasText: '情况通报已发布' }).waitFor();
await phone.goto(`/consultations/${c.id}/report`);
await phone.screenshot({ path: '/tmp/demo/d3-report.png', fullPage: true });
const pdf = await staff.request.get(`/api/v1/consultations/${c.id}/report?format=pdf`);
console.log('pdf', pdf.status(), (await pdf.body()).length);
await phone.goto('/regulations/北京市审计条例/articles/2/history');
await phone.screenshot({ path: '/tmp/demo/d4-libhistory.png', fullPage: true });
await staff.goto('/regulations/北京市审计条例/compare');
await staff.screenshot({ path: '/tmp/demo/d5-libcompare.png' });
await b.close();
