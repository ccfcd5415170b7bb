import Link from 'next/link';
import type { ArticleJson, OutlineEntry, ParseJson, SubitemJson } from '@/lib/legal-text';
import { CopyCitationButton } from './CopyCitationButton';

/// The anchor of an article on a regulation page: `#art-12`, `#art-12-1` for 第十二条之一.
export function articleAnchor(a: Pick<ArticleJson, 'number' | 'sub'>): string {
  return a.sub ? `art-${a.number}-${a.sub}` : `art-${a.number}`;
}

/// The anchor of a chapter, section or part heading.
export function headingAnchor(o: OutlineEntry): string {
  return o.kind === 'section' ? `sec-${o.chapter ?? 0}-${o.number}` : `${o.kind}-${o.part ? `${o.part}-` : ''}${o.number}`;
}

function Subitems({ subitems }: { subitems: SubitemJson[] }) {
  if (subitems.length === 0) return null;
  return (
    <ol className="statute-subitems">
      {subitems.map((s) => (
        <li key={s.eid} id={s.eid}>
          <span className="item-label">{s.label}</span>
          {s.text}
          <Subitems subitems={s.subitems} />
        </li>
      ))}
    </ol>
  );
}

/// One 条 with its label, 款, 项 and 目; optional tools (permalink, copy citation).
export function StatuteArticleBody({ article, tools }: { article: ArticleJson; tools?: React.ReactNode }) {
  return (
    <article id={articleAnchor(article)} className="statute-article" data-eid={article.eid}>
      {article.paragraphs.map((p, i) => (
        <div key={p.eid} className="statute-paragraph" id={p.eid}>
          <p>
            {i === 0 && <span className="article-label">{article.label}</span>}
            {p.text}
          </p>
          <Subitems subitems={p.subitems} />
          {p.items.length > 0 && (
            <ol className="statute-items">
              {p.items.map((item) => (
                <li key={item.eid} id={item.eid}>
                  <span className="item-label">{item.label}</span>
                  {item.text}
                  <Subitems subitems={item.subitems} />
                </li>
              ))}
            </ol>
          )}
        </div>
      ))}
      {tools && <div className="article-tools">{tools}</div>}
    </article>
  );
}

/// The library's tools on an article: a permalink and a copy-citation button.
export function libraryArticleTools(opts: { citationTitle: string; articleHref: (a: ArticleJson) => string; labels: { copy: string; copied: string; failed: string; link: string } }) {
  const LibraryTools = (a: ArticleJson) => (
    <>
      <Link href={opts.articleHref(a)} className="tool-link" aria-label={`${opts.labels.link}：${a.label}`}>
        ¶
      </Link>
      <CopyCitationButton citation={`《${opts.citationTitle}》${a.label}`} labels={opts.labels} />
    </>
  );
  return LibraryTools;
}

/// A whole text set like a printed statute: centred 编/章/节 headings before the articles they
/// open, every article addressable, each with the tools the page gives it (the library's
/// permalink and citation, a consultation's comment control).
export function StatuteText({ text, tools }: { text: ParseJson; tools?: (a: ArticleJson) => React.ReactNode }) {
  const headingsAt = new Map<number, OutlineEntry[]>();
  for (const o of text.outline) {
    if (o.firstArticle === null) continue;
    const index = text.articles.findIndex((a) => a.number === o.firstArticle && !a.sub);
    if (index >= 0) headingsAt.set(index, [...(headingsAt.get(index) ?? []), o]);
  }
  return (
    <div className="statute statute--full" lang="zh-CN">
      {text.articles.map((a, i) => (
        <div key={a.eid}>
          {(headingsAt.get(i) ?? []).map((o) => {
            const Tag = o.kind === 'section' ? 'h3' : 'h2';
            return (
              <Tag key={o.eid} id={headingAnchor(o)} className={`statute-heading statute-heading--${o.kind}`}>
                {o.label}
                {o.heading && <span className="statute-heading__title">{o.heading}</span>}
              </Tag>
            );
          })}
          <StatuteArticleBody article={a} tools={tools?.(a)} />
        </div>
      ))}
    </div>
  );
}
