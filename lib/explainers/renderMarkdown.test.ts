import { describe, expect, it } from 'vitest';
import { plainTextOf, renderMarkdown, type CitationLink, type CitationMatch } from './renderMarkdown';

// What may appear in the output, tag by tag: the renderer's allow-list restated independently.
const allowedAttributes: Record<string, string[]> = {
  p: [], br: [], h2: [], h3: [], h4: [], strong: [], em: [], blockquote: [], ul: [], ol: [], li: [],
  code: [], pre: [], hr: [], table: [], thead: [], tbody: [], tr: [], th: [], td: [],
  a: ['href', 'rel', 'class', 'title'],
  span: ['class', 'title'],
};

const tagPattern = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"'=<>/]+="[^"]*")*)\s*\/?>/g;
const attributePattern = /([^\s"'=<>/]+)="([^"]*)"/g;

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return named[name.toLowerCase()] ?? whole;
  });
}

interface Tag {
  name: string;
  attributes: Array<[string, string]>;
}

function tagsOf(html: string): Tag[] {
  return [...html.matchAll(tagPattern)].map((m) => ({
    name: m[2].toLowerCase(),
    attributes: [...m[3].matchAll(attributePattern)].map((a): [string, string] => [a[1].toLowerCase(), decodeEntities(a[2])]),
  }));
}

/// The text a reader sees: the output without its tags, entities decoded.
function visibleText(html: string): string {
  return decodeEntities(html.replace(tagPattern, ''));
}

/// Fails unless every `<` in the output opens a tag of the allow-list with allowed attributes,
/// and no tag or attribute (entities decoded, as a browser reads it) could run script. A title
/// is text the browser shows and never parses, so its value is left out of the markup checked.
function expectInert(html: string, { citations = false } = {}): void {
  expect(html).not.toMatch(/<\s*(script|iframe|style|img|svg|math|form|input|details|object|embed|base|meta)/i);
  expect(html.replace(tagPattern, '')).not.toMatch(/[<>]/);
  const markup = tagsOf(html)
    .map((tag) => `<${tag.name}${tag.attributes.map(([name, value]) => ` ${name}="${name === 'title' ? '' : value}"`).join('')}>`)
    .join('');
  expect(markup).not.toMatch(/<script/i);
  expect(markup).not.toMatch(/<iframe/i);
  expect(markup).not.toMatch(/<style/i);
  expect(markup).not.toMatch(/<img/i);
  expect(markup).not.toMatch(/on\w+=/i);
  expect(markup.replace(/[\u0000-\u0020]/g, '')).not.toMatch(/javascript:|vbscript:|data:/i);
  for (const tag of tagsOf(html)) {
    expect(Object.keys(allowedAttributes), `tag <${tag.name}>`).toContain(tag.name);
    for (const [name, value] of tag.attributes) {
      expect(allowedAttributes[tag.name], `attribute ${name} on <${tag.name}>`).toContain(name);
      if (name === 'href') expect(value).toMatch(/^(https?:\/\/|mailto:|\/(?![/\\])|#)/i);
      if (name === 'rel') expect(value).toBe('nofollow noopener');
      if (!citations) expect(['class', 'title']).not.toContain(name);
    }
  }
}

interface Payload {
  name: string;
  source: string;
  /// Text the reader must still see, escaped.
  shows: string[];
  /// Text that must not reach the reader even as text (a refused address).
  hides?: string[];
}

const payloads: Payload[] = [
  { name: 'script element', source: '<script>alert(1)</script>', shows: ['<script>alert(1)</script>'] },
  { name: 'img onerror', source: '<img src=x onerror=alert(1)>', shows: ['<img src=x onerror=alert(1)>'] },
  { name: 'iframe', source: '<iframe src="https://evil.example/"></iframe>', shows: ['<iframe src="https://evil.example/"></iframe>'] },
  { name: 'svg onload', source: '<svg onload=alert(1)>', shows: ['<svg onload=alert(1)>'] },
  { name: 'svg xlink:href', source: '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', shows: ['<text>x</text>'] },
  { name: 'javascript: link', source: '[x](javascript:alert(1))', shows: ['x'], hides: ['javascript:'] },
  { name: 'upper-case JAVASCRIPT: link', source: '[x](JAVASCRIPT:alert(1))', shows: ['x'], hides: ['JAVASCRIPT:'] },
  { name: 'mixed-case javascript: link', source: '[x](JaVaScRiPt:alert(1))', shows: ['x'], hides: ['alert'] },
  { name: 'tab entity inside the scheme', source: '[x](java&#x09;script:alert(1))', shows: ['x'], hides: ['script:'] },
  { name: 'entity-encoded first letter', source: '[x](&#106;avascript:alert(1))', shows: ['x'], hides: ['avascript:'] },
  { name: 'named entity for the colon', source: '[x](javascript&colon;alert(1))', shows: ['x'], hides: ['alert'] },
  { name: 'pointy-bracket destination', source: '[x](<javascript:alert(1)>)', shows: ['x'], hides: ['javascript:'] },
  { name: 'javascript: link with a title', source: '[x](javascript:alert(1) "t")', shows: ['x'], hides: ['javascript:'] },
  { name: 'data: link', source: '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', shows: ['x'], hides: ['data:'] },
  { name: 'data: image link', source: '[x](data:image/png;base64,iVBORw0KGgo=)', shows: ['x'], hides: ['data:'] },
  { name: 'vbscript: link', source: '[x](vbscript:msgbox(1))', shows: ['x'], hides: ['vbscript:'] },
  { name: 'raw anchor to javascript:', source: '<a href="javascript:alert(1)">x</a>', shows: ['<a href="javascript:alert(1)">x</a>'] },
  { name: 'raw anchor, entity-encoded', source: '<a href="&#106;avascript:alert(1)">x</a>', shows: ['x</a>'] },
  { name: 'image to javascript:', source: '![x](javascript:alert(1))', shows: ['x'], hides: ['javascript:'] },
  { name: 'image (not shown, alt kept)', source: '![a cat](https://example.com/cat.png)', shows: ['a cat'], hides: ['cat.png'] },
  { name: 'image inside a link', source: '[![logo](https://example.com/l.png)](/about)', shows: ['logo'], hides: ['l.png'] },
  { name: 'style element', source: '<style>body{display:none}</style>', shows: ['<style>body{display:none}</style>'] },
  { name: 'form', source: '<form action="https://evil.example/"><button>go</button></form>', shows: ['<button>go</button>'] },
  { name: 'input autofocus onfocus', source: '<input autofocus onfocus=alert(1)>', shows: ['<input autofocus onfocus=alert(1)>'] },
  { name: 'details ontoggle', source: '<details open ontoggle=alert(1)>', shows: ['<details open ontoggle=alert(1)>'] },
  { name: 'math', source: '<math><mtext><script>alert(1)</script></mtext></math>', shows: ['<mtext>'] },
  { name: 'HTML comment', source: '<!-- <script>alert(1)</script> -->', shows: ['<!-- <script>alert(1)</script> -->'] },
  { name: 'entity-encoded tags', source: '&lt;script&gt;alert(1)&lt;/script&gt;', shows: ['<script>alert(1)</script>'] },
  { name: 'split tag', source: '<scr<script>ipt>alert(1)</script>', shows: ['ipt>alert(1)'] },
  { name: 'reference link to javascript:', source: '[x][r]\n\n[r]: javascript:alert(1)', shows: ['x'], hides: ['javascript:'] },
  { name: 'autolink to javascript:', source: 'see <javascript:alert(1)> here', shows: ['see', 'here'], hides: ['javascript:'] },
  { name: 'autolink to data:', source: 'see <data:text/html,alert(1)> here', shows: ['see', 'here'], hides: ['data:'] },
  { name: 'quote breaking out of a title', source: '[a](/x "t\\" onmouseover=\\"alert(1)")', shows: ['a'], hides: ['onmouseover'] },
  { name: 'object and embed', source: '<object data="x.swf"></object><embed src="x.swf">', shows: ['<object data="x.swf">'] },
  { name: 'base href', source: '<base href="javascript:/">', shows: ['<base href='] },
  { name: 'meta refresh', source: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', shows: ['<meta http-equiv='] },
  { name: 'script in inline code', source: '`<script>alert(1)</script>`', shows: ['<script>alert(1)</script>'] },
  { name: 'script in a fenced block', source: '```html\n<script>alert(1)</script>\n```', shows: ['<script>alert(1)</script>'] },
  { name: 'img in emphasis', source: '**<img src=x onerror=alert(1)>**', shows: ['<img src=x onerror=alert(1)>'] },
  { name: 'img in a table cell', source: '| a |\n| --- |\n| <img src=x onerror=alert(1)> |', shows: ['<img src=x onerror=alert(1)>'] },
  { name: 'script in a blockquote', source: '> <script>alert(1)</script>', shows: ['<script>alert(1)</script>'] },
  { name: 'raw HTML as link text', source: '[<img src=x onerror=alert(1)>](https://example.com/)', shows: ['<img src=x onerror=alert(1)>'] },
  { name: 'a class the renderer did not make', source: '<span class="cite">x</span>', shows: ['<span class="cite">x</span>'] },
  { name: 'protocol-relative link', source: '[x](//evil.example/)', shows: ['x'], hides: ['evil.example'] },
  { name: 'backslash protocol-relative link', source: '[x](/\\evil.example/)', shows: ['x'], hides: ['evil.example'] },
];

describe('renderMarkdown against XSS', () => {
  it.each(payloads)('$name', ({ source, shows, hides }) => {
    const html = renderMarkdown(`before\n\n${source}\n\nafter`);
    expectInert(html);
    const text = visibleText(html);
    for (const shown of [...shows, 'before', 'after']) expect(text).toContain(shown);
    for (const hidden of hides ?? []) expect(text.toLowerCase()).not.toContain(hidden.toLowerCase());
    expectInert(renderMarkdown(source));
  });

  it('holds at least 25 payloads', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(25);
  });
});

describe('renderMarkdown', () => {
  it('renders headings, demoting h1 and folding h5–h6 into h4', () => {
    expect(renderMarkdown('# 一\n\n## 二\n\n### 三\n\n#### 四\n\n###### 六\n\n标题\n===')).toBe(
      '<h2>一</h2>\n<h2>二</h2>\n<h3>三</h3>\n<h4>四</h4>\n<h4>六</h4>\n<h2>标题</h2>\n',
    );
  });

  it('renders emphasis, lists, a blockquote, code, a rule and a hard break', () => {
    const html = renderMarkdown('**粗** *斜* `c < d`\n\n- 甲\n- 乙\n\n1. 一\n2. 二\n\n> 引用\n\n```js\nlet a = 1 < 2;\n```\n\n---\n\n行  \n下一行');
    expect(html).toBe([
      '<p><strong>粗</strong> <em>斜</em> <code>c &lt; d</code></p>',
      '<ul>\n<li>甲</li>\n<li>乙</li>\n</ul>',
      '<ol>\n<li>一</li>\n<li>二</li>\n</ol>',
      '<blockquote>\n<p>引用</p>\n</blockquote>',
      '<pre><code>let a = 1 &lt; 2;\n</code></pre>',
      '<hr />',
      '<p>行<br />\n下一行</p>\n',
    ].join('\n'));
    expectInert(html);
  });

  it('renders a table without alignment styles', () => {
    expect(renderMarkdown('| 事项 | 期限 |\n| :-- | --: |\n| 登记 | 30日 |')).toBe(
      '<table>\n<thead>\n<tr>\n<th>事项</th>\n<th>期限</th>\n</tr>\n</thead>\n'
      + '<tbody>\n<tr>\n<td>登记</td>\n<td>30日</td>\n</tr>\n</tbody>\n</table>\n',
    );
  });

  it('marks external links nofollow noopener and keeps links on this site as they are', () => {
    expect(renderMarkdown('[法规](https://example.com/a?b=1&c=2 "标题")')).toBe(
      '<p><a href="https://example.com/a?b=1&amp;c=2" rel="nofollow noopener">法规</a></p>\n',
    );
    expect(renderMarkdown('[写信](mailto:help@example.com)')).toBe(
      '<p><a href="mailto:help@example.com" rel="nofollow noopener">写信</a></p>\n',
    );
    expect(renderMarkdown('[条例](/regulations/养犬条例) [第三条](#art-3)')).toBe(
      '<p><a href="/regulations/%E5%85%BB%E7%8A%AC%E6%9D%A1%E4%BE%8B">条例</a> <a href="#art-3">第三条</a></p>\n',
    );
    expect(renderMarkdown('<https://example.com/>')).toBe(
      '<p><a href="https://example.com/" rel="nofollow noopener">https://example.com/</a></p>\n',
    );
  });

  it('keeps only the text of a link whose target is not the web, mail or a path here', () => {
    expect(renderMarkdown('[相对](regulations/x) [ftp](ftp://example.com/) [文件](file:///etc/passwd)')).toBe(
      '<p>相对 ftp 文件</p>\n',
    );
  });

  it('shows raw HTML as text', () => {
    expect(renderMarkdown('<b>粗</b>')).toBe('<p>&lt;b&gt;粗&lt;/b&gt;</p>\n');
  });

  it('renders nothing for an empty body', () => {
    expect(renderMarkdown('')).toBe('');
  });
});

describe('renderMarkdown citations', () => {
  const findCitations = (text: string): CitationMatch[] =>
    [...text.matchAll(/第[一二三四五六七八九十百]+条/g)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  const targets: Record<string, CitationLink | null> = {
    第三条: { href: '/regulations/r1#art-3', title: '《养犬条例》第三条', state: 'ok' },
    第九条: { href: '', title: '本条例没有第九条', state: 'unresolved' },
    第十条: null,
  };
  const linkCitation = (match: CitationMatch): CitationLink | null => targets[match.text] ?? null;
  const render = (body: string) => renderMarkdown(body, { findCitations, linkCitation });

  it('links a resolved citation and marks an unresolved one', () => {
    const html = render('依照第三条和第九条办理。');
    expect(html).toBe(
      '<p>依照<a class="cite" href="/regulations/r1#art-3" title="《养犬条例》第三条">第三条</a>和'
      + '<span class="cite cite--unresolved" title="本条例没有第九条">第九条</span>办理。</p>\n',
    );
    expectInert(html, { citations: true });
  });

  it('leaves a citation linkCitation declines as plain text', () => {
    expect(render('见第十条。')).toBe('<p>见第十条。</p>\n');
  });

  it('does not touch citations in code or inside a link', () => {
    expect(render('`第三条` [见第三条](/elsewhere)\n\n```\n第三条\n```')).toBe(
      '<p><code>第三条</code> <a href="/elsewhere">见第三条</a></p>\n<pre><code>第三条\n</code></pre>\n',
    );
  });

  it('finds citations inside emphasis, headings, list items and table cells', () => {
    const html = render('# 第三条\n\n*第三条*\n\n- 第九条\n\n| 条 |\n| --- |\n| 第三条 |');
    expect(html.match(/<a class="cite"/g)).toHaveLength(3);
    expect(html.match(/<span class="cite cite--unresolved"/g)).toHaveLength(1);
    expect(html).toContain('<em><a class="cite"');
  });

  it('escapes what linkCitation returns and refuses a target a link may not have', () => {
    const html = renderMarkdown('第三条', {
      findCitations,
      linkCitation: () => ({ href: '/r?a=1&b="2"', title: '"><script>alert(1)</script>', state: 'ok' }),
    });
    expect(html).toBe('<p><a class="cite" href="/r?a=1&amp;b=%222%22" title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">第三条</a></p>\n');
    expectInert(html, { citations: true });
    expect(renderMarkdown('第三条', {
      findCitations,
      linkCitation: () => ({ href: 'javascript:alert(1)', state: 'ok' }),
    })).toBe('<p>第三条</p>\n');
  });

  it('marks an external citation nofollow noopener', () => {
    expect(renderMarkdown('第三条', {
      findCitations,
      linkCitation: () => ({ href: 'https://example.com/r1', state: 'ok' }),
    })).toBe('<p><a class="cite" href="https://example.com/r1" rel="nofollow noopener">第三条</a></p>\n');
  });

  it('ignores overlapping and out-of-range matches', () => {
    const html = renderMarkdown('第三条', {
      findCitations: () => [
        { text: '第三条', start: 0, end: 3 },
        { text: '三条', start: 1, end: 3 },
        { text: 'x', start: 2, end: 9 },
        { text: '', start: 0, end: 0 },
      ],
      linkCitation,
    });
    expect(html).toBe('<p><a class="cite" href="/regulations/r1#art-3" title="《养犬条例》第三条">第三条</a></p>\n');
  });

  it('marks nothing without a finder', () => {
    expect(renderMarkdown('第三条', { linkCitation })).toBe('<p>第三条</p>\n');
  });
});

describe('plainTextOf', () => {
  it('keeps the text and drops the markup', () => {
    const body = '# 办理养犬登记\n\n**携带**《身份证》和[材料](https://example.com/m)，见 `第三条`。\n\n'
      + '- 甲\n- 乙\n\n> 注意\n\n![犬只照片](dog.png)\n\n```\n代码行\n```\n\n| 事项 | 期限 |\n| --- | --- |\n| 登记 | 30日 |';
    expect(plainTextOf(body)).toBe([
      '办理养犬登记', '携带《身份证》和材料，见 第三条。', '甲', '乙', '注意', '犬只照片', '代码行', '事项', '期限', '登记', '30日',
    ].join('\n'));
  });

  it('keeps raw HTML as its source text and drops refused autolinks', () => {
    expect(plainTextOf('<b>x</b> <javascript:alert(1)> [y](javascript:alert(1))')).toBe('<b>x</b>  y');
  });
});
