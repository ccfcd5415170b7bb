import { getEngine, handleApi, jsonResponse } from '@/lib/api';
import { auditHead } from '@/lib/audit';

export const dynamic = 'force-dynamic';

/// The head of the audit chain, for anyone: `{seq, hash, at}`; an empty log answers seq 0, the
/// genesis hash (64 zeros) and `at: null` (200, not 404: an empty chain has a head too).
export function GET(request: Request) {
  return handleApi(request, async () => {
    const head = await auditHead(getEngine());
    return jsonResponse({ seq: head.seq, hash: head.hash, at: head.at?.toISOString() ?? null });
  });
}
