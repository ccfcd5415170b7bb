import Link from 'next/link';
import { can, isWorkspaceRole } from '@/lib/auth';
import { StatuteArticleBody } from '@/app/_components/StatuteText';
import { currentUser, pageTranslator } from '@/app/_lib/session';
import { sampleArticle } from './sampleArticle';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const [{ t }, user] = await Promise.all([pageTranslator(), currentUser()]);
  const audiences = [
    { title: t('home.forStaff'), text: t('home.forStaffText') },
    { title: t('home.forPublic'), text: t('home.forPublicText') },
    { title: t('home.forVolunteers'), text: t('home.forVolunteersText') },
  ];
  return (
    <div className="page page--wide">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="hero__tagline">{t('app.tagline')}</p>
        <p className="hero__lead">{t('home.lead')}</p>
        {user ? (
          <p className="hero__status" data-testid="signed-in-as">
            {t('home.signedInAs', { name: user.name, role: t(`role.${user.role}`) })}{' '}
            {isWorkspaceRole(user.role) && can(user, 'workspace:view') && (
              <Link href="/workspace" className="button button--primary">
                {t('home.goWorkspace')}
              </Link>
            )}
          </p>
        ) : (
          <p>
            <Link href="/login" className="button button--primary">
              {t('home.getStarted')}
            </Link>
          </p>
        )}
      </section>

      <form method="get" action="/regulations" className="library-search home-search" role="search">
        <label htmlFor="home-q" className="visually-hidden">
          {t('library.searchLabel')}
        </label>
        <input id="home-q" name="q" type="search" placeholder={t('library.searchPlaceholder')} maxLength={1000} />
        <button type="submit" className="button button--primary">
          {t('library.searchSubmit')}
        </button>
      </form>

      <section aria-labelledby="stages-title" className="stages">
        <h2 id="stages-title">{t('home.stagesTitle')}</h2>
        <ol className="stage-strip">
          {t('home.stages')
            .split(',')
            .map((s) => (
              <li key={s}>{s}</li>
            ))}
        </ol>
      </section>

      <section className="audiences" aria-label={t('home.title')}>
        {audiences.map((a) => (
          <div key={a.title} className="card">
            <h2>{a.title}</h2>
            <p>{a.text}</p>
          </div>
        ))}
      </section>

      <section aria-labelledby="sample-title" className="sample">
        <h2 id="sample-title">{t('home.sampleTitle')}</h2>
        <div className="statute" lang="zh-CN">
          <p className="statute-source">{sampleArticle.source}</p>
          <StatuteArticleBody article={sampleArticle.article} />
        </div>
      </section>
    </div>
  );
}
