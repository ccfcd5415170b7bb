import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalPostgres, type LocalPostgres } from '../scripts/localPostgres';
import { freePort, waitForHttp, webServerArgs } from '../scripts/localServer';

// The built web app on a PostgreSQL that stops under it and comes back, as an operator's restart
// would do: pages and the API say in plain words that the database cannot be reached (503, with
// Retry-After), and the next request after the restart is served.
let postgres: LocalPostgres;
let web: ChildProcess;
let base = '';
let output = '';

beforeAll(async () => {
  postgres = await startLocalPostgres();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  web = spawn(process.execPath, webServerArgs(process.cwd(), port, '127.0.0.1'), {
    env: { ...process.env, DATABASE_URL: postgres.url, DATABASE_PATH: '/nonexistent/not-used.db', NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [web.stdout!, web.stderr!]) stream.on('data', (d: Buffer) => (output += d));
  await waitForHttp(`${base}/api/v1/openapi.json`, 60_000).catch((e: Error) => {
    throw new Error(`${e.message}\n${output}`);
  });
}, 90_000);

afterAll(async () => {
  if (web && web.exitCode === null) {
    const exited = new Promise((r) => web.once('exit', r));
    web.kill('SIGTERM');
    await exited;
  }
  postgres?.dispose();
});

const fetchPage = async (path: string) => {
  const response = await fetch(`${base}${path}`, { headers: { 'accept-language': 'zh-CN', connection: 'close' } });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.text() };
};

describe('PostgreSQL restarting under the web app', () => {
  it('answers pages and the API with a 503 in plain words while it is down, and serves again once it is back', async () => {
    const library = `/regulations?q=${encodeURIComponent('养犬')}`;
    expect((await fetchPage(library)).status).toBe(200);

    postgres.stop();
    try {
      const page = await fetchPage(library);
      expect(page, output).toMatchObject({ status: 503, retryAfter: '5' });
      expect(page.body).toContain('数据库暂时无法连接，本次操作没有完成，请稍后重试。');
      const api = await fetchPage(`/api/v1/regulations?q=${encodeURIComponent('养犬')}`);
      expect(api.status).toBe(503);
      expect(JSON.parse(api.body)).toMatchObject({ error: { code: 'database_unavailable' } });
    } finally {
      postgres.start();
    }
    expect((await fetchPage(library)).status).toBe(200);
    expect(web.exitCode).toBeNull();
  });
});
