import { handleApi, jsonResponse, readJsonBody, requireUser, getEngine } from '@/lib/api';
import { createBill, listBills } from '@/lib/drafting';

export const dynamic = 'force-dynamic';

/// Opens a bill with its draft.
export function POST(request: Request) {
  return handleApi(request, async (ctx) => {
    const user = requireUser(ctx);
    const body = await readJsonBody(request);
    return jsonResponse(await createBill(getEngine(), user, body), { status: 201 });
  });
}

/// The bills of the signed-in person.
export function GET(request: Request) {
  return handleApi(request, async (ctx) => jsonResponse({ items: await listBills(getEngine(), requireUser(ctx)) }));
}
