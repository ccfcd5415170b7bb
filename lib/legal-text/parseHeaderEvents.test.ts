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
});
