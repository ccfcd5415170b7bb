import { and, eq, max } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { appendAudit } from '@/lib/audit';
import { can, type CurrentUser } from '@/lib/auth';
import { getBill, lockBill } from '@/lib/drafting';
import { AppError } from '@/lib/errors';
import { sendNotice } from '@/lib/inbox';
import { parseHeaderEvents, visibleDifferences, type ParseJson } from '@/lib/legal-text';
import { deriveMetadata, insertRegulationVersionOn, refreshCurrentVersion, slugFor } from '@/lib/library';
import { chineseDate, parseInput, type BillStage, type VersionChange } from '@/lib/shared';
import { freezeDraftVersionOn, getDraftVersion } from '@/lib/versioning';
import { appendTransitionOn, membersToTell, stagesOf } from '@/lib/workflow';
import { billToPublish } from './billToPublish';
import { checkAmendment, type AmendmentCheck } from './checkAmendment';
import { composeNotice } from './composeNotice';
import { publicationSchema, type PublicationInput } from './schemas';

/// What a publication made: the regulation and its new version, the 公告, and where the bill went.
export interface PublicationResult {
  promulgationId: string;
  regulationId: string;
  versionId: string;
  slug: string;
  seq: number;
  change: VersionChange;
  noticeText: string;
  stage: BillStage;
}

const refuse = (message: string, details?: unknown) => new AppError('validation_failed', message, { details });

/// Publishes (公布) a bill at `promulgation`, for its coordinator or an admin. The text published
/// is the draft as it stands, frozen as 公布稿; it must read exactly as the version voted on
/// (表决稿) when there was a vote. A new bill becomes a new regulation; an amendment bill a new
/// version of the regulation it amends, as a 修正 whose generated 修改决定, applied to the latest
/// text of that regulation, must give the final text exactly (else `decision_mismatch` with the
/// differing articles), or as a 修订. In one transaction: the version with its articles and
/// events, the 公告, the move on to 备案 (or to the end, for an industry norm), one audit entry and
/// the members' notices. Cached library pages go stale with the commit. The search index then
/// follows the version in force (its own transaction, like an import's).
export async function publishBill(engine: Engine, actor: CurrentUser | null, billId: string, input: PublicationInput | unknown, now: Date = new Date()): Promise<PublicationResult> {
  const bill = await getBill(engine, actor, billId);
  if (!can(actor, 'bill:transition', bill.resource)) throw new AppError('forbidden', 'publish_forbidden');
  const data = parseInput(publicationSchema, input);
  if (bill.stage !== 'promulgation') throw new AppError('conflict', 'not_at_promulgation', { details: { stage: bill.stage } });
  const { record, amended, inForce, draftText, finalText, needsApproval, defaults } = await billToPublish(engine, actor, bill);
  const adoptedOn = data.adoptedOn ?? defaults.adoptedOn ?? data.promulgatedOn;
  const approvedOn = needsApproval ? (data.approvedOn ?? defaults.approvedOn) : null;
  if (needsApproval && !data.approvingBody) throw refuse('approving_body_required', { fields: [{ path: 'approvingBody', message: 'approving_body_required' }] });
  if (data.effectiveOn < adoptedOn) throw refuse('effective_before_adoption', { fields: [{ path: 'effectiveOn', message: 'effective_before_adoption' }], adoptedOn });
  if (data.promulgatedOn < adoptedOn) throw refuse('promulgated_before_adoption', { fields: [{ path: 'promulgatedOn', message: 'promulgated_before_adoption' }], adoptedOn });
  if (approvedOn && (approvedOn < adoptedOn || approvedOn > data.promulgatedOn)) throw refuse('approval_date_out_of_order', { fields: [{ path: 'approvedOn', message: 'approval_date_out_of_order' }] });

  if (finalText.articles.length === 0) throw new AppError('conflict', 'no_articles');
  if (record.votedVersionId) {
    const voted = (await getDraftVersion(engine, actor, bill.draftId, record.votedVersionId)).text;
    const changed = visibleDifferences(voted, draftText);
    if (changed.length > 0) throw new AppError('conflict', 'text_changed_since_vote', { details: { articles: changed } });
  }
  const enactingBody = data.enactingBody ?? defaults.enactingBody;
  if (!enactingBody) throw refuse('enacting_body_required', { fields: [{ path: 'enactingBody', message: 'enacting_body_required' }] });
  const change: VersionChange = amended ? (data.change ?? 'amendment') : 'original';
  let check: AmendmentCheck | null = null;
  if (amended && change === 'amendment') {
    check = checkAmendment(inForce!.text, finalText, data.effectiveOn);
    if (!check.ok) throw new AppError('conflict', 'decision_mismatch', { details: { articles: check.differing, problems: check.problems.map((p) => p.message) } });
  }
  const year = Number(data.promulgatedOn.slice(0, 4));
  const { promulgations } = engine.t;
  const [taken] = await engine.db.select({ id: promulgations.id }).from(promulgations).where(and(eq(promulgations.body, enactingBody), eq(promulgations.year, year), eq(promulgations.number, data.announcementNumber)));
  if (taken) throw new AppError('conflict', 'announcement_number_taken', { details: { number: data.announcementNumber, year, body: enactingBody } });
  const noticeText = composeNotice({
    kind: bill.kind, number: data.announcementNumber, body: enactingBody,
    promulgatedTitle: check ? nestedTitle(`${enactingBody}${check.decision.title}`) : finalText.title,
    adoptingMeeting: data.adoptingMeeting, adoptedOn, approvingBody: data.approvingBody, approvedOn,
    promulgatedOn: data.promulgatedOn, effectiveOn: data.effectiveOn, amends: check ? finalText.title : null,
  });
  const next = stagesOf(bill.kind)[stagesOf(bill.kind).indexOf('promulgation') + 1];

  const result = await withTransaction(engine, async (tx) => {
    await lockBill(tx, billId);
    const { regulations, regulationVersions } = tx.t;
    const frozen = await freezeDraftVersionOn(tx, actor, bill, { name: '公布稿', kind: 'frozen', reason: 'stage:publication' });
    const published = withInfoLines(finalText, { adoptedOn, meeting: data.adoptingMeeting ?? enactingBody, approvedOn, approvingBody: data.approvingBody ?? null, change, decisionTitle: check ? `${enactingBody}${check.decision.title}` : null, history: inForce?.infoLines ?? [] });
    const { regulationId, slug } = amended
      ? { regulationId: amended.regulation.id, slug: amended.regulation.slug }
      : await insertRegulation(tx, bill.kind, published, enactingBody, data.approvingBody ?? null);
    if (amended) await tx.db.update(regulations).set({ title: finalText.title, updatedAt: now }).where(eq(regulations.id, regulationId));
    const [latest] = await tx.db.select({ m: max(regulationVersions.seq) }).from(regulationVersions).where(eq(regulationVersions.regulationId, regulationId));
    const seq = (latest?.m ?? 0) + 1;
    const versionId = await insertRegulationVersionOn(tx, {
      regulationId, seq, change, text: published, sourceText: '',
      adoptedOn, approvedOn, promulgatedOn: data.promulgatedOn, effectiveOn: data.effectiveOn,
      body: data.adoptingMeeting ?? enactingBody, approvingBody: data.approvingBody ?? null,
      source: check ? `《${check.decision.title}》` : null, billId,
    });
    const promulgationId = crypto.randomUUID();
    await tx.db.insert(tx.t.promulgations).values({
      id: promulgationId, billId, regulationId, versionId, draftVersionId: frozen.id, consultationId: record.consultationId,
      number: data.announcementNumber, year, body: enactingBody, approvingBody: data.approvingBody ?? null,
      adoptedOn, approvedOn, promulgatedOn: data.promulgatedOn, effectiveOn: data.effectiveOn, noticeText,
      decision: check ? { title: check.decision.title, preamble: check.decision.preamble, clauses: check.decision.clauses, closing: check.decision.closing ?? '' } : null,
      comparison: check ? check.comparison : null,
      publishedBy: actor!.id, publishedAt: now,
    });
    await appendTransitionOn(tx, { billId, from: 'promulgation', to: next, note: `公布：${noticeText.split('\n')[0]}第${data.announcementNumber}号`, actorId: actor!.id, versionId: frozen.id, at: now });
    await appendAudit(
      tx,
      { actorId: actor!.id, action: 'bill.publish', targetType: 'bill', targetId: billId, detail: { billId, regulationId, versionId, seq, change, number: data.announcementNumber, year, body: enactingBody, promulgatedOn: data.promulgatedOn, effectiveOn: data.effectiveOn, draftVersionId: frozen.id } },
      now,
    );
    await sendNotice(tx, { userIds: await membersToTell(tx, billId, actor!.id), billId, kind: 'stage_changed', detail: { from: 'promulgation', to: next, by: actor!.name } }, now);
    return { promulgationId, regulationId, versionId, slug, seq, change, noticeText, stage: next };
  });
  await refreshCurrentVersion(engine, result.regulationId);
  return result;
}

