import { describe, expect, it } from 'vitest';
import { isHeaderLine, parseHeaderEvents } from './parseHeaderEvents';

const summary = (lines: string[]) => parseHeaderEvents(lines).map((e) => `${e.kind} ${e.date ?? '-'}`);

describe('parseHeaderEvents', () => {
  it('reads adoption and approval with their dates and bodies', () => {
    const events = parseHeaderEvents([
      '2017年6月28日 日照市第十八届人民代表大会常务委员会第二次会议通过',
      '2017年7月28日 山东省第十二届人民代表大会常务委员会第三十一次会议批准',
    ]);
    expect(events).toEqual([
      { kind: 'adopted', date: '2017-06-28', body: '日照市第十八届人民代表大会常务委员会第二次会议', verb: '通过', raw: '2017年6月28日 日照市第十八届人民代表大会常务委员会第二次会议通过' },
      { kind: 'approved', date: '2017-07-28', body: '山东省第十二届人民代表大会常务委员会第三十一次会议', verb: '批准', raw: '2017年7月28日 山东省第十二届人民代表大会常务委员会第三十一次会议批准' },
    ]);
  });

  it('splits a line holding several events (…通过并经…批准的《决定》修正)', () => {
    expect(summary([
      '2016年12月28日 聊城市第十六届人民代表大会常务委员会第三十七次会议通过',
      '2021年10月21日 聊城市第十七届人民代表大会常务委员会第四十三次会议通过并经2021年12月3日山东省第十三届人民代表大会常务委员会第三十二次会议批准的《聊城市人民代表大会常务委员会关于修改〈聊城市道路交通安全条例〉的决定》修正',
    ])).toEqual(['adopted 2016-12-28', 'amended 2021-10-21', 'approved 2021-12-03']);
  });

  it('reads amendments, revisions, stray brackets and trailing 根据', () => {
    const events = parseHeaderEvents([
      '1992年12月26日 深圳市第一届人民代表大会常务委员会第十三次会议通过',
      '2013年2月25日 深圳市第五届人民代表大会常务委员会第二十一次会议《关于修改〈深圳经济特区房地产登记条例〉的决定》第一次修正  根据',
      '2021年6月29日 杭州市第十三届人民代表大会常务委员会第三十六次会议第二次修订）',
    ]);
    expect(events.map((e) => [e.kind, e.date, e.body])).toEqual([
      ['adopted', '1992-12-26', '深圳市第一届人民代表大会常务委员会第十三次会议'],
      ['amended', '2013-02-25', '深圳市第五届人民代表大会常务委员会第二十一次会议'],
      ['revised', '2021-06-29', '杭州市第十三届人民代表大会常务委员会第三十六次会议'],
    ]);
    expect(events[1].decision).toBe('《关于修改〈深圳经济特区房地产登记条例〉的决定》');
  });

  it('reads dates with spaces around 年, 月 and 日 or none, two-digit months and days, and long Chinese-numeral months and days', () => {
    expect(summary(['2017 年 6 月 28 日 示例会议通过'])).toEqual(['adopted 2017-06-28']);
    expect(summary(['2019年12月31日示例会议通过'])).toEqual(['adopted 2019-12-31']);
    expect(summary(['二〇一九年十二月三十一日 示例会议通过'])).toEqual(['adopted 2019-12-31']);
    expect(summary(['一九九八年十月二十日 示例会议通过'])).toEqual(['adopted 1998-10-20']);
  });

  it('reads promulgation and commencement lines and Chinese-numeral dates', () => {
    expect(summary(['2022年4月14日 国家市场监督管理总局令第56号公布', '2022年7月1日 施行', '二〇二四年五月十日 示例会议通过']))
      .toEqual(['other 2022-04-14', 'effective 2022-07-01', 'adopted 2024-05-10']);
  });

  it('takes a provincial 通过 right after the city adoption for an approval', () => {
    expect(summary(['2019年1月1日 青岛市人大常委会会议通过', '2019年3月1日 山东省人大常委会会议通过'])).toEqual([
      'adopted 2019-01-01', 'approved 2019-03-01',
    ]);
  });

  it('keeps a line without a date as an "other" event', () => {
    expect(parseHeaderEvents(['（本规定由市人民政府负责解释）'])).toEqual([
      { kind: 'other', body: '本规定由市人民政府负责解释', raw: '（本规定由市人民政府负责解释）' },
    ]);
  });
});

