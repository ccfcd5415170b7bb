import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Engine } from '@/db/engine';
import { AppError } from '@/lib/errors';
import { chinaDateTime } from '@/lib/shared';
import { translate, type Locale, type MessageKey } from '@/lib/i18n';
import type { ParseJson } from '@/lib/legal-text';
import type { Disposition, RejectReason } from './types';
import { type CommentStatus } from '@/lib/shared/vocabulary';
import { withDisposition } from './commentColumns';

/// One comment as the staff export (CSV, XLSX) lists it: what was said, where, what moderation
/// and the disposition made of it. No contact details; the author's name only masked (陈**).
export interface CommentExportRow {
  reference: string;
  /// When it was submitted (ISO 8601, UTC); the exports show it in China time.
  createdAt: string;
  articleEid: string | null;
  /// The article's label in the consultation's version (第十二条), 总体意见 for the whole draft.
  articleLabel: string;
  status: CommentStatus;
  rejectReason: RejectReason | null;
  /// e.g. 陈**; null when the account no longer exists.
  authorName: string | null;
  body: string;
  proposedText: string | null;
  /// The campaign group: the id of its first comment; null when the comment is alone.
  groupId: string | null;
  /// The reference of the group's first comment, when the comment belongs to a campaign group.
  groupReference: string | null;
  /// How many comments of the consultation share the group (1 when alone or not grouped).
  groupSize: number;
  tags: string[];
  assigneeName: string | null;
  disposition: Disposition | null;
  dispositionReason: string | null;
  /// When the disposition was recorded (ISO 8601, UTC).
  decidedAt: string | null;
}

/// The label of comments on the whole draft rather than one article.
const generalLabel = '总体意见';

/// A person's name as published and exported: the first character and two asterisks (陈**),
/// whatever the length, so the mask does not tell the name's length either.
function maskName(name: string): string {
  const [first = ''] = [...name.trim()];
  return first ? `${first}**` : '**';
}

/// Every comment of a consultation, oldest first, for the staff export; `consultation_not_found`
/// for an unknown id. Who may export is the caller's decision (members of the bill). Either engine.
export async function listCommentsForExport(engine: Engine, consultationId: string): Promise<CommentExportRow[]> {
  const { db, t } = engine;
  const { consultations, draftVersions, consultationComments: cc } = t;
  const [consultation] = await db
    .select({ structure: draftVersions.structure })
    .from(consultations)
    .innerJoin(draftVersions, eq(draftVersions.id, consultations.versionId))
    .where(eq(consultations.id, consultationId))
    .limit(1);
  if (!consultation) throw new AppError('not_found', 'consultation_not_found');
  const labels = new Map((JSON.parse(consultation.structure) as ParseJson).articles.map((a) => [a.eid, a.label]));

  const author = alias(t.users, 'author');
  const assignee = alias(t.users, 'assignee');
  const rows = await db
    .select({ c: cc, authorName: author.name, assigneeName: assignee.name, d: t.commentDispositions })
    .from(cc)
    .leftJoin(author, eq(author.id, cc.authorId))
    .leftJoin(assignee, eq(assignee.id, cc.assigneeId))
    .leftJoin(...withDisposition(t))
    .where(eq(cc.consultationId, consultationId))
    .orderBy(asc(cc.createdAt), asc(cc.reference));

  // A group is known by its first comment's id: the later copies carry it as their `groupId`, the
  // first one (as intake stores it) may not.
  const groupSizes = new Map<string, number>();
  for (const { c } of rows) groupSizes.set(c.groupId ?? c.id, (groupSizes.get(c.groupId ?? c.id) ?? 0) + 1);
  const references = new Map(rows.map(({ c }) => [c.id, c.reference]));

  return rows.map(({ c, authorName, assigneeName, d }) => {
    const group = c.groupId ?? c.id;
    const groupSize = groupSizes.get(group) ?? 1;
    return {
      reference: c.reference,
      createdAt: c.createdAt.toISOString(),
      articleEid: c.articleEid,
      articleLabel: c.articleEid ? (labels.get(c.articleEid) ?? c.articleEid) : generalLabel,
      status: c.status,
      rejectReason: c.rejectReason,
      authorName: authorName === null ? null : maskName(authorName),
      body: c.body,
      proposedText: c.proposedText,
      groupId: c.groupId ?? (groupSize > 1 ? group : null),
      groupReference: groupSize > 1 ? (references.get(group) ?? null) : null,
      groupSize,
      tags: c.tags,
      assigneeName,
      disposition: d?.disposition ?? null,
      dispositionReason: d?.reason ?? null,
      decidedAt: d ? d.decidedAt.toISOString() : null,
    };
  });
}

/// A column of the comment export: its heading and cell text in a language, its width in
/// characters, whether long text wraps and whether it holds a number (the XLSX uses the last three).
export interface CommentExportColumn {
  heading: (locale: Locale) => string;
  cell: (row: CommentExportRow, locale: Locale) => string;
  width: number;
  wrap: boolean;
  numeric: boolean;
}

/// A column headed by the catalogue message `key`; `kind` says whether its text wraps or is a number.
function column(key: MessageKey, width: number, cell: CommentExportColumn['cell'], kind: 'text' | 'wrap' | 'number' = 'text'): CommentExportColumn {
  return { heading: (locale) => translate(locale, key), cell, width, wrap: kind === 'wrap', numeric: kind === 'number' };
}

/// The columns of the comment export, in order; CSV and XLSX share them.
export const commentExportColumns: readonly CommentExportColumn[] = [
  column('manage.export.reference', 16, (r) => r.reference),
  column('manage.export.createdAt', 17, (r) => (r.createdAt ? chinaDateTime(r.createdAt) : '')),
  column('manage.export.article', 12, (r, l) => (r.articleEid ? r.articleLabel : translate(l, 'manage.export.general'))),
  column('manage.export.status', 10, (r, l) => translate(l, `commentStatus.${r.status}` as const)),
  column('manage.rejectReason', 14, (r, l) => (r.rejectReason ? translate(l, `rejectReason.${r.rejectReason}` as const) : '')),
  column('manage.export.author', 10, (r) => r.authorName ?? ''),
  column('manage.export.body', 60, (r) => r.body, 'wrap'),
  column('consult.proposedText', 40, (r) => r.proposedText ?? '', 'wrap'),
  column('manage.export.group', 16, (r) => r.groupReference ?? ''),
  column('manage.export.groupSize', 10, (r) => String(r.groupSize), 'number'),
  column('manage.tags', 16, (r, l) => r.tags.join(l === 'en' ? '; ' : '；'), 'wrap'),
  column('manage.assignee', 10, (r) => r.assigneeName ?? ''),
  column('manage.disposition', 10, (r, l) =>
    r.disposition ? translate(l, `disposition.${r.disposition}` as const) : translate(l, 'manage.undecided')),
  column('manage.export.dispositionReason', 40, (r) => r.dispositionReason ?? '', 'wrap'),
  column('manage.export.decidedAt', 17, (r) => (r.decidedAt ? chinaDateTime(r.decidedAt) : '')),
];
