import { z } from 'zod';
import type { RegistryTiming } from './draftRegistry';

const schema = z.object({
  COLLAB_PORT: z.coerce.number().int().min(0).max(65535).default(1234),
  COLLAB_HOST: z.string().min(1).default('0.0.0.0'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must start with redis:// or rediss://')
    .optional(),
  COLLAB_COMPACT_AFTER_UPDATES: z.coerce.number().int().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
});

/// The collaboration process's settings from its environment; a wrong value stops it with a
/// message naming the variable.
export function collabEnv(env: Record<string, string | undefined>): { port: number; host: string; redisUrl?: string; databaseUrl?: string; timing: Partial<RegistryTiming> } {
  // An empty variable counts as unset, as a shell's `VAR= npm run collab` means.
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`collaboration server settings: ${problems}`);
  }
  const { COLLAB_PORT, COLLAB_HOST, REDIS_URL, COLLAB_COMPACT_AFTER_UPDATES, DATABASE_URL } = parsed.data;
  return {
    port: COLLAB_PORT,
    host: COLLAB_HOST,
    redisUrl: REDIS_URL,
    ...(DATABASE_URL ? { databaseUrl: DATABASE_URL } : {}),
    timing: COLLAB_COMPACT_AFTER_UPDATES ? { compactAfterUpdates: COLLAB_COMPACT_AFTER_UPDATES } : {},
  };
}
