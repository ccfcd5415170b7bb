import { asc, eq, inArray } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { appendAudit } from '@/lib/audit';
import type { CurrentUser } from '@/lib/auth';
import { bigramProfile, profileSimilarity, type BigramProfile } from '@/lib/legal-text';
import { authorizeConsultationStaff } from './authorizeConsultationStaff';
import { sentTieBreak } from './commentColumns';
import { lockCampaigns } from './lockCampaigns';

/// How alike two bodies must be (Dice coefficient of character bigrams) to count as one campaign.
export const campaignSimilarity = 0.85;

// Dice ≥ t needs the shorter profile to be at least t / (2 − t) of the longer one.
const sizeRatio = campaignSimilarity / (2 - campaignSimilarity);

type Group = { key: string; article: string | null; profile: BigramProfile; members: number; added: string[] };

/// Finds the campaigns among a consultation's comments and groups them, for staff members of the
/// bill. Every comment not yet in a group of two or more (rejected ones left aside) joins a group:
/// first one whose comments have the same body key, then the first group whose first comment's
/// body is near-identical (Dice ≥ 0.85) and on the same article (or both on the draft as a whole);
/// otherwise it starts a group later comments may join. Only `group_id` is written; nothing is
/// deleted. Returns how many groups gained comments and how many comments were placed in one.
/// One transaction, which comments arriving meanwhile wait for (`lockCampaigns`).
export async function groupCampaigns(engine: Engine, actor: CurrentUser | null, consultationId: string, now: Date = new Date()): Promise<{ groups: number; grouped: number }> {
  await authorizeConsultationStaff(engine, actor, consultationId, 'draft:comment', 'campaign_forbidden');
  return withTransaction(engine, async (tx) => {
    await lockCampaigns(tx, consultationId, 'exclusive');
    const { consultationComments } = tx.t;
    const rows = await tx.db
      .select({ id: consultationComments.id, groupId: consultationComments.groupId, bodyKey: consultationComments.bodyKey, articleEid: consultationComments.articleEid, body: consultationComments.body, status: consultationComments.status })
      .from(consultationComments)
      .where(eq(consultationComments.consultationId, consultationId))
      .orderBy(asc(consultationComments.createdAt), asc(sentTieBreak(tx)));
    const size = new Map<string, number>();
    for (const r of rows) size.set(r.groupId ?? r.id, (size.get(r.groupId ?? r.id) ?? 0) + 1);

    // The existing groups of two or more, each represented by its first comment.
    const groups: Group[] = [];
    const byKey = new Map<string, Group>();
    const byBody = new Map<string, Group>();
    for (const r of rows) {
      const key = r.groupId ?? r.id;
      if ((size.get(key) ?? 0) < 2) continue;
      let g = byKey.get(key);
      if (!g) {
        g = { key, article: r.articleEid, profile: bigramProfile(r.body), members: size.get(key)!, added: [] };
        byKey.set(key, g);
        groups.push(g);
      }
      if (!byBody.has(r.bodyKey)) byBody.set(r.bodyKey, g);
    }

    // Candidates are compared per article with groups of a similar length only.
    const byArticle = new Map<string | null, Group[]>();
    const file = (g: Group) => {
      const list = byArticle.get(g.article);
      if (list) list.push(g);
      else byArticle.set(g.article, [g]);
    };
    groups.forEach(file);
    const changed = new Set<Group>();
    for (const r of rows) {
      if ((size.get(r.groupId ?? r.id) ?? 0) >= 2 || r.status === 'rejected') continue;
      let target = byBody.get(r.bodyKey);
      const profile = bigramProfile(r.body);
      if (!target) {
        let best = campaignSimilarity;
        for (const g of byArticle.get(r.articleEid) ?? []) {
          const [small, large] = g.profile.size <= profile.size ? [g.profile.size, profile.size] : [profile.size, g.profile.size];
          if (small < large * sizeRatio) continue;
          const similarity = profileSimilarity(g.profile, profile);
          if (similarity >= best) [best, target] = [similarity, g];
        }
      }
      if (target) {
        target.added.push(r.id);
        target.members++;
        changed.add(target);
        continue;
      }
      const g: Group = { key: r.id, article: r.articleEid, profile, members: 1, added: [r.id] };
      byBody.set(r.bodyKey, g);
      file(g);
    }

    let grouped = 0;
    let formed = 0;
    for (const g of changed) {
      if (g.members < 2) continue;
      formed++;
      grouped += g.added.length;
      for (let i = 0; i < g.added.length; i += 500) {
        await tx.db.update(consultationComments).set({ groupId: g.key }).where(inArray(consultationComments.id, g.added.slice(i, i + 500)));
      }
    }
    if (grouped > 0) {
      await appendAudit(tx, { actorId: actor!.id, action: 'consultation.group', targetType: 'consultation', targetId: consultationId, detail: { groups: formed, grouped } }, now);
    }
    return { groups: formed, grouped };
  });
}
