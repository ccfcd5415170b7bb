import { handleApi, jsonResponse, requireUser } from '@/lib/api';

export const dynamic = 'force-dynamic';

/// The signed-in user.
export function GET(request: Request) {
  return handleApi(request, (ctx) => jsonResponse({ user: requireUser(ctx) }));
}
