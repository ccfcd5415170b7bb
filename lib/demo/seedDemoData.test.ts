import { afterAll, describe, expect, it } from 'vitest';
import { sqliteEngine } from '@/db/engine';
import { freshDatabase } from '@/db/testing';
import { signIn } from '@/lib/auth';
import { seedDemoData } from './seedDemoData';
import { demoAccounts } from './demoAccounts';

const t = freshDatabase();
afterAll(t.cleanup);

describe('seedDemoData', () => {
  it('creates the six demo accounts once, each able to sign in with the demo password', async () => {
    expect((await seedDemoData(sqliteEngine(t.db))).created).toHaveLength(6);
    expect((await seedDemoData(sqliteEngine(t.db))).created).toHaveLength(0);
    for (const a of demoAccounts) {
      const { user } = await signIn(sqliteEngine(t.db), { email: a.email, password: 'lawbench-demo' }, new Date());
      expect(user.role).toBe(a.role);
    }
  });
});
