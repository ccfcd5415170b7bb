import { sqliteEngine } from '@/db/engine';
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { and, eq } from 'drizzle-orm';
import { freshDatabase } from '@/db/testing';
import { auditEvents, draftVersionArticles, notifications } from '@/db/schema';
import { insertTestUser, seedDraft } from '@/collab-server/testing';
import type { CurrentUser } from '@/lib/auth';
import { addDraftComment, appendDraftUpdate, getDraftText, writeDraftText } from '@/lib/drafting';
import { articleLabel, parseRegulation, toParseJson } from '@/lib/legal-text';
import { importRegulation } from '@/lib/library';
import { billWithPeople } from '@/lib/workflow/testing/billAtStage';
import { dogRegulationText } from '@/lib/legal-text/testing/dogRegulationText';
import { compactDraftUpdates } from '@/lib/drafting';
import { articleInForce } from './articleInForce';
import { createDraftVersion } from './createDraftVersion';
import { getArticleHistory } from './getArticleHistory';
import { getDraftVersion } from './getDraftVersion';
import { listDraftVersions } from './listDraftVersions';
import { articleAt, draftYDocOf, editDraft, sampleText } from './testing';


/// `make`'s value, made on the first call.
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

const t = freshDatabase();
afterAll(t.cleanup);
const { db, file } = t;

/// A bill whose draft starts from `text`, and one editing client per editor: what a client types is
/// stored with its author at the time given, then relayed to the other clients.
function scenario(text = sampleText) {
  const snapshot = Y.encodeStateAsUpdate(draftYDocOf(text));
  const seeded = seedDraft(db, { editors: 2, reviewers: 1, snapshot });
  const docs = new Map<string, Y.Doc>();
  let now = new Date();
  for (const user of seeded.editors) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, snapshot, 'remote');
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'remote') return;
      appendDraftUpdate(db, { draftId: seeded.draftId, update, userId: user.id }, now);
      for (const [id, other] of docs) if (id !== user.id) Y.applyUpdate(other, update, 'remote');
    });
    docs.set(user.id, doc);
  }
  const edit = (user: CurrentUser, at: Date, change: Parameters<typeof editDraft>[1]) => {
    now = at;
    editDraft(docs.get(user.id)!, change);
  };
  return { ...seeded, snapshot, edit };
}

const t1 = new Date('2025-03-01T08:00:00Z');
const t2 = new Date('2025-03-01T09:30:00Z');
const t3 = new Date('2025-03-02T10:00:00Z');

