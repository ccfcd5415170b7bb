// The law-making workflow: the statutory path of each kind of text, moves between stages with
// their sign-offs and votes, the clocks that run from the events, and the dashboard.
export { workflowPaths, endStages, isClosedStage, stagesOf, frozenOnEntry, signoffsNeeded, type PathStep } from './paths';
export { planTransition, type TransitionPlan } from './planTransition';
export { describePath, type StageState } from './describePath';
export { computeDeadlines, type Deadline } from './computeDeadlines';
export { transitionBill, type TransitionResult } from './transitionBill';
export { appendTransitionOn, type MoveRecord } from './appendTransition';
export { requestSignoff } from './requestSignoff';
export { decideSignoff } from './decideSignoff';
export { recordVote, type VoteResult } from './recordVote';
export { getBillWorkflow, type BillWorkflow } from './getBillWorkflow';
export { listWorkflowBills, type WorkflowBill } from './listWorkflowBills';
export { sweepDeadlineNotices } from './sweepDeadlineNotices';
export { transitionSchema, signoffSchema, signoffRequestSchema, voteSchema, type TransitionInput, type SignoffInput, type SignoffRequestInput, type VoteInput } from './schemas';
export { stageConsultationSchema } from './schemas';
export { attachToBill, sniffDocumentType, maxAttachmentBytes } from './attachToBill';
export { getAttachment } from './getAttachment';
export { readMoveForm, readSignoffRequestForm, readSignoffForm, readVoteForm } from './readWorkflowForms';
export { membersToTell } from './membersToTell';
export { readBillRecord, stageEntryDays, type BillRecord } from './readBillRecord';
