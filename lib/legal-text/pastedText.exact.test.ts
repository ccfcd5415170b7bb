import { describe, expect, it } from 'vitest';
import { parseRegulation, type TextFormat } from './parse';
import { toParseJson, type SubitemJson } from './toParseJson';

/// Plain text as it comes out of a PDF viewer or Word when a whole regulation is selected and
/// pasted, with the hazards of each, and the exact structure it must give. The expected values
/// were written from the texts by hand, not taken from the parser's output.

const lines = (...ls: string[]) => ls.join('\n');

type Unit = string | [string, Unit[]];
const subitems = (list: SubitemJson[]): Unit[] => list.map((s) => (s.subitems.length ? [`${s.label}${s.text}`, subitems(s.subitems)] : `${s.label}${s.text}`));

/// Everything a reader sees: title, header lines, each heading with the articles it spans, and
/// each article's 款 (text, then its 目 and 项, each with its label), plus the warnings.
function structure(text: string, format?: TextFormat) {
  const doc = parseRegulation(text, format ? { format } : {});
  const json = toParseJson(doc);
  return {
    title: json.title,
    info: json.info,
    outline: json.outline.map((o) => `${o.label} ${o.heading} ${o.firstArticle}-${o.lastArticle}`),
    articles: json.articles.map((a) => [
      a.label,
      a.paragraphs.map((p) => [p.text, ...subitems(p.subitems), ...p.items.map((i): Unit => (i.subitems.length ? [`${i.label}${i.text}`, subitems(i.subitems)] : `${i.label}${i.text}`))]),
    ]),
    warnings: doc.warnings.map((w) => `${w.code}@${w.line}`),
  };
}

