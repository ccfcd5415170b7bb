export { handleApi, requireUser } from './handleApi';
export { readJsonBody, maxBodyBytes } from './readJsonBody';
export { errorResponse, jsonResponse } from './errorResponse';
export { readCookie, serializeCookie } from './cookies';
export { requestContext, type RequestContext } from './requestContext';
export { buildOpenApi } from './buildOpenApi';
export { operations, sessionOperations, type Operation } from './operations';
