// Publication: an adopted bill becomes law in the library with its 公告 (公布), the filing
// (备案) with its package, repeals, and every text leaving in the formats people use. It uses the
// workflow, drafting, versioning and the library; none of them uses it.
export { publishBill, type PublicationResult } from './publishBill';
export { composeNotice, noticeHeading, type NoticeFacts } from './composeNotice';
export { checkAmendment, type AmendmentCheck } from './checkAmendment';
export { defaultEnactingBody } from './defaultEnactingBody';
export { publicationSchema, filingSchema, repealSchema, exportQuerySchema, type PublicationInput, type FilingInput, type RepealInput } from './schemas';
export type { ExportableVersion, LifecycleEvent, PromulgationNotice } from './exports/exportModel';
export { recordFiling } from './recordFiling';
export { filingPackage } from './filingPackage';
export { buildFilingPackage, findPromulgation, type PackageFile } from './buildFilingPackage';
export { repealRegulation } from './repealRegulation';
export { loadExportable } from './loadExportable';
export { exportRegulation, renderExport } from './exportRegulation';
export { exportPlainText } from './exports/exportPlainText';
export { exportAkn } from './exports/exportAkn';
export { exportVersionPdf } from './exports/exportVersionPdf';
export { exportVersionDocx } from './exports/exportVersionDocx';
export { listPublicationLog, type PublicationLogEntry } from './listPublicationLog';
export { buildPublicationFeed, publicationFeeds, type PublicationFeed } from './buildPublicationFeed';
export { getBillPublication, type BillPublication } from './getBillPublication';
export { readPublishForm, readFilingForm } from './readPublicationForms';
export { noticeOfVersion } from './noticeOfVersion';
export { amendmentDocument, amendmentDocuments } from './amendmentDocument';
