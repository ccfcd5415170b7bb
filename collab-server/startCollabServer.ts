import http from 'node:http';
import { WebSocketServer } from 'ws';
import { closeCodes } from './closeCodes';

/// Starts the collaboration server on `port`. Until drafts exist (the drafting issue) it answers
/// `/health` and closes every WebSocket with 4404 "no such draft", so clients get a clear answer.
export function startCollabServer(port: number, host = '0.0.0.0'): Promise<{ port: number; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, service: 'lawbench-collab' }));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'not_found', message: 'Connect with the y-websocket protocol.' } }));
  });
  const wss = new WebSocketServer({ server, maxPayload: 8 * 1024 * 1024 });
  wss.on('connection', (socket) => socket.close(closeCodes.noSuchDraft, 'no such draft'));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : port,
        close: () =>
          new Promise<void>((done) => {
            for (const c of wss.clients) c.terminate();
            wss.close();
            server.close(() => done());
          }),
      });
    });
  });
}
