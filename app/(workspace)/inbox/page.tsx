import Link from 'next/link';
import { getEngine } from '@/lib/api';
import { listNotifications } from '@/lib/inbox';
import { sweepDeadlineNotices } from '@/lib/workflow';
import { markReadAction } from '@/app/_actions/workflow';
import { displayDateTime } from '@/app/_lib/library';
import { titledPage } from '@/app/_lib/metadata';
import { pageTranslator, requirePermission } from '@/app/_lib/session';
import { noticeText } from '@/app/_lib/workflow';

export const dynamic = 'force-dynamic';

export const generateMetadata = titledPage('inbox.title');

/// 消息: what concerns the reader, newest first, unread marked; each links to its bill.
export default async function InboxPage() {
  const user = await requirePermission('workspace:view', '/inbox');
  const { t } = await pageTranslator();
  await sweepDeadlineNotices(getEngine());
  const notices = await listNotifications(getEngine(), user, { limit: 100 });
  return (
    <div className="page page--wide workspace inbox-page">
      <h1>{t('inbox.title')}</h1>
      {notices.some((n) => !n.read) && (
        <form action={markReadAction}>
          <button type="submit" className="button button--quiet">
            {t('inbox.markAll')}
          </button>
        </form>
      )}
      {notices.length === 0 ? (
        <p className="empty-state">{t('inbox.empty')}</p>
      ) : (
        <ul className="inbox" data-testid="inbox">
          {notices.map((n) => (
            <li key={n.id} className={n.read ? 'inbox-item' : 'inbox-item inbox-item--unread'}>
              {!n.read && <span className="badge">{t('inbox.unread')}</span>}
              <time dateTime={n.createdAt}>{displayDateTime(new Date(n.createdAt))}</time>
              <p>{n.billId ? <Link href={`/bills/${n.billId}/workflow`}>{noticeText(n, t)}</Link> : noticeText(n, t)}</p>
              {!n.read && (
                <form action={markReadAction}>
                  <input type="hidden" name="id" value={n.id} />
                  <button type="submit" className="link-button">
                    {t('inbox.markRead')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
