import { describe, expect, it } from 'vitest';
import { classifyLine, normalizeHeadingTitle, trimLine } from './classifyLine';

// What each kind of line pasted or imported becomes, exactly: the parser builds the whole text
// from these classes, so a line taken for the wrong kind moves or loses provisions.
describe('classifyLine', () => {
  it('trims zero-width characters and every kind of space around a line', () => {
    expect(trimLine('\u200b\ufeff  第一条\u3000\u00a0')).toBe('第一条');
    expect(trimLine('\t本条例\u200b自公布之日起施行。 ')).toBe('本条例自公布之日起施行。');
  });

  it('drops letter-spacing inside heading titles and keeps one space between words', () => {
    expect(normalizeHeadingTitle('总 则')).toBe('总则');
    expect(normalizeHeadingTitle(' 附\u3000\u3000则 ')).toBe('附则');
    expect(normalizeHeadingTitle('PM2.5  防治')).toBe('PM2.5 防治');
    expect(normalizeHeadingTitle('法律责任')).toBe('法律责任');
  });

  it('tells the end-of-header marker and comments from text', () => {
    expect(classifyLine('<!-- INFO END -->')).toEqual({ kind: 'marker' });
    expect(classifyLine('<!-- 来源：某市人大常委会公报 -->')).toEqual({ kind: 'blank' });
    expect(classifyLine('<不是注释>')).toEqual({ kind: 'text', text: '<不是注释>', indented: false });
  });

  it('takes the marker with any spacing inside it, and only as a whole line', () => {
    expect(classifyLine('<!--INFO END-->')).toEqual({ kind: 'marker' });
    expect(classifyLine('<!--  INFO END  -->')).toEqual({ kind: 'marker' });
    expect(classifyLine('注：<!-- INFO END -->')).toEqual({ kind: 'text', text: '注：<!-- INFO END -->', indented: false });
    expect(classifyLine('<!-- INFO END --> 以下为正文')).toEqual({ kind: 'text', text: '<!-- INFO END --> 以下为正文', indented: false });
  });

  it('marks plain text as indented when it starts with a full-width space, a tab or two spaces', () => {
    expect(classifyLine('本条例自公布之日起施行。')).toEqual({ kind: 'text', text: '本条例自公布之日起施行。', indented: false });
    expect(classifyLine('\u3000\u3000本条例自公布之日起施行。')).toEqual({ kind: 'text', text: '本条例自公布之日起施行。', indented: true });
    expect(classifyLine('  本条例')).toEqual({ kind: 'text', text: '本条例', indented: true });
    expect(classifyLine(' 本条例')).toEqual({ kind: 'text', text: '本条例', indented: false });
  });

  it('reads Markdown headings by their text: a chapter, an article set as a heading, anything else', () => {
    expect(classifyLine('## 第一章　总　则')).toEqual({ kind: 'heading', level: 'chapter', number: 1, title: '总则', hashes: 2 });
    expect(classifyLine('### 第三条 物业服务企业应当公示收费标准。')).toEqual({ kind: 'article', number: 3, text: '物业服务企业应当公示收费标准。' });
    expect(classifyLine('# 附录')).toEqual({ kind: 'otherHeading', hashes: 1, text: '附录' });
    expect(classifyLine('#')).toEqual({ kind: 'otherHeading', hashes: 1, text: '' });
  });

  it('reads a Markdown heading with no space after its hashes, and not one of seven hashes or a # inside a line', () => {
    expect(classifyLine('#附录')).toEqual({ kind: 'otherHeading', hashes: 1, text: '附录' });
    expect(classifyLine('##第一章 总则')).toEqual({ kind: 'heading', level: 'chapter', number: 1, title: '总则', hashes: 2 });
    expect(classifyLine('####### 七级标题')).toEqual({ kind: 'text', text: '####### 七级标题', indented: false });
    expect(classifyLine('第一条 编号以#标出的事项')).toEqual({ kind: 'article', number: 1, text: '编号以#标出的事项' });
  });

  it('takes a Markdown heading for a heading even when its title is glued on, long, or ends in punctuation', () => {
    const long = '# 第二章关于物业服务企业的管理与监督的若干规定';
    expect(classifyLine(long)).toEqual({ kind: 'heading', level: 'chapter', number: 2, title: '关于物业服务企业的管理与监督的若干规定', hashes: 1 });
    expect(classifyLine('# 第一章 总则。')).toEqual({ kind: 'heading', level: 'chapter', number: 1, title: '总则。', hashes: 1 });
  });

  it('takes a line with a glued title for a heading only when it is short and has no punctuation', () => {
    expect(classifyLine('第一章总则')).toEqual({ kind: 'heading', level: 'chapter', number: 1, title: '总则', hashes: 0 });
    const title = '物业服务企业管理与监督检查实施办法若干规定'; // 第一章 + 21 characters = 24
    expect(classifyLine(`第一章${title}`)).toEqual({ kind: 'heading', level: 'chapter', number: 1, title, hashes: 0 });
    expect(classifyLine(`第一章${title}定`)).toEqual({ kind: 'text', text: `第一章${title}定`, indented: false });
    expect(classifyLine('第五章规定的情形，由市人民政府处理')).toEqual({ kind: 'text', text: '第五章规定的情形，由市人民政府处理', indented: false });
  });

  it('refuses a spaced heading whose title ends a sentence, but not one with a colon inside', () => {
    expect(classifyLine('第一章 总则。')).toEqual({ kind: 'text', text: '第一章 总则。', indented: false });
    expect(classifyLine('第六章 附则：过渡规定')).toEqual({ kind: 'heading', level: 'chapter', number: 6, title: '附则：过渡规定', hashes: 0 });
  });

  it('reads items and sub-items, full-width digits included', () => {
    expect(classifyLine('（三）违反规定饲养犬只的；')).toEqual({ kind: 'item', number: 3, text: '违反规定饲养犬只的；' });
    expect(classifyLine('１．未办理登记的；')).toEqual({ kind: 'subitem', number: 1, style: 'dot', text: '未办理登记的；' });
    expect(classifyLine('（１２）其他情形。')).toEqual({ kind: 'subitem', number: 12, style: 'paren', text: '其他情形。' });
  });
});
