import { publicOrigin } from '@/lib/api';
import { buildExplainerFeed } from '@/lib/explainers';

export const dynamic = 'force-dynamic';

/// Atom feed of approved legal-aid and legal-education content.
export function GET(request: Request) {
  return new Response(buildExplainerFeed(publicOrigin(request)), { headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300' } });
}
