import { atomResponse, errorResponse, getEngine, publicOrigin, requestLocale } from '@/lib/api';
import { buildPublicationFeed } from '@/lib/publication';
import { routeParam } from '@/lib/shared';

export const dynamic = 'force-dynamic';

/// The library's Atom feeds: /feeds/library/new.atom, amended.atom, repealed.atom and log.atom.
export async function GET(request: Request, { params }: { params: Promise<{ feed: string }> }) {
  const { feed } = await params;
  try {
    const xml = await buildPublicationFeed(getEngine(), routeParam(feed).replace(/\.atom$/, ''), publicOrigin(request));
    return atomResponse(request, xml);
  } catch (e) {
    return errorResponse(e, requestLocale(request.headers));
  }
}
