import { vocabularyLabel, type Translate } from '@/lib/i18n';
import type { NotificationView } from '@/lib/inbox';
import { billStages, deadlineKinds, type BillStage, type DeadlineKind } from '@/lib/shared';
import type { Deadline } from '@/lib/workflow';

/// How many days a deadline leaves, in words: 还有 5 天 / 今天到期 / 已逾期 3 天.
export function daysLeftText(d: Deadline, t: Translate): string {
  if (d.overdue) return t('workflow.overdueBy', { n: -d.daysLeft });
  return d.daysLeft === 0 ? t('workflow.dueToday') : t('workflow.daysLeft', { n: d.daysLeft });
}

/// A notice of the inbox as a sentence in the reader's language.
export function noticeText(n: NotificationView, t: Translate): string {
  const d = n.detail;
  const stage = (s: string | number | undefined) => ((billStages as readonly unknown[]).includes(s) ? t(vocabularyLabel('billStage', s as BillStage)) : String(s ?? ''));
  const bill = n.billTitle ?? '';
  const by = String(d.by ?? '');
  switch (n.kind) {
    case 'stage_changed':
      return d.vote ? t('notice.vote_recorded', { bill, by, vote: d.vote === 'passed' ? t('workflow.votePassed') : t('workflow.voteFailed') }) : t('notice.stage_changed', { bill, by, from: stage(d.from), to: stage(d.to) });
    case 'signoff_requested':
      return t('notice.signoff_requested', { bill, by, stage: stage(d.stage) });
    case 'signoff_decided':
      return t('notice.signoff_decided', { bill, by, stage: stage(d.stage), decision: d.decision === 'approve' ? t('decision.approve') : t('decision.reject') });
    case 'article_commented':
      return t('notice.article_commented', { bill, by, article: String(d.article ?? '') });
    case 'deadline_near':
    case 'deadline_overdue': {
      const deadline = (deadlineKinds as readonly unknown[]).includes(d.deadline) ? t(vocabularyLabel('deadlineKind', d.deadline as DeadlineKind)) : String(d.deadline);
      return t(n.kind === 'deadline_near' ? 'notice.deadline_near' : 'notice.deadline_overdue', { bill, deadline, dueOn: String(d.dueOn ?? '') });
    }
  }
}
