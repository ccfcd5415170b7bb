import type {
  BillStage, CommentStatus, DeadlineKind, Disposition, MemberRole, ModerationMode, RegulationKind, RegulationStatus, RejectReason, SignoffDecision, UserRole, VersionChange, LifecycleEventKind, ExplainerKind, ExplainerStatus, CitationStatus, ReferralKind, JurisdictionLevel, JurisdictionRelation,
} from '@/lib/shared/vocabulary';
import type { MessageKey } from './zh-CN';

/// Each closed set of lib/shared/vocabulary with the catalogue prefix of its labels.
const prefixes = {
  userRole: 'role',
  regulationKind: 'kind',
  regulationStatus: 'status',
  versionChange: 'versionChange',
  billStage: 'stage',
  memberRole: 'bills.role',
  moderationMode: 'open.moderation',
  commentStatus: 'commentStatus',
  rejectReason: 'rejectReason',
  disposition: 'disposition',
  deadlineKind: 'deadline',
  signoffDecision: 'decision',
  lifecycleEventKind: 'reg.event',
  explainerKind: 'explainer.kind',
  explainerStatus: 'explainer.status',
  citationStatus: 'explainer.citation',
  referralKind: 'desk.referralKind',
  jurisdictionLevel: 'jurisdiction.level',
  jurisdictionRelation: 'jurisdiction.relation',
} as const;

interface Members {
  userRole: UserRole;
  regulationKind: RegulationKind;
  regulationStatus: RegulationStatus;
  versionChange: VersionChange;
  billStage: BillStage;
  memberRole: MemberRole;
  moderationMode: ModerationMode;
  commentStatus: CommentStatus;
  rejectReason: RejectReason;
  disposition: Disposition;
  deadlineKind: DeadlineKind;
  signoffDecision: SignoffDecision;
  lifecycleEventKind: LifecycleEventKind;
  explainerKind: ExplainerKind;
  explainerStatus: ExplainerStatus;
  citationStatus: CitationStatus;
  referralKind: ReferralKind;
  jurisdictionLevel: JurisdictionLevel;
  jurisdictionRelation: JurisdictionRelation;
}

/// The names of the closed sets that have labels.
export type VocabularySet = keyof typeof prefixes;
type LabelKeys = { [S in VocabularySet]: `${(typeof prefixes)[S]}.${Members[S]}` };
type LabelKey<S extends VocabularySet> = LabelKeys[S];

// Fails to compile when a member of any set has no label in the catalogue.
const everyLabelExists: (key: LabelKeys[VocabularySet]) => MessageKey = (key) => key;

/// The catalogue key of the label of one member of a closed set: `('billStage', 'first_reading')`
/// → `stage.first_reading` (一审 / First reading).
export function vocabularyLabel<S extends VocabularySet>(set: S, value: Members[S]): MessageKey {
  return everyLabelExists(`${prefixes[set]}.${value}` as LabelKey<S>);
}
