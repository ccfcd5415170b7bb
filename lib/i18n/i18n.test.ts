import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';
import { errorMessage, resolveLocale, translate, type Message } from './index';

const keys = Object.keys(zhCN) as MessageKey[];

/// Every template of a message: the message itself, or each of its plural forms, nested ones too.
function forms(message: Message): string[] {
  if (typeof message === 'string') return [message];
  const { $count: _, ...byCategory } = message;
  return Object.values(byCategory).flatMap((m) => (m === undefined ? [] : forms(m)));
}

/// The `$count` vars a message names, at every level of its plural forms.
function countVars(message: Message): string[] {
  if (typeof message === 'string') return [];
  const { $count, ...byCategory } = message;
  return [...($count ? [$count] : []), ...Object.values(byCategory).flatMap((m) => (m === undefined ? [] : countVars(m)))];
}

const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();

describe('catalogues', () => {
  it('have the same keys and no empty message in either language', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const v of [...Object.values(en), ...Object.values(zhCN)].flatMap(forms)) expect(v.trim()).not.toBe('');
  });

  it('use the same placeholders in both languages, in every plural form', () => {
    for (const k of keys) for (const form of forms(en[k])) expect([k, holes(form)]).toEqual([k, holes(zhCN[k])]);
  });

  it('keep Chinese messages plain strings', () => {
    for (const k of keys) expect(typeof zhCN[k]).toBe('string');
  });

  it('decide plural forms by a number the message shows', () => {
    for (const k of keys) {
      const message = en[k];
      if (typeof message === 'string') continue;
      const deciding = countVars(message);
      if (deciding.length === 0) deciding.push(/\{n\}/.test(zhCN[k]) ? 'n' : 'count');
      for (const name of deciding) expect([k, zhCN[k]]).toEqual([k, expect.stringContaining(`{${name}}`)]);
    }
  });

  it('give plural forms to every English message that counts a noun ("{n} comments")', () => {
    // A number followed by a plural noun, perhaps after one adjective: {n} comments, {n} identical
    // comments. Placeholders that carry text rather than a number are left out ({date} this …).
    const textVars = new Set(['q', 'name', 'names', 'role', 'email', 'title', 'date', 'label', 'from', 'to', 'what', 'reason']);
    const counted = /\{(\w+)\} (?:[a-z]+ )?[a-z]+s\b/g;
    const bare = keys.filter((k) => {
      const message = en[k];
      return typeof message === 'string' && [...message.matchAll(counted)].some((m) => !textVars.has(m[1]));
    });
    expect(bare).toEqual([]);
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('zh-CN', 'workspace.welcome', { name: '王' })).toBe('王，您好');
    expect(translate('en', 'admin.count', { count: 6 })).toBe('6 accounts');
  });

  it('words one thing in the singular and none or several in the plural, in English', () => {
    const comments = (n: number) => translate('en', 'consult.commentCount', { n });
    expect([comments(1), comments(0), comments(2)]).toEqual(['1 comment', '0 comments', '2 comments']);
    const accounts = (count: number) => translate('en', 'admin.count', { count });
    expect([accounts(1), accounts(0), accounts(2)]).toEqual(['1 account', '0 accounts', '2 accounts']);
    expect(translate('en', 'manage.heatCell', { label: 'Article 2', n: 1 })).toBe('Article 2: 1 comment');
    expect(translate('en', 'reg.articles', { count: 21 })).toBe('21 articles');
  });

  it('leaves the Chinese wording as it is, whatever the number', () => {
    expect([0, 1, 2].map((n) => translate('zh-CN', 'consult.commentCount', { n }))).toEqual(['0 条意见', '1 条意见', '2 条意见']);
    expect(translate('zh-CN', 'admin.count', { count: 1 })).toBe(zhCN['admin.count'].replace('{count}', '1'));
  });

  it('decides by the var the entry names when a message has several numbers', () => {
    expect(translate('en', 'versions.changed', { articles: 1, changed: 1 })).toBe('1 article, 1 changed');
    expect(translate('en', 'versions.changed', { articles: 12, changed: 1 })).toBe('12 articles, 1 changed');
    const results = (hits: number, count: number) => translate('en', 'library.results', { q: '登记', hits, count });
    expect(results(1, 1)).toBe('Results for “登记”: 1 article in 1 regulation');
    expect(results(3, 1)).toBe('Results for “登记”: 3 articles in 1 regulation');
    expect(results(5, 2)).toBe('Results for “登记”: 5 articles in 2 regulations');
    const figures = (people: number, received: number) => translate('en', 'report.figures', { people, received, published: 1, rejected: 0 });
    expect(figures(1, 1)).toMatch(/^1 person sent 1 comment\. /);
    expect(figures(1, 4)).toMatch(/^1 person sent 4 comments\. /);
    expect(figures(3, 4)).toMatch(/^3 people sent 4 comments\. /);
  });

  it('takes the plural for a count that is missing or not a number', () => {
    expect(translate('en', 'consult.commentCount')).toBe('{n} comments');
    expect(translate('en', 'consult.commentCount', { n: 'many' })).toBe('many comments');
    expect(translate('en', 'consult.commentCount', { n: '1' })).toBe('1 comment');
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
    expect(errorMessage('en', 'too_many_attempts', { minutes: 1 })).toContain('in 1 minute.');
    expect(errorMessage('en', 'no_such_thing')).toBe(translate('en', 'err.internal'));
  });
});
