import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { freshDatabase } from '@/db/testing';
import { listOutbox } from './listOutbox';
import { sendMail } from './sendMail';

const t = freshDatabase();
afterAll(t.cleanup);
const rowOf = (id: string) => listOutbox({ limit: 100 }, t.db).messages.find((m) => m.id === id)!;
let server: SMTPServer | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/// A real SMTP server on a free port that keeps what it receives.
async function smtpServer(): Promise<{ url: string; received: string[] }> {
  const received: string[] = [];
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      let data = '';
      stream.on('data', (c: Buffer) => (data += c.toString()));
      stream.on('end', () => {
        received.push(data);
        done();
      });
    },
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { url: `smtp://127.0.0.1:${(server!.server.address() as AddressInfo).port}`, received };
}

const mail = { to: 'chen@example.com', subject: '完成注册', text: '请打开链接：https://example.gov.cn/register/confirm?token=abc' };

describe('sendMail', () => {
  it('keeps the whole message in the outbox when no SMTP server is configured', async () => {
    const { id, sent } = await sendMail(t.db, mail, {});
    expect(sent).toBe(false);
    const row = rowOf(id);
    expect(row).toMatchObject({ recipient: 'chen@example.com', subject: '完成注册', body: mail.text, sentAt: null });
  });

  it('sends through SMTP and then forgets the body, which may hold a one-time link', async () => {
    const smtp = await smtpServer();
    const { id, sent } = await sendMail(t.db, mail, { url: smtp.url, from: 'Lawbench <no-reply@example.gov.cn>' });
    expect(sent).toBe(true);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toContain('To: chen@example.com');
    const row = rowOf(id);
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.body).toBeNull();
  });

  it('notes a failure in plain words and keeps the message when the server cannot be reached', async () => {
    const { id, sent } = await sendMail(t.db, mail, { url: 'smtp://127.0.0.1:1' });
    expect(sent).toBe(false);
    const row = rowOf(id);
    expect(row.failure).toMatch(/ECONNREFUSED|connect/);
    expect(row.body).toBe(mail.text);
  });
});