describe('plain text pasted from a PDF', () => {
  const PDF = lines(
    '示例市养犬管理条例',
    '（2019年10月30日示例市第十五届人民代表大会常务委员会第十五次会议通过　2019年11月29日示例省第十',
    // The rest of the header line, wrapped again: a middle line with neither date nor verb.
    '三届人民代表大会常务委员会第十六次',
    '会议批准）',
    '第一章　总　　则',
    '第一条　为了规范养犬行为，保障公民健康和人身安全，维护市容环境卫生和社会公共秩序，根据有关法律、',
    '法规，结合本市实际，制定本条例。',
    '第二条　本市行政区域内养犬及相关管理活动，适用本条例。',
    '',
    '- 1 -',
    '',
    '示例市人大常委会公报',
    '第三条　养犬人应当遵守下列规定：',
    '（一）携带犬只外出时，为犬只佩戴犬牌，并由完全民事行为能力人使用长度不超过一点五米的犬绳牵',
    '领；',
    '（二）不得携带犬只进入《示例市公共场所',
    '目录》所列的场所，但盲人携带导盲犬的除外。',
    '第四条　违反本条例第三条第一项规定的，由公安机关责令改正；拒不改正的，处二百元以上五百元以下',
    '罚款。违反本条例',
    // A wrapped line that starts like an article label glued to its text: a citation, not 第三条.
    '第三条第二项规定的，由公安机关给予警告。',
    '第五条　犬只伤人的，养犬人应当立即将受伤人员送至医疗机构诊治，并先行垫付医疗费用。依照本条例',
    '第十条规定应当承担赔偿责任的，依法承担。',
    '',
    '- 2 -',
    '',
    '示例市人大常委会公报',
    '第二章　附　　则',
    '第六条　本条例所称“烈性犬”，是指藏獒、比特等犬种；所称“大型犬”，是指成年后体高超过六十厘',
    '米的犬只。',
    '第七条　本条例自2020年1月1日起施行。',
    '',
    '- 3 -',
    '',
    '示例市人大常委会公报',
  );

  it('joins wrapped lines, drops page numbers and running headers, and reads a line starting 第三条第二项规定 as text', () => {
    expect(structure(PDF)).toEqual({
      title: '示例市养犬管理条例',
      // The header line wrapped twice: joined, as no part but the last ends with ） or 。 or a verb.
      info: ['（2019年10月30日示例市第十五届人民代表大会常务委员会第十五次会议通过　2019年11月29日示例省第十三届人民代表大会常务委员会第十六次会议批准）'],
      outline: ['第一章 总则 1-5', '第二章 附则 6-7'],
      articles: [
        ['第一条', [['为了规范养犬行为，保障公民健康和人身安全，维护市容环境卫生和社会公共秩序，根据有关法律、法规，结合本市实际，制定本条例。']]],
        ['第二条', [['本市行政区域内养犬及相关管理活动，适用本条例。']]],
        ['第三条', [[
          '养犬人应当遵守下列规定：',
          '（一）携带犬只外出时，为犬只佩戴犬牌，并由完全民事行为能力人使用长度不超过一点五米的犬绳牵领；',
          '（二）不得携带犬只进入《示例市公共场所目录》所列的场所，但盲人携带导盲犬的除外。',
        ]]],
        ['第四条', [['违反本条例第三条第一项规定的，由公安机关责令改正；拒不改正的，处二百元以上五百元以下罚款。违反本条例第三条第二项规定的，由公安机关给予警告。']]],
        ['第五条', [['犬只伤人的，养犬人应当立即将受伤人员送至医疗机构诊治，并先行垫付医疗费用。依照本条例第十条规定应当承担赔偿责任的，依法承担。']]],
        ['第六条', [['本条例所称“烈性犬”，是指藏獒、比特等犬种；所称“大型犬”，是指成年后体高超过六十厘米的犬只。']]],
        ['第七条', [['本条例自2020年1月1日起施行。']]],
      ],
      warnings: [],
    });
  });

  it('reads the header line as the two events it holds', () => {
    expect(parseRegulation(PDF).events.map((e) => [e.kind, e.date])).toEqual([['adopted', '2019-10-30'], ['approved', '2019-11-29']]);
  });

  it('keeps repeated lines that are content: a quoted sign text ending 。” and a wrapped clause ending ，', () => {
    const text = lines(
      '示例市公共场所控制吸烟条例',
      '第一条　公共场所的经营者应当在显著位置设置禁止吸烟标志，标志上应当写明：',
      '“本场所禁止吸烟。”',
      '第二条　公共交通工具的经营者应当在车厢内设置禁止吸烟标志，标志上应当写明：',
      '“本场所禁止吸烟。”',
      '第三条　室内工作场所的管理者应当设置禁止吸烟标志，标志上应当写明：',
      '“本场所禁止吸烟。”',
      '第四条　违反本条例第一条规定的，',
      '由卫生健康主管部门责令改正，',
      '处五百元罚款。',
      '第五条　违反本条例第二条规定的，',
      '由卫生健康主管部门责令改正，',
      '处一千元罚款。',
      '第六条　违反本条例第三条规定的，',
      '由卫生健康主管部门责令改正，',
      '处二千元罚款。',
    );
    expect(structure(text).articles).toEqual([
      ['第一条', [['公共场所的经营者应当在显著位置设置禁止吸烟标志，标志上应当写明：'], ['“本场所禁止吸烟。”']]],
      ['第二条', [['公共交通工具的经营者应当在车厢内设置禁止吸烟标志，标志上应当写明：'], ['“本场所禁止吸烟。”']]],
      ['第三条', [['室内工作场所的管理者应当设置禁止吸烟标志，标志上应当写明：'], ['“本场所禁止吸烟。”']]],
      ['第四条', [['违反本条例第一条规定的，由卫生健康主管部门责令改正，处五百元罚款。']]],
      ['第五条', [['违反本条例第二条规定的，由卫生健康主管部门责令改正，处一千元罚款。']]],
      ['第六条', [['违反本条例第三条规定的，由卫生健康主管部门责令改正，处二千元罚款。']]],
    ]);
  });

  it('ends a 款 at 。” and 。） but carries on after a closing quote in mid-sentence', () => {
    const text = lines(
      '示例市条例',
      '第一条　本条例所称“养犬人”，是指饲养犬只的单位和个人，包括“犬只',
      '所有人”和“犬只管理人”。',
      '第二条　公园管理机构应当在入口处载明：“本园区禁止遛犬。”',
      '公园管理机构可以划定犬只活动区域。（本款自2021年1月1日起施行。）',
      '违反前两款规定的，依照本条例第十条处理。',
      '第三条　养犬人应当遵守关于“文明养犬”',
      '的规定，自觉维护“城市文明”。',
    );
    expect(structure(text, 'txt').articles).toEqual([
      ['第一条', [['本条例所称“养犬人”，是指饲养犬只的单位和个人，包括“犬只所有人”和“犬只管理人”。']]],
      ['第二条', [['公园管理机构应当在入口处载明：“本园区禁止遛犬。”'], ['公园管理机构可以划定犬只活动区域。（本款自2021年1月1日起施行。）'], ['违反前两款规定的，依照本条例第十条处理。']]],
      ['第三条', [['养犬人应当遵守关于“文明养犬”的规定，自觉维护“城市文明”。']]],
    ]);
  });
});

