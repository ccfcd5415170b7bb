import type { Engine } from '@/db/engine';
import { can } from '@/lib/auth';
import type { CurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { orderedId, parseInput, todayInChina } from '@/lib/shared';
import { addressKey } from './addressKey';
import { commentBodyKey } from './commentBodyKey';
import type { CommentIntake } from './commentIntake';
import { consultationStatus } from './consultationStatus';
import { postgresCommentIntake } from './postgresCommentIntake';
import { proposalDiff } from './proposalDiff';
import { newCommentSchema, type NewCommentInput } from './schemas';
import { sqliteCommentIntake } from './sqliteCommentIntake';
import type { CommentReceipt } from './types';
import { versionArticles } from './versionArticles';

const intakeOf = (engine: Engine): CommentIntake => (engine.kind === 'sqlite' ? sqliteCommentIntake(engine.db) : postgresCommentIntake(engine));

/// Takes a comment from a signed-in member of the public on an open consultation and returns its
/// receipt: published at once under post-moderation, queued under pre-moderation. Refuses
/// comments on articles the consulted version does not have, text with control characters, and
/// senders over the rate limits (per account, and per network address when known; only a hash of
/// the address is stored). A copy of a campaign text (same body key) joins the first copy's group
/// at once; near-identical texts are grouped later by `groupCampaigns`. A proposed wording is
/// stored with its word difference to the article, so that no page view has to diff it. The
/// comment's id is an `orderedId`, the tie-break of comments sent in one millisecond.
///
/// This is the hot path of a busy consultation: one read of the consultation, then one
/// transaction of at most four indexed statements (commentIntake.ts). No audit row per comment:
/// the comment row itself is the record of what was submitted, by whom and when; moderation and
/// dispositions are audited.
export async function submitComment(
  engine: Engine,
  actor: CurrentUser | null,
  consultationId: string,
  input: NewCommentInput | unknown,
  { address }: { address: string | null },
  now: Date = new Date(),
): Promise<CommentReceipt> {
  if (!actor) throw new AppError('unauthenticated', 'unauthenticated');
  if (!can(actor, 'comment:submit')) throw new AppError('forbidden', 'comment_forbidden');
  const data = parseInput(newCommentSchema, input);
  const intake = intakeOf(engine);
  const consultation = await intake.consultation(consultationId);
  if (!consultation) throw new AppError('not_found', 'consultation_not_found');
  const status = consultationStatus(consultation, todayInChina(now));
  if (status === 'closed') throw new AppError('conflict', 'consultation_closed');
  if (status === 'upcoming') throw new AppError('conflict', 'consultation_not_open');
  const articleEid = data.articleEid || null;
  const articles = await versionArticles(engine, consultation.versionId);
  if (articleEid !== null && !articles.labels.has(articleEid)) {
    throw new AppError('validation_failed', 'comment_article_unknown', { details: { fields: [{ path: 'articleEid', message: 'comment_article_unknown' }] } });
  }
  const proposedText = data.proposedText || null;
  const at = now.getTime();
  return intake.store(
    {
      id: orderedId(at),
      consultationId,
      authorId: actor.id,
      articleEid,
      body: data.body,
      proposedText,
      // Diffed here, before the write lock is taken, and never again when the comment is shown.
      proposedDiff: proposalDiff(articleEid === null ? undefined : articles.texts.get(articleEid), proposedText),
      status: consultation.moderation === 'post' ? 'published' : 'pending',
      bodyKey: commentBodyKey(data.body),
      addressHash: address ? addressKey(address) : null,
      at,
    },
    now,
  );
}
