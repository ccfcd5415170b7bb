import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { freshDatabase } from '@/db/testing';
import { startWalCheckpointer } from './startWalCheckpointer';
import { waitFor } from '@/collab-server/testing';

describe('startWalCheckpointer', () => {
  const { db, file, cleanup } = freshDatabase();
  afterAll(cleanup);

  it('checkpoints from a worker while the connection itself never does, then hands back', async () => {
    const stop = startWalCheckpointer(db, 50);
    expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    db.$client.exec('create table blobs (b blob)');
    const size = fs.statSync(file).size;
    const insert = db.$client.prepare('insert into blobs values (?)');
    for (let i = 0; i < 20; i++) insert.run(Buffer.alloc(64 * 1024, i));
    // Pages reach the database file only through a checkpoint.
    await waitFor(() => fs.statSync(file).size > size + 1024 * 1024, 'the worker’s checkpoint');
    await stop();
    expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });

  it('restores auto-checkpointing only when the last of several users stops', async () => {
    const a = startWalCheckpointer(db, 1000);
    const b = startWalCheckpointer(db, 1000);
    await a();
    expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await b();
    expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });
});
