import { describe, expect, it } from 'vitest';
import { buildOpenApi } from './buildOpenApi';
import { sessionOperations } from './operations';

describe('buildOpenApi', () => {
  const doc = buildOpenApi() as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { required?: string[]; properties?: object } }> }; responses: Record<string, unknown> }>> };

  it('documents the session endpoints with the request schema the handler validates with', () => {
    const post = doc.paths['/api/v1/session'].post;
    const schema = post.requestBody!.content['application/json'].schema;
    expect(schema.required).toEqual(['email', 'password']);
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '413', '429']));
    expect(doc.paths['/api/v1/session'].delete).toBeTruthy();
    expect(doc.paths['/api/v1/me'].get.responses['401']).toBeTruthy();
  });

  it('follows a change in the schema', () => {
    const changed = buildOpenApi([{ ...sessionOperations.me, path: '/api/v1/x' }]) as typeof doc;
    expect(Object.keys(changed.paths)).toEqual(['/api/v1/x']);
  });
});