describe('isHeaderLine', () => {
  it('tells header lines from body sentences', () => {
    expect(isHeaderLine('2010年6月1日 施行')).toBe(true);
    expect(isHeaderLine('（2016年10月26日杭州市第十二届人民代表大会常务委员会第四十次会议通过）')).toBe(true);
    expect(isHeaderLine('这是一段没有日期的说明')).toBe(false);
  });

  it('takes an order number for a header line, with or without spaces, in Arabic or Chinese numerals', () => {
    for (const line of ['第156号', '第 156 号', '示例市人民政府令第十二号', '示例市人民政府令 第十二号']) expect(isHeaderLine(line), line).toBe(true);
    expect(isHeaderLine('第十二条 本办法所称号牌')).toBe(false);
  });
});

const DECISION = '《关于修改〈示例市养犬管理条例〉的决定》';
/// Kind, date and body of each event: what the 题注 panel lists.
const rows = (lines: string[]) => parseHeaderEvents(lines).map((e) => [e.kind, e.date ?? '-', e.body ?? '-']);

describe('parseHeaderEvents on amending decisions', () => {
  it('reports a later 通过 as the amendment it made, its approval once, and a following commencement', () => {
    expect(rows([
      '2016年12月28日 示例市人大常委会会议通过',
      `2021年10月21日 示例市人大常委会会议通过并经2021年12月3日示例省人大常委会会议批准的${DECISION}修正`,
      '2022年1月1日 施行',
    ])).toEqual([
      ['adopted', '2016-12-28', '示例市人大常委会会议'],
      ['amended', '2021-10-21', '示例市人大常委会会议'],
      ['approved', '2021-12-03', '示例省人大常委会会议'],
      ['effective', '2022-01-01', '-'],
    ]);
  });

  it('keeps a promulgation written after the approved amendment (…批准的《决定》修正并公布)', () => {
    expect(parseHeaderEvents([
      '2016年12月28日 示例市人大常委会会议通过',
      `2021年10月21日 示例市人大常委会会议通过并经2021年12月3日示例省人大常委会会议批准的${DECISION}修正并公布`,
    ]).map((e) => [e.kind, e.date, e.verb])).toEqual([
      ['adopted', '2016-12-28', '通过'],
      ['amended', '2021-10-21', '通过'],
      ['approved', '2021-12-03', '批准'],
      ['other', '2021-12-03', '公布'],
    ]);
  });

  it('reports a later 通过 followed by an approved 修订 as one revision', () => {
    expect(rows([
      '2016年12月28日 示例市人大常委会会议通过',
      `2021年10月21日 示例市人大常委会会议通过并经2021年12月3日示例省人大常委会会议批准的${DECISION}修订`,
    ])).toEqual([
      ['adopted', '2016-12-28', '示例市人大常委会会议'],
      ['revised', '2021-10-21', '示例市人大常委会会议'],
      ['approved', '2021-12-03', '示例省人大常委会会议'],
    ]);
  });

  it('names the change a later 通过 made after the segments that follow it, not earlier ones', () => {
    expect(rows([
      '1990年1月1日 示例市人大常委会会议通过',
      '2000年1月1日 示例市人大常委会会议修订',
      `2010年1月1日 示例市人大常委会会议通过并经2010年3月1日示例省人大常委会会议批准的${DECISION}修正`,
    ]).map(([kind]) => kind)).toEqual(['adopted', 'revised', 'amended', 'approved']);
    expect(rows([
      '1990年1月1日 示例市人大常委会会议通过',
      `2010年1月1日 示例市人大常委会会议通过并经2010年3月1日示例省人大常委会会议批准的${DECISION}修正`,
      '2020年1月1日 示例市人大常委会会议修订',
    ]).map(([kind]) => kind)).toEqual(['adopted', 'amended', 'approved', 'revised']);
  });

  it('keeps an amendment reported for approval, whatever comes before it', () => {
    expect(parseHeaderEvents([`示例市人大常委会${DECISION}修正，报经示例省人大常委会批准`]).map((e) => [e.kind, e.decision]))
      .toEqual([['amended', DECISION], ['approved', DECISION]]);
    expect(rows([
      '2016年12月28日 示例市人大常委会会议通过',
      '2021年10月21日 示例市人大常委会会议通过',
      '2021年11月1日 示例市人大常委会公告公布',
      `2021年12月3日 示例市人大常委会${DECISION}修正，报经示例省人大常委会批准`,
    ]).map(([kind, date]) => `${kind} ${date}`)).toEqual([
      'adopted 2016-12-28', 'amended 2021-10-21', 'other 2021-11-01', 'amended 2021-12-03', 'approved 2021-12-03',
    ]);
  });

  it('keeps an amendment approved by the province when no later 通过 made it', () => {
    expect(rows([`2018年3月1日 示例省人大常委会会议批准的${DECISION}修正`])).toEqual([
      ['approved', '2018-03-01', '示例省人大常委会会议'],
      ['amended', '2018-03-01', '示例省人大常委会会议'],
    ]);
    expect(rows(['2010年1月1日 示例市人大常委会会议通过', `2018年3月1日 示例省人大常委会会议批准的${DECISION}修正`])).toEqual([
      ['adopted', '2010-01-01', '示例市人大常委会会议'],
      ['approved', '2018-03-01', '示例省人大常委会会议'],
      ['amended', '2018-03-01', '示例省人大常委会会议'],
    ]);
  });

  it('reads 修订通过 as one revision and …通过的《决定》修正 as one amendment', () => {
    expect(parseHeaderEvents([
      '2021年6月29日 示例市人大常委会第三十六次会议修订通过',
      '2019年1月1日 示例市人大常委会第二次会议通过的《决定》修正',
    ]).map((e) => [e.kind, e.verb, e.body])).toEqual([
      ['revised', '修订', '示例市人大常委会第三十六次会议'],
      ['amended', '修正', '示例市人大常委会第二次会议'],
    ]);
  });

  it('ignores verbs inside every decision title on the line', () => {
    expect(rows([`2021年3月1日 示例市人大常委会${DECISION}和《关于〈示例条例〉施行日期的决定》修正`])).toEqual([
      ['amended', '2021-03-01', '示例市人大常委会'],
    ]);
  });
});

