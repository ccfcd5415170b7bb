import { beforeAll, describe, expect, it } from 'vitest';
import { engines } from '@/db/engineTesting';
import { withTransaction } from '@/db/withTransaction';
import { insertTestAccount } from '@/lib/auth/testing';
import { createBill } from '@/lib/drafting';
import { parseRegulation, toParseJson } from '@/lib/legal-text';
import { dogRegulationText } from '@/lib/legal-text/testing/dogRegulationText';
import { compareDraftTexts, createDraftVersion } from '@/lib/versioning';
import { readArticle } from './getArticle';
import { getRegulation, readRegulation } from './getRegulation';
import { insertRegulationVersionOn } from './insertRegulationVersion';
import { insertTestRegulation } from './testing/insertTestRegulation';
import { outcome } from '@/lib/workflow/testing/outcome';

// The amendment of 2026: 第二条 reworded, in force from 2099-01-01 (after any day these tests run).
const amendedText = dogRegulationText.replace('第二条　本条例适用于本市。', '第二条　本条例适用于本市行政区域内的养犬及相关管理活动。');
const today = '2026-12-06';

describe.each(engines())('on $name', ({ engine, name }) => {
  let reg: Awaited<ReturnType<typeof insertTestRegulation>>;
  beforeAll(async () => {
    reg = await insertTestRegulation(engine(), dogRegulationText, { effectiveOn: '2020-01-01' });
    const json = toParseJson(parseRegulation(amendedText));
    await withTransaction(engine(), (tx) =>
      insertRegulationVersionOn(tx, { regulationId: reg.regulationId, seq: 2, change: 'amendment', text: json, sourceText: amendedText, adoptedOn: '2026-11-20', approvedOn: null, promulgatedOn: '2026-11-25', effectiveOn: '2099-01-01' }),
    );
  });

  describe('readRegulation and readArticle', () => {
    it('reads a regulation by slug or id with its timeline, the text in force and the change ahead', async () => {
      const r = await readRegulation(engine(), reg.slug, { today });
      expect(r.regulation).toMatchObject({ id: reg.regulationId, title: '测试市养犬条例' });
      expect(r.versions.map((v) => [v.seq, v.change, v.effectiveOn])).toEqual([
        [1, 'original', '2020-01-01'],
        [2, 'amendment', '2099-01-01'],
      ]);
      expect([r.version.seq, r.inForceAt, r.currentText]).toEqual([1, true, true]);
      expect(r.outstanding.map((o) => o.effectiveOn)).toEqual(['2099-01-01']);
      expect(r.text.articles[1].paragraphs[0].text).toBe('本条例适用于本市。');
      const later = await readRegulation(engine(), reg.regulationId, { at: '2099-03-01', today });
      expect([later.version.seq, later.currentText]).toEqual([2, false]);
      expect(later.text.articles[1].paragraphs[0].text).toBe('本条例适用于本市行政区域内的养犬及相关管理活动。');
      if (name === 'SQLite') expect(getRegulation(reg.slug, { today }, engine().db)).toEqual(r);
    });

    it('gives an article with its citation and, for one the next version changes, what is ahead', async () => {
      const changed = await readArticle(engine(), reg.slug, 2, {});
      expect(changed.citation).toBe('《测试市养犬条例》第二条');
      expect(changed.ahead).toEqual({ change: 'modified', number: 2, sub: 0, effectiveOn: '2099-01-01' });
      const third = await readArticle(engine(), reg.slug, 3, {});
      expect(third.ahead).toBeNull();
      expect(third.provisions.map((p) => p.citation)).toEqual(['《测试市养犬条例》第三条第（一）项', '《测试市养犬条例》第三条第（二）项']);
      expect([third.previous, third.next]).toEqual([2, 4]);
    });

    it('refuses an unknown regulation, an article it lacks and a date that is none', async () => {
      expect(await outcome(() => readRegulation(engine(), '没有这部条例'))).toBe('not_found:regulation_not_found');
      expect(await outcome(() => readArticle(engine(), reg.slug, 99))).toBe('not_found:article_not_found');
      expect(await outcome(() => readArticle(engine(), reg.slug, 0))).toBe('not_found:article_not_found');
      expect(await outcome(() => readRegulation(engine(), reg.slug, { at: '2026-02-30' }))).toBe('validation_failed:date_invalid');
    });
  });

  describe('an amendment bill opened from the regulation', () => {
    it('starts from the text in force, and its first version counts only what the bill changes', async () => {
      const drafter = await insertTestAccount(engine(), { role: 'drafter' });
      const bill = await createBill(engine(), drafter, { title: '测试市养犬条例（修正草案）', kind: 'local_regulation', from: { regulationId: reg.regulationId } });
      const v1 = await createDraftVersion(engine(), drafter, bill.draftId, { name: '草案' });
      expect(v1).toMatchObject({ articles: 4, changed: 0 });
      const { from, comparison } = await compareDraftTexts(engine(), drafter, bill.draftId, { from: 'in-force', to: 'current' });
      expect([from.kind, from.name]).toEqual(['in_force', '测试市养犬条例']);
      expect(comparison.summary).toMatchObject({ unchanged: 4, modified: 0, added: 0, deleted: 0 });
    });
  });
});
