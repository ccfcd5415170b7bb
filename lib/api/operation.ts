import type { z } from 'zod';
import type { ErrorCode } from '@/lib/errors';

/// One documented API operation; the same `body` schema validates requests in the handler.
export type Operation = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  body?: z.ZodType;
  query?: z.ZodObject;
  response?: z.ZodType;
  status?: number;
  auth?: 'session' | 'none';
  errors: ErrorCode[];
};
