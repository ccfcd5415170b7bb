import { sqliteEngine } from '@/db/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, billTransitions } from '@/db/schema';
import { freshDatabase } from '@/db/testing';
import { buildDocx } from '@/lib/legal-text/testing/buildDocx';
import { attachToBill, maxAttachmentBytes } from './attachToBill';
import { getAttachment } from './getAttachment';
import { billWithPeople } from './testing/billAtStage';
import { caught, outcome } from './testing/outcome';

const { db, cleanup } = freshDatabase();
afterAll(cleanup);

const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');


describe('attachToBill', () => {
  it('keeps a PDF or a Word file with the bill, judged by its bytes, and records its SHA-256', async () => {
    const b = await billWithPeople(db);
    await b.walk('drafting', new Date('2026-01-05T02:00:00Z'));
    const saved = await attachToBill(sqliteEngine(db), b.coordinator, b.billId, { name: '立项报告.pdf', bytes: pdf });
    expect(saved).toMatchObject({ name: '立项报告.pdf', mediaType: 'application/pdf', size: pdf.byteLength });
    const docx = buildDocx(['第一条　为了测试，制定本条例。']);
    const word = await attachToBill(sqliteEngine(db), b.admin, b.billId, { name: '起草说明.docx', bytes: docx });
    expect(word.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect((await getAttachment(sqliteEngine(db), b.reviewer, b.billId, saved.id)).body).toEqual(pdf);
    const audit = db.select().from(auditEvents).where(and(eq(auditEvents.action, 'bill.attachment'), eq(auditEvents.targetId, b.billId))).all();
    expect(audit.map((a) => (a.detail as { sha256: string }).sha256)).toEqual([saved.sha256, word.sha256]);
    expect(saved.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses other types, empty and oversized files, strangers and steps of another bill, storing nothing', async () => {
    const b = await billWithPeople(db);
    const other = await billWithPeople(db);
    const before = db.select().from(auditEvents).where(eq(auditEvents.action, 'bill.attachment')).all().length;
    expect(await outcome(() => attachToBill(sqliteEngine(db), b.coordinator, b.billId, { name: 'x.pdf', bytes: new TextEncoder().encode('not a pdf at all') }))).toBe('unsupported_media_type:attachment_type');
    expect(await outcome(() => attachToBill(sqliteEngine(db), b.coordinator, b.billId, { name: 'x.zip', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]) }))).toBe('unsupported_media_type:attachment_type');
    expect(await outcome(() => attachToBill(sqliteEngine(db), b.coordinator, b.billId, { name: 'x.pdf', bytes: new Uint8Array(0) }))).toBe('validation_failed:attachment_empty');
    const big = new Uint8Array(maxAttachmentBytes + 1);
    big.set(new TextEncoder().encode('%PDF-'));
    expect(await outcome(() => attachToBill(sqliteEngine(db), b.coordinator, b.billId, { name: 'big.pdf', bytes: big }))).toBe('payload_too_large:attachment_too_large');
    expect(await outcome(() => attachToBill(sqliteEngine(db), b.editor, b.billId, { name: 'x.pdf', bytes: pdf }))).toBe('forbidden:transition_forbidden');
    expect(await outcome(() => attachToBill(sqliteEngine(db), b.outsider, b.billId, { name: 'x.pdf', bytes: pdf }))).toBe('not_found:bill_not_found');
    await other.walk('drafting', new Date());
    const foreign = db.select().from(billTransitions).where(eq(billTransitions.billId, other.billId)).get()!.id;
    expect(await outcome(() => attachToBill(sqliteEngine(db), b.coordinator, b.billId, { name: 'x.pdf', bytes: pdf, transitionId: foreign }))).toBe('not_found:transition_not_found');
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, 'bill.attachment')).all()).toHaveLength(before);
  });

  it('stores a hostile name without control characters or slashes, trimmed, and audits exactly what it stored', async () => {
    const b = await billWithPeople(db);
    await b.walk('drafting', new Date('2026-01-05T02:00:00Z'));
    const step = db.select().from(billTransitions).where(eq(billTransitions.billId, b.billId)).get()!.id;
    const at = new Date('2026-01-06T02:00:00Z');
    const saved = await attachToBill(sqliteEngine(db), b.coordinator, b.billId, { name: ' \t../..\\报告\u0000\u001f/一.pdf\n ', bytes: pdf, transitionId: step }, at);
    expect(saved).toEqual({ id: saved.id, name: '....报告一.pdf', mediaType: 'application/pdf', size: pdf.byteLength, sha256: saved.sha256 });
    const audit = db.select().from(auditEvents).where(and(eq(auditEvents.action, 'bill.attachment'), eq(auditEvents.targetId, b.billId))).all();
    expect(audit.map((a) => ({ actorId: a.actorId, action: a.action, targetType: a.targetType, targetId: a.targetId, at: a.at, detail: a.detail }))).toEqual([
      {
        actorId: b.coordinator.id,
        action: 'bill.attachment',
        targetType: 'bill',
        targetId: b.billId,
        at,
        detail: { billId: b.billId, attachmentId: saved.id, name: '....报告一.pdf', mediaType: 'application/pdf', size: pdf.byteLength, sha256: saved.sha256, transitionId: step },
      },
    ]);
    expect(await getAttachment(sqliteEngine(db), b.coordinator, b.billId, saved.id)).toEqual({ name: '....报告一.pdf', mediaType: 'application/pdf', body: pdf });
  });

  it('cuts a 201-character name to 200, and names a file whose name is empty or nothing but slashes by its type', async () => {
    const b = await billWithPeople(db);
    const long = `${'长'.repeat(196)}.pdfx`;
    expect(long).toHaveLength(201);
    expect((await attachToBill(sqliteEngine(db), b.coordinator, b.billId, { name: long, bytes: pdf })).name).toBe(`${'长'.repeat(196)}.pdf`);
    const empty = await attachToBill(sqliteEngine(db), b.coordinator, b.billId, { name: '', bytes: pdf });
    expect(empty.name).toBe('附件.pdf');
    const docx = buildDocx(['第一条　为了测试，制定本条例。']);
    const slashes = await attachToBill(sqliteEngine(db), b.coordinator, b.billId, { name: ' /\\/ \u0007 ', bytes: docx });
    expect(slashes.name).toBe('附件.docx');
    const details = db.select().from(auditEvents).where(and(eq(auditEvents.action, 'bill.attachment'), eq(auditEvents.targetId, b.billId))).all().map((a) => a.detail);
    expect(details.slice(1)).toEqual([
      { billId: b.billId, attachmentId: empty.id, name: '附件.pdf', mediaType: 'application/pdf', size: pdf.byteLength, sha256: empty.sha256, transitionId: null },
      { billId: b.billId, attachmentId: slashes.id, name: '附件.docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: docx.byteLength, sha256: slashes.sha256, transitionId: null },
    ]);
  });

  it('accepts a file of exactly 20 MB and refuses one a byte larger', async () => {
    const b = await billWithPeople(db);
    const limit = new Uint8Array(maxAttachmentBytes);
    limit.set(new TextEncoder().encode('%PDF-'));
    expect(await attachToBill(sqliteEngine(db), b.coordinator, b.billId, { name: 'limit.pdf', bytes: limit })).toMatchObject({ name: 'limit.pdf', size: 20 * 1024 * 1024 });
    const over = new Uint8Array(maxAttachmentBytes + 1);
    over.set(new TextEncoder().encode('%PDF-'));
    expect(await caught(() => attachToBill(sqliteEngine(db), b.coordinator, b.billId, { name: 'over.pdf', bytes: over }))).toEqual({ code: 'payload_too_large', message: 'attachment_too_large', details: undefined });
  });
});
