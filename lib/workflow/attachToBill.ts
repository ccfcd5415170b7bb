import { and, eq } from 'drizzle-orm';
import { hash } from 'node:crypto';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { appendAudit } from '@/lib/audit';
import { can, type CurrentUser } from '@/lib/auth';
import { getBill } from '@/lib/drafting';
import { isZipArchive } from '@/lib/documents';
import { AppError } from '@/lib/errors';

/// The largest file a bill may carry (a scanned letter of approval fits; a video does not).
export const maxAttachmentBytes = 20 * 1024 * 1024;

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/// What a file really is, from its bytes rather than its name: a PDF starts `%PDF-`; a Word
/// document is a zip package holding `word/document.xml`. Anything else is null.
export function sniffDocumentType(bytes: Uint8Array): 'application/pdf' | typeof docxType | null {
  const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
  if (head === '%PDF-') return 'application/pdf';
  if (isZipArchive(bytes) && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('word/document.xml')) return docxType;
  return null;
}

/// Keeps a PDF or Word file with a bill (a report, a letter of approval), optionally attached to
/// one of its moves, for its coordinator or an admin. The type is judged from the bytes; empty
/// files, other types and files over 20 MB are refused and nothing is stored. Audited with the
/// file's SHA-256, so the record says exactly which file was filed. Either engine.
export async function attachToBill(
  engine: Engine,
  actor: CurrentUser | null,
  billId: string,
  file: { name: string; bytes: Uint8Array; transitionId?: string | null },
  now: Date = new Date(),
): Promise<{ id: string; name: string; mediaType: string; size: number; sha256: string }> {
  const bill = await getBill(engine, actor, billId);
  if (!can(actor, 'bill:transition', bill.resource)) throw new AppError('forbidden', 'transition_forbidden');
  if (file.bytes.byteLength > maxAttachmentBytes) throw new AppError('payload_too_large', 'attachment_too_large');
  if (file.bytes.byteLength === 0) throw new AppError('validation_failed', 'attachment_empty');
  const mediaType = sniffDocumentType(file.bytes);
  if (!mediaType) throw new AppError('unsupported_media_type', 'attachment_type');
  const name = file.name.replace(/[\u0000-\u001f\\/]/g, '').trim().slice(0, 200) || (mediaType === 'application/pdf' ? '附件.pdf' : '附件.docx');
  const moves = engine.t.billTransitions;
  if (file.transitionId && (await engine.db.select({ id: moves.id }).from(moves).where(and(eq(moves.id, file.transitionId), eq(moves.billId, billId)))).length === 0) {
    throw new AppError('not_found', 'transition_not_found');
  }
  const id = crypto.randomUUID();
  const sha256 = hash('sha256', Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength), 'hex');
  await withTransaction(engine, async (tx) => {
    await tx.db.insert(tx.t.billAttachments).values({ id, billId, transitionId: file.transitionId || null, name, mediaType, size: file.bytes.byteLength, sha256, body: Buffer.from(file.bytes), uploadedBy: actor!.id, at: now });
    await appendAudit(tx, { actorId: actor!.id, action: 'bill.attachment', targetType: 'bill', targetId: billId, detail: { billId, attachmentId: id, name, mediaType, size: file.bytes.byteLength, sha256, transitionId: file.transitionId || null } }, now);
  });
  return { id, name, mediaType, size: file.bytes.byteLength, sha256 };
}
