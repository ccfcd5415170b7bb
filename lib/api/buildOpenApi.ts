import { z } from 'zod';
import { errorStatus } from '@/lib/errors';
import { errorEnvelopeSchema, operations as allOperations, type Operation } from './operations';

const schemaOf = (s: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(s, { io, unrepresentable: 'any' });

/// The OpenAPI 3.1 document of the JSON API, generated from the zod schemas the handlers validate with.
export function buildOpenApi(operations: Operation[] = allOperations): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const responses: Record<string, unknown> = {};
    const ok = op.status ?? 200;
    responses[String(ok)] = op.response
      ? { description: 'OK', content: { 'application/json': { schema: schemaOf(op.response, 'output') } } }
      : { description: 'Done' };
    for (const code of op.errors) {
      const status = String(errorStatus[code]);
      const existing = responses[status] as { description: string } | undefined;
      responses[status] = {
        description: existing ? `${existing.description}, ${code}` : code,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    const parameters = op.query
      ? Object.entries(op.query.shape).map(([name, s]) => ({
          name,
          in: 'query',
          required: !(s as z.ZodType).safeParse(undefined).success,
          schema: schemaOf(s as z.ZodType, 'input'),
        }))
      : [];
    const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    paths[op.path] ??= {};
    paths[op.path][op.method] = {
      summary: op.summary,
      tags: [op.tag],
      operationId: `${op.method}${op.path.replace(/[^a-zA-Z0-9]+(\w)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      ...(parameters.length || pathParams.length ? { parameters: [...pathParams, ...parameters] } : {}),
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(op.body, 'input') } } } } : {}),
      ...(op.auth === 'session' ? { security: [{ session: [] }] } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Lawbench API', version: '1', description: '立法工作台 JSON API: published library, consultations and drafts.' },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Error: schemaOf(errorEnvelopeSchema, 'output') },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'lawbench_session' } },
    },
  };
}
