import { buildOpenApi } from '@/lib/api';

/// The OpenAPI document, generated from the request schemas.
export function GET() {
  return Response.json(buildOpenApi(), { headers: { 'cache-control': 'public, max-age=60' } });
}
