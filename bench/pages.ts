import type { ChildProcess } from 'node:child_process';
import { sqliteEngine } from '@/db/engine';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { migrateDatabase, openDatabase } from '@/db/client';
import { seedLibrary } from '@/lib/demo';
import { articlePath, regulationPath } from '@/lib/library';
import { ensureBuild } from '../scripts/ensureBuild';
import { startBenchWebServer } from '../scripts/localServer';
import { printTable } from './report';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
/// A regulation of the demo library with chapters and some length (93 articles).
const REGULATION = '杭州市物业管理条例';

interface Row {
  label: string;
  path: string;
  perSecond: number;
  p50: number;
  p99: number;
  bytes: number;
  non2xx: number;
}

/// Requests per second on one path for `SECONDS`, with `headers` (a session cookie makes the
/// library pages render per request, as they did before the page cache).
async function load(base: string, label: string, pagePath: string, headers: Record<string, string> = {}): Promise<Row> {
  const url = `${base}${pagePath}`;
  const first = await fetch(url, { headers });
  if (first.status !== 200) throw new Error(`${pagePath} answered ${first.status}`);
  const bytes = (await first.arrayBuffer()).byteLength;
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  return { label, path: pagePath, perSecond: result['2xx'] / result.duration, p50: result.latency.p50, p99: result.latency.p99, bytes, non2xx: result.non2xx + result.errors + result.timeouts };
}

/// `npm run bench -- pages`: requests per second of a published regulation page and an article
/// page served from the page cache, beside a static Next.js answer (the prerendered /icon.svg)
/// and the same two pages rendered per request (what every request cost before the cache; here
/// forced by a session cookie, which the cache never serves), all in one run on the production
/// build. Goal: the cached pages at ≥ 80 % of the static answer's rate.
export async function run(): Promise<void> {
  ensureBuild(process.cwd());
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lawbench-bench-pages-'));
  const file = path.join(dir, 'bench.db');
  let server: ChildProcess | undefined;
  try {
    const db = openDatabase(file);
    migrateDatabase(db);
    await seedLibrary(sqliteEngine(db));
    db.$client.close();
    const started = await startBenchWebServer(file, { readyPath: '/icon.svg' });
    server = started.server;
    const base = started.base;
    const slug = REGULATION;
    const page = regulationPath(slug);
    const article = articlePath(slug, { number: 12 });
    const rendered = { cookie: 'lawbench_session=bench-not-a-session' };
    const rows = [
      await load(base, 'static /icon.svg (baseline)', '/icon.svg'),
      await load(base, 'regulation page, cached', page),
      await load(base, 'article page, cached', article),
      await load(base, 'regulation page, rendered per request', page, rendered),
      await load(base, 'article page, rendered per request', article, rendered),
    ];
    const staticRate = rows[0].perSecond;
    printTable([
      ['', 'req/s', 'of static', 'p50 ms', 'p99 ms', 'bytes', 'non-2xx'],
      ...rows.map((r) => [r.label, r.perSecond.toFixed(0), `${((100 * r.perSecond) / staticRate).toFixed(0)} %`, String(r.p50), String(r.p99), String(r.bytes), String(r.non2xx)]),
    ]);
    const [, regulation, articleRow, regulationRendered, articleRendered] = rows;
    console.log(
      JSON.stringify({
        bench: 'pages',
        connections: CONNECTIONS,
        seconds: SECONDS,
        staticPerSecond: Math.round(staticRate),
        regulationPerSecond: Math.round(regulation.perSecond),
        articlePerSecond: Math.round(articleRow.perSecond),
        regulationRenderedPerSecond: Math.round(regulationRendered.perSecond),
        articleRenderedPerSecond: Math.round(articleRendered.perSecond),
        regulationOfStatic: +(regulation.perSecond / staticRate).toFixed(3),
        articleOfStatic: +(articleRow.perSecond / staticRate).toFixed(3),
      }),
    );
  } finally {
    server?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}
