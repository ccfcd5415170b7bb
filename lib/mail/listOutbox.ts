import { desc, sql } from 'drizzle-orm';
import { outboxMessages, type OutboxMessage } from '@/db/schema';
import { getDatabase, type Db } from '@/db/client';

/// The newest e-mails the product wrote, for the administrators' outbox page, with how many there
/// are in all.
export function listOutbox({ limit = 50, offset = 0 }: { limit?: number; offset?: number } = {}, db: Db = getDatabase()): { messages: OutboxMessage[]; total: number } {
  const messages = db.select().from(outboxMessages).orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id)).limit(limit).offset(offset).all();
  const total = db.select({ n: sql<number>`count(*)` }).from(outboxMessages).get()?.n ?? 0;
  return { messages, total };
}
