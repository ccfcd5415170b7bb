import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { billMembers, bills, drafts, sessions, users } from '@/db/schema';
import { freshDatabase } from '@/db/testing';
import { insertTestUser } from '@/lib/auth/testing';
import { createSession } from '@/lib/auth';
import { collabCloseCodes } from '@/lib/editor';
import { recheckCollabAccess } from './recheckCollabAccess';

const { db, cleanup } = freshDatabase();
afterAll(cleanup);

/// A bill with its draft and the given members.
function billWith(members: { id: string; role: 'editor' | 'reviewer' }[]) {
  const billId = crypto.randomUUID();
  const draftId = crypto.randomUUID();
  db.insert(bills).values({ id: billId, title: '测试条例', kind: 'local_regulation' }).run();
  for (const m of members) db.insert(billMembers).values({ billId, userId: m.id, role: m.role }).run();
  db.insert(drafts).values({ id: draftId, billId, snapshotUpdateId: 0 }).run();
  return { billId, draftId };
}

const sessionIdOf = (token: string) => token.split('.')[0];

describe('recheckCollabAccess', () => {
  it('judges every open socket in one batch, each by its own person, session and bill', () => {
    const now = new Date('2026-12-05T10:00:00Z');
    const [editor, reviewer, removed, disabled, signedOut] = ['drafter', 'reviewer', 'drafter', 'drafter', 'drafter'].map((r) => insertTestUser(db, r as 'drafter' | 'reviewer'));
    const a = billWith([{ id: editor.id, role: 'editor' }, { id: reviewer.id, role: 'reviewer' }, { id: disabled.id, role: 'editor' }, { id: signedOut.id, role: 'editor' }]);
    const b = billWith([{ id: editor.id, role: 'reviewer' }]);
    db.update(users).set({ disabledAt: now }).where(eq(users.id, disabled.id)).run();
    const live = sessionIdOf(createSession(editor.id, now, db).token);
    const gone = sessionIdOf(createSession(signedOut.id, now, db).token);
    db.delete(sessions).where(eq(sessions.id, gone)).run();

    const verdicts = recheckCollabAccess(
      [
        { userId: editor.id, draftId: a.draftId, sessionId: live },
        { userId: editor.id, draftId: b.draftId, sessionId: null },
        { userId: reviewer.id, draftId: a.draftId, sessionId: null },
        { userId: removed.id, draftId: a.draftId, sessionId: null },
        { userId: disabled.id, draftId: a.draftId, sessionId: null },
        { userId: signedOut.id, draftId: a.draftId, sessionId: gone },
        { userId: editor.id, draftId: 'no-such-draft', sessionId: null },
      ],
      now,
      db,
    );
    expect(verdicts).toEqual([
      { ok: true, access: 'write' },
      { ok: true, access: 'read' },
      { ok: true, access: 'read' },
      { ok: false, code: collabCloseCodes.forbidden, reason: 'no longer a member of this bill' },
      { ok: false, code: collabCloseCodes.notAuthenticated, reason: 'account disabled' },
      { ok: false, code: collabCloseCodes.notAuthenticated, reason: 'signed out' },
      { ok: false, code: collabCloseCodes.noSuchDraft, reason: 'no such draft' },
    ]);
    // A session past its expiry counts as signed out.
    expect(recheckCollabAccess([{ userId: editor.id, draftId: a.draftId, sessionId: live }], new Date('2027-06-01T00:00:00Z'), db)[0]).toMatchObject({ ok: false, reason: 'signed out' });
  });

  it('reads more sockets than one statement may bind, keeping each verdict in its place', () => {
    const members = Array.from({ length: 700 }, () => insertTestUser(db, 'drafter'));
    const bill = billWith(members.filter((_, i) => i % 2 === 0).map((m) => ({ id: m.id, role: 'editor' as const })));
    const verdicts = recheckCollabAccess(members.map((m) => ({ userId: m.id, draftId: bill.draftId, sessionId: null })), new Date(), db);
    expect(verdicts.map((v) => v.ok)).toEqual(members.map((_, i) => i % 2 === 0));
  });

  it('answers an empty batch without reading anything', () => {
    expect(recheckCollabAccess([], new Date(), db)).toEqual([]);
  });
});
