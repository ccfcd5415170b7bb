import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgDatabase, type PgDb } from '@/db/pgClient';
import { requestStates } from '@/db/requestState';
import { startLocalPostgres, type LocalPostgres } from '../scripts/localPostgres';
import { answerUnavailablePages } from './unavailablePage';

// A stand-in for Next.js behind the web server's own wrapping: each request runs in its request
// state, asks a real PostgreSQL for a row, and answers as Next.js answers a page whose rendering
// threw: a 500 HTML error page (or, for /api/, its own JSON).
let postgres: LocalPostgres;
let pg: PgDb;
let server: http.Server;
let base = '';

beforeAll(async () => {
  postgres = await startLocalPostgres();
  pg = openPgDatabase(postgres.url);
  server = http.createServer((request, response) => {
    const state = { databaseUnavailable: false };
    answerUnavailablePages(request, response, state);
    void requestStates().run(state, async () => {
      try {
        await pg.$client.query('select 1');
        if (request.url?.startsWith('/broken')) throw new Error('a fault of the page itself');
        response.setHeader('content-type', 'text/html; charset=utf-8');
        response.end('<p>the page</p>');
      } catch {
        const api = request.url?.startsWith('/api/');
        response.statusCode = api ? 503 : 500;
        response.setHeader('content-type', api ? 'application/json' : 'text/html; charset=utf-8');
        const body = api ? '{"error":"database_unavail"}' : '<p>Something went wrong</p>';
        response.setHeader('content-length', Buffer.byteLength(body));
        response.end(body);
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await pg?.$client.end();
  postgres?.dispose();
});

const get = async (path: string, headers: Record<string, string> = {}, method = 'GET') => {
  const response = await fetch(`${base}${path}`, { method, headers: { connection: 'close', ...headers } });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), type: response.headers.get('content-type'), body: await response.text() };
};

describe('a page that meets a database it cannot reach', () => {
  it('is answered with a 503 that says so in the reader’s language, while other answers pass untouched', async () => {
    expect(await get('/regulations')).toMatchObject({ status: 200, body: '<p>the page</p>' });
    // A fault that is not the database's stays the generic 500.
    expect(await get('/broken')).toMatchObject({ status: 500, body: '<p>Something went wrong</p>' });

    postgres.stop();
    try {
      const zh = await get('/regulations?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E', { 'accept-language': 'zh-CN' });
      expect(zh).toMatchObject({ status: 503, retryAfter: '5', type: 'text/html; charset=utf-8' });
      expect(zh.body).toContain('<title>服务暂时不可用</title>');
      expect(zh.body).toContain('数据库暂时无法连接，本次操作没有完成，请稍后重试。');
      // The link to try again is the address asked for, escaped.
      expect(zh.body).toContain('href="/regulations?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E"');
      expect(zh.body).not.toContain('<script');
      const en = await get('/regulations', { cookie: 'lawbench_locale=en', 'accept-language': 'zh-CN' });
      expect(en.body).toContain('The database cannot be reached just now');
      expect(await get('/regulations', {}, 'HEAD')).toMatchObject({ status: 503, body: '' });
      // The API's own 503, and a client navigation's answer, are not replaced.
      expect(await get('/api/v1/regulations')).toMatchObject({ status: 503, type: 'application/json', body: '{"error":"database_unavail"}' });
      expect(await get('/regulations', { rsc: '1' })).toMatchObject({ status: 500, body: '<p>Something went wrong</p>' });
    } finally {
      postgres.start();
    }
    expect(await get('/regulations')).toMatchObject({ status: 200, body: '<p>the page</p>' });
  });
});
