import net from 'node:net';

/// A TCP port that hands each incoming connection to the next of `backends` (round robin),
/// trying the following one when a backend refuses: enough to put two web processes and two
/// collaboration processes behind one port each for `npm run cluster`. HTTP and WebSocket pass
/// through unchanged. In production an operator's load balancer (nginx, HAProxy) does this.
export type Balancer = { port: number; close: () => Promise<void> };

/// One backend: a loopback port.
export type Backend = { host: string; port: number };

/// Listens on `port` of `host` and balances over `backends`, read at each connection: a caller may
/// take the port first and add the backends once they are up (a connection before then is closed).
export function startBalancer(backends: Backend[], opts: { port: number; host?: string; log?: (m: string) => void }): Promise<Balancer> {
  const log = opts.log ?? (() => {});
  let next = 0;
  const open = new Set<net.Socket>();

  const connect = (client: net.Socket, tried: number) => {
    if (backends.length === 0) {
      log('[balancer] no backend yet');
      return client.destroy();
    }
    const backend = backends[next++ % backends.length];
    const upstream = net.connect(backend.port, backend.host);
    let connected = false;
    open.add(upstream);
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (connected || client.destroyed) return client.destroy();
      // Refused before anything was sent: the next backend gets the connection.
      if (tried + 1 < backends.length) {
        log(`[balancer] ${backend.host}:${backend.port} refused (${error.code}); trying the next`);
        return connect(client, tried + 1);
      }
      log('[balancer] no backend answered');
      client.destroy();
    });
    upstream.once('connect', () => {
      connected = true;
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
      client.once('close', () => upstream.destroy());
      upstream.once('close', () => client.destroy());
    });
    upstream.once('close', () => open.delete(upstream));
  };

  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    open.add(client);
    client.once('close', () => open.delete(client));
    client.on('error', () => client.destroy());
    connect(client, 0);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve({
        port: (server.address() as net.AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            for (const s of open) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
