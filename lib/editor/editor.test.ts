import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRegulation, toParseJson } from '@/lib/legal-text';
import { draftToParseJson } from './draftToStructure';
import { numberDoc } from './numberDoc';
import { blankDraft, structureToDraft } from './structureToDraft';

const seed = (f: string) => toParseJson(parseRegulation(fs.readFileSync(path.resolve('db/seed/regulations', f), 'utf8')));

describe('structureToDraft', () => {
  it('round-trips a real regulation through the editor document unchanged', () => {
    for (const f of ['reg-078-zhoushan.md', 'reg-068-hangzhou.md', 'reg-070-hangzhou.md', 'dev-03-bj-audit-new.md']) {
      const json = seed(f);
      const back = draftToParseJson(structureToDraft(json));
      expect(back.counts, f).toEqual(json.counts);
      expect(back.articles, f).toEqual(json.articles);
      expect(back.outline.map((o) => [o.kind, o.number, o.heading, o.firstArticle, o.lastArticle]), f).toEqual(json.outline.map((o) => [o.kind, o.number, o.heading, o.firstArticle, o.lastArticle]));
    }
  });

  it('turns references to articles of the same text into article references, leaving other laws alone', () => {
    const doc = structureToDraft(seed('reg-078-zhoushan.md'));
    const refs: string[] = [];
    doc.descendants((n) => {
      if (n.type.name === 'article_ref') refs.push(n.attrs.target);
    });
    expect(refs).toContain('art_12');
  });
});

describe('numberDoc', () => {
  it('derives article, chapter, item and sub-item labels from order', () => {
    const n = numberDoc(structureToDraft(seed('reg-068-hangzhou.md')));
    expect(n.articleLabels.get('art_3')).toBe('第三条');
    expect(n.outline.filter((o) => o.kind === 'chapter')[0].label).toBe('第一章');
    expect(n.labels.filter((l) => l.kind === 'item')[0].label).toBe('（一）');
  });

  it('starts a blank draft with 第一章 总则 and 第一条', () => {
    const json = draftToParseJson(blankDraft('测试条例'));
    expect(json.title).toBe('测试条例');
    expect(json.outline[0]).toMatchObject({ kind: 'chapter', heading: '总则', firstArticle: 1 });
    expect(json.articles.map((a) => a.label)).toEqual(['第一条']);
  });
});