describe('createDraftVersion', () => {
  const s = scenario();
  const [a, b] = s.editors;

  /// The story the tests below read, told once whichever test runs first (each can run alone):
  /// version 1; A types in 第二条, the rows are compacted, B deletes 有关 from 第三条; version 2;
  /// A adds an article and B deletes 第四条; version 3. What was read along the way is kept.
  const story = once(async () => {
    const v1 = await createDraftVersion(sqliteEngine(db), a, s.draftId, { name: ' 征求意见稿 ' });
    const first = await getDraftVersion(sqliteEngine(db), b, s.draftId, v1.id);
    s.edit(a, t1, (st) => st.tr.insertText('和所辖县区', articleAt(st.doc, 'art_2').textTo - 1));
    const merged = compactDraftUpdates(db, s.draftId).merged;
    s.edit(b, t2, (st) => st.tr.delete(articleAt(st.doc, 'art_3').textFrom, articleAt(st.doc, 'art_3').textFrom + 2));
    const v2 = await createDraftVersion(sqliteEngine(db), b, s.draftId, { name: '一审稿', note: '吸收部门意见' });
    const second = await getDraftVersion(sqliteEngine(db), a, s.draftId, v2.id);
    // A later edit leaves the saved versions exactly as they were.
    const firstBefore = await getDraftVersion(sqliteEngine(db), a, s.draftId, v1.id);
    const rowsBefore = db.select().from(draftVersionArticles).where(eq(draftVersionArticles.versionId, v1.id)).all();
    s.edit(a, t3, (st) => {
      const { nodes } = st.schema;
      const article = nodes.article.create({ eid: 'art_new' }, nodes.paragraph.create({ eid: 'art_new__para_1' }, st.schema.text('新增的一条。')));
      return st.tr.insert(articleAt(st.doc, 'art_1').to, article);
    });
    s.edit(b, t3, (st) => st.tr.delete(articleAt(st.doc, 'art_4').from, articleAt(st.doc, 'art_4').to));
    const v3 = await createDraftVersion(sqliteEngine(db), a, s.draftId, { name: '表决稿', kind: 'frozen', reason: 'consultation:c1' });
    return { v1, first, merged, v2, second, firstBefore, rowsBefore, v3 };
  });

  it('freezes the text as numbered versions and says per article what changed and who changed it', async () => {
    const { v1, first, merged, v2, second, firstBefore, rowsBefore, v3 } = await story();
    expect(v1).toMatchObject({ seq: 1, name: '征求意见稿', articles: 4, changed: 4 });
    expect(first.articles.map((x) => [x.eid, x.label, x.change, x.authors])).toEqual([
      ['art_1', '第一条', 'added', []],
      ['art_2', '第二条', 'added', []],
      ['art_3', '第三条', 'added', []],
      ['art_4', '第四条', 'added', []],
    ]);
    expect(first.articles.map((x) => x.headingPath)).toEqual([['第一章　总则'], ['第一章　总则'], ['第二章　管理'], ['第二章　管理']]);

    expect(merged).toBeGreaterThan(0);
    expect(v2).toMatchObject({ seq: 2, name: '一审稿', articles: 4, changed: 2 });
    expect(second.articles.map((x) => [x.eid, x.change, x.authors, x.changedAt?.getTime() ?? null])).toEqual([
      ['art_1', 'unchanged', [], null],
      ['art_2', 'modified', [{ id: a.id, name: a.name }], t1.getTime()],
      ['art_3', 'modified', [{ id: b.id, name: b.name }], t2.getTime()],
      ['art_4', 'unchanged', [], null],
    ]);
    expect(second.text.articles[1].paragraphs[0].text).toBe('本条例适用于本市和所辖县区。');
    expect(second.text.articles[2].paragraphs[0].text).toBe('部门应当履行下列职责：');
    expect(second).toMatchObject({ note: '吸收部门意见', kind: 'manual', reason: null, createdByName: b.name });

    expect(v3).toMatchObject({ seq: 3, articles: 4, changed: 1 });
    expect(await getDraftVersion(sqliteEngine(db), a, s.draftId, v1.id)).toEqual(firstBefore);
    expect(db.select().from(draftVersionArticles).where(eq(draftVersionArticles.versionId, v1.id)).all()).toEqual(rowsBefore);
    const third = await getDraftVersion(sqliteEngine(db), a, s.draftId, v3.id);
    expect(third.articles.map((x) => [x.eid, x.label, x.change, x.authors.map((p) => p.id)])).toEqual([
      ['art_1', '第一条', 'unchanged', []],
      ['art_new', '第二条', 'added', [a.id]],
      ['art_2', '第三条', 'unchanged', []],
      ['art_3', '第四条', 'unchanged', []],
    ]);
    expect(third).toMatchObject({ kind: 'frozen', reason: 'consultation:c1' });
  });

  it('tells the members who changed an article when a colleague comments on it', async () => {
    await story();
    const reviewer = s.reviewers[0];
    await addDraftComment(sqliteEngine(db), reviewer, s.draftId, { articleEid: 'art_2', body: '“所辖县区”的表述是否准确？' });
    const noticesOf = (userId: string) => db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, 'article_commented'))).all();
    expect(noticesOf(a.id).map((n) => n.detail)).toEqual([{ article: '第三条', by: reviewer.name }]);
    expect(noticesOf(b.id)).toEqual([]);
    expect(noticesOf(reviewer.id)).toEqual([]);
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, 'comment.add')).all().map((e) => e.detail)).toEqual([
      { draftId: s.draftId, billId: expect.any(String), articleEid: 'art_2', parentId: null },
    ]);
  });

  it('records the version in the audit log', async () => {
    await story();
    const v = (await listDraftVersions(sqliteEngine(db), a, s.draftId)).at(-1)!;
    const rows = db.select().from(auditEvents).where(eq(auditEvents.targetId, v.id)).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'version.create', actorId: a.id, targetType: 'draft_version', detail: { draftId: s.draftId, seq: 1, name: '征求意见稿' } });
  });

  it('refuses reviewers, outsiders and bad names, writing nothing', async () => {
    const before = (await listDraftVersions(sqliteEngine(db), a, s.draftId)).length;
    await expect(createDraftVersion(sqliteEngine(db), s.reviewers[0], s.draftId, { name: '审核稿' })).rejects.toThrow('version_forbidden');
    await expect(createDraftVersion(sqliteEngine(db), s.outsider, s.draftId, { name: '外人稿' })).rejects.toThrow('bill_not_found');
    await expect(createDraftVersion(sqliteEngine(db), a, s.draftId, { name: '   ' })).rejects.toThrow('version_name_required');
    await expect(createDraftVersion(sqliteEngine(db), a, s.draftId, { name: '稿'.repeat(41) })).rejects.toThrow('version_name_too_long');
    await expect(createDraftVersion(sqliteEngine(db), a, s.draftId, { name: '稿', note: '注'.repeat(2001) })).rejects.toThrow('version_note_too_long');
    await expect(createDraftVersion(sqliteEngine(db), a, s.draftId, { name: '稿', kind: 'auto' } as never)).rejects.toThrow('version_kind_invalid');
    expect(await listDraftVersions(sqliteEngine(db), a, s.draftId)).toHaveLength(before);
  });

  describe('listDraftVersions', () => {
    it('lists the versions newest first with their counts, for members only', async () => {
      await story();
      const list = await listDraftVersions(sqliteEngine(db), s.reviewers[0], s.draftId);
      expect(list.map((v) => [v.seq, v.name, v.kind, v.articles, v.changed])).toEqual([
        [3, '表决稿', 'frozen', 4, 1],
        [2, '一审稿', 'manual', 4, 2],
        [1, '征求意见稿', 'manual', 4, 4],
      ]);
      expect(list[1]).toMatchObject({ createdById: b.id, createdByName: b.name, note: '吸收部门意见' });
      await expect(listDraftVersions(sqliteEngine(db), s.outsider, s.draftId)).rejects.toThrow('bill_not_found');
    });
  });

  describe('getDraftVersion', () => {
    it('does not serve a version through another draft', async () => {
      await story();
      const other = seedDraft(db, { editors: 1, reviewers: 0, snapshot: Y.encodeStateAsUpdate(draftYDocOf(sampleText)) });
      const w1 = await createDraftVersion(sqliteEngine(db), other.editors[0], other.draftId, { name: '征求意见稿' });
      expect(w1.seq).toBe(1);
      const mine = (await listDraftVersions(sqliteEngine(db), a, s.draftId))[0];
      await expect(getDraftVersion(sqliteEngine(db), other.editors[0], other.draftId, mine.id)).rejects.toThrow('version_not_found');
      await expect(getDraftVersion(sqliteEngine(db), a, s.draftId, w1.id)).rejects.toThrow('version_not_found');
      await expect(getDraftVersion(sqliteEngine(db), a, s.draftId, 'no-such-id')).rejects.toThrow('version_not_found');
      await expect(getDraftVersion(sqliteEngine(db), other.editors[0], s.draftId, mine.id)).rejects.toThrow('bill_not_found');
    });
  });

  describe('getArticleHistory', () => {
    it('follows an article through the versions: who changed it, its new number, its deletion', async () => {
      await story();
      const art2 = await getArticleHistory(sqliteEngine(db), a, s.draftId, 'art_2');
      expect(art2.map((h) => [h.seq, h.change, h.label, h.authors.map((p) => p.name)])).toEqual([
        [1, 'added', '第二条', []],
        [2, 'modified', '第二条', [a.name]],
        [3, 'unchanged', '第三条', []],
      ]);
      expect(art2.map((h) => h.text)).toEqual(['本条例适用于本市。', '本条例适用于本市和所辖县区。', '本条例适用于本市和所辖县区。']);
      const art4 = await getArticleHistory(sqliteEngine(db), b, s.draftId, 'art_4');
      expect(art4.map((h) => [h.seq, h.versionName, h.change, h.label, h.text])).toEqual([
        [1, '征求意见稿', 'added', '第四条', '本条例自2025年1月1日起施行。'],
        [2, '一审稿', 'unchanged', '第四条', '本条例自2025年1月1日起施行。'],
        [3, '表决稿', 'deleted', null, null],
      ]);
      expect((await getArticleHistory(sqliteEngine(db), a, s.draftId, 'art_new')).map((h) => [h.seq, h.change])).toEqual([[3, 'added']]);
      await expect(getArticleHistory(sqliteEngine(db), a, s.draftId, 'art_99')).rejects.toThrow('article_not_found');
      await expect(getArticleHistory(sqliteEngine(db), s.outsider, s.draftId, 'art_2')).rejects.toThrow('bill_not_found');
    });

    it('shows the version an article disappeared from with nothing of the article', async () => {
      const { v3 } = await story();
      expect((await getArticleHistory(sqliteEngine(db), b, s.draftId, 'art_4')).at(-1)).toEqual({
        versionId: v3.id,
        seq: 3,
        versionName: '表决稿',
        createdAt: v3.createdAt,
        change: 'deleted',
        number: null,
        sub: null,
        label: null,
        headingPath: [],
        text: null,
        authors: [],
        changedAt: null,
      });
    });
  });
});

