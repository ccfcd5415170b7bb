import { postgresEngine, sqliteEngine } from '@/db/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { and, count, eq } from 'drizzle-orm';
import { auditEvents, billMembers, bills, draftUpdates, drafts } from '@/db/schema';
import { freshDatabase } from '@/db/testing';
import { migratePgDatabase, openPgDatabase, type PgDb } from '@/db/pgClient';
import { listAuditEvents } from '@/lib/audit';
import { insertTestAccount, insertTestUser } from '@/lib/auth/testing';
import { appendDraftUpdate, createBill, draftDocOfState, getDraftText, readDraftDoc, readDraftState, storeDraftUpdate } from '@/lib/drafting';
import { checkDraftFragment } from '@/lib/editor';
import { breakages, yDraft } from '@/lib/editor/testing';
import { createDraftVersion } from '@/lib/versioning';
import { startLocalPostgres, type LocalPostgres } from '../scripts/localPostgres';
import { runLawbench } from './testing';

const t = freshDatabase();
afterAll(t.cleanup);
const lawbench = (...args: string[]) => runLawbench(args, { DATABASE_PATH: t.file });
const editor = insertTestUser(t.db, 'drafter');

/// A draft whose stored text has, in one update appended after its snapshot (as the collaboration
/// server used to accept it), loose text and a paragraph at the top level and an article with an
/// object as its eid. Returns its id and a copy of the broken document, as a browser held it.
function brokenDraft(): { draftId: string; browser: Y.Doc } {
  const billId = crypto.randomUUID();
  const draftId = crypto.randomUUID();
  t.db.insert(bills).values({ id: billId, title: '某市养犬管理条例', kind: 'local_regulation' }).run();
  t.db.insert(billMembers).values({ billId, userId: editor.id, role: 'editor' }).run();
  const doc = yDraft();
  t.db.insert(drafts).values({ id: draftId, billId, snapshot: Buffer.from(Y.encodeStateAsUpdate(doc)), snapshotUpdateId: 0 }).run();
  const before = Y.encodeStateVector(doc);
  for (const damage of Object.values(breakages)) damage(doc.getXmlFragment('prosemirror'));
  appendDraftUpdate(t.db, { draftId, update: Y.encodeStateAsUpdate(doc, before), userId: editor.id });
  return { draftId, browser: doc };
}

const rows = (draftId: string) => t.db.select({ n: count() }).from(draftUpdates).where(eq(draftUpdates.draftId, draftId)).get()!.n;

