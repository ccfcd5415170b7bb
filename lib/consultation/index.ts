/// lib/consultation: public consultations (征求意见) on frozen versions of drafts — opening them,
/// comments from the public with receipts and rate limits, moderation, campaign grouping,
/// dispositions (采纳情况) and the staff's numbers.
export * from './types';
export {
  openConsultationSchema, newCommentSchema, moderateCommentSchema, commentWorkSchema, dispositionSchema, consultationPeriod, normalClosingDay,
  type OpenConsultationInput, type NewCommentInput, type ModerateCommentInput, type CommentWorkInput, type DispositionInput,
} from './schemas';
export { openConsultation, openConsultationIn } from './openConsultation';
export { consultationStatus } from './consultationStatus';
export { listConsultations } from './listConsultations';
export { listConsultationsOfBill } from './listConsultationsOfBill';
export { getConsultation } from './getConsultation';
export { getConsultationForStaff } from './getConsultationForStaff';
export { submitComment } from './submitComment';
export { commentRateLimits } from './commentRateLimits';
export { commentBodyKey } from './commentBodyKey';
export { maskAuthorName } from './maskAuthorName';
export { versionArticles, type VersionArticles } from './versionArticles';
export { listPublishedComments } from './listPublishedComments';
export { listStaffComments, type StaffCommentFilter } from './listStaffComments';
export { moderateComment } from './moderateComment';
export { updateCommentWork } from './updateCommentWork';
export { setDisposition } from './setDisposition';
export { groupCampaigns, campaignSimilarity } from './groupCampaigns';
export { consultationStats, type ConsultationStats } from './consultationStats';
export { listMyComments } from './listMyComments';

// The outputs (report, exports, feed) are written alongside by another hand; the routes import
// them from here too.
export { publishReport } from './publishReport';
export { buildConsultationFeed } from './buildConsultationFeed';
export { commentsExport, publicReport, publicReportDocument, reportDocument } from './consultationDocuments';
export { insertBareComment } from './insertBareComment';
export { readCommentForm, readOpenConsultationForm, readModerationForm, readDispositionForm, readCommentWorkForm } from './readConsultationForms';
export { getConsultationReport, type ConsultationReport } from './getConsultationReport';
export { reportDueOn, reportDueDays } from './reportDueOn';
export { openConsultationsAmending } from './openConsultationsAmending';
export { amendmentComparison, type AmendmentComparison } from './amendmentComparison';
