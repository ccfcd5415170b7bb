import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents, billTransitions } from '@/db/schema';
import { freshDatabase } from '@/db/testing';
import { buildDocx } from '@/lib/legal-text/testing/buildDocx';
import { attachToBill, maxAttachmentBytes } from './attachToBill';
import { getAttachment } from './getAttachment';
import { billWithPeople } from './testing/billAtStage';
import { outcome } from './testing/outcome';

const { db, cleanup } = freshDatabase();
afterAll(cleanup);

const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');


describe('attachToBill', () => {
  it('keeps a PDF or a Word file with the bill, judged by its bytes, and records its SHA-256', () => {
    const b = billWithPeople(db);
    b.walk('drafting', new Date('2026-01-05T02:00:00Z'));
    const saved = attachToBill(b.coordinator, b.billId, { name: '立项报告.pdf', bytes: pdf }, db);
    expect(saved).toMatchObject({ name: '立项报告.pdf', mediaType: 'application/pdf', size: pdf.byteLength });
    const docx = buildDocx(['第一条　为了测试，制定本条例。']);
    const word = attachToBill(b.admin, b.billId, { name: '起草说明.docx', bytes: docx }, db);
    expect(word.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(getAttachment(b.reviewer, b.billId, saved.id, db).body).toEqual(pdf);
    const audit = db.select().from(auditEvents).where(eq(auditEvents.action, 'bill.attachment')).all();
    expect(audit.map((a) => (a.detail as { sha256: string }).sha256)).toEqual([saved.sha256, word.sha256]);
    expect(saved.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses other types, empty and oversized files, strangers and steps of another bill, storing nothing', () => {
    const b = billWithPeople(db);
    const other = billWithPeople(db);
    const before = db.select().from(auditEvents).where(eq(auditEvents.action, 'bill.attachment')).all().length;
    expect(outcome(() => attachToBill(b.coordinator, b.billId, { name: 'x.pdf', bytes: new TextEncoder().encode('not a pdf at all') }, db))).toBe('unsupported_media_type:attachment_type');
    expect(outcome(() => attachToBill(b.coordinator, b.billId, { name: 'x.zip', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]) }, db))).toBe('unsupported_media_type:attachment_type');
    expect(outcome(() => attachToBill(b.coordinator, b.billId, { name: 'x.pdf', bytes: new Uint8Array(0) }, db))).toBe('validation_failed:attachment_empty');
    const big = new Uint8Array(maxAttachmentBytes + 1);
    big.set(new TextEncoder().encode('%PDF-'));
    expect(outcome(() => attachToBill(b.coordinator, b.billId, { name: 'big.pdf', bytes: big }, db))).toBe('payload_too_large:attachment_too_large');
    expect(outcome(() => attachToBill(b.editor, b.billId, { name: 'x.pdf', bytes: pdf }, db))).toBe('forbidden:transition_forbidden');
    expect(outcome(() => attachToBill(b.outsider, b.billId, { name: 'x.pdf', bytes: pdf }, db))).toBe('not_found:bill_not_found');
    other.walk('drafting', new Date());
    const foreign = db.select().from(billTransitions).where(eq(billTransitions.billId, other.billId)).get()!.id;
    expect(outcome(() => attachToBill(b.coordinator, b.billId, { name: 'x.pdf', bytes: pdf, transitionId: foreign }, db))).toBe('not_found:transition_not_found');
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, 'bill.attachment')).all()).toHaveLength(before);
  });
});
