import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '@/db/client';
import { sqliteEngine } from '@/db/engine';
import { accountsWithPassword } from '@/lib/auth';
import { seedDemoData } from '@/lib/demo';
import { repo, runLawbench, scratchFolder } from './testing';

const scratch = scratchFolder('lawbench-user-');
const file = path.join(scratch.dir, 'prod.db');
const env = { DATABASE_PATH: file };
afterAll(scratch.remove);
beforeAll(async () => {
  const db = openDatabase(file);
  migrateDatabase(db);
  await seedDemoData(sqliteEngine(db));
  db.$client.close();
});

/// `npm start` as its own process (it refuses before building anything).
const start = () => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: repo, encoding: 'utf8', env: { ...process.env, ...env, PORT: '0' }, timeout: 60_000 });

describe('production is not the demo (npm start, lawbench user password)', () => {
  it('refuses to start while accounts have the demo password, naming them and how to change it', () => {
    const r = start();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Refusing to start: 6 account(s) still have the demo password');
    expect(r.stderr).toContain('admin@demo.lawbench');
    expect(r.stderr).toContain('npm run -s lawbench -- user password');
  });

  it('sets a password from standard input, refusing a short one and an unknown account', async () => {
    expect(runLawbench(['user', 'password', 'admin@demo.lawbench'], env, 'short\n')).toMatchObject({ code: 1 });
    expect(runLawbench(['user', 'password', 'nobody@demo.lawbench'], env, 'a-long-new-password\n').stderr).toContain('user_not_found');
    const done = runLawbench(['user', 'password', 'admin@demo.lawbench'], env, 'a-long-new-password\n');
    expect(done).toMatchObject({ code: 0, stdout: 'password changed for admin@demo.lawbench; its sessions were ended\n' });
    const db = openDatabase(file);
    try {
      expect(await accountsWithPassword(sqliteEngine(db), 'lawbench-demo')).not.toContain('admin@demo.lawbench');
      expect(await accountsWithPassword(sqliteEngine(db), 'a-long-new-password')).toEqual(['admin@demo.lawbench']);
    } finally {
      db.$client.close();
    }
    expect(start().stderr).toContain('Refusing to start: 5 account(s)');
  });
});
