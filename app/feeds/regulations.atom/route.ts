import { atomResponse, publicOrigin } from '@/lib/api';
import { translate } from '@/lib/i18n';
import { buildRegulationFeed } from '@/lib/library';

export const dynamic = 'force-dynamic';

/// Atom feed of new and amended regulations.
export function GET(request: Request) {
  const xml = buildRegulationFeed({ baseUrl: publicOrigin(request), title: translate('zh-CN', 'feed.title') });
  return atomResponse(request, xml);
}
