import { listOutbox } from '@/lib/mail';
import { getEngine } from '@/lib/api';
import { Pager } from '@/app/_components/Pager';
import { titledPage } from '@/app/_lib/metadata';
import { pageTranslator, requirePermission } from '@/app/_lib/session';

export const dynamic = 'force-dynamic';

export const generateMetadata = titledPage('outbox.title');

const perPage = 50;

/// Every e-mail the product wrote, for administrators: where registration and reset links can be
/// read when no mail server is configured (as in the demo).
export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requirePermission('users:manage', '/admin/outbox');
  const [{ t, locale }, { page }] = await Promise.all([pageTranslator(), searchParams]);
  const current = Math.max(1, Math.min(10_000, Number.parseInt(page ?? '1', 10) || 1));
  const { messages, total } = await listOutbox(getEngine(), { limit: perPage, offset: (current - 1) * perPage });
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  return (
    <div className="page page--wide workspace">
      <h1>{t('outbox.title')}</h1>
      <p className="aside">{t('outbox.intro')}</p>
      {messages.length === 0 ? (
        <p className="empty-state">{t('outbox.empty')}</p>
      ) : (
        <ol className="outbox" data-testid="outbox">
          {messages.map((m) => (
            <li key={m.id} className="panel outbox-message">
              <p className="aside">
                {time.format(m.createdAt)} · {t('outbox.to')} {m.recipient} · {m.sentAt ? t('outbox.sent') : m.failure ? t('outbox.failed', { reason: m.failure }) : t('outbox.kept')}
              </p>
              <h2 className="outbox-subject">{m.subject}</h2>
              {m.body && <pre className="outbox-body">{m.body}</pre>}
            </li>
          ))}
        </ol>
      )}
      <Pager page={current} hasMore={current * perPage < total} href={(p) => `/admin/outbox?page=${p}`} t={t} />
    </div>
  );
}
