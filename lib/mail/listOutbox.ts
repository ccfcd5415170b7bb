import { count, desc } from 'drizzle-orm';
import type { OutboxMessage } from '@/db/schema';
import type { Engine } from '@/db/engine';

/// The newest e-mails the product wrote, for the administrators' outbox page, with how many there
/// are in all. Runs on either engine.
export async function listOutbox({ db, t }: Engine, { limit = 50, offset = 0 }: { limit?: number; offset?: number } = {}): Promise<{ messages: OutboxMessage[]; total: number }> {
  const messages = await db.select().from(t.outboxMessages).orderBy(desc(t.outboxMessages.createdAt), desc(t.outboxMessages.id)).limit(limit).offset(offset);
  // drizzle's count() reads back as a number on both engines (node-postgres gives int8 as a string).
  const [{ total }] = await db.select({ total: count() }).from(t.outboxMessages);
  return { messages, total };
}
