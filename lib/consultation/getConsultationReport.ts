import { asc, eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { AppError } from '@/lib/errors';
import type { ParseJson } from '@/lib/legal-text';
import { dispositions, rejectReasons, type Disposition, type RejectReason } from './types';
import { withDisposition } from './commentColumns';

/// How the comments of a part of the report were handled: how many got each disposition, and
/// how many are not decided yet.
export interface ReportHandling {
  counts: Record<Disposition, number>;
  undecided: number;
}

/// One point raised on an article: a comment, or a campaign group of identical comments shown
/// once with its size. The body quoted is the group's earliest published comment.
export interface ReportEntry {
  reference: string;
  body: string;
  proposedText: string | null;
  /// Published comments in the group (1 for a comment alone).
  groupSize: number;
  disposition: Disposition | null;
  reason: string | null;
}

/// The comments on one article (or on the draft as a whole: `articleEid` null, label 总体意见).
export interface ReportSection {
  articleEid: string | null;
  label: string;
  /// Published comments on it.
  commentCount: number;
  entries: ReportEntry[];
  handling: ReportHandling;
  /// The reasons given, once each, in the order of `dispositions`, with how many comments got them.
  reasons: { disposition: Disposition; reason: string; count: number }[];
}

/// The data of the 征求意见情况通报 (立法法 art. 40): what was consulted on and when, how many
/// people and comments took part (comments not published counted by reason, never quoted),
/// the staff's summary, then per article in text order (总体意见 first) the published comments
/// with campaign groups collapsed and what was done with them.
export interface ConsultationReport {
  consultationId: string;
  title: string;
  opensOn: string;
  closesOn: string;
  /// True once staff published the report (`publishReport`).
  published: boolean;
  publishedAt: string | null;
  summary: string | null;
  /// Distinct people who sent comments (published or not).
  people: number;
  comments: {
    received: number;
    published: number;
    /// Never moderated.
    pending: number;
    rejected: number;
    rejectedByReason: Record<RejectReason, number>;
  };
  /// The handling of all published comments.
  handling: ReportHandling;
  sections: ReportSection[];
}

const generalLabel = '总体意见';

function emptyHandling(): ReportHandling {
  return { counts: Object.fromEntries(dispositions.map((d) => [d, 0])) as Record<Disposition, number>, undecided: 0 };
}

function count(handling: ReportHandling, disposition: Disposition | null): void {
  if (disposition) handling.counts[disposition]++;
  else handling.undecided++;
}

/// The public report of a consultation, built from its comments as they stand;
/// `consultation_not_found` for an unknown id. Whether the caller may see it before it is
/// published (`published` false) is the caller's decision. Either engine.
export async function getConsultationReport(engine: Engine, consultationId: string): Promise<ConsultationReport> {
  const { db, t } = engine;
  const { consultations, draftVersions, consultationComments: cc, commentDispositions } = t;
  const [row] = await db
    .select({ c: consultations, structure: draftVersions.structure })
    .from(consultations)
    .innerJoin(draftVersions, eq(draftVersions.id, consultations.versionId))
    .where(eq(consultations.id, consultationId))
    .limit(1);
  if (!row) throw new AppError('not_found', 'consultation_not_found');
  const { c } = row;
  const text = JSON.parse(row.structure) as ParseJson;

  const comments = await db
    .select({
      id: cc.id,
      reference: cc.reference,
      authorId: cc.authorId,
      articleEid: cc.articleEid,
      body: cc.body,
      proposedText: cc.proposedText,
      status: cc.status,
      rejectReason: cc.rejectReason,
      groupId: cc.groupId,
      disposition: commentDispositions.disposition,
      reason: commentDispositions.reason,
    })
    .from(cc)
    .leftJoin(...withDisposition(t))
    .where(eq(cc.consultationId, consultationId))
    .orderBy(asc(cc.createdAt), asc(cc.reference));

  const rejectedByReason = Object.fromEntries(rejectReasons.map((r) => [r, 0])) as Record<RejectReason, number>;
  const people = new Set<string>();
  for (const comment of comments) {
    // A comment whose account was deleted still came from someone.
    people.add(comment.authorId ?? `comment:${comment.id}`);
    if (comment.status === 'rejected') rejectedByReason[comment.rejectReason ?? 'off_topic']++;
  }
  const published = comments.filter((comment) => comment.status === 'published');

  // General comments first, then articles in text order, then any eid the text lacks.
  const order = new Map<string | null, number>([[null, -1], ...text.articles.map((a, i): [string, number] => [a.eid, i])]);
  const labels = new Map(text.articles.map((a) => [a.eid, a.label]));
  const sections = new Map<string | null, ReportSection & { groups: Map<string, ReportEntry> }>();
  const handling = emptyHandling();
  for (const comment of published) {
    let section = sections.get(comment.articleEid);
    if (!section) {
      const label = comment.articleEid === null ? generalLabel : (labels.get(comment.articleEid) ?? comment.articleEid);
      section = { articleEid: comment.articleEid, label, commentCount: 0, entries: [], handling: emptyHandling(), reasons: [], groups: new Map() };
      sections.set(comment.articleEid, section);
    }
    section.commentCount++;
    count(section.handling, comment.disposition);
    count(handling, comment.disposition);
    if (comment.disposition) {
      const reason = comment.reason ?? '';
      const seen = section.reasons.find((r) => r.disposition === comment.disposition && r.reason === reason);
      if (seen) seen.count++;
      else section.reasons.push({ disposition: comment.disposition, reason, count: 1 });
    }
    const groupKey = comment.groupId ?? comment.id;
    const entry = section.groups.get(groupKey);
    if (entry) entry.groupSize++;
    else {
      const fresh: ReportEntry = {
        reference: comment.reference,
        body: comment.body,
        proposedText: comment.proposedText,
        groupSize: 1,
        disposition: comment.disposition,
        reason: comment.reason,
      };
      section.groups.set(groupKey, fresh);
      section.entries.push(fresh);
    }
  }

  const rank = (eid: string | null) => order.get(eid) ?? text.articles.length;
  return {
    consultationId: c.id,
    title: c.title,
    opensOn: c.opensOn,
    closesOn: c.closesOn,
    published: c.reportPublishedAt !== null,
    publishedAt: c.reportPublishedAt?.toISOString() ?? null,
    summary: c.reportSummary,
    people: people.size,
    comments: {
      received: comments.length,
      published: published.length,
      pending: comments.filter((comment) => comment.status === 'pending').length,
      rejected: comments.filter((comment) => comment.status === 'rejected').length,
      rejectedByReason,
    },
    handling,
    sections: [...sections.values()]
      .sort((a, b) => rank(a.articleEid) - rank(b.articleEid))
      .map(({ groups: _groups, ...section }) => ({
        ...section,
        // Larger groups first: a campaign of two hundred is the first thing a reader asks about.
        entries: [...section.entries].sort((a, b) => b.groupSize - a.groupSize),
        reasons: [...section.reasons].sort((a, b) => dispositions.indexOf(a.disposition) - dispositions.indexOf(b.disposition)),
      })),
  };
}
