import { getEngine } from '@/lib/api';
import { handleApi, jsonResponse, readQuery, requireUser, workflowOperations } from '@/lib/api';
import { listWorkflowBills } from '@/lib/workflow';

export const dynamic = 'force-dynamic';

/// The workflow dashboard as JSON.
export function GET(request: Request) {
  return handleApi(request, async (ctx) => {
    const q = readQuery(request, workflowOperations.listWorkflow.query);
    return jsonResponse({ items: await listWorkflowBills(getEngine(), requireUser(ctx), { kind: q.kind, stage: q.stage, coordinatorId: q.coordinator }) });
  });
}
