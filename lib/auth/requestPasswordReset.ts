import { eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { withTransaction } from '@/db/withTransaction';
import { appendAudit } from '@/lib/audit';
import { translate } from '@/lib/i18n';
import { sendMail } from '@/lib/mail';
import { parseInput } from '@/lib/shared';
import { issueAccountToken } from './accountToken';
import { reserveMailRequest } from './loginThrottle';
import { passwordResetRequestSchema } from './schemas';
import type { MailRequestContext } from './requestRegistration';

/// "Forgot my password": e-mails an active account a link, valid for an hour, to choose a new
/// one. The answer is the same for an address with no account (nothing is sent), so the form
/// reveals nothing. Counted per sending address and per recipient. Runs on either engine: the
/// link and its audit entry are written in one transaction, and the mail is sent after it.
export async function requestPasswordReset(engine: Engine, input: unknown, ctx: MailRequestContext): Promise<void> {
  const { email } = parseInput(passwordResetRequestSchema, input);
  const now = ctx.now ?? new Date();
  await reserveMailRequest(engine, [...(ctx.ip ? [{ kind: 'reset' as const, value: ctx.ip }] : []), { kind: 'mailto', value: email }], now);
  const { users } = engine.t;
  const [user] = await engine.db.select({ id: users.id, disabledAt: users.disabledAt }).from(users).where(eq(users.email, email));
  if (!user || user.disabledAt) return;
  const token = await withTransaction(engine, async (tx) => {
    const issued = await issueAccountToken(tx, 'reset', email, null, now);
    await appendAudit(tx, { actorId: null, action: 'user.password_reset_requested', targetType: 'user', targetId: user.id }, now);
    return issued;
  });
  await sendMail(engine, {
    to: email,
    subject: translate(ctx.locale, 'mail.reset.subject'),
    text: translate(ctx.locale, 'mail.reset.body', { link: `${ctx.origin}/password/reset?token=${token}` }),
  });
}
