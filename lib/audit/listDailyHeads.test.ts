import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { engines } from '@/db/engineTesting';
import { appendAudit } from './appendAudit';
import { auditHead } from './auditHead';
import { genesisHash } from './auditHash';
import { listDailyHeads } from './listDailyHeads';

const at = (iso: string) => new Date(iso);
// China days: 2025-03-01 runs from 2025-02-28T16:00Z to 2025-03-01T16:00Z.
const writes: [string, string][] = [
  ['a.1', '2025-02-28T16:00:00Z'], // 2025-03-01 00:00 China: first moment of 1 March
  ['a.2', '2025-03-01T15:59:59.999Z'], // 2025-03-01 23:59:59.999 China: last moment of 1 March
  ['a.3', '2025-03-01T16:00:00Z'], // 2 March
  ['a.4', '2025-03-04T03:00:00Z'], // 4 March
  ['a.5', '2025-03-04T02:00:00Z'], // 4 March again, stamped earlier but appended later
];

describe.each(engines())('on $name', ({ engine }) => {
  const hashOf = async (seq: number) => (await engine().db.select({ hash: engine().t.auditEvents.hash }).from(engine().t.auditEvents).where(eq(engine().t.auditEvents.id, seq)))[0].hash;

  describe('listDailyHeads', () => {
    // The tests read one log: what it answered while empty, then the five writes above; set up
    // once, so that each test passes alone and in any order.
    let whileEmpty: { days: Awaited<ReturnType<typeof listDailyHeads>>; head: Awaited<ReturnType<typeof auditHead>> };
    beforeAll(async () => {
      whileEmpty = { days: await listDailyHeads(engine()), head: await auditHead(engine()) };
      for (const [action, iso] of writes) await appendAudit(engine(), { actorId: null, action, targetType: 'thing', targetId: action }, at(iso));
    });

    it('has no days, and the genesis head, while the log is empty', () => {
      expect(whileEmpty.days).toEqual({ items: [], page: 1, pageSize: 30, hasMore: false });
      expect(whileEmpty.head).toEqual({ seq: 0, hash: genesisHash, at: null });
    });

    it('gives the last entry (highest seq) of each China-time day, newest day first, with the day’s count', async () => {
      const { items, hasMore } = await listDailyHeads(engine());
      expect(items.map((d) => [d.day, d.seq, d.entries])).toEqual([
        ['2025-03-04', 5, 2],
        ['2025-03-02', 3, 1],
        ['2025-03-01', 2, 2],
      ]);
      expect(items[0]).toMatchObject({ hash: await hashOf(5), at: at('2025-03-04T02:00:00Z') });
      expect(await auditHead(engine())).toEqual({ seq: 5, hash: items[0].hash, at: at('2025-03-04T02:00:00Z') });
      expect(hasMore).toBe(false);
    });

    it('pages through the days', async () => {
      expect(await listDailyHeads(engine(), { page: 1, pageSize: 2 })).toMatchObject({ page: 1, pageSize: 2, hasMore: true, items: [{ day: '2025-03-04' }, { day: '2025-03-02' }] });
      expect(await listDailyHeads(engine(), { page: 2, pageSize: 2 })).toMatchObject({ page: 2, hasMore: false, items: [{ day: '2025-03-01', seq: 2 }] });
      expect((await listDailyHeads(engine(), { page: 3, pageSize: 2 })).items).toEqual([]);
    });

    it('refuses a page size out of bounds', async () => {
      await expect(listDailyHeads(engine(), { pageSize: 1000 })).rejects.toThrow();
    });
  });
});
