import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { freshDatabase } from '@/db/testing';
import { bills, drafts } from '@/db/schema';
import { appendDraftUpdate } from './appendDraftUpdate';
import { readDraftDoc } from './readDraftDoc';

describe('readDraftDoc', () => {
  const { db, cleanup } = freshDatabase();
  afterAll(cleanup);

  it('returns the snapshot with every later update as one Yjs update', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('prosemirror');
    const article = new Y.XmlElement('article');
    fragment.insert(0, [article]);
    db.insert(bills).values({ id: 'b1', title: '条例', kind: 'local_regulation' }).run();
    db.insert(drafts).values({ id: 'd1', billId: 'b1', snapshot: Buffer.from(Y.encodeStateAsUpdate(doc)) }).run();
    doc.on('update', (u: Uint8Array) => appendDraftUpdate(db, { draftId: 'd1', update: u, userId: null }));
    article.insert(0, [new Y.XmlText('为了规范法律援助工作，制定本条例。')]);

    const copy = new Y.Doc();
    Y.applyUpdate(copy, readDraftDoc('d1', db)!);
    expect(copy.getXmlFragment('prosemirror').toString()).toBe('<article>为了规范法律援助工作，制定本条例。</article>');
  });

  it('returns an empty document for a draft with no content yet', () => {
    db.insert(bills).values({ id: 'b2', title: '条例', kind: 'local_regulation' }).run();
    db.insert(drafts).values({ id: 'd2', billId: 'b2' }).run();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, readDraftDoc('d2', db)!);
    expect(copy.getXmlFragment('prosemirror').length).toBe(0);
  });

  it('returns null for a draft that does not exist', () => {
    expect(readDraftDoc('missing', db)).toBeNull();
  });
});
