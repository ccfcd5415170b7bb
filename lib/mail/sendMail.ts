import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { outboxMessages } from '@/db/schema';
import type { Db } from '@/db/client';

/// An e-mail the product writes to someone.
export type Mail = { to: string; subject: string; text: string };

/// Writes `mail` to the outbox and, when `SMTP_URL` is set (e.g.
/// `smtp://user:pass@mail.example.gov.cn:587`), sends it from `MAIL_FROM`. Once sent, the body is
/// no longer kept — it may hold a one-time link — and a failure is noted on the row in plain
/// words; without SMTP the outbox is where an administrator reads it (the demo has no mail
/// server). Resolves when the mail is stored and the sending attempt is over.
export async function sendMail(db: Db, mail: Mail, smtp: { url?: string; from?: string } = { url: process.env.SMTP_URL, from: process.env.MAIL_FROM }): Promise<{ id: string; sent: boolean }> {
  const id = crypto.randomUUID();
  db.insert(outboxMessages).values({ id, recipient: mail.to, subject: mail.subject, body: mail.text }).run();
  if (!smtp.url) return { id, sent: false };
  try {
    await nodemailer.createTransport(smtp.url).sendMail({ from: smtp.from || '立法工作台 <no-reply@lawbench.invalid>', to: mail.to, subject: mail.subject, text: mail.text });
    db.update(outboxMessages).set({ sentAt: new Date(), body: null, failure: null }).where(eq(outboxMessages.id, id)).run();
    return { id, sent: true };
  } catch (e) {
    db.update(outboxMessages).set({ failure: (e as Error).message.slice(0, 500) }).where(eq(outboxMessages.id, id)).run();
    return { id, sent: false };
  }
}
