import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { sqliteEngine } from '@/db/engine';
import { recordAudit } from '@/lib/audit';
import { translate } from '@/lib/i18n';
import { sendMail } from '@/lib/mail';
import { parseInput } from '@/lib/shared';
import { issueAccountToken } from './accountToken';
import { reserveMailRequest } from './loginThrottle';
import { passwordResetRequestSchema } from './schemas';
import type { MailRequestContext } from './requestRegistration';

/// "Forgot my password": e-mails an active account a link, valid for an hour, to choose a new
/// one. The answer is the same for an address with no account (nothing is sent), so the form
/// reveals nothing. Counted per sending address and per recipient.
export async function requestPasswordReset(input: unknown, ctx: MailRequestContext, db: Db = getDatabase()): Promise<void> {
  const { email } = parseInput(passwordResetRequestSchema, input);
  const now = ctx.now ?? new Date();
  await reserveMailRequest(sqliteEngine(db), [...(ctx.ip ? [{ kind: 'reset' as const, value: ctx.ip }] : []), { kind: 'mailto', value: email }], now);
  const user = db.select({ id: users.id, disabledAt: users.disabledAt }).from(users).where(eq(users.email, email)).get();
  if (!user || user.disabledAt) return;
  const token = issueAccountToken(db, 'reset', email, null, now);
  recordAudit(db, { actorId: null, action: 'user.password_reset_requested', targetType: 'user', targetId: user.id }, now);
  await sendMail(db, {
    to: email,
    subject: translate(ctx.locale, 'mail.reset.subject'),
    text: translate(ctx.locale, 'mail.reset.body', { link: `${ctx.origin}/password/reset?token=${token}` }),
  });
}
