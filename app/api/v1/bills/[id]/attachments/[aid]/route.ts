import { getEngine } from '@/lib/api';
import { fileResponse, handleApi, requireUser } from '@/lib/api';
import { getAttachment } from '@/lib/workflow';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string; aid: string }> };

/// Downloads a file kept with the bill (members and admins).
export async function GET(request: Request, { params }: Ctx) {
  const { id, aid } = await params;
  return handleApi(request, async (ctx) => {
    const file = await getAttachment(getEngine(), requireUser(ctx), id, aid);
    return fileResponse({ body: file.body, contentType: file.mediaType, filename: file.name });
  });
}
