import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '@/db/engine';
import { engines } from '@/db/engineTesting';
import { withTransaction } from '@/db/withTransaction';
import { insertTestAccount } from '@/lib/auth/testing';
import type { CurrentUser } from '@/lib/auth';
import { appendAudit } from './appendAudit';
import { hashAuditEntry } from './auditHash';
import { auditHead } from './auditHead';
import { exportAuditCsv } from './exportAuditCsv';
import type { AuditFilter } from './listAuditEvents';

/// Records of CRLF-separated RFC 4180 text (enough for these cells: no line breaks inside).
function records(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].slice(0, -1).map((m) => (m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1])));
}

/// The whole export, and the pieces it came in.
async function exported(engine: Engine, filter: AuditFilter, locale: 'zh-CN' | 'en'): Promise<string[]> {
  const pieces: string[] = [];
  for await (const piece of exportAuditCsv(engine, filter, locale)) pieces.push(piece);
  return pieces;
}
const csv = async (engine: Engine, filter: AuditFilter, locale: 'zh-CN' | 'en') => (await exported(engine, filter, locale)).join('');

describe.each(engines())('on $name', ({ engine }) => {
  // The tests read these two entries, the whole log: set up once, so that each passes alone and
  // in any order.
  let actor: CurrentUser;
  beforeAll(async () => {
    actor = await insertTestAccount(engine(), { role: 'admin', name: '=HYPERLINK("http://evil.example","点我")' });
    await appendAudit(engine(), { actorId: actor.id, action: 'bill.create', targetType: 'bill', targetId: 'b-1', detail: { title: '测试条例, "草案"', n: 1 } }, new Date('2025-03-01T02:00:00.123Z'));
    await appendAudit(engine(), { actorId: null, action: 'user.create', targetType: 'user', targetId: '+1' }, new Date('2025-03-01T16:30:00Z'));
  });

  describe('exportAuditCsv', () => {
    it('starts with a byte-order mark and heads the columns in the reader’s language', async () => {
      const zh = await csv(engine(), {}, 'zh-CN');
      expect(zh.startsWith('\uFEFF序号,时间（北京时间）,操作人,')).toBe(true);
      expect(zh.endsWith('\r\n')).toBe(true);
      expect(await csv(engine(), {}, 'en')).toContain('Seq,Time (China),Actor,Actor e-mail,Action,');
    });

    it('writes one record per entry, newest first, with China time to the millisecond and the stored detail', async () => {
      const [, second, first] = records(await csv(engine(), {}, 'zh-CN'));
      expect(second.slice(0, 2)).toEqual(['2', '2025-03-02T00:30:00.000+08:00']);
      expect(first.slice(0, 2)).toEqual(['1', '2025-03-01T10:00:00.123+08:00']);
      expect(first[7]).toBe('{"n":1,"title":"测试条例, \\"草案\\""}');
      // Every field needed to re-hash the entry is there.
      expect(hashAuditEntry({ seq: 1, atMs: Date.parse(first[1]), actorId: actor.id, action: first[4], targetType: first[5], targetId: first[6], detailText: first[7], prevHash: first[8] })).toBe(first[9]);
    });

    it('keeps a cell that looks like a formula from running', async () => {
      const [, second, first] = records(await csv(engine(), {}, 'zh-CN'));
      expect(first[2]).toBe(`'=HYPERLINK("http://evil.example","点我")`);
      expect(second[6]).toBe("'+1");
    });

    it('exports only what the filter selects', async () => {
      expect(records(await csv(engine(), { action: 'bill' }, 'en')).map((r) => r[0])).toEqual(['Seq', '1']);
    });
  });
});

// Databases of their own: the entries appended here would show in the whole-log exports above.
describe.each(engines())('exportAuditCsv over many entries on $name', ({ engine }) => {
  it('streams every entry exactly once across its batches', async () => {
    const before = (await auditHead(engine())).seq;
    await withTransaction(engine(), async (tx) => {
      // Two entries the filter leaves out, then the 4,500 it selects.
      for (const targetId of ['b-1', 'b-2']) await appendAudit(tx, { actorId: null, action: 'bill.create', targetType: 'bill', targetId });
      for (let i = 0; i < 4_500; i++) await appendAudit(tx, { actorId: null, action: 'test.step', targetType: 'thing', targetId: `t${i}` });
    });
    const chunks = await exported(engine(), { action: 'test' }, 'en');
    expect(chunks.length).toBeGreaterThan(2);
    const seqs = records(chunks.join('')).slice(1).map((r) => Number(r[0]));
    expect(seqs).toHaveLength(4_500);
    expect(seqs[0]).toBe(before + 4_502);
    expect(seqs.at(-1)).toBe(before + 3);
    expect(new Set(seqs).size).toBe(4_500);
  });
});
