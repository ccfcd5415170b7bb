import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';
import { sqliteEngine } from '@/db/engine';
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
export async function requestRegistration(input: unknown, ctx: MailRequestContext, db: Db = getDatabase()): Promise<void> {
  const { email, name, password } = parseInput(registrationRequestSchema, input);
  const now = ctx.now ?? new Date();
  await reserveMailRequest(sqliteEngine(db), [...(ctx.ip ? [{ kind: 'register' as const, value: ctx.ip }] : []), { kind: 'mailto', value: email }], now);
  // Hashed either way, so that both answers take as long.
  const passwordHash = await hashPassword(password);
  const taken = db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
  const t = (key: Parameters<typeof translate>[1], vars: Record<string, string> = {}) => translate(ctx.locale, key, vars);
  if (taken) {
    const token = issueAccountToken(db, 'reset', email, null, now);
    await sendMail(db, { to: email, subject: t('mail.registeredAlready.subject'), text: t('mail.registeredAlready.body', { signIn: `${ctx.origin}/login`, reset: `${ctx.origin}/password/reset?token=${token}` }) });
    return;
  }
  const token = issueAccountToken(db, 'register', email, { name, passwordHash, consentedAt: now.getTime(), notice: privacyNoticeEdition }, now);
  await sendMail(db, { to: email, subject: t('mail.register.subject'), text: t('mail.register.body', { name, link: `${ctx.origin}/register/confirm?token=${token}` }) });
}
