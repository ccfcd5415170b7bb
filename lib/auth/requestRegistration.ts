import { eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { translate, type Locale } from '@/lib/i18n';
import { sendMail } from '@/lib/mail';
import { parseInput } from '@/lib/shared';
import { issueAccountToken } from './accountToken';
import { reserveMailRequest } from './loginThrottle';
import { hashPassword } from './password';
import { privacyNoticeEdition } from './privacyNotice';
import { registrationRequestSchema } from './schemas';

/// Where a request came from and how to address its e-mail.
export type MailRequestContext = { ip?: string | null; origin: string; locale: Locale; now?: Date };

/// Self-registration for the public, step one: a link to finish it is e-mailed to the address.
/// The answer is the same whether or not the address already has an account — its owner gets a
/// note saying so, with a link to reset the password — so the form cannot be used to learn who
/// is registered. Counted per sending address (ten an hour) and per recipient (five an hour).
/// Runs on either engine; the link is stored before the mail is sent, outside any transaction.
export async function requestRegistration(engine: Engine, input: unknown, ctx: MailRequestContext): Promise<void> {
  const { email, name, password } = parseInput(registrationRequestSchema, input);
  const now = ctx.now ?? new Date();
  await reserveMailRequest(engine, [...(ctx.ip ? [{ kind: 'register' as const, value: ctx.ip }] : []), { kind: 'mailto', value: email }], now);
  // Hashed either way, so that both answers take as long.
  const passwordHash = await hashPassword(password);
  const { users } = engine.t;
  const [taken] = await engine.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const t = (key: Parameters<typeof translate>[1], vars: Record<string, string> = {}) => translate(ctx.locale, key, vars);
  if (taken) {
    const token = await issueAccountToken(engine, 'reset', email, null, now);
    await sendMail(engine, { to: email, subject: t('mail.registeredAlready.subject'), text: t('mail.registeredAlready.body', { signIn: `${ctx.origin}/login`, reset: `${ctx.origin}/password/reset?token=${token}` }) });
    return;
  }
  const token = await issueAccountToken(engine, 'register', email, { name, passwordHash, consentedAt: now.getTime(), notice: privacyNoticeEdition }, now);
  await sendMail(engine, { to: email, subject: t('mail.register.subject'), text: t('mail.register.body', { name, link: `${ctx.origin}/register/confirm?token=${token}` }) });
}
