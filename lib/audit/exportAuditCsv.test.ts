import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { insertTestUser } from '@/lib/auth/testing';
import { hashAuditEntry } from './auditHash';
import { exportAuditCsv } from './exportAuditCsv';
import { recordAudit } from './recordAudit';

const t = freshDatabase();
afterAll(t.cleanup);
const actor = insertTestUser(t.db, 'admin', '=HYPERLINK("http://evil.example","点我")');
recordAudit(t.db, { actorId: actor.id, action: 'bill.create', targetType: 'bill', targetId: 'b-1', detail: { title: '测试条例, "草案"', n: 1 } }, new Date('2025-03-01T02:00:00.123Z'));
recordAudit(t.db, { actorId: null, action: 'user.create', targetType: 'user', targetId: '+1' }, new Date('2025-03-01T16:30:00Z'));

/// Records of CRLF-separated RFC 4180 text (enough for these cells: no line breaks inside).
function records(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].slice(0, -1).map((m) => (m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1])));
}

describe('exportAuditCsv', () => {
  it('starts with a byte-order mark and heads the columns in the reader’s language', () => {
    const zh = [...exportAuditCsv({}, 'zh-CN', t.db)].join('');
    expect(zh.startsWith('\uFEFF序号,时间（北京时间）,操作人,')).toBe(true);
    expect(zh.endsWith('\r\n')).toBe(true);
    expect([...exportAuditCsv({}, 'en', t.db)].join('')).toContain('Seq,Time (China),Actor,Actor e-mail,Action,');
  });

  it('writes one record per entry, newest first, with China time to the millisecond and the stored detail', () => {
    const [, second, first] = records([...exportAuditCsv({}, 'zh-CN', t.db)].join(''));
    expect(second.slice(0, 2)).toEqual(['2', '2025-03-02T00:30:00.000+08:00']);
    expect(first.slice(0, 2)).toEqual(['1', '2025-03-01T10:00:00.123+08:00']);
    expect(first[7]).toBe('{"n":1,"title":"测试条例, \\"草案\\""}');
    // Every field needed to re-hash the entry is there.
    expect(hashAuditEntry({ seq: 1, atMs: Date.parse(first[1]), actorId: actor.id, action: first[4], targetType: first[5], targetId: first[6], detailText: first[7], prevHash: first[8] })).toBe(first[9]);
  });

  it('keeps a cell that looks like a formula from running', () => {
    const [, second, first] = records([...exportAuditCsv({}, 'zh-CN', t.db)].join(''));
    expect(first[2]).toBe(`'=HYPERLINK("http://evil.example","点我")`);
    expect(second[6]).toBe("'+1");
  });

  it('exports only what the filter selects', () => {
    expect(records([...exportAuditCsv({ action: 'bill' }, 'en', t.db)].join('')).map((r) => r[0])).toEqual(['Seq', '1']);
  });
});

describe('exportAuditCsv over many entries', () => {
  it('streams every entry exactly once across its batches', () => {
    const big = freshDatabase();
    try {
      big.db.$client.transaction(() => {
        for (let i = 0; i < 4_500; i++) recordAudit(big.db, { actorId: null, action: 'test.step', targetType: 'thing', targetId: `t${i}` });
      })();
      const chunks = [...exportAuditCsv({}, 'en', big.db)];
      expect(chunks.length).toBeGreaterThan(2);
      const seqs = records(chunks.join('')).slice(1).map((r) => Number(r[0]));
      expect(seqs).toHaveLength(4_500);
      expect(seqs[0]).toBe(4_500);
      expect(new Set(seqs).size).toBe(4_500);
    } finally {
      big.cleanup();
    }
  });
});
