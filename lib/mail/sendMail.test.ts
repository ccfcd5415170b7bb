import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { Engine } from '@/db/engine';
import { engines } from '@/db/engineTesting';
import { withTransaction } from '@/db/withTransaction';
import { listOutbox } from './listOutbox';
import { sendMail } from './sendMail';

const rowOf = async (engine: Engine, id: string) => (await listOutbox(engine, { limit: 100 })).messages.find((m) => m.id === id)!;
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

describe.each(engines())('on $name', ({ engine }) => {
  describe('sendMail', () => {
    it('keeps the whole message in the outbox when no SMTP server is configured', async () => {
      const { id, sent } = await sendMail(engine(), mail, {});
      expect(sent).toBe(false);
      const row = await rowOf(engine(), id);
      expect(row).toMatchObject({ recipient: 'chen@example.com', subject: '完成注册', body: mail.text, sentAt: null });
    });

    it('sends through SMTP and then forgets the body, which may hold a one-time link', async () => {
      const smtp = await smtpServer();
      const { id, sent } = await sendMail(engine(), mail, { url: smtp.url, from: 'Lawbench <no-reply@example.gov.cn>' });
      expect(sent).toBe(true);
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]).toContain('To: chen@example.com');
      const row = await rowOf(engine(), id);
      expect(row.sentAt).toBeInstanceOf(Date);
      expect(row.body).toBeNull();
    });

    it('notes a failure in plain words and keeps the message when the server cannot be reached', async () => {
      const { id, sent } = await sendMail(engine(), mail, { url: 'smtp://127.0.0.1:1' });
      expect(sent).toBe(false);
      const row = await rowOf(engine(), id);
      expect(row.failure).toMatch(/ECONNREFUSED|connect/);
      expect(row.body).toBe(mail.text);
    });

    it('refuses to run inside a transaction, which may not wait on a mail server, and writes nothing', async () => {
      const before = (await listOutbox(engine())).total;
      await expect(withTransaction(engine(), (tx) => sendMail(tx, mail, {}))).rejects.toThrow(/after the transaction/);
      expect((await listOutbox(engine())).total).toBe(before);
    });
  });

  describe('listOutbox', () => {
    it('lists the newest first, a page at a time, with the count of all', async () => {
      for (const to of ['a@example.com', 'b@example.com', 'c@example.com']) await sendMail(engine(), { ...mail, to }, {});
      const all = await listOutbox(engine());
      expect(all.total).toBe(all.messages.length);
      expect(typeof all.total).toBe('number');
      const page = await listOutbox(engine(), { limit: 2, offset: 1 });
      expect(page.total).toBe(all.total);
      expect(page.messages.map((m) => m.id)).toEqual(all.messages.slice(1, 3).map((m) => m.id));
      for (let i = 1; i < all.messages.length; i++) expect(all.messages[i - 1].createdAt.getTime()).toBeGreaterThanOrEqual(all.messages[i].createdAt.getTime());
    });
  });
});
