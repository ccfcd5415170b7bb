import { sqliteEngine } from '@/db/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { attachToBill } from './attachToBill';
import { getAttachment } from './getAttachment';
import { billWithPeople } from './testing/billAtStage';
import { outcome } from './testing/outcome';

const { db, cleanup } = freshDatabase();
afterAll(cleanup);

const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const otherPdf = new TextEncoder().encode('%PDF-1.4\n% 另一份文件\n%%EOF\n');

describe('getAttachment', () => {
  it('gives every member of the bill and an admin the file exactly as it was kept', async () => {
    const b = await billWithPeople(db);
    const { id } = await attachToBill(sqliteEngine(db), b.coordinator, b.billId, { name: '立项报告.pdf', bytes: pdf });
    await attachToBill(sqliteEngine(db), b.coordinator, b.billId, { name: '第二份.pdf', bytes: otherPdf });
    for (const who of [b.coordinator, b.editor, b.reviewer, b.admin]) {
      expect(await getAttachment(sqliteEngine(db), who, b.billId, id)).toEqual({ name: '立项报告.pdf', mediaType: 'application/pdf', body: pdf });
    }
    expect((await getAttachment(sqliteEngine(db), b.reviewer, b.billId, id)).body).toBeInstanceOf(Uint8Array);
  });

  it('refuses those who may not see the bill as if it did not exist, and the signed-out', async () => {
    const b = await billWithPeople(db);
    const { id } = await attachToBill(sqliteEngine(db), b.coordinator, b.billId, { name: '立项报告.pdf', bytes: pdf });
    expect(await outcome(() => getAttachment(sqliteEngine(db), b.outsider, b.billId, id))).toBe('not_found:bill_not_found');
    expect(await outcome(() => getAttachment(sqliteEngine(db), b.independent, b.billId, id))).toBe('not_found:bill_not_found');
    expect(await outcome(() => getAttachment(sqliteEngine(db), null, b.billId, id))).toBe('unauthenticated:unauthenticated');
  });

  it("does not hand out another bill's file through a bill one is on, nor an unknown file", async () => {
    const mine = await billWithPeople(db);
    const theirs = await billWithPeople(db);
    const secret = await attachToBill(sqliteEngine(db), theirs.coordinator, theirs.billId, { name: '内部意见.pdf', bytes: otherPdf });
    expect(await outcome(() => getAttachment(sqliteEngine(db), mine.coordinator, mine.billId, secret.id))).toBe('not_found:attachment_not_found');
    expect(await outcome(() => getAttachment(sqliteEngine(db), mine.admin, mine.billId, secret.id))).toBe('not_found:attachment_not_found');
    expect(await outcome(() => getAttachment(sqliteEngine(db), mine.coordinator, theirs.billId, secret.id))).toBe('not_found:bill_not_found');
    expect(await outcome(() => getAttachment(sqliteEngine(db), mine.coordinator, mine.billId, crypto.randomUUID()))).toBe('not_found:attachment_not_found');
  });
});
