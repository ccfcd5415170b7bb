import { describe, expect, it } from 'vitest';
import { cleanInfoLine, unheldChangeBefore, unheldChanges } from './unheldChanges';

const audit = [
  { effectiveOn: '2012-10-01', adoptedOn: '2012-07-27', events: [{ kind: 'adopted', date: '2012-07-27' }] },
  {
    effectiveOn: '2023-11-24',
    adoptedOn: '2012-07-27',
    events: [
      { kind: 'adopted', date: '2012-07-27' },
      { kind: 'amended', date: '2017-09-22' },
      { kind: 'amended', date: '2023-11-24' },
    ],
  },
];

describe('unheldChanges', () => {
  it('finds the amendment the header names whose text is not held', () => {
    expect(unheldChanges(audit)).toEqual([{ on: '2017-09-22', change: 'amendment' }]);
  });

  it('finds nothing when every named change has its text', () => {
    expect(unheldChanges([audit[0]])).toEqual([]);
  });
});

describe('unheldChangeBefore', () => {
  it('names the unheld change a date falls after, while an older text is shown', () => {
    const unheld = unheldChanges(audit);
    expect(unheldChangeBefore(unheld, '2012-10-01', '2020-06-01')).toEqual({ on: '2017-09-22', change: 'amendment' });
    expect(unheldChangeBefore(unheld, '2012-10-01', '2015-01-01')).toBeNull();
    expect(unheldChangeBefore(unheld, '2023-11-24', '2024-01-01')).toBeNull();
  });
});

describe('cleanInfoLine', () => {
  it('drops a lone closing bracket and trailing spaces, and keeps balanced ones', () => {
    expect(cleanInfoLine('2023年11月24日 北京市第十六届人民代表大会常务委员会第六次会议《关于修改〈北京市审计条例〉的决定》修正）')).toBe('2023年11月24日 北京市第十六届人民代表大会常务委员会第六次会议《关于修改〈北京市审计条例〉的决定》修正');
    expect(cleanInfoLine('2017年9月22日 …修正　')).toBe('2017年9月22日 …修正');
    expect(cleanInfoLine('（2024年6月28日通过）')).toBe('（2024年6月28日通过）');
  });
});
