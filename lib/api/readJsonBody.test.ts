import { describe, expect, it } from 'vitest';
import { describeError } from '@/lib/i18n';
import { readJsonBody } from './readJsonBody';

const post = (body: BodyInit, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  new Request('http://x.test/api', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('readJsonBody', () => {
  it('parses a JSON body', async () => {
    await expect(readJsonBody(post('{"a":"条"}'))).resolves.toEqual({ a: '条' });
  });

  it('refuses malformed JSON, a wrong media type, invalid UTF-8 and an oversized body', async () => {
    await expect(readJsonBody(post('{"a":'))).rejects.toMatchObject({ code: 'invalid_json' });
    await expect(readJsonBody(post('{}', { 'content-type': 'text/plain' }))).rejects.toMatchObject({ code: 'unsupported_media_type' });
    await expect(readJsonBody(post(new Uint8Array([0x22, 0xff, 0x22])))).rejects.toMatchObject({ code: 'bad_request', message: 'body_not_utf8' });
    await expect(readJsonBody(post('"' + 'x'.repeat(2000) + '"'), 1000)).rejects.toMatchObject({ code: 'payload_too_large' });
  });

  it('stops reading a body that lies about its length', async () => {
    const stream = new ReadableStream({
      pull(c) {
        c.enqueue(new TextEncoder().encode('x'.repeat(600)));
      },
    });
    await expect(readJsonBody(post(stream, { 'content-type': 'application/json', 'content-length': '5' }), 1000)).rejects.toMatchObject({
      code: 'payload_too_large',
    });
  });

  it('names the limit that was exceeded in the message, not a general one', async () => {
    const error = await readJsonBody(post('"' + 'x'.repeat(70_000) + '"'), 64 * 1024).catch((e: unknown) => e);
    expect(describeError('zh-CN', error)).toBe('提交的内容太大（上限 64 KB）。');
    expect(describeError('en', error)).toBe('What you sent is too large (limit 64 KB).');
  });
});
