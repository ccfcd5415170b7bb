// The legal-aid desk: a volunteer's consultation records (咨询登记) — question, facts without
// names, the provisions cited, the answer and the referral — with a printable answer sheet, and
// a record turned into a public 问答 through review. Records are their volunteer's and admins'.
export { deskRecordSchema, type DeskRecordInput } from './schemas';
export { personalDataIn, type PersonalDataKind } from './personalData';
export { createDeskRecord, updateDeskRecord, getDeskRecord, listDeskRecords, addDeskCitation, removeDeskCitation, type DeskRecordView } from './deskRecords';
export { answerSheetPdf, deskName } from './answerSheet';
export { proposeQa } from './proposeQa';
