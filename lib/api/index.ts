export { handleApi, requireUser } from './handleApi';
export { readJsonBody, maxBodyBytes } from './readJsonBody';
export { errorResponse, jsonResponse } from './errorResponse';
export { appErrorOf } from './appErrorOf';
export { requestContext, requestLocale, clientAddress, publicOrigin, originFromHeaders, type RequestContext } from './requestContext';
export { buildOpenApi } from './buildOpenApi';
export { operations, sessionOperations, type Operation } from './operations';
export { libraryOperations, regulationListQuery, atQuery } from './libraryOperations';
export { readQuery } from './readQuery';
export { draftingOperations } from './draftingOperations';
export { versioningOperations, compareQuery, decisionQuery } from './versioningOperations';
export { fileResponse } from './fileResponse';
export { atomResponse, feedsPage, isBrowserNavigation } from './atomResponse';
export { consultationOperations, consultationListQuery, commentExportQuery, publishedCommentsQuery, reportQuery } from './consultationOperations';
export { workflowOperations, billWorkflowSchema } from './workflowOperations';
export { auditOperations, auditExportQuery } from './auditOperations';
export { textStream } from './textStream';
export { auditDownload } from './auditDownload';
export { publicationOperations, exportQuery, publicationLogQuery, amendmentQuery } from './publicationOperations';
export { explainerOperations, contentListQuery } from './explainerOperations';
/// The process's database engine, for routes, server actions and pages to hand to the lib
/// functions that take one (app/ does not import db/ itself).
export { getEngine } from '@/db/engine';
