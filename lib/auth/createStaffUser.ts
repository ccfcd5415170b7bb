import { getDatabase, type Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import { can } from './can';
import { insertUser } from './registerUser';
import type { CurrentUser } from './roles';
import { parseInput } from '@/lib/shared';
import { createStaffSchema } from './schemas';

/// An admin creates a staff account (admin, drafter, reviewer or volunteer) with a first password.
export async function createStaffUser(actor: CurrentUser | null, input: unknown, db: Db = getDatabase()): Promise<CurrentUser> {
  if (!can(actor, 'users:manage')) throw new AppError('forbidden', 'forbidden');
  const data = parseInput(createStaffSchema, input);
  return insertUser(db, data, actor!.id);
}
