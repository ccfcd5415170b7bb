import { atomResponse, getEngine, publicOrigin } from '@/lib/api';
import { buildExplainerFeed } from '@/lib/explainers';

export const dynamic = 'force-dynamic';

/// Atom feed of approved legal-aid and legal-education content.
export async function GET(request: Request) {
  return atomResponse(request, await buildExplainerFeed(getEngine(), publicOrigin(request)));
}
