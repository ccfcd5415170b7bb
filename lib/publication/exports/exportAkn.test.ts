import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { xml2js, type Element } from 'xml-js';
import { parseRegulation, toParseJson, type Article, type ArticleJson, type RegulationText } from '@/lib/legal-text';
import { exportableFromCorpus, sampleNotice } from '../testing/exportableFixture';
import { AKN_REGION_CODES, aknRegion } from './aknRegion';
import { exportAkn } from './exportAkn';
import type { ExportableVersion } from './exportModel';

const schema = path.resolve(process.cwd(), 'testdata/akn/akomantoso30.xsd');
const devDir = path.resolve(process.cwd(), 'testdata/corpus/dev');
const devFiles = readdirSync(devDir).filter((f) => f.endsWith('.md')).sort();
const scratch = mkdtempSync(path.join(os.tmpdir(), 'lawbench-akn-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/// Validates documents against the OASIS schema with xmllint, in one run; the test fails (it does
/// not skip) when xmllint is missing. Returns xmllint's report per document.
function validate(docs: Record<string, string>): { status: number | null; report: string } {
  const files = Object.entries(docs).map(([name, xml]) => {
    const file = path.join(scratch, `${name}.xml`);
    writeFileSync(file, xml);
    return file;
  });
  const run = spawnSync('xmllint', ['--noout', '--schema', schema, ...files], { encoding: 'utf8' });
  if (run.error) throw new Error(`xmllint could not run (install libxml2-utils): ${run.error.message}`);
  return { status: run.status, report: `${run.stdout}${run.stderr}` };
}

/// The document as an independent XML reader (xml-js) sees it.
function readXml(xml: string): Element {
  const doc = xml2js(xml, { compact: false }) as Element;
  return doc.elements!.find((e) => e.name === 'akomaNtoso')!;
}

function descendants(el: Element, name?: string): Element[] {
  return (el.elements ?? []).flatMap((c) => [...(c.type === 'element' && (!name || c.name === name) ? [c] : []), ...descendants(c, name)]);
}

function child(el: Element, name: string): Element | undefined {
  return el.elements?.find((c) => c.name === name);
}

/// All text under an element, in order.
function textOf(el: Element): string {
  return (el.elements ?? []).map((c) => (c.type === 'text' ? String(c.text) : textOf(c))).join('');
}

function attr(el: Element, name: string): string | undefined {
  const value = el.attributes?.[name];
  return value === undefined ? undefined : String(value);
}

/// The eId an article must have: its part, chapter and section, then `art_N` (`art_N-M` for 之M).
function expectedArticleId(a: ArticleJson): string {
  return [
    a.part !== undefined ? `part_${a.part}` : null,
    a.chapter !== undefined ? `chp_${a.chapter}` : null,
    a.section !== undefined ? `sec_${a.section}` : null,
    `art_${a.number}${a.sub ? `-${a.sub}` : ''}`,
  ].filter(Boolean).join('__');
}

function articles(xml: string): Element[] {
  return descendants(child(readXml(xml), 'act')!, 'article');
}

function parseDev(file: string): RegulationText {
  return parseRegulation(readFileSync(path.join(devDir, file), 'utf8'));
}

function paragraph(eid: string, text: string): Article['paragraphs'][number] {
  return { kind: 'paragraph', eid, text, items: [], subitems: [] };
}

describe('exportAkn', () => {
  it('writes every text of the dev corpus, with and without a 公告, valid against the OASIS Akoma Ntoso 3.0 schema', () => {
    const docs: Record<string, string> = {};
    for (const file of devFiles) {
      const v = exportableFromCorpus(file);
      docs[file] = exportAkn(v);
      docs[`${file}-notice`] = exportAkn({ ...v, notice: sampleNotice(v, 12), version: { ...v.version, promulgatedOn: v.version.approvedOn } });
    }
    const { status, report } = validate(docs);
    expect(report.split('\n').filter((l) => l && !l.endsWith(' validates'))).toEqual([]);
    expect(status).toBe(0);
    expect(report.match(/ validates$/gm)).toHaveLength(devFiles.length * 2);
  });

  it('writes exactly one <article> per 条, with eIds built from the chapter, section and article numbers', () => {
    for (const file of devFiles) {
      const v = exportableFromCorpus(file);
      const found = articles(exportAkn(v));
      expect(found.map((a) => attr(a, 'eId')), file).toEqual(v.text.articles.map(expectedArticleId));
      expect(found.map((a) => textOf(child(a, 'num')!)), file).toEqual(v.text.articles.map((a) => a.label));
      expect(found.map((a) => descendants(a, 'paragraph').length), file).toEqual(v.text.articles.map((a) => a.paragraphs.length));
    }
    const withChapters = articles(exportAkn(exportableFromCorpus('reg-005-rizhao.md')));
    expect(attr(withChapters[0], 'eId')).toBe('chp_1__art_1');
    expect(attr(withChapters[withChapters.length - 1], 'eId')).toBe('chp_11__art_114');
    const withoutChapters = articles(exportAkn(exportableFromCorpus('reg-044-luohe.md')));
    expect(withoutChapters.map((a) => attr(a, 'eId'))).toEqual(Array.from({ length: 14 }, (_, i) => `art_${i + 1}`));
    const withSections = exportableFromCorpus('reg-015-weifang.md');
    const inSection = withSections.text.articles.find((a) => a.section !== undefined)!;
    expect(articles(exportAkn(withSections)).map((a) => attr(a, 'eId'))).toContain(`chp_${inSection.chapter}__sec_${inSection.section}__art_${inSection.number}`);
  });

  it('nests 款, 项 and 目 as paragraphs and points with eIds under their article', () => {
    const v = exportableFromCorpus('reg-005-rizhao.md');
    const act = child(readXml(exportAkn(v)), 'act')!;
    const withItems = v.text.articles.find((a) => a.paragraphs.some((p) => p.items.length > 1))!;
    const p = withItems.paragraphs.findIndex((x) => x.items.length > 1);
    const articleEl = descendants(act, 'article').find((a) => attr(a, 'eId') === expectedArticleId(withItems))!;
    const paragraphEl = descendants(articleEl, 'paragraph')[p];
    const points = (paragraphEl.elements ?? []).filter((e) => e.name === 'point');
    const prefix = `${expectedArticleId(withItems)}__para_${p + 1}`;
    expect(attr(paragraphEl, 'eId')).toBe(prefix);
    expect(textOf(child(paragraphEl, 'intro')!)).toBe(withItems.paragraphs[p].text);
    expect(points.map((e) => attr(e, 'eId'))).toEqual(withItems.paragraphs[p].items.map((_, k) => `${prefix}__point_${k + 1}`));
    expect(points.map((e) => textOf(child(e, 'num')!))).toEqual(withItems.paragraphs[p].items.map((i) => i.label));
    expect(points.map((e) => attr(e, 'wId'))).toEqual(withItems.paragraphs[p].items.map((i) => i.eid));
    const eIds = descendants(act).map((e) => attr(e, 'eId')).filter(Boolean);
    expect(new Set(eIds).size).toBe(eIds.length);
  });

  it("keeps an article's wId when an article inserted before it renumbers it", () => {
    const doc = parseDev('reg-005-rizhao.md');
    const before = exportableFromCorpus('reg-005-rizhao.md');
    const chapter2 = doc.body[1];
    if (chapter2.kind !== 'chapter') throw new Error('reg-005 starts its second chapter at body[1]');
    const moved = chapter2.children[0] as Article;
    chapter2.children.unshift({ kind: 'article', eid: 'art_new', paragraphs: [paragraph('art_new__para_1', '新增的条文。')] });
    const after = exportableFromCorpus('reg-005-rizhao.md', { text: toParseJson(doc) });

    const find = (v: ExportableVersion) => articles(exportAkn(v)).find((a) => attr(a, 'wId') === moved.eid)!;
    const old = find(before);
    const renumbered = find(after);
    const n = Number(/^art_(\d+)$/.exec(moved.eid)![1]);
    expect(attr(old, 'eId')).toBe(`chp_2__art_${n}`);
    expect(attr(renumbered, 'eId')).toBe(`chp_2__art_${n + 1}`);
    expect(textOf(child(renumbered, 'num')!)).not.toBe(textOf(child(old, 'num')!));
    expect(attr(descendants(renumbered, 'paragraph')[0], 'wId')).toBe(attr(descendants(old, 'paragraph')[0], 'wId'));
    expect(validate({ renumbered: exportAkn(after) }).status).toBe(0);
  });

  it('turns citations of the same text into <ref href> to an existing eId and leaves citations of other acts as text', () => {
    const source = [
      '# 示例市测试条例',
      '',
      '2020年1月1日 示例市人民代表大会常务委员会通过',
      '',
      '<!-- INFO END -->',
      '',
      '## 第一章 总则',
      '',
      '第一条 为了测试，制定本条例。',
      '',
      '第二条 违反本条例第一条规定的，依照《中华人民共和国行政处罚法》第十二条处理。',
      '',
      '前款规定以外的，依照第九十九条处理。',
      '',
      '## 第二章 附则',
      '',
      '第三条 本条例第二条第二款、第四条第（一）项所称事项，适用前条。',
      '',
      '第四条 下列事项：',
      '',
      '（一）甲；',
      '',
      '（二）乙。',
    ].join('\n');
    const v = exportableFromCorpus('reg-044-luohe.md', { text: toParseJson(parseRegulation(source)) });
    const act = child(readXml(exportAkn(v)), 'act')!;
    const refs = descendants(act, 'ref').map((r) => [textOf(r), attr(r, 'href')]);
    expect(refs).toEqual([
      ['本条例第一条', '#chp_1__art_1'],
      ['前款', '#chp_1__art_2__para_1'],
      ['本条例第二条第二款', '#chp_1__art_2__para_2'],
      ['第四条第（一）项', '#chp_2__art_4__para_1__point_1'],
      ['前条', '#chp_1__art_2'],
    ]);
    const article2 = descendants(act, 'article')[1];
    expect(textOf(article2)).toContain('依照《中华人民共和国行政处罚法》第十二条处理。');
  });

  it('points every <ref> of the corpus texts at an eId the document has', () => {
    for (const file of ['reg-005-rizhao.md', 'reg-020-liaocheng.md', 'reg-049-zhengzhou.md', 'reg-078-zhoushan.md', 'reg-087-zhejiang.md']) {
      const act = child(readXml(exportAkn(exportableFromCorpus(file))), 'act')!;
      const eIds = new Set(descendants(act).map((e) => attr(e, 'eId')));
      const refs = descendants(act, 'ref');
      expect(refs.length, file).toBeGreaterThan(0);
      for (const ref of refs) {
        expect(attr(ref, 'href')!.startsWith('#'), file).toBe(true);
        expect(eIds.has(attr(ref, 'href')!.slice(1)), `${file}: ${textOf(ref)} → ${attr(ref, 'href')}`).toBe(true);
        expect(textOf(ref).startsWith('《'), file).toBe(false);
      }
    }
    const liaocheng = child(readXml(exportAkn(exportableFromCorpus('reg-020-liaocheng.md'))), 'act')!;
    expect(descendants(liaocheng, 'ref').map((r) => [textOf(r), attr(r, 'href')])).toContainEqual(['本条例第十五条', '#chp_2__art_15']);
  });

  it('escapes <, & and " and drops characters XML cannot carry, and the document still validates', () => {
    const base = exportableFromCorpus('reg-044-luohe.md');
    const title = '示例<条例>&"引号"';
    const text = structuredClone(base.text);
    text.title = title;
    text.articles[0].paragraphs[0].text = 'a<b && c>"d"\u0001\u001f结束。';
    const v: ExportableVersion = {
      ...base,
      regulation: { ...base.regulation, title, enactingBody: '示例&<人大>' },
      version: { ...base.version, infoLines: ['（2020年1月1日 "示例" & <测试>）'] },
      notice: { number: 1, body: '示例&<人大>', text: '公告<1>\n第1号 & "完"\u0007' },
      text,
    };
    const xml = exportAkn(v);
    expect(xml).not.toMatch(/[\u0001\u0007\u001f]/);
    expect(xml).not.toContain('<b &&');
    expect(validate({ escaped: xml }).status).toBe(0);
    const act = child(readXml(xml), 'act')!;
    expect(textOf(descendants(act, 'docTitle')[0])).toBe(title);
    expect(textOf(descendants(act, 'paragraph')[0])).toBe('a<b && c>"d"结束。');
    expect(descendants(act, 'p').map(textOf)).toContain('（2020年1月1日 "示例" & <测试>）');
    expect(descendants(act, 'p').map(textOf)).toContain('第1号 & "完"');
  });

  it('names the work, expression and manifestation by region, year and 公告 number (or a hash of the id), dated as the version', () => {
    const v = exportableFromCorpus('reg-005-rizhao.md');
    const frbr = (xml: string, level: string, name: string) =>
      attr(child(descendants(child(readXml(xml), 'act')!, level)[0], name)!, 'value');
    const hash = createHash('sha256').update(v.regulation.id).digest('hex').slice(0, 8);
    const plain = exportAkn(v);
    expect(frbr(plain, 'FRBRWork', 'FRBRuri')).toBe(`/akn/cn-rizhao/act/2017/${hash}`);
    expect(frbr(plain, 'FRBRExpression', 'FRBRuri')).toBe(`/akn/cn-rizhao/act/2017/${hash}/zho@2017-06-28`);

    const promulgated = exportAkn({
      ...v,
      notice: sampleNotice(v, 7),
      version: { ...v.version, promulgatedOn: '2017-08-10', effectiveOn: '2017-10-01' },
    });
    expect(frbr(promulgated, 'FRBRWork', 'FRBRthis')).toBe('/akn/cn-rizhao/act/2017/7/!main');
    expect(frbr(promulgated, 'FRBRWork', 'FRBRcountry')).toBe('cn-rizhao');
    expect(frbr(promulgated, 'FRBRExpression', 'FRBRuri')).toBe('/akn/cn-rizhao/act/2017/7/zho@2017-10-01');
    expect(frbr(promulgated, 'FRBRManifestation', 'FRBRthis')).toBe('/akn/cn-rizhao/act/2017/7/zho@2017-10-01/!main.xml');
    expect(frbr(promulgated, 'FRBRManifestation', 'FRBRuri')).toBe('/akn/cn-rizhao/act/2017/7/zho@2017-10-01.akn');
    const language = descendants(child(readXml(promulgated), 'act')!, 'FRBRlanguage')[0];
    expect(attr(language, 'language')).toBe('zho');

    const elsewhere = exportAkn({ ...v, regulation: { ...v.regulation, region: '未知市' } });
    expect(frbr(elsewhere, 'FRBRWork', 'FRBRuri')).toBe(`/akn/cn-local/act/2017/${hash}`);

    // A later version (another 公告, adopted years on) is an expression of the same work.
    const amended = exportAkn({
      ...v,
      regulation: { ...v.regulation, workNumber: 7 },
      notice: sampleNotice(v, 31),
      version: { ...v.version, seq: 2, change: 'amendment', adoptedOn: '2021-05-20', promulgatedOn: '2021-06-01', effectiveOn: '2021-07-01' },
      events: [...v.events, { kind: 'amended', on: '2021-05-20', versionSeq: 2 }],
    });
    expect(frbr(amended, 'FRBRWork', 'FRBRuri')).toBe('/akn/cn-rizhao/act/2017/7');
    expect(frbr(amended, 'FRBRExpression', 'FRBRuri')).toBe('/akn/cn-rizhao/act/2017/7/zho@2021-07-01');
  });

  it('records one <eventRef> per event, each referring to declared events and organisations', () => {
    const v = exportableFromCorpus('reg-020-liaocheng.md');
    const act = child(readXml(exportAkn(v)), 'act')!;
    const eventRefs = descendants(act, 'eventRef');
    expect(eventRefs.map((e) => attr(e, 'eId'))).toEqual(v.events.map((_, i) => `evt_${i + 1}`));
    expect(eventRefs.map((e) => attr(e, 'date'))).toEqual(v.events.map((e) => e.on));
    expect(eventRefs.map((e) => attr(e, 'type'))).toEqual(
      v.events.map((e) => (e.kind === 'amended' || (e.versionSeq ?? 1) > 1 ? 'amendment' : 'generation')),
    );
    expect(eventRefs.map((e) => attr(e, 'type'))).toContain('amendment');
    const declared = new Set(descendants(child(child(act, 'meta')!, 'references')!).map((e) => attr(e, 'eId')));
    const pointers = descendants(child(act, 'meta')!).flatMap((e) =>
      ['source', 'refersTo', 'as', 'href'].flatMap((name) => (attr(e, name) ?? '').split(' ').filter((r) => r.startsWith('#'))),
    );
    expect(pointers.length).toBeGreaterThan(eventRefs.length);
    for (const pointer of pointers) expect(declared.has(pointer.slice(1)), pointer).toBe(true);
  });
});

describe('aknRegion', () => {
  it('has an ASCII code for the city or province of every text of the dev corpus, for 东营市 and 杭州市, and `local` otherwise', () => {
    const codes = new Set(Object.values(AKN_REGION_CODES));
    for (const file of devFiles) {
      const place = /-([a-z]+)\.md$/.exec(file)![1];
      if (place !== 'national') expect(codes.has(place), file).toBe(true);
    }
    expect(aknRegion('东营市')).toBe('dongying');
    expect(aknRegion('杭州市')).toBe('hangzhou');
    expect(aknRegion('日照')).toBe('rizhao');
    expect(aknRegion('未知市')).toBe('local');
    expect(aknRegion(null)).toBe('local');
    for (const code of codes) expect(code).toMatch(/^[a-z]+$/);
  });
});
