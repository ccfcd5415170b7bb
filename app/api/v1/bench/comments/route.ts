import { z } from 'zod';
import { handleApi, jsonResponse, readJsonBody } from '@/lib/api';
import { parseInput } from '@/lib/shared';
import { insertBareComment } from '@/lib/consultation';
import { AppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

const bareComment = z.object({ consultationId: z.string().min(1).max(64), body: z.string().trim().min(1).max(5000) });

/// The comment benchmark's bare ceiling: validate and insert one row, nothing else. It exists only
/// when the server runs with LAWBENCH_BENCH_ROUTES=1 (the bench starts it so); otherwise 404.
export async function POST(request: Request) {
  return handleApi(request, async () => {
    if (process.env.LAWBENCH_BENCH_ROUTES !== '1') throw new AppError('not_found', 'route_not_found');
    const input = parseInput(bareComment, await readJsonBody(request, 64 * 1024));
    return jsonResponse({ id: insertBareComment(input.consultationId, input.body) }, { status: 201 });
  });
}