/// A new regulation (the work) for the first publication of a bill's text.
async function insertRegulation({ db, t }: Engine, kind: Parameters<typeof composeNotice>[0]['kind'], text: ParseJson, enactingBody: string, approvingBody: string | null) {
  const meta = deriveMetadata(text);
  const slug = slugFor(text.title);
  if ((await db.select({ id: t.regulations.id }).from(t.regulations).where(eq(t.regulations.slug, slug))).length > 0) throw new AppError('conflict', 'regulation_exists', { details: { slug } });
  const regulationId = crypto.randomUUID();
  await db.insert(t.regulations).values({ id: regulationId, slug, title: text.title, kind, region: meta.region, topic: meta.topic, enactingBody, approvingBody });
  return { regulationId, slug };
}

/// The published text with its 题注 (the lines under the title), in the library's form "DATE BODY
/// 通过": the adoption (for an amendment, 根据《…决定》修正; for a revision, 修订) and the approval,
/// after the regulation's earlier history for an amendment or revision.
function withInfoLines(
  text: ParseJson,
  f: { adoptedOn: string; meeting: string; approvedOn: string | null; approvingBody: string | null; change: VersionChange; decisionTitle: string | null; history: string[] },
): ParseJson {
  const act = f.change === 'original' ? '通过' : f.change === 'revision' ? '修订' : `根据《${nestedTitle(f.decisionTitle ?? '')}》修正`;
  const lines = [`${chineseDate(f.adoptedOn)} ${f.meeting}${act}`];
  if (f.approvedOn && f.approvingBody) lines.push(`${chineseDate(f.approvedOn)} ${f.approvingBody}批准`);
  const info = [...(f.change === 'original' ? [] : f.history), ...lines];
  return { ...text, info, events: parseHeaderEvents(info) };
}

/// A title as it stands inside 《》: its own 《》 become 〈〉 (关于修改〈…〉的决定).
function nestedTitle(title: string): string {
  return title.replace(/《/g, '〈').replace(/》/g, '〉');
}
