import { chineseDate } from '@/lib/shared';
import { articleChangesAhead, articleChangesAheadOn, type ArticleAhead } from './articleChangesAhead';
import { formatCitation, type ArticleJson } from '@/lib/legal-text';
import { getDatabase, type Db } from '@/db/client';
import type { Engine } from '@/db/engine';
import { AppError } from '@/lib/errors';
import { getRegulation, readRegulation, type RegulationAtDate } from './getRegulation';

/// One article of a regulation as in force on a date, with its standard citation and neighbours.
export type ArticleAtDate = Omit<RegulationAtDate, 'text'> & {
  article: ArticleJson;
  citation: string;
  /// The citation of each 款 and 项 (《…》第十三条第二款第（三）项), when the article has more than
  /// one 款 or any 项: what a volunteer copies to point at one provision.
  provisions: { eid: string; citation: string }[];
  previous: number | null;
  next: number | null;
  chapterHeading: string | null;
  /// How the next adopted version, not yet in force on `at`, changes this article (本条已经修改).
  ahead: (ArticleAhead & { effectiveOn: string }) | null;
};

/// Article `number` (and `sub` for 第X条之一) of a regulation on `at`; `not_found` when that
/// version has no such article. SQLite; `readArticle` on either engine.
export function getArticle(idOrSlug: string, number: number, opts: { at?: string; sub?: number } = {}, db: Db = getDatabase()): ArticleAtDate {
  checkNumber(number);
  const r = getRegulation(idOrSlug, { at: opts.at }, db);
  const next = r.outstanding[0];
  return articleAtDate(r, number, opts.sub, next ? { changes: articleChangesAhead(r.version.id, next.versionId, db), effectiveOn: next.effectiveOn } : null);
}

/// `getArticle` on either engine.
export async function readArticle(engine: Engine, idOrSlug: string, number: number, opts: { at?: string; sub?: number } = {}): Promise<ArticleAtDate> {
  checkNumber(number);
  const r = await readRegulation(engine, idOrSlug, { at: opts.at });
  const next = r.outstanding[0];
  return articleAtDate(r, number, opts.sub, next ? { changes: await articleChangesAheadOn(engine, r.version.id, next.versionId), effectiveOn: next.effectiveOn } : null);
}

function checkNumber(number: number): void {
  if (!Number.isInteger(number) || number < 1 || number > 100_000) throw new AppError('not_found', 'article_not_found');
}

/// The article of the regulation read, with its citations and neighbours, and how the first
/// outstanding change (`ahead`: the articles it changes, and when it takes effect) treats it.
function articleAtDate({ text, ...rest }: RegulationAtDate, number: number, sub: number | undefined, ahead: { changes: Map<string, ArticleAhead>; effectiveOn: string } | null): ArticleAtDate {
  const index = text.articles.findIndex((a) => a.number === number && (a.sub ?? 0) === (sub ?? 0));
  if (index < 0) throw new AppError('not_found', 'article_not_found');
  const article = text.articles[index];
  // A text no longer in force is cited with the date its version took effect.
  const dated = rest.currentText || !rest.version.effectiveOn ? '' : `（${chineseDate(rest.version.effectiveOn)}施行的文本）`;
  const cite = (unit: { paragraph?: number; item?: number }) => formatCitation({ article: article.number, articleSub: article.sub, ...unit }, { title: rest.regulation.title }) + dated;
  const chapter = article.chapter !== undefined ? text.outline.find((o) => o.kind === 'chapter' && o.number === article.chapter && o.part === article.part) : undefined;
  const change = ahead?.changes.get(article.eid);
  return {
    ...rest,
    article,
    citation: cite({}),
    provisions: article.paragraphs.length > 1 || article.paragraphs.some((p) => p.items.length > 0)
      ? article.paragraphs.flatMap((p, i) => {
          // An article of one 款 is cited without 第一款 (第二十四条第（二）项).
          const paragraph = article.paragraphs.length > 1 ? i + 1 : undefined;
          return [
            ...(paragraph ? [{ eid: p.eid, citation: cite({ paragraph }) }] : []),
            ...p.items.map((item, j) => ({ eid: item.eid, citation: cite({ paragraph, item: j + 1 }) })),
          ];
        })
      : [],
    previous: index > 0 ? text.articles[index - 1].number : null,
    next: index < text.articles.length - 1 ? text.articles[index + 1].number : null,
    chapterHeading: chapter ? `${chapter.label} ${chapter.heading}`.trim() : null,
    ahead: change && ahead ? { ...change, effectiveOn: ahead.effectiveOn } : null,
  };
}
