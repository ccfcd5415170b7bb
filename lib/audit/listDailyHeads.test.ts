import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { auditHead } from './auditHead';
import { listDailyHeads } from './listDailyHeads';
import { recordAudit } from './recordAudit';

const t = freshDatabase();
afterAll(t.cleanup);

const at = (iso: string) => new Date(iso);
// China days: 2025-03-01 runs from 2025-02-28T16:00Z to 2025-03-01T16:00Z.
const writes: [string, string][] = [
  ['a.1', '2025-02-28T16:00:00Z'], // 2025-03-01 00:00 China: first moment of 1 March
  ['a.2', '2025-03-01T15:59:59.999Z'], // 2025-03-01 23:59:59.999 China: last moment of 1 March
  ['a.3', '2025-03-01T16:00:00Z'], // 2 March
  ['a.4', '2025-03-04T03:00:00Z'], // 4 March
  ['a.5', '2025-03-04T02:00:00Z'], // 4 March again, stamped earlier but appended later
];
for (const [action, iso] of writes) recordAudit(t.db, { actorId: null, action, targetType: 'thing', targetId: action }, at(iso));

const hashOf = (seq: number) => (t.db.$client.prepare('SELECT hash FROM audit_events WHERE id = ?').get(seq) as { hash: string }).hash;

describe('listDailyHeads', () => {
  it('gives the last entry (highest seq) of each China-time day, newest day first, with the day’s count', () => {
    const { items, hasMore } = listDailyHeads({}, t.db);
    expect(items.map((d) => [d.day, d.seq, d.entries])).toEqual([
      ['2025-03-04', 5, 2],
      ['2025-03-02', 3, 1],
      ['2025-03-01', 2, 2],
    ]);
    expect(items[0]).toMatchObject({ hash: hashOf(5), at: at('2025-03-04T02:00:00Z') });
    expect(items[0].hash).toBe(auditHead(t.db).hash);
    expect(hasMore).toBe(false);
  });

  it('pages through the days', () => {
    expect(listDailyHeads({ page: 1, pageSize: 2 }, t.db)).toMatchObject({ page: 1, pageSize: 2, hasMore: true, items: [{ day: '2025-03-04' }, { day: '2025-03-02' }] });
    expect(listDailyHeads({ page: 2, pageSize: 2 }, t.db)).toMatchObject({ page: 2, hasMore: false, items: [{ day: '2025-03-01', seq: 2 }] });
    expect(listDailyHeads({ page: 3, pageSize: 2 }, t.db).items).toEqual([]);
  });

  it('refuses a page size out of bounds', () => {
    expect(() => listDailyHeads({ pageSize: 1000 }, t.db)).toThrow();
  });
});