describe('parseHeaderEvents on dates and bodies', () => {
  it('reads a Chinese-numeral date and the text after it', () => {
    expect(parseHeaderEvents(['二〇二四年五月十日 示例市人大常委会会议通过'])).toEqual([
      { kind: 'adopted', date: '2024-05-10', body: '示例市人大常委会会议', verb: '通过', raw: '二〇二四年五月十日 示例市人大常委会会议通过' },
    ]);
  });

  it('orders the events of one line by position when Chinese and Arabic dates are mixed', () => {
    expect(rows(['二〇二〇年一月一日示例市人大常委会会议通过，2021年3月1日示例市人大常委会会议修正'])).toEqual([
      ['adopted', '2020-01-01', '示例市人大常委会会议'],
      ['amended', '2021-03-01', '示例市人大常委会会议'],
    ]);
  });

  it('strips brackets and commas only around a segment, not inside the body', () => {
    expect(rows(['（2020年1月1日示例市人民政府令（第5号）公布）', '2020年1月1日，（示例市人民政府令第5号公布）'])).toEqual([
      ['other', '2020-01-01', '示例市人民政府令（第5号）'],
      ['other', '2020-01-01', '示例市人民政府令第5号'],
    ]);
  });

  it('drops a trailing 根据 glued to the body', () => {
    expect(rows(['2020年1月1日 示例市人民政府第5号令根据2021年3月1日示例市人民政府令第9号修正'])).toEqual([
      ['other', '2020-01-01', '示例市人民政府第5号令'],
      ['amended', '2021-03-01', '示例市人民政府令第9号'],
    ]);
  });

  it('reads 公布，自公布之日起施行 as one promulgation and one commencement by the same body', () => {
    expect(parseHeaderEvents(['示例市人民政府令第5号公布，自公布之日起施行']).map((e) => [e.kind, e.verb, e.body])).toEqual([
      ['other', '公布', '示例市人民政府令第5号'],
      ['effective', '施行', '示例市人民政府令第5号'],
    ]);
  });

  it('ends the body at 会议, or before a final 审议 or 的 when there is no 会议', () => {
    expect(rows(['2020年1月1日 会议表决通过'])).toEqual([['adopted', '2020-01-01', '会议']]);
    expect(rows(['示例市人民代表大会常务委员会审议通过', '根据示例省人民代表大会常务委员会审议意见修改的《决定》修正'])).toEqual([
      ['adopted', '-', '示例市人民代表大会常务委员会'],
      ['amended', '-', '根据示例省人民代表大会常务委员会审议意见修改'],
    ]);
  });
});

describe('isHeaderLine on undated lines', () => {
  it('takes an undated line with a header word for a header line up to 120 characters', () => {
    const note = (length: number) => `示例市人民政府令第5号公布${'甲'.repeat(length - 13)}`;
    expect(note(120)).toHaveLength(120);
    expect(isHeaderLine('示例市人民政府令第5号公布')).toBe(true);
    expect(isHeaderLine(note(120))).toBe(true);
    expect(isHeaderLine(note(121))).toBe(false);
  });
});
