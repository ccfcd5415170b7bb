import type { WebSocket, WebSocketServer } from 'ws';

/// Pings every socket of `wss` each `intervalMs` and terminates those that did not answer the
/// previous ping (a laptop that slept, a dropped network): their 'close' then cleans up presence
/// and lets the draft unload. Returns a function that stops it.
export function startKeepAlive(wss: WebSocketServer, intervalMs: number): () => void {
  const answered = new WeakSet<WebSocket>();
  const watched = new WeakSet<WebSocket>();
  const timer = setInterval(() => {
    for (const socket of wss.clients) {
      if (!watched.has(socket)) {
        watched.add(socket);
        answered.add(socket);
        socket.on('pong', () => answered.add(socket));
      }
      if (!answered.has(socket)) {
        socket.terminate();
        continue;
      }
      answered.delete(socket);
      if (socket.readyState === socket.OPEN) socket.ping();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
