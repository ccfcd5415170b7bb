import { and, eq, max } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { can, type CurrentUser } from '@/lib/auth';
import { getBill } from '@/lib/drafting';
import { todayInChina } from '@/lib/shared';
import { billToPublish } from './billToPublish';
import { checkAmendment } from './checkAmendment';

/// What the bill's page shows of its publication: once published, the 公告, the version made and
/// the filing; before, at 公布, what the publication form starts from (the next free number, the
/// dates from the record) and, for an amendment, whether the generated 修改决定 rebuilds the text.
export interface BillPublication {
  published: {
    noticeText: string;
    number: number;
    promulgatedOn: string;
    effectiveOn: string;
    regulationSlug: string;
    versionSeq: number;
    decision: { title: string; clauses: string[] } | null;
  } | null;
  filing: { filedOn: string; bodies: string[]; packageSha256: string } | null;
  /// Set at 公布 for whoever may publish.
  form: {
    amendment: boolean;
    enactingBody: string;
    nextNumber: number;
    adoptedOn: string;
    approvedOn: string | null;
    needsApproval: boolean;
    check: { ok: boolean; differing: string[]; problems: string[]; decisionText: string } | null;
  } | null;
  mayPublish: boolean;
}

/// The publication side of a bill, for its members.
export async function getBillPublication(engine: Engine, actor: CurrentUser | null, billId: string, now: Date = new Date()): Promise<BillPublication> {
  const bill = await getBill(engine, actor, billId);
  const mayPublish = can(actor, 'bill:transition', bill.resource);
  const { db, t } = engine;
  const { filings, promulgations, regulations, regulationVersions } = t;
  const [p] = await db
    .select({ row: promulgations, slug: regulations.slug, seq: regulationVersions.seq })
    .from(promulgations)
    .innerJoin(regulations, eq(regulations.id, promulgations.regulationId))
    .innerJoin(regulationVersions, eq(regulationVersions.id, promulgations.versionId))
    .where(eq(promulgations.billId, billId))
    .limit(1);
  const [f] = await db.select({ filedOn: filings.filedOn, bodies: filings.bodies, packageSha256: filings.packageSha256 }).from(filings).where(eq(filings.billId, billId)).limit(1);
  const published = p
    ? {
        noticeText: p.row.noticeText, number: p.row.number, promulgatedOn: p.row.promulgatedOn, effectiveOn: p.row.effectiveOn,
        regulationSlug: p.slug, versionSeq: p.seq, decision: p.row.decision ? { title: p.row.decision.title, clauses: p.row.decision.clauses } : null,
      }
    : null;
  if (p || bill.stage !== 'promulgation' || !mayPublish) return { published, filing: f ?? null, form: null, mayPublish };

  const { amended, inForce, finalText, needsApproval, defaults } = await billToPublish(engine, actor, bill);
  const enactingBody = defaults.enactingBody ?? '';
  const year = Number(todayInChina(now).slice(0, 4));
  const [last] = await db.select({ n: max(promulgations.number) }).from(promulgations).where(and(eq(promulgations.body, enactingBody), eq(promulgations.year, year)));
  const used = last?.n ?? 0;
  const check = inForce ? checkAmendment(inForce.text, finalText) : null;
  return {
    published,
    filing: f ?? null,
    mayPublish,
    form: {
      amendment: amended !== null,
      enactingBody,
      nextNumber: used + 1,
      adoptedOn: defaults.adoptedOn ?? todayInChina(now),
      approvedOn: defaults.approvedOn,
      needsApproval,
      check: check && { ok: check.ok, differing: check.differing, problems: check.problems.map((x) => x.message), decisionText: check.decisionText },
    },
  };
}
