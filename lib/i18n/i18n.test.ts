import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';
import { errorMessage, resolveLocale, translate } from './index';

describe('catalogues', () => {
  it('have the same keys and no empty message in either language', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const v of [...Object.values(en), ...Object.values(zhCN)]) expect(v.trim()).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();
    for (const k of Object.keys(zhCN) as (keyof typeof zhCN)[]) expect(holes(en[k])).toBe(holes(zhCN[k]));
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('zh-CN', 'workspace.welcome', { name: '王' })).toBe('王，您好');
    expect(translate('en', 'admin.count', { count: 6 })).toBe('6 accounts');
  });
});

describe('resolveLocale', () => {
  it('prefers the remembered choice, then the browser, then Chinese', () => {
    expect(resolveLocale('en', 'zh-CN')).toBe('en');
    expect(resolveLocale(undefined, 'en-US,en;q=0.9')).toBe('en');
    expect(resolveLocale('klingon', 'fr')).toBe('zh-CN');
  });
});

describe('errorMessage', () => {
  it('turns codes and keys into sentences, and unknown ones into a generic message', () => {
    expect(errorMessage('zh-CN', 'invalid_credentials')).toBe('邮箱或密码不正确。');
    expect(errorMessage('en', 'too_many_attempts', { minutes: 15 })).toContain('15 minutes');
    expect(errorMessage('en', 'no_such_thing')).toBe(en['err.internal']);
  });
});