describe('plain text pasted from Word', () => {
  it('reads indented 款, a table of contents, label-only lines, tabs and no-break spaces', () => {
    const WORD = lines(
      '示例市物业管理条例',
      '（2021年1月1日示例市人民代表大会常务委员会通过）',
      '目　　录',
      '第一章　总则',
      '第二章　业主和业主大会',
      '第三章　附则',
      '第一章　总则',
      '　　第一条　为了规范物业管理活动，维护业主和物业服务企业的合法权益，制定本条例。',
      '　　第二条　本条例所称物业管理，是指业主通过选聘物业服务企业，对房屋及配套的设施设备和相关场地进行维修、养护、管理的活动',
      '　　前款所称业主，是指房屋的所有权人。',
      '第二章　业主和业主大会',
      '　　第三条\t业主在物业管理活动中，享有下列权利：',
      '　　（一）按照物业服务合同的约定，接受物业服务企业提供的服务；',
      '　　（二）提议召开业主大会会议，并就物业管理的有关事项提出建议；',
      '　　（三）法律、法规规定的其他权利。',
      '　　第四条',
      '　　业主大会会议可以采用集体讨论的形式，也可以采用书面征求意见的形式。',
      '　　第五条\u00a0业主大会决定下列事项，应当经专有部分面积占比三分之二以上的业主同意：',
      '　　1.筹集建筑物及其附属设施的维修资金；',
      '　　2.改建、重建建筑物及其附属设施。',
      '第三章　附则',
      '　　第六条　本条例自2021年5月1日起施行。',
    );
    expect(structure(WORD)).toEqual({
      title: '示例市物业管理条例',
      info: ['（2021年1月1日示例市人民代表大会常务委员会通过）'],
      outline: ['第一章 总则 1-2', '第二章 业主和业主大会 3-5', '第三章 附则 6-6'],
      articles: [
        ['第一条', [['为了规范物业管理活动，维护业主和物业服务企业的合法权益，制定本条例。']]],
        // No full stop at the end of the line, but the next line is indented: a new 款.
        ['第二条', [['本条例所称物业管理，是指业主通过选聘物业服务企业，对房屋及配套的设施设备和相关场地进行维修、养护、管理的活动'], ['前款所称业主，是指房屋的所有权人。']]],
        ['第三条', [[
          '业主在物业管理活动中，享有下列权利：',
          '（一）按照物业服务合同的约定，接受物业服务企业提供的服务；',
          '（二）提议召开业主大会会议，并就物业管理的有关事项提出建议；',
          '（三）法律、法规规定的其他权利。',
        ]]],
        ['第四条', [['业主大会会议可以采用集体讨论的形式，也可以采用书面征求意见的形式。']]],
        ['第五条', [['业主大会决定下列事项，应当经专有部分面积占比三分之二以上的业主同意：', '1.筹集建筑物及其附属设施的维修资金；', '2.改建、重建建筑物及其附属设施。']]],
        ['第六条', [['本条例自2021年5月1日起施行。']]],
      ],
      warnings: [],
    });
  });
});
