import { translate } from '@/lib/i18n';
import { buildAtomFeed } from '@/lib/library';

export const dynamic = 'force-dynamic';

/// Atom feed of new and amended regulations.
export function GET(request: Request) {
  const url = new URL(request.url);
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? url.host;
  const proto = request.headers.get('x-forwarded-proto') ?? url.protocol.replace(':', '');
  const xml = buildAtomFeed({ baseUrl: `${proto}://${host}`, title: translate('zh-CN', 'feed.title') });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300' } });
}
