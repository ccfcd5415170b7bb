import { describe, expect, it } from 'vitest';
import type { AmendmentDecision } from '@/lib/legal-text';
import { exportDecisionDocx } from './exportDecisionDocx';
import { readZip } from '@/lib/documents/testing/readZip';

const decision: AmendmentDecision = {
  title: '关于修改《北京市审计条例》的决定',
  preamble: '北京市人民代表大会常务委员会决定对《北京市审计条例》作如下修改：',
  clauses: ['一、将第二条第一款中的“市和区、县人民政府”修改为“市和区人民政府”。', '二、删去第四条。', '三、增加一条，作为第四条：“审计机关应当推进大数据审计，提高审计效率。”'],
  closing: '此外，对条文顺序作相应调整。',
};

function paragraphs(xml: string): { props: string; text: string }[] {
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>/g)].map((m) => ({
    props: m[1],
    text: [...m[1].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  }));
}

describe('exportDecisionDocx', () => {
  it('sets the title, preamble, each clause in order and the closing as paragraphs', async () => {
    const document = (await readZip(await exportDecisionDocx(decision))).get('word/document.xml')!;
    const body = paragraphs(document);
    expect(body.map((p) => p.text)).toEqual([decision.title, decision.preamble, ...decision.clauses, decision.closing]);
    expect(body[0].props).toContain('<w:jc w:val="center"/>');
    expect(body[0].props).toContain('<w:b/>');
    for (const p of body.slice(1)) expect(p.props).toContain('w:firstLineChars="200"');
  });

  it('sets the title in 22 pt with one 28 pt line of space below it, and the body in 16 pt on exact 28 pt lines', async () => {
    const files = await readZip(await exportDecisionDocx(decision));
    const [title, ...body] = paragraphs(files.get('word/document.xml')!);
    expect(title.props).toBe(
      '<w:pPr><w:spacing w:after="560"/><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/><w:bCs/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr>' +
        `<w:t xml:space="preserve">${decision.title}</w:t></w:r>`,
    );
    for (const p of body) expect(p.props).toMatch(/^<w:pPr><w:spacing w:line="560" w:lineRule="exact"\/><w:ind w:firstLine="640" w:firstLineChars="200"\/><w:jc w:val="both"\/><\/w:pPr><w:r><w:t /);
    expect(files.get('word/styles.xml')).toMatch(/<w:rPrDefault><w:rPr>.*<w:sz w:val="32"\/>/);
  });

  it('leaves the closing out when there is none, on a portrait page with page numbers', async () => {
    const files = await readZip(await exportDecisionDocx({ ...decision, closing: undefined }));
    const document = files.get('word/document.xml')!;
    expect(paragraphs(document).map((p) => p.text).at(-1)).toBe('三、增加一条，作为第四条：“审计机关应当推进大数据审计，提高审计效率。”');
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(files.get('word/footer1.xml')).toContain('>PAGE<');
  });
});
