import { errorResponse, handleApi } from '@/lib/api';
import { AppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

// Any /api/v1 address without its own route answers 404 in the API's JSON shape, not an HTML page.
const notFound = (request: Request) => handleApi(request, (ctx) => errorResponse(new AppError('not_found', 'route_not_found'), ctx.locale));

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
