import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { billTransitions } from '@/db/schema';
import { freshDatabase } from '@/db/testing';
import { billWithPeople } from './testing/billAtStage';

const { db, file, cleanup } = freshDatabase();
afterAll(cleanup);

/// Runs the race script in its own Node process and resolves with the JSON line it prints.
function racer(args: string[]): Promise<{ ok: boolean; code?: string; message?: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'lib/workflow/testing/raceTransition.ts', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', () => resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}')));
  });
}

describe('transitionBill under contention', () => {
  it('lets exactly one of two processes moving the same bill at once win; the other gets stage_changed', async () => {
    const b = billWithPeople(db);
    const startAt = String(Date.now() + 2500);
    const results = await Promise.all([racer([file, b.billId, JSON.stringify(b.coordinator), startAt]), racer([file, b.billId, JSON.stringify(b.admin), startAt])]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, code: 'stage_changed', message: 'stage_changed' }]);
    expect(db.select().from(billTransitions).where(eq(billTransitions.billId, b.billId)).all()).toHaveLength(1);
  }, 30_000);
});
