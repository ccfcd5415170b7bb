/// A file download: the bytes with their media type, an attachment disposition carrying the
/// (Chinese) file name in RFC 6266 / 5987 form, and no caching of private texts (`public` lets
/// shared caches keep a published text for five minutes). The body may be a stream, for an export
/// too large to build in memory first.
export function fileResponse(doc: { body: Uint8Array | ReadableStream<Uint8Array>; contentType: string; filename: string }, opts: { public?: boolean } = {}): Response {
  const ascii = doc.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return new Response(doc.body instanceof ReadableStream ? doc.body : Buffer.from(doc.body), {
    status: 200,
    headers: {
      'content-type': doc.contentType,
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.filename)}`,
      'cache-control': opts.public ? 'public, max-age=300' : 'private, no-store',
    },
  });
}
