import { describe, expect, it } from 'vitest';
import { issuingBodyOf, levelOfRegion, nationalKindOf } from './deriveJurisdiction';
import { homeJurisdiction, jurisdictionOf } from './jurisdictionOf';

const home = { city: '杭州市', province: '浙江省' };
const reg = (level: Parameters<typeof jurisdictionOf>[0]['level'], region: string | null) => ({ level, region, enactingBody: null });

describe('jurisdictionOf', () => {
  it('tells the city’s own texts from those above it and other places’', () => {
    expect(jurisdictionOf(reg('city', '杭州市'), home).relation).toBe('own');
    expect(jurisdictionOf(reg('province', '浙江省'), home).relation).toBe('superior');
    expect(jurisdictionOf(reg('national', null), home).relation).toBe('superior');
    expect(jurisdictionOf(reg('city', '嘉兴市'), home).relation).toBe('elsewhere');
    expect(jurisdictionOf(reg('province', '山东省'), home).relation).toBe('elsewhere');
    expect(jurisdictionOf(reg('province', '北京市'), home).relation).toBe('elsewhere');
  });

  it('calls nothing 本市 when the site has no city configured', () => {
    expect(homeJurisdiction({})).toBeNull();
    expect(jurisdictionOf(reg('city', '杭州市'), null).relation).toBeNull();
    expect(homeJurisdiction({ LAWBENCH_CITY: ' 杭州市 ', LAWBENCH_PROVINCE: '浙江省' })).toEqual(home);
  });
});

describe('levelOfRegion', () => {
  it('ranks municipalities with provinces and names no place as national', () => {
    expect(levelOfRegion('北京市')).toBe('province');
    expect(levelOfRegion('山东省')).toBe('province');
    expect(levelOfRegion('广西壮族自治区')).toBe('province');
    expect(levelOfRegion('舟山市')).toBe('city');
    expect(levelOfRegion('延边朝鲜族自治州')).toBe('city');
    expect(levelOfRegion(null)).toBe('national');
  });
});

describe('nationalKindOf', () => {
  it('reads the kind of a national text from its title and header', () => {
    expect(nationalKindOf('治安管理处罚法', '')).toBe('law');
    expect(nationalKindOf('中华人民共和国民法典', '')).toBe('law');
    expect(nationalKindOf('中华人民共和国政府信息公开条例', '')).toBe('administrative_regulation');
    expect(nationalKindOf('专利法实施细则', '国务院令第306号')).toBe('administrative_regulation');
    expect(nationalKindOf('最高人民法院、最高人民检察院关于办理诈骗刑事案件具体应用法律若干问题的解释', '')).toBe('judicial_interpretation');
    expect(nationalKindOf('明码标价和禁止价格欺诈规定', '国家市场监督管理总局令第56号')).toBe('department_rule');
    expect(issuingBodyOf('国家市场监督管理总局令第56号')).toBe('国家市场监督管理总局');
  });
});
