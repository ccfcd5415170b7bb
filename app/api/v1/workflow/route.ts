import { handleApi, jsonResponse, readQuery, requireUser, workflowOperations } from '@/lib/api';
import { listWorkflowBills } from '@/lib/workflow';

export const dynamic = 'force-dynamic';

/// The workflow dashboard as JSON.
export function GET(request: Request) {
  return handleApi(request, (ctx) => {
    const q = readQuery(request, workflowOperations.listWorkflow.query);
    return jsonResponse({ items: listWorkflowBills(requireUser(ctx), { kind: q.kind, stage: q.stage, coordinatorId: q.coordinator }) });
  });
}
