import { atomResponse, getEngine, publicOrigin } from '@/lib/api';
import { translate } from '@/lib/i18n';
import { buildRegulationFeed } from '@/lib/library';

export const dynamic = 'force-dynamic';

/// Atom feed of new and amended regulations.
export async function GET(request: Request) {
  const xml = await buildRegulationFeed(getEngine(), { baseUrl: publicOrigin(request), title: translate('zh-CN', 'feed.title') });
  return atomResponse(request, xml);
}
