import type { Engine } from '@/db/engine';
import { AppError } from '@/lib/errors';
import { can } from './can';
import { insertUser } from './registerUser';
import type { CurrentUser } from './roles';
import { parseInput } from '@/lib/shared';
import { createStaffSchema } from './schemas';

/// An admin creates a staff account (admin, drafter, reviewer or volunteer) with a first password.
/// Runs on either engine.
export async function createStaffUser(engine: Engine, actor: CurrentUser | null, input: unknown): Promise<CurrentUser> {
  if (!can(actor, 'users:manage')) throw new AppError('forbidden', 'forbidden');
  const data = parseInput(createStaffSchema, input);
  return insertUser(engine, data, actor!.id);
}
