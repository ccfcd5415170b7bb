import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Engine } from '@/db/engine';
import { engines } from '@/db/engineTesting';
import { collabCloseCodes } from '@/lib/editor';
import { recheckCollabAccess } from './recheckCollabAccess';

/// A person with `role`, written through the engine.
async function person({ db, t }: Engine, role: 'drafter' | 'reviewer') {
  const id = crypto.randomUUID();
  await db.insert(t.users).values({ id, email: `${id}@test.lawbench`, name: `${role} ${id.slice(0, 4)}`, passwordHash: 'not-a-real-hash', role });
  return { id };
}

/// A bill with its draft and the given members.
async function billWith({ db, t }: Engine, members: { id: string; role: 'editor' | 'reviewer' }[]) {
  const billId = crypto.randomUUID();
  const draftId = crypto.randomUUID();
  await db.insert(t.bills).values({ id: billId, title: '测试条例', kind: 'local_regulation' });
  if (members.length) await db.insert(t.billMembers).values(members.map((m) => ({ billId, userId: m.id, role: m.role })));
  await db.insert(t.drafts).values({ id: draftId, billId, snapshotUpdateId: 0 });
  return { billId, draftId };
}

/// A session of `userId` that ends at `expiresAt`.
async function session({ db, t }: Engine, userId: string, expiresAt: Date) {
  const id = crypto.randomUUID();
  await db.insert(t.sessions).values({ id, userId, secretHash: 'x', createdAt: new Date(expiresAt.getTime() - 3600_000), expiresAt });
  return id;
}

describe.each(engines())('recheckCollabAccess on $name', ({ engine }) => {
  it('judges every open socket in one batch, each by its own person, session and bill', async () => {
    const e = engine();
    const now = new Date('2026-12-05T10:00:00Z');
    const [editor, reviewer, removed, disabled, signedOut] = [
      await person(e, 'drafter'),
      await person(e, 'reviewer'),
      await person(e, 'drafter'),
      await person(e, 'drafter'),
      await person(e, 'drafter'),
    ];
    const a = await billWith(e, [
      { id: editor.id, role: 'editor' },
      { id: reviewer.id, role: 'reviewer' },
      { id: disabled.id, role: 'editor' },
      { id: signedOut.id, role: 'editor' },
    ]);
    const b = await billWith(e, [{ id: editor.id, role: 'reviewer' }]);
    await e.db.update(e.t.users).set({ disabledAt: now }).where(eq(e.t.users.id, disabled.id));
    const live = await session(e, editor.id, new Date('2026-12-06T10:00:00Z'));
    const gone = await session(e, signedOut.id, new Date('2026-12-06T10:00:00Z'));
    await e.db.delete(e.t.sessions).where(eq(e.t.sessions.id, gone));

    const verdicts = await recheckCollabAccess(
      e,
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
    expect((await recheckCollabAccess(e, [{ userId: editor.id, draftId: a.draftId, sessionId: live }], new Date('2026-12-07T00:00:00Z')))[0]).toMatchObject({ ok: false, reason: 'signed out' });
  });

  it('reads more sockets than one statement may bind, keeping each verdict in its place', async () => {
    const e = engine();
    const people = [];
    for (let i = 0; i < 700; i++) people.push({ id: crypto.randomUUID(), role: 'drafter' as const });
    await e.db.insert(e.t.users).values(people.map((p) => ({ ...p, email: `${p.id}@test.lawbench`, name: 'n', passwordHash: 'x' })));
    const bill = await billWith(e, people.filter((_, i) => i % 2 === 0).map((p) => ({ id: p.id, role: 'editor' as const })));
    const verdicts = await recheckCollabAccess(e, people.map((p) => ({ userId: p.id, draftId: bill.draftId, sessionId: null })), new Date());
    expect(verdicts.map((v) => v.ok)).toEqual(people.map((_, i) => i % 2 === 0));
  });

  it('answers an empty batch without reading anything', async () => {
    expect(await recheckCollabAccess(engine(), [], new Date())).toEqual([]);
  });
});
