import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  billMembers, bills, commentDispositions, consultationComments, consultations, drafts, draftVersions,
  type NewConsultationComment,
} from '@/db/schema';
import type { Db } from '@/db/client';
import { insertTestUser } from '@/lib/auth/testing';
import { consultationText } from './consultationText';
import type { CurrentUser } from '@/lib/auth';
import { parseRegulation, toParseJson, type ParseJson } from '@/lib/legal-text';
import type { Disposition, RejectReason } from '../types';
import { type CommentStatus, type ModerationMode } from '@/lib/shared/vocabulary';

/// Test support: consultations with real rows (users, bill, draft, a frozen version, comments
/// and dispositions) written directly with drizzle, so that tests of lib/consultation do not
/// depend on the functions that normally write them.

/// What a seeded comment may set; everything else gets a plausible default.
export interface SeedComment {
  body?: string;
  /// The article's eid; omit (or null) for a comment on the whole draft.
  eid?: string | null;
  status?: CommentStatus;
  rejectReason?: RejectReason;
  proposedText?: string;
  /// Author: an existing user, or the name of a new public account (default: a new account).
  author?: CurrentUser | string | null;
  groupId?: string;
  tags?: string[];
  assignee?: CurrentUser;
  createdAt?: Date;
}

/// A seeded consultation and the people around it, with helpers to add comments and decide them.
export interface SeededConsultation {
  billId: string;
  draftId: string;
  versionId: string;
  consultationId: string;
  text: ParseJson;
  /// A drafter who is an editor of the bill, a reviewer member, a drafter who is not a member, an admin.
  editor: CurrentUser;
  reviewer: CurrentUser;
  outsider: CurrentUser;
  admin: CurrentUser;
  /// Inserts a comment and returns its id; each gets the next reference (…-0001, …-0002, …).
  comment: (c?: SeedComment) => string;
  /// Inserts `count` identical comments of one campaign group (the first one's id is the group id); returns their ids.
  campaign: (count: number, c?: SeedComment) => string[];
  /// Records the disposition of comments.
  decide: (ids: string | string[], disposition: Disposition, reason: string, at?: Date) => void;
}

/// Seeds a bill with its draft, a frozen 征求意见稿 of `consultationText` (titled 测试条例（草案）) and a consultation on it open
/// from `opensOn` to `closesOn` (default: all of March 2025, so closed today).
export function seedConsultation(
  db: Db,
  opts: { opensOn?: string; closesOn?: string; title?: string; description?: string; moderation?: ModerationMode; text?: string } = {},
): SeededConsultation {
  const editor = insertTestUser(db, 'drafter', '起草员');
  const reviewer = insertTestUser(db, 'reviewer', '审核员');
  const outsider = insertTestUser(db, 'drafter', '局外人');
  const admin = insertTestUser(db, 'admin', '管理员');
  const billId = crypto.randomUUID();
  const draftId = crypto.randomUUID();
  const versionId = crypto.randomUUID();
  const consultationId = crypto.randomUUID();
  const text = toParseJson(parseRegulation(opts.text ?? consultationText.replace('测试条例', '测试条例（草案）')));
  const created = new Date('2025-02-28T02:00:00Z');

  db.insert(bills).values({ id: billId, title: text.title, kind: 'local_regulation', createdBy: editor.id }).run();
  db.insert(billMembers).values([
    { billId, userId: editor.id, role: 'editor' },
    { billId, userId: reviewer.id, role: 'reviewer' },
  ]).run();
  db.insert(drafts).values({ id: draftId, billId }).run();
  db.insert(draftVersions).values({
    id: versionId, draftId, seq: 1, name: '征求意见稿', kind: 'frozen', reason: `consultation:${consultationId}`,
    yjsState: Buffer.alloc(0), stateVector: Buffer.alloc(0), lastUpdateId: 0, structure: JSON.stringify(text), createdBy: editor.id, createdAt: created,
  }).run();
  db.insert(consultations).values({
    id: consultationId, billId, draftId, versionId,
    title: opts.title ?? text.title,
    description: opts.description ?? '欢迎社会各界提出意见。',
    explanation: '为了测试征求意见，起草本条例。',
    opensOn: opts.opensOn ?? '2025-03-01',
    closesOn: opts.closesOn ?? '2025-03-31',
    moderation: opts.moderation ?? 'pre',
    createdBy: editor.id,
    createdAt: created,
  }).run();

  const prefix = `ZQ${consultationId.slice(0, 4).toUpperCase()}`;
  let seq = 0;
  let clock = new Date('2025-03-02T01:00:00Z').getTime();
  const comment = (c: SeedComment = {}): string => {
    const id = crypto.randomUUID();
    const body = c.body ?? `意见${seq + 1}：建议进一步明确。`;
    const author = c.author === null ? null : typeof c.author === 'object' ? c.author : insertTestUser(db, 'public', c.author ?? `公众${seq + 1}`);
    const status = c.status ?? 'published';
    clock += 60_000;
    const row: NewConsultationComment = {
      id,
      consultationId,
      reference: `${prefix}-${String(++seq).padStart(4, '0')}`,
      authorId: author?.id ?? null,
      articleEid: c.eid ?? null,
      body,
      proposedText: c.proposedText ?? null,
      status,
      rejectReason: status === 'rejected' ? (c.rejectReason ?? 'off_topic') : null,
      moderatedBy: status === 'pending' ? null : reviewer.id,
      moderatedAt: status === 'pending' ? null : new Date(clock + 30_000),
      bodyKey: createHash('sha256').update(body.replace(/[\s\p{P}]/gu, '')).digest('hex'),
      groupId: c.groupId ?? null,
      tags: c.tags ?? [],
      assigneeId: c.assignee?.id ?? null,
      createdAt: c.createdAt ?? new Date(clock),
    };
    db.insert(consultationComments).values(row).run();
    return id;
  };
  const campaign = (count: number, c: SeedComment = {}): string[] => {
    const first = crypto.randomUUID();
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push(comment({ ...c, groupId: first }));
    // The group id is the id of the group's first comment.
    db.update(consultationComments).set({ groupId: ids[0] }).where(eq(consultationComments.groupId, first)).run();
    return ids;
  };
  const decide = (ids: string | string[], disposition: Disposition, reason: string, at = new Date('2025-04-03T06:30:00Z')) => {
    for (const commentId of Array.isArray(ids) ? ids : [ids]) {
      db.insert(commentDispositions).values({ commentId, disposition, reason, decidedBy: editor.id, decidedAt: at }).run();
    }
  };
  return { billId, draftId, versionId, consultationId, text, editor, reviewer, outsider, admin, comment, campaign, decide };
}