describe('lawbench draft repair', () => {
  it('mends a broken draft so that it reads and saves again, keeping the good articles’ text, and names what it dropped', async () => {
    const { draftId, browser } = brokenDraft();
    await expect(getDraftText(sqliteEngine(t.db), editor, draftId)).rejects.toThrow();

    const repaired = lawbench('draft', 'repair', draftId);
    expect(repaired.stderr).toBe('');
    expect(repaired.code).toBe(0);
    const lines = repaired.stdout.trim().split('\n');
    expect(lines.slice(0, 4)).toEqual([
      `draft ${draftId}: repaired, 3 changes:`,
      '  - dropped block 2 (text): loose text cannot be at the top level («游离的文字»)',
      '  - dropped block 3 (paragraph p_top): a paragraph (款) cannot be at the top level («顶层的款»)',
      expect.stringMatching(/^ {2}- block 7 \(article\): its eid is an object, not text; it is now art_n[0-9a-z]{12}$/),
    ]);

    const text = await getDraftText(sqliteEngine(t.db), editor, draftId);
    expect(text.articles.map((a) => [a.label, a.paragraphs.map((p) => [p.text, ...p.items.map((i) => i.text)])])).toEqual([
      ['第一条', [['为了规范养犬行为，制定本条例。']]],
      ['第二条', [['养犬人应当遵守下列规定：', '携犬出户时束犬链；']]],
      ['第三条', [['对象编号的条']]],
    ]);
    expect(text.articles.map((a) => a.eid)).toEqual(['art_1', 'art_2', expect.stringMatching(/^art_n/)]);
    expect((await createDraftVersion(sqliteEngine(t.db), editor, draftId, { name: '修复后' })).articles).toBe(3);

    // A browser that still holds the damage converges on the repair.
    Y.applyUpdate(browser, readDraftDoc(draftId, t.db)!);
    expect(checkDraftFragment(browser.getXmlFragment('prosemirror'))).toEqual([]);

    const audit = t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'draft.repair'), eq(auditEvents.targetId, draftId))).all();
    expect(audit).toHaveLength(1);
    expect(audit[0].detail).toMatchObject({ by: 'console', changes: expect.arrayContaining([expect.stringContaining('游离的文字')]) });
  });

  it('says nothing needed repair for a draft that fits, and writes nothing', () => {
    const { draftId } = brokenDraft();
    expect(lawbench('draft', 'repair', draftId).code).toBe(0);
    const after = rows(draftId);
    expect(lawbench('draft', 'repair', draftId)).toEqual({ code: 0, stdout: `draft ${draftId}: nothing needed repair\n`, stderr: '' });
    expect(rows(draftId)).toBe(after);
  });

  it('refuses an unknown draft and a missing ID with one clear line and exit code 1', () => {
    expect(lawbench('draft', 'repair', 'no-such-draft')).toEqual({ code: 1, stdout: '', stderr: `lawbench draft: no draft with id no-such-draft in ${t.file}\n` });
    expect(lawbench('draft', 'repair')).toEqual({ code: 1, stdout: '', stderr: "lawbench draft: missing ID, the draft's id (usage: lawbench draft repair ID)\n" });
  });
});

describe('lawbench draft repair on PostgreSQL (DATABASE_URL)', () => {
  let server: LocalPostgres;
  let pg: PgDb;
  beforeAll(async () => {
    server = await startLocalPostgres();
    pg = openPgDatabase(server.url);
    await migratePgDatabase(pg);
  }, 60_000);
  afterAll(async () => {
    await pg?.$client.end();
    server?.dispose();
  });

  it('mends a broken draft there, audited in its chain, and refuses an unknown one', async () => {
    const engine = postgresEngine(pg);
    const coordinator = await insertTestAccount(engine, { role: 'drafter' });
    const bill = await createBill(engine, coordinator, { title: '某市养犬管理条例', kind: 'local_regulation', from: { text: '第一条　为了规范养犬行为，制定本条例。' } });
    const doc = draftDocOfState((await readDraftState(engine, bill.draftId))!);
    const before = Y.encodeStateVector(doc);
    for (const damage of Object.values(breakages)) damage(doc.getXmlFragment('prosemirror'));
    await storeDraftUpdate(engine, { draftId: bill.draftId, update: Y.encodeStateAsUpdate(doc, before), userId: coordinator.id });
    await expect(getDraftText(engine, coordinator, bill.draftId)).rejects.toThrow();

    const repaired = runLawbench(['draft', 'repair', bill.draftId], { DATABASE_URL: server.url, DATABASE_PATH: '/nonexistent/not-used.db' });
    expect(repaired.stderr).toBe('');
    expect(repaired.stdout).toMatch(new RegExp(`^draft ${bill.draftId}: repaired, 3 changes:`));
    expect((await getDraftText(engine, coordinator, bill.draftId)).articles[0].label).toBe('第一条');
    expect(await listAuditEvents(engine, { targetType: 'draft', targetId: bill.draftId, action: 'draft.repair' })).toHaveLength(1);
    expect(runLawbench(['draft', 'repair', 'no-such-draft'], { DATABASE_URL: server.url })).toEqual({ code: 1, stdout: '', stderr: 'lawbench draft: no draft with id no-such-draft in the database\n' });
  });
});
