import { getEngine } from '@/lib/api';
import { handleApi, jsonResponse, requireUser } from '@/lib/api';
import { AppError } from '@/lib/errors';
import { attachToBill, maxAttachmentBytes } from '@/lib/workflow';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/// Keeps a PDF or Word file with the bill: multipart/form-data with `file` and optionally
/// `transitionId`. A body that says it is over the limit is refused before it is read.
export async function POST(request: Request, { params }: Ctx) {
  const { id } = await params;
  return handleApi(request, async (ctx) => {
    const user = requireUser(ctx);
    if (!(request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) throw new AppError('unsupported_media_type', 'attachment_multipart');
    if (Number(request.headers.get('content-length') ?? 0) > maxAttachmentBytes + 64 * 1024) throw new AppError('payload_too_large', 'attachment_too_large');
    const form = await request.formData().catch(() => {
      throw new AppError('bad_request', 'attachment_multipart');
    });
    const file = form.get('file');
    if (!(file instanceof File)) throw new AppError('validation_failed', 'attachment_empty');
    const saved = await attachToBill(getEngine(), user, id, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), transitionId: String(form.get('transitionId') ?? '') || null });
    return jsonResponse(saved, { status: 201 });
  });
}
