import { handleApi, jsonResponse, readJsonBody, requireUser, versioningOperations, getEngine } from '@/lib/api';
import { parseInput } from '@/lib/shared';
import { createDraftVersion, listDraftVersions } from '@/lib/versioning';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/// The saved versions of a draft, newest first.
export async function GET(request: Request, { params }: Ctx) {
  const { id } = await params;
  return handleApi(request, async (ctx) => jsonResponse({ items: await listDraftVersions(getEngine(), requireUser(ctx), id) }));
}

/// Saves the draft as a named version.
export async function POST(request: Request, { params }: Ctx) {
  const { id } = await params;
  return handleApi(request, async (ctx) => {
    const input = parseInput(versioningOperations.createVersion.body, await readJsonBody(request));
    return jsonResponse(await createDraftVersion(getEngine(), requireUser(ctx), id, input), { status: 201 });
  });
}
