import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startBalancer, type Balancer } from './balancer';
import { freePort } from './localServer';

const running: { close: () => unknown }[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.close();
});

/// An HTTP server on a free port that answers with its name.
async function namedServer(name: string): Promise<{ port: number; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => res.end(name));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const handle = { port: (server.address() as { port: number }).port, close: () => new Promise<void>((r) => server.close(() => r())) };
  running.push(handle);
  return handle;
}

async function get(balancer: Balancer): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${balancer.port}/`, { headers: { connection: 'close' } });
  return res.text();
}

describe('startBalancer', () => {
  it('hands connections to the backends in turn', async () => {
    const [a, b] = [await namedServer('a'), await namedServer('b')];
    const balancer = await startBalancer([a, b].map((s) => ({ host: '127.0.0.1', port: s.port })), { port: 0, host: '127.0.0.1' });
    running.push(balancer);
    const answers = [await get(balancer), await get(balancer), await get(balancer), await get(balancer)];
    expect(answers.sort()).toEqual(['a', 'a', 'b', 'b']);
  });

  it('skips a backend that refuses, so a killed process costs no request', async () => {
    const a = await namedServer('a');
    const dead = await freePort();
    const logged: string[] = [];
    const balancer = await startBalancer([{ host: '127.0.0.1', port: dead }, { host: '127.0.0.1', port: a.port }], { port: 0, host: '127.0.0.1', log: (m) => logged.push(m) });
    running.push(balancer);
    expect([await get(balancer), await get(balancer), await get(balancer)]).toEqual(['a', 'a', 'a']);
    expect(logged.some((m) => m.includes('refused'))).toBe(true);
  });

  it('closes the connection when no backend answers', async () => {
    const balancer = await startBalancer([{ host: '127.0.0.1', port: await freePort() }], { port: 0, host: '127.0.0.1' });
    running.push(balancer);
    await expect(get(balancer)).rejects.toThrow();
  });
});
