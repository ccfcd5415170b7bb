import { compareTexts, type TextComparison } from '@/lib/legal-text';
import type { Engine } from '@/db/engine';
import { AppError } from '@/lib/errors';
import type { VersionSummary } from './getRegulation';
import { readRegulationVersions } from './readRegulationVersions';

/// Two published versions of a regulation compared article by article (the 修改前后对照).
export type RegulationVersionComparison = {
  regulation: { id: string; slug: string; title: string };
  from: VersionSummary;
  to: VersionSummary;
  /// Every version of the regulation, oldest first, for choosing another pair.
  versions: VersionSummary[];
  comparison: TextComparison;
};

/// Compares version `from` of a regulation with version `to` (by seq). Library versions do not
/// share article eids, so articles are paired by content. `to` defaults to the latest version and
/// `from` to the one before `to` (a regulation with one version: that version with itself, i.e.
/// no changes).
/// `regulation_version_not_found` for a seq the regulation does not have.
export async function compareRegulationVersions(engine: Engine, idOrSlug: string, seqs: { from?: number; to?: number } = {}): Promise<RegulationVersionComparison> {
  const { regulation, versions } = await readRegulationVersions(engine, idOrSlug);
  const pick = (seq: number) => {
    const found = versions.find((v) => v.seq === seq);
    if (!found) throw new AppError('not_found', 'regulation_version_not_found');
    return found;
  };
  const to = seqs.to === undefined ? versions[versions.length - 1] : pick(seqs.to);
  const from = seqs.from === undefined ? (versions[versions.indexOf(to) - 1] ?? to) : pick(seqs.from);
  const summary = ({ text: _text, ...v }: (typeof versions)[number]): VersionSummary => v;
  return {
    regulation: { id: regulation.id, slug: regulation.slug, title: regulation.title },
    from: summary(from),
    to: summary(to),
    versions: versions.map(summary),
    comparison: compareTexts(from.text, to.text, { alignment: 'content' }),
  };
}