describe('createDraftVersion on a draft edited before its first version', () => {
  it('credits the first version to whoever typed in each article', async () => {
    const s = scenario();
    const admin = insertTestUser(db, 'admin');
    s.edit(s.editors[1], t1, (st) => st.tr.insertText('和所辖县区', articleAt(st.doc, 'art_2').textTo - 1));
    const v = await createDraftVersion(sqliteEngine(db), s.editors[0], s.draftId, { name: '初稿' });
    const detail = await getDraftVersion(sqliteEngine(db), admin, s.draftId, v.id);
    expect(detail.articles.map((x) => [x.eid, x.change, x.authors.map((p) => p.id)])).toEqual([
      ['art_1', 'added', []],
      ['art_2', 'added', [s.editors[1].id]],
      ['art_3', 'added', []],
      ['art_4', 'added', []],
    ]);
    // Admins see every bill but only the bill's editors save versions.
    await expect(createDraftVersion(sqliteEngine(db), admin, s.draftId, { name: '管理员稿' })).rejects.toThrow('version_forbidden');
  });
});

describe('createDraftVersion on an amendment bill', () => {
  it('compares the first version with the text in force: only what the bill changes is new or modified', async () => {
    const inForce = await importRegulation(sqliteEngine(db), toParseJson(parseRegulation(dogRegulationText)), { effectiveOn: '2020-01-01' });
    const b = await billWithPeople(db, 'local_regulation', { title: '关于修改测试市养犬条例的决定', from: { regulationId: inForce.regulationId } });
    const text = await getDraftText(sqliteEngine(db), b.coordinator, b.draftId);
    const [first, second, ...rest] = text.articles;
    const added = { ...structuredClone(second), eid: 'art_new', paragraphs: [{ ...second.paragraphs[0], eid: 'art_new__p_1', text: '养犬人应当为犬只办理责任保险。' }] };
    const changed = { ...second, paragraphs: [{ ...second.paragraphs[0], text: '本条例适用于本市行政区域内犬只的饲养和管理。' }] };
    await writeDraftText(sqliteEngine(db), b.draftId, { ...text, articles: [first, changed, added, ...rest] }, b.coordinator.id, t1);
    const v = await createDraftVersion(sqliteEngine(db), b.coordinator, b.draftId, { name: '修正草案初稿' });
    expect(v).toMatchObject({ seq: 1, articles: 5, changed: 2 });
    const detail = await getDraftVersion(sqliteEngine(db), b.coordinator, b.draftId, v.id);
    expect(detail.articles.map((x) => [x.eid, x.change])).toEqual([
      [first.eid, 'unchanged'],
      [second.eid, 'modified'],
      ['art_new', 'added'],
      [rest[0].eid, 'unchanged'],
      [rest[1].eid, 'unchanged'],
    ]);
    // Each article's history starts from the text in force; the added one has none there.
    expect(await articleInForce(sqliteEngine(db), inForce.regulationId, second.eid)).toEqual({ title: '测试市养犬条例', label: '第二条', text: '本条例适用于本市。' });
    expect(await articleInForce(sqliteEngine(db), inForce.regulationId, 'art_new')).toEqual({ title: '测试市养犬条例', label: null, text: null });
  });
});

