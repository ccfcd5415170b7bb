import { describe, expect, it } from 'vitest';
import { encodeAuditEntry, genesisHash, hashAuditEntry, type AuditEntryFields } from './auditHash';
import { canonicalJson } from './canonicalJson';

const entry: AuditEntryFields = { seq: 1, atMs: 1_700_000_000_000, actorId: 'u1', action: 'bill.create', targetType: 'bill', targetId: 'b1', detailText: '{"a":1}', prevHash: genesisHash };

describe('encodeAuditEntry', () => {
  it('writes the fields as one JSON array in a fixed order, the detail as its stored text', () => {
    expect(encodeAuditEntry(entry)).toBe(`[1,1700000000000,"u1","bill.create","bill","b1","{\\"a\\":1}","${'0'.repeat(64)}"]`);
    expect(encodeAuditEntry({ ...entry, actorId: null, detailText: null })).toBe(`[1,1700000000000,null,"bill.create","bill","b1",null,"${genesisHash}"]`);
  });
});

describe('hashAuditEntry', () => {
  it('is the SHA-256 hex of the encoding (checked against sha256sum)', () => {
    // printf '%s' '[1,1700000000000,"u1","bill.create","bill","b1","{\"a\":1}","000…000"]' | sha256sum
    expect(hashAuditEntry(entry)).toBe('302270ee2d1181f11a56b782363ecdfa1a20c005df4edbba7294dbf0a76aa258');
  });

  it('changes when any field changes, the link to the previous entry included', () => {
    const changed: Partial<AuditEntryFields>[] = [
      { seq: 2 },
      { atMs: entry.atMs + 1 },
      { actorId: 'u2' },
      { actorId: null },
      { action: 'bill.member' },
      { targetType: 'user' },
      { targetId: 'b2' },
      { detailText: '{"a":2}' },
      { detailText: '{"a": 1}' },
      { detailText: null },
      { prevHash: 'f'.repeat(64) },
    ];
    const hashes = new Set([hashAuditEntry(entry), ...changed.map((c) => hashAuditEntry({ ...entry, ...c }))]);
    expect(hashes.size).toBe(changed.length + 1);
  });

  it('does not confuse a field boundary with its content', () => {
    const a = hashAuditEntry({ ...entry, targetType: 'bill', targetId: 'x,y' });
    const b = hashAuditEntry({ ...entry, targetType: 'bill","x', targetId: 'y' });
    expect(a).not.toBe(b);
  });
});

describe('genesisHash', () => {
  it('is 64 zeros', () => {
    expect(genesisHash).toMatch(/^0{64}$/);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth, so that insertion order does not matter', () => {
    const a = canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } });
    const b = canonicalJson({ a: { c: 'x', d: [3, { y: 2, z: 1 }] }, b: 1 });
    expect(a).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
    expect(b).toBe(a);
  });

  it('sorts by UTF-16 code units, integer-like keys too (unlike an object’s own order)', () => {
    expect(canonicalJson({ 10: 'a', 9: 'b', 法: 1, B: 2, a: 3 })).toBe('{"10":"a","9":"b","B":2,"a":3,"法":1}');
  });

  it('drops undefined members, writes dates as ISO strings and escapes as JSON.stringify does', () => {
    expect(canonicalJson({ gone: undefined, at: new Date('2025-03-01T02:00:00Z'), list: [undefined, null, NaN], s: '引号"\n' })).toBe(
      '{"at":"2025-03-01T02:00:00.000Z","list":[null,null,null],"s":"引号\\"\\n"}',
    );
  });

  it('reads back to the same value', () => {
    const value = { title: '测试条例', n: 3, nested: { ok: true, none: null, list: ['a', 1.5] } };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });
});
