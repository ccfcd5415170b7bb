import { AppError } from '@/lib/errors';
import { formatBytes } from '@/lib/shared';

/// Largest request body the API accepts.
export const maxBodyBytes = 1024 * 1024;

/// Reads a JSON request body without ever holding more than the limit in memory: wrong media type
/// → 415, too large → 413 (by header or by counting), not UTF-8 → 400 `bad_request`, malformed →
/// 400 `invalid_json`.
export async function readJsonBody(request: Request, limit: number = maxBodyBytes): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) throw new AppError('unsupported_media_type', 'unsupported_media_type');
  const declared = Number(request.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(declared) && declared > limit) throw new AppError('payload_too_large', 'payload_too_large', { details: { limit: formatBytes(limit) } });
  if (!request.body) throw new AppError('invalid_json', 'invalid_json');
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new AppError('payload_too_large', 'payload_too_large', { details: { limit: formatBytes(limit) } });
    }
    chunks.push(value);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new AppError('bad_request', 'body_not_utf8');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('invalid_json', 'invalid_json');
  }
}