/// A regulation in force with a 之一 article between 第三条 and 第四条, and a citation across it.
const withInsertedArticle = `测试市犬只收容条例

（2019年10月1日测试市第一届人民代表大会常务委员会第二次会议通过）

第一条　为了规范犬只收容，制定本条例。

第二条　本条例适用于本市。

第三条　公安机关负责犬只收容。

第三条之一　收容场所应当符合卫生要求。

第四条　违反本条例第三条、第五条规定的，由公安机关责令改正。

第五条　本条例自2020年1月1日起施行。`;

describe('createDraftVersion on an amendment of a text with a 之一 article', () => {
  it('counts nothing changed when the draft only renumbers the 之一 article and the citations that follow it', async () => {
    const inForce = await importRegulation(sqliteEngine(db), toParseJson(parseRegulation(withInsertedArticle)), { effectiveOn: '2020-01-01' });
    const b = await billWithPeople(db, 'local_regulation', { title: '关于修改测试市犬只收容条例的决定', from: { regulationId: inForce.regulationId } });
    const v = await createDraftVersion(sqliteEngine(db), b.coordinator, b.draftId, { name: '修正草案初稿' });
    const detail = await getDraftVersion(sqliteEngine(db), b.coordinator, b.draftId, v.id);
    // The draft numbers in order: 第三条之一 reads 第四条 there, so old 第四条 is 第五条 and cites 第三条、第六条.
    expect(detail.text.articles.map((x) => [x.label, x.paragraphs[0].text])).toEqual([
      ['第一条', '为了规范犬只收容，制定本条例。'],
      ['第二条', '本条例适用于本市。'],
      ['第三条', '公安机关负责犬只收容。'],
      ['第四条', '收容场所应当符合卫生要求。'],
      ['第五条', '违反本条例第三条、第六条规定的，由公安机关责令改正。'],
      ['第六条', '本条例自2020年1月1日起施行。'],
    ]);
    expect(detail.articles.map((x) => x.change)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(v).toMatchObject({ seq: 1, articles: 6, changed: 0 });
  });
});

/// sampleText with 第四条 citing 第三条 (a reference that follows the numbering).
const citingText = sampleText.replace('第四条　本条例自2025年1月1日起施行。', '第四条　违反本条例第三条规定的，由有关部门责令改正。');

describe('createDraftVersion after edits that leave articles as they read', () => {
  it('counts an article unchanged, credited to nobody, when its text is back as before or only its citations were renumbered', async () => {
    const s = scenario(citingText);
    const [a, b] = s.editors;
    await createDraftVersion(sqliteEngine(db), a, s.draftId, { name: '征求意见稿' });
    // B types in 第二条 and takes it back; A adds an article after 第一条, so 第三条 becomes 第四条.
    s.edit(b, t1, (st) => st.tr.insertText('和所辖县区', articleAt(st.doc, 'art_2').textTo - 1));
    s.edit(b, t2, (st) => st.tr.delete(articleAt(st.doc, 'art_2').textTo - 6, articleAt(st.doc, 'art_2').textTo - 1));
    s.edit(a, t3, (st) => {
      const { nodes } = st.schema;
      const article = nodes.article.create({ eid: 'art_new' }, nodes.paragraph.create({ eid: 'art_new__para_1' }, st.schema.text('新增的一条。')));
      return st.tr.insert(articleAt(st.doc, 'art_1').to, article);
    });
    const v2 = await createDraftVersion(sqliteEngine(db), a, s.draftId, { name: '一审稿' });
    expect(v2).toMatchObject({ seq: 2, articles: 5, changed: 1 });
    const detail = await getDraftVersion(sqliteEngine(db), a, s.draftId, v2.id);
    expect(detail.articles.map((x) => [x.eid, x.label, x.change, x.authors.map((p) => p.id), x.changedAt])).toEqual([
      ['art_1', '第一条', 'unchanged', [], null],
      ['art_new', '第二条', 'added', [a.id], t3],
      ['art_2', '第三条', 'unchanged', [], null],
      ['art_3', '第四条', 'unchanged', [], null],
      ['art_4', '第五条', 'unchanged', [], null],
    ]);
    expect(detail.text.articles.map((x) => x.paragraphs[0].text).slice(2)).toEqual(['本条例适用于本市。', '有关部门应当履行下列职责：', '违反本条例第四条规定的，由有关部门责令改正。']);
  });
});

describe('createDraftVersion on a draft with an article pasted twice', () => {
  it('compares with, and shows in the history, the first of two articles sharing an eid', async () => {
    const s = scenario();
    const [a, b] = s.editors;
    // A pastes a copy of 第二条 after it (same eids: the eid plugin had not run) and edits the copy.
    s.edit(a, t1, (st) => {
      const { nodes } = st.schema;
      const copy = nodes.article.create({ eid: 'art_2' }, nodes.paragraph.create({ eid: 'art_2__para_1' }, st.schema.text('本条例适用于本市和所辖县区。')));
      return st.tr.insert(articleAt(st.doc, 'art_2').to, copy);
    });
    const v1 = await createDraftVersion(sqliteEngine(db), a, s.draftId, { name: '征求意见稿' });
    expect(v1).toMatchObject({ articles: 5, changed: 5 });
    // B removes the copy: 第二条 reads as it did at its first place.
    s.edit(b, t2, (st) => {
      const first = articleAt(st.doc, 'art_2');
      return st.tr.delete(first.to, first.to + st.doc.nodeAt(first.to)!.nodeSize);
    });
    const v2 = await createDraftVersion(sqliteEngine(db), b, s.draftId, { name: '一审稿' });
    expect(v2).toMatchObject({ articles: 4, changed: 0 });
    expect((await getArticleHistory(sqliteEngine(db), a, s.draftId, 'art_2')).map((h) => [h.seq, h.change, h.label, h.text])).toEqual([
      [1, 'added', '第二条', '本条例适用于本市。'],
      [2, 'unchanged', '第二条', '本条例适用于本市。'],
    ]);
  });
});

describe('createDraftVersion in the audit log', () => {
  it('records each version with its draft, bill, number, name, kind, reason and counts', async () => {
    const s = scenario();
    const [a, b] = s.editors;
    const v1 = await createDraftVersion(sqliteEngine(db), a, s.draftId, { name: '征求意见稿' });
    s.edit(b, t1, (st) => st.tr.insertText('和所辖县区', articleAt(st.doc, 'art_2').textTo - 1));
    const v2 = await createDraftVersion(sqliteEngine(db), b, s.draftId, { name: '表决稿', kind: 'frozen', reason: 'consultation:c1' });
    const auditOf = (id: string) =>
      db.select().from(auditEvents).where(eq(auditEvents.targetId, id)).all().map(({ at, actorId, action, targetType, detail }) => ({ at, actorId, action, targetType, detail }));
    const base = { draftId: s.draftId, billId: s.billId, articles: 4 };
    expect(auditOf(v1.id)).toEqual([
      { at: v1.createdAt, actorId: a.id, action: 'version.create', targetType: 'draft_version', detail: { ...base, seq: 1, name: '征求意见稿', kind: 'manual', reason: null, changed: 4 } },
    ]);
    expect(auditOf(v2.id)).toEqual([
      { at: v2.createdAt, actorId: b.id, action: 'version.create', targetType: 'draft_version', detail: { ...base, seq: 2, name: '表决稿', kind: 'frozen', reason: 'consultation:c1', changed: 1 } },
    ]);
  });
});

describe('createDraftVersion on a long draft', () => {
  it('keeps every article of a 400-article draft, in order', async () => {
    const text = ['长篇条例', ...Array.from({ length: 400 }, (_, i) => `${articleLabel(i + 1)}　条文${i + 1}。`)].join('\n\n');
    const s = seedDraft(db, { editors: 1, reviewers: 0, snapshot: Y.encodeStateAsUpdate(draftYDocOf(text)) });
    const v = await createDraftVersion(sqliteEngine(db), s.editors[0], s.draftId, { name: '初稿' });
    expect(v).toMatchObject({ seq: 1, articles: 400, changed: 400 });
    const detail = await getDraftVersion(sqliteEngine(db), s.editors[0], s.draftId, v.id);
    expect(detail.articles.map((x) => [x.position, x.eid, x.label])).toEqual(Array.from({ length: 400 }, (_, i) => [i, `art_${i + 1}`, articleLabel(i + 1)]));
  });
});

/// Run as another process (a collaboration server): stores one update of a draft in a write
/// transaction, says `holding`, and commits only `ms` milliseconds later.
const holdWrite = `
import { openDatabase } from './db/client.ts';
import { appendDraftUpdate } from './lib/drafting/appendDraftUpdate.ts';
const [file, draftId, userId, update, at, ms] = process.argv.slice(1);
const db = openDatabase(file);
db.transaction(() => {
  appendDraftUpdate(db, { draftId, update: new Uint8Array(Buffer.from(update, 'base64')), userId }, new Date(Number(at)));
  process.stdout.write('holding\\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(ms));
}, { behavior: 'immediate' });
db.$client.close();
`;

describe('createDraftVersion while another process is storing an edit', () => {
  it('waits for that edit and freezes the text with it', async () => {
    const s = scenario();
    const [a, b] = s.editors;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, s.snapshot);
    let update: Uint8Array = new Uint8Array();
    doc.on('update', (u: Uint8Array) => (update = u));
    editDraft(doc, (st) => st.tr.insertText('和所辖县区', articleAt(st.doc, 'art_2').textTo - 1));
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', holdWrite, file, s.draftId, b.id, Buffer.from(update).toString('base64'), String(t1.getTime()), '1500'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => String(d).includes('holding') && resolve());
      child.on('error', reject);
      void exited.then((code) => reject(new Error(`the writing process exited (${code}) before holding`)));
    });
    const v = await createDraftVersion(sqliteEngine(db), a, s.draftId, { name: '征求意见稿' });
    expect(await exited).toBe(0);
    const detail = await getDraftVersion(sqliteEngine(db), a, s.draftId, v.id);
    expect(detail.text.articles[1].paragraphs[0].text).toBe('本条例适用于本市和所辖县区。');
    expect(detail.articles[1]).toMatchObject({ eid: 'art_2', change: 'added', authors: [{ id: b.id, name: b.name }], changedAt: t1 });
  }, 30_000);
});
