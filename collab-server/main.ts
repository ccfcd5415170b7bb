import { startCollabServer } from './startCollabServer';

const port = Number(process.env.COLLAB_PORT || 1234);
const { close } = await startCollabServer(port);
console.log(`[collab] listening on ws://localhost:${port}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void close().then(() => process.exit(0));
  });
}
