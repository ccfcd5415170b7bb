import { sqliteEngine } from '@/db/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { insertTestUser } from '@/lib/auth/testing';
import { createBill, getDraftText, writeDraftText } from '@/lib/drafting';
import { parseRegulation, toParseJson } from '@/lib/legal-text';
import { dogRegulationText } from '@/lib/legal-text/testing/dogRegulationText';
import { getRegulation, importRegulation } from '@/lib/library';
import { compareDraftTexts, resolveDraftText } from './compareDraftTexts';
import { createDraftVersion } from './createDraftVersion';
import { getDraftVersion } from './getDraftVersion';
import { sampleText } from './testing';

const t = freshDatabase();
afterAll(t.cleanup);
const { db } = t;

/// The 测试市养犬条例 in force since 2020, imported on first use (no test changes it).
let inForce: string | undefined;
async function dogRegulation(): Promise<string> {
  inForce ??= (await importRegulation(sqliteEngine(db), toParseJson(parseRegulation(dogRegulationText)), { effectiveOn: '2020-01-01' })).regulationId;
  return inForce;
}

/// A bill whose draft starts from `from` (by default the small test text, 第一条–第四条), with its
/// drafter (an editor), a reviewer on the bill and a drafter outside it.
async function newBill(from: { text: string } | { regulationId: string } = { text: sampleText }) {
  const editor = insertTestUser(db, 'drafter', '李编辑');
  const reviewer = insertTestUser(db, 'reviewer', '赵审核');
  const outsider = insertTestUser(db, 'drafter', '局外人');
  const { draftId } = await createBill(sqliteEngine(db), editor, { title: '测试条例', kind: 'local_regulation', from, members: [{ email: reviewer.email, role: 'reviewer' }] });
  return { draftId, editor, reviewer, outsider };
}

/// A bill drafted from the small test text with its first version, 征求意见稿.
async function billWithVersion() {
  const bill = await newBill();
  return { ...bill, version: await createDraftVersion(sqliteEngine(db), bill.editor, bill.draftId, { name: '征求意见稿' }) };
}

describe('resolveDraftText', () => {
  it('reads the live draft for current', async () => {
    const b = await billWithVersion();
    const text = await getDraftText(sqliteEngine(db), b.editor, b.draftId);
    await writeDraftText(sqliteEngine(db), b.draftId, { ...text, title: '测试条例（修改稿）' }, b.editor.id);
    const current = await resolveDraftText(sqliteEngine(db), b.editor, b.draftId, 'current');
    expect(current).toEqual({ ref: 'current', kind: 'current', name: null, seq: null, text: await getDraftText(sqliteEngine(db), b.editor, b.draftId) });
    expect(current.text.title).toBe('测试条例（修改稿）');
  });

  it('reads a saved version by its id, with its name and number', async () => {
    const b = await billWithVersion();
    const resolved = await resolveDraftText(sqliteEngine(db), b.reviewer, b.draftId, b.version.id);
    expect(resolved).toEqual({ ref: b.version.id, kind: 'version', name: '征求意见稿', seq: 1, text: (await getDraftVersion(sqliteEngine(db), b.reviewer, b.draftId, b.version.id)).text });
    expect(resolved.text.articles.map((a) => a.label)).toEqual(['第一条', '第二条', '第三条', '第四条']);
  });

  it('reads the regulation an amendment bill amends for in-force, named by its title', async () => {
    const regulationId = await dogRegulation();
    const b = await newBill({ regulationId });
    expect(await resolveDraftText(sqliteEngine(db), b.editor, b.draftId, 'in-force')).toEqual({
      ref: 'in-force',
      kind: 'in_force',
      name: '测试市养犬条例',
      seq: null,
      text: getRegulation(regulationId, {}, db).text,
    });
  });

  it('finds no text in force for a bill that amends nothing, and no unknown version', async () => {
    const b = await billWithVersion();
    await expect(resolveDraftText(sqliteEngine(db), b.editor, b.draftId, 'in-force')).rejects.toThrow(expect.objectContaining({ code: 'not_found', message: 'no_text_in_force' }));
    await expect(resolveDraftText(sqliteEngine(db), b.editor, b.draftId, crypto.randomUUID())).rejects.toThrow(expect.objectContaining({ code: 'not_found' }));
    await expect(resolveDraftText(sqliteEngine(db), b.outsider, b.draftId, 'current')).rejects.toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});

describe('compareDraftTexts', () => {
  it('compares a version with the draft article by article, keeping a reworded article paired with itself', async () => {
    const b = await billWithVersion();
    const text = await getDraftText(sqliteEngine(db), b.editor, b.draftId);
    const [first, second, ...rest] = text.articles;
    const reworded = { ...second, paragraphs: [{ ...second.paragraphs[0], text: '市人民政府统一领导全市的测试工作，所需经费列入财政预算。' }] };
    await writeDraftText(sqliteEngine(db), b.draftId, { ...text, articles: [first, reworded, ...rest] }, b.editor.id);

    const { from, to, comparison } = await compareDraftTexts(sqliteEngine(db), b.editor, b.draftId, { from: b.version.id, to: 'current' });
    expect([from.kind, from.name, to.kind]).toEqual(['version', '征求意见稿', 'current']);
    expect(comparison.alignment).toBe('eid');
    expect(comparison.articles.map((a) => [a.old, a.new, a.change])).toEqual([
      [1, 1, 'unchanged'],
      [2, 2, 'modified'],
      [3, 3, 'unchanged'],
      [4, 4, 'unchanged'],
    ]);
    expect(comparison.articles[1].before?.text).toBe('本条例适用于本市。');
    expect(comparison.articles[1].after?.text).toBe('市人民政府统一领导全市的测试工作，所需经费列入财政预算。');
  });

  it('compares a text with itself as unchanged throughout', async () => {
    const b = await billWithVersion();
    const { from, to, comparison } = await compareDraftTexts(sqliteEngine(db), b.editor, b.draftId, { from: 'current', to: 'current' });
    expect(to).toEqual(from);
    expect(comparison.summary).toEqual({ unchanged: 4, renumbered: 0, modified: 0, added: 0, deleted: 0, moved: 0 });
  });
});
