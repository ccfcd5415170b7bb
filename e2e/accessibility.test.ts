import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseURL, launchBrowser, newContext } from './browser';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/// The serious and critical WCAG 2 A/AA violations axe-core finds on the page as it is now.
async function seriousViolations(page: Page): Promise<Violation[]> {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
  await page.evaluate(`${axeSource}\n;0`);
  const found = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations)`)) as Violation[];
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/// Every public page a signed-out visitor can reach, with real ids from the demo data.
async function publicPages(): Promise<string[]> {
  const json = (path: string) => fetch(`${baseURL()}${path}`).then((r) => r.json());
  const consultations = await json('/api/v1/consultations');
  const open = consultations.items.find((c: { status: string }) => c.status === 'open');
  // The demo also holds a closed consultation whose 通报 is published.
  const reported = consultations.items.find((c: { status: string; reportPublished: boolean }) => c.status === 'closed' && c.reportPublished);
  expect(reported).toBeDefined();
  const content = await json('/api/v1/content');
  const dogs = `/regulations/${encodeURIComponent('舟山市养犬管理条例')}`;
  return [
    '/',
    '/regulations',
    '/regulations?q=养犬',
    '/regulations?q=犬&scope=own',
    dogs,
    `${dogs}/articles/12`,
    `/regulations/${encodeURIComponent('北京市审计条例')}?at=2015-01-01`,
    `/regulations/${encodeURIComponent('北京市审计条例')}/compare`,
    `/regulations/${encodeURIComponent('北京市审计条例')}/articles/2?at=2020-06-01`,
    '/consultations',
    `/consultations/${open.id}`,
    `/consultations/${open.id}?view=full`,
    `/consultations/${open.id}/report`,
    `/consultations/${reported.id}/report`,
    `/consultations/${open.id}/comment`,
    '/explainers',
    `/explainers/${content.items[0].id}`,
    '/login',
    '/register',
    '/password/forgot',
    '/privacy',
    '/feeds?feed=/feeds/consultations.atom',
    '/transparency',
    '/no-such-page',
  ];
}

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  it('finds no serious or critical violation on any public page, on a desktop and on a phone', async () => {
    const pages = await publicPages();
    const problems: string[] = [];
    for (const width of [1280, 375]) {
      const context = await newContext(browser, { width });
      const page = await context.newPage();
      for (const path of pages) {
        await page.goto(path);
        for (const v of await seriousViolations(page)) problems.push(`${width}px ${path}: ${v.id} (${v.impact}) ×${v.nodes.length} — ${v.help}; e.g. ${v.nodes[0]?.target.join(' ')}`);
      }
      await context.close();
    }
    console.log(`axe: ${pages.length} public pages × 2 widths checked`);
    expect(problems).toEqual([]);
  }, 300_000);
});
