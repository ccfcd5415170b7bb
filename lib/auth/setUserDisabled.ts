import { eq } from 'drizzle-orm';
import { sessions, users } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { recordAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { can } from './can';
import type { CurrentUser } from './roles';

/// Disables (ending every session at once) or re-enables an account. Admins cannot disable themselves.
export function setUserDisabled(actor: CurrentUser | null, userId: string, disabled: boolean, db: Db = getDatabase()): void {
  if (!can(actor, 'users:manage')) throw new AppError('forbidden', 'forbidden');
  if (disabled && actor!.id === userId) throw new AppError('conflict', 'cannot_disable_self');
  db.transaction((tx) => {
    const target = tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).get();
    if (!target) throw new AppError('not_found', 'user_not_found');
    tx.update(users).set({ disabledAt: disabled ? new Date() : null }).where(eq(users.id, userId)).run();
    if (disabled) tx.delete(sessions).where(eq(sessions.userId, userId)).run();
    recordAudit(tx, { actorId: actor!.id, action: disabled ? 'user.disable' : 'user.enable', targetType: 'user', targetId: userId });
  });
}
