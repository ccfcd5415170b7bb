// The closed sets of the product's vocabulary, each declared once: the database schema, the
// zod schemas of every boundary, the message catalogue's keys and the pages all take them from
// here. The values are the API's words; what people read comes from lib/i18n.

/// Account roles, from most to least privileged; `public` is what self-registration gives.
export const userRoles = ['admin', 'drafter', 'reviewer', 'volunteer', 'public'] as const;
export type UserRole = (typeof userRoles)[number];

/// What a one-time link sent by e-mail is for.
export const accountTokenPurposes = ['register', 'reset'] as const;
export type AccountTokenPurpose = (typeof accountTokenPurposes)[number];

/// Roles an admin can give when creating a staff account (public accounts register themselves).
export const staffRoles = ['admin', 'drafter', 'reviewer', 'volunteer'] as const satisfies readonly UserRole[];

/// Kinds of text: 地方性法规, 政府规章, 行业规范.
export const regulationKinds = ['local_regulation', 'government_rule', 'industry_norm', 'law', 'administrative_regulation', 'department_rule', 'judicial_interpretation'] as const;
export type RegulationKind = (typeof regulationKinds)[number];

/// The kinds of text this authority drafts itself (a bill's kind); the others (法律, 行政法规,
/// 部门规章, 司法解释) come into the library from above and are only read and cited.
export const billKinds = ['local_regulation', 'government_rule', 'industry_norm'] as const satisfies readonly RegulationKind[];
export type BillKind = (typeof billKinds)[number];

/// Where a text's authority comes from: the nation, a province (or a municipality directly under
/// the central government), a city with legislative power (设区的市, 自治州), or elsewhere.
export const jurisdictionLevels = ['national', 'province', 'city', 'other'] as const;
export type JurisdictionLevel = (typeof jurisdictionLevels)[number];

/// How a text stands to the city this site serves: its own (本市法规), from above it (上位法:
/// national, or its province), or another place's, for reference (外地参考).
export const jurisdictionRelations = ['own', 'superior', 'elsewhere'] as const;
export type JurisdictionRelation = (typeof jurisdictionRelations)[number];

/// Where a regulation stands on a date: 现行有效, 已修改 (a text since amended), 尚未生效, 已废止.
export const regulationStatuses = ['in_force', 'amended', 'not_yet_effective', 'repealed'] as const;
export type RegulationStatus = (typeof regulationStatuses)[number];

/// How a published version came about: first adoption, a partial amendment (修正), a full revision (修订).
export const versionChanges = ['original', 'amendment', 'revision'] as const;
export type VersionChange = (typeof versionChanges)[number];

/// The stages a bill can stand at, across the paths of every kind of text (the paths
/// themselves, and which stage follows which, belong to lib/workflow).
export const billStages = [
  'proposal', 'drafting', 'submission', 'first_reading', 'consultation', 'second_reading', 'third_reading', 'vote',
  'approval', 'legality_review', 'executive_meeting', 'adoption', 'promulgation', 'filing', 'done', 'withdrawn', 'shelved',
] as const;
export type BillStage = (typeof billStages)[number];

/// A person's part in one bill: the coordinator (who opened it, or to whom an admin handed it)
/// moves it through its stages and edits like an editor; editors type in the draft; reviewers
/// read, comment and sign off.
export const memberRoles = ['coordinator', 'editor', 'reviewer'] as const;
export type MemberRole = (typeof memberRoles)[number];

/// Whether comments of a consultation are read before they appear (pre) or after (post).
export const moderationModes = ['pre', 'post'] as const;
export type ModerationMode = (typeof moderationModes)[number];

/// Where a public comment stands in moderation.
export const commentStatuses = ['pending', 'published', 'rejected'] as const;
export type CommentStatus = (typeof commentStatuses)[number];

/// Why a moderator rejected a comment.
export const rejectReasons = ['off_topic', 'abusive', 'personal_data', 'spam'] as const;
export type RejectReason = (typeof rejectReasons)[number];

/// The disposition (采纳情况) of a comment: 采纳, 部分采纳, 未采纳, 已吸收.
export const dispositions = ['adopted', 'partly_adopted', 'not_adopted', 'absorbed'] as const;
export type Disposition = (typeof dispositions)[number];

/// A reviewer's answer to a sign-off request: the text may go on to the next stage, or not.
export const signoffDecisions = ['approve', 'reject'] as const;
export type SignoffDecision = (typeof signoffDecisions)[number];

/// The dates a bill's clocks count towards, computed from its events (立法法 art. 40, 81, 109;
/// 规章制定程序条例 art. 32).
export const deadlineKinds = ['consultation_closes', 'approval_due', 'filing_due', 'effect_due'] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

/// What a notification in a person's inbox is about.
export const notificationKinds = ['stage_changed', 'signoff_requested', 'signoff_decided', 'article_commented', 'deadline_near', 'deadline_overdue'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/// What can happen to a regulation on a date, each recorded as an event: its status, timeline and
/// every "as in force on" view are computed from these (adoption 通过, approval 批准, promulgation
/// 公布, entry into force 施行, amendment 修正, revision 修订, repeal 废止).
export const lifecycleEventKinds = ['adopted', 'approved', 'promulgated', 'effective', 'amended', 'revised', 'repealed'] as const;
export type LifecycleEventKind = (typeof lifecycleEventKinds)[number];

/// The formats a published version can be taken away in.
export const exportFormats = ['pdf', 'docx', 'txt', 'json', 'akn'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/// Kinds of legal-aid and legal-education content: 释义 (article-by-article explanation of one
/// regulation), 普法 (legal-education article), 法律援助指南 (legal-aid guide), 以案释法 / 问答.
export const explainerKinds = ['interpretation', 'education', 'aid_guide', 'qa'] as const;
export type ExplainerKind = (typeof explainerKinds)[number];

/// Where a piece of content stands: being written (or sent back), waiting for a reviewer,
/// public, or taken down again.
export const explainerStatuses = ['draft', 'in_review', 'approved', 'unpublished'] as const;
export type ExplainerStatus = (typeof explainerStatuses)[number];

/// How a citation in content stands today against the law as in force on the content's date.
export const citationStatuses = ['current', 'amended', 'repealed', 'unresolved'] as const;
export type CitationStatus = (typeof citationStatuses)[number];

/// Where the legal-aid desk sends a person on: a legal-aid centre, arbitration, the courts, mediation.
export const referralKinds = ['legal_aid', 'arbitration', 'litigation', 'mediation'] as const;
export type ReferralKind = (typeof referralKinds)[number];
