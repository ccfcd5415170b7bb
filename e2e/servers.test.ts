import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { baseURL } from './browser';

describe('the servers as started for production', () => {
  it('checkpoint the WAL from their worker thread instead of failing back to checkpoints inside requests', async () => {
    // A library page opens the web app's database, which starts the checkpointer.
    expect((await fetch(`${baseURL()}/regulations`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    const log = readFileSync(inject('serverLog'), 'utf8');
    expect(log).not.toContain('WAL checkpointer stopped');
  });
});
