import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Engine } from '@/db/engine';
import { isTransaction } from '@/db/withTransaction';

/// An e-mail the product writes to someone.
export type Mail = { to: string; subject: string; text: string };

/// Writes `mail` to the outbox and, when `SMTP_URL` is set (e.g.
/// `smtp://user:pass@mail.example.gov.cn:587`), sends it from `MAIL_FROM`. Once sent, the body is
/// no longer kept — it may hold a one-time link — and a failure is noted on the row in plain
/// words; without SMTP the outbox is where an administrator reads it (the demo has no mail
/// server). Resolves when the mail is stored and the sending attempt is over. Runs on either
/// engine, and never inside a transaction: it waits on the mail server, which no transaction may
/// do (see withTransaction), so it is refused a `tx`.
export async function sendMail(engine: Engine, mail: Mail, smtp: { url?: string; from?: string } = { url: process.env.SMTP_URL, from: process.env.MAIL_FROM }): Promise<{ id: string; sent: boolean }> {
  if (isTransaction(engine)) throw new Error('sendMail waits on the mail server: call it after the transaction, with the engine, not inside it with its tx.');
  const { db, t } = engine;
  const id = crypto.randomUUID();
  await db.insert(t.outboxMessages).values({ id, recipient: mail.to, subject: mail.subject, body: mail.text });
  if (!smtp.url) return { id, sent: false };
  try {
    await nodemailer.createTransport(smtp.url).sendMail({ from: smtp.from || '立法工作台 <no-reply@lawbench.invalid>', to: mail.to, subject: mail.subject, text: mail.text });
    await db.update(t.outboxMessages).set({ sentAt: new Date(), body: null, failure: null }).where(eq(t.outboxMessages.id, id));
    return { id, sent: true };
  } catch (e) {
    await db.update(t.outboxMessages).set({ failure: (e as Error).message.slice(0, 500) }).where(eq(t.outboxMessages.id, id));
    return { id, sent: false };
  }
}
