import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import path from 'node:path';
import * as Y from 'yjs';
import { freshDatabase } from '@/db/testing';
import { appendDraftUpdate, compactDraftUpdates, readDraftDoc } from '@/lib/drafting';
import { seedDraft } from './testing';

const { db, file, cleanup } = freshDatabase();
afterAll(cleanup);

/// Runs fixtures/compactLoop.ts as its own process for `ms`: `ready` resolves once it compacts,
/// `done` with what it merged.
function compactorProcess(draftId: string, ms: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('collab-server/fixtures/compactLoop.ts'), file, draftId, String(ms)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stderr.on('data', (d: Buffer) => (out += d));
  const ready = new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => ((out += d), out.includes('ready') && resolve())));
  const done = new Promise<{ compactions: number; merged: number }>((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`compactor exited ${code}: ${out}`)))),
  );
  return { ready, done };
}

describe('two collaboration processes compacting the same draft', () => {
  it('take turns: every update is merged exactly once and the document is intact', async () => {
    const draft = seedDraft(db, { editors: 1 });
    const writer = new Y.Doc();
    const updates: Uint8Array[] = [];
    writer.on('update', (u: Uint8Array) => updates.push(u));
    const racing = [compactorProcess(draft.draftId, 3000), compactorProcess(draft.draftId, 3000)];
    // However slowly they start on a loaded machine, both compact while this process appends.
    await Promise.all(racing.map((r) => r.ready));
    // This process appends (as the instance accepting the edits does) and compacts too.
    let appended = 0;
    let mergedHere = 0;
    const started = Date.now();
    while (Date.now() - started < 2000) {
      for (let i = 0; i < 5; i++) {
        writer.getMap<number>('entries').set(`k${appended}`, appended);
        appendDraftUpdate(db, { draftId: draft.draftId, update: updates.at(-1)!, userId: draft.editors[0].id });
        appended++;
      }
      if (appended % 50 === 0) mergedHere += compactDraftUpdates(db, draft.draftId).merged;
      await new Promise((r) => setTimeout(r, 2));
    }
    const results = await Promise.all(racing.map((r) => r.done));
    mergedHere += compactDraftUpdates(db, draft.draftId).merged;
    // Both other processes did compact while this one appended: a real race, not turns by luck.
    for (const r of results) expect(r.compactions).toBeGreaterThan(0);
    expect(results[0].merged + results[1].merged + mergedHere).toBe(appended);

    const stored = new Y.Doc();
    Y.applyUpdate(stored, readDraftDoc(draft.draftId, db)!);
    expect(stored.getMap('entries').toJSON()).toEqual(writer.getMap('entries').toJSON());
    expect(stored.getMap('entries').size).toBe(appended);
    // Who typed what survives too: one edit span per update, none merged twice.
    const spans = db.$client.prepare('select count(distinct update_id) as n, count(*) as all_rows from draft_edit_spans where draft_id = ?').get(draft.draftId) as { n: number; all_rows: number };
    expect(spans.n).toBe(appended);
  }, 30_000);
});
