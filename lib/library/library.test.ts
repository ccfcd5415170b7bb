import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { sqliteEngine } from '@/db/engine';
import { seedLibrary } from '@/lib/demo';
import { listAuditEvents } from '@/lib/audit';
import { getArticle } from './getArticle';
import { getRegulation } from './getRegulation';
import { importRegulation } from './importRegulation';
import { listRegulations } from './listRegulations';
import JSZip from 'jszip';
import { zipLimits } from '@/lib/documents';
import { maxRegulationFileBytes, readRegulationFile } from './readRegulationFile';
import { resolveCitationQuery } from './resolveCitationQuery';

const t = freshDatabase();
afterAll(t.cleanup);
beforeAll(async () => {
  await seedLibrary(sqliteEngine(t.db));
});

describe('seedLibrary', () => {
  it('imports the demo texts once, the Beijing audit regulation as two versions', async () => {
    const list = await listRegulations(sqliteEngine(t.db), { pageSize: 100, today: '2026-01-01' });
    expect(list.total).toBe(11);
    expect(list.items.find((r) => r.title === '北京市审计条例')).toMatchObject({ versions: 2, amended: true, status: 'in_force' });
    expect((await seedLibrary(sqliteEngine(t.db))).imported).toEqual([]);
  });
});

describe('importRegulation', () => {
  it('records metadata from the header: bodies, dates, topic, and audits the import', async () => {
    const r = getRegulation('嘉兴市养犬管理条例', { at: '2026-01-01' }, t.db);
    expect(r.regulation).toMatchObject({ topic: '养犬管理', kind: 'local_regulation', region: '嘉兴市', enactingBody: '嘉兴市第八届人民代表大会常务委员会', approvingBody: '浙江省第十三届人民代表大会常务委员会' });
    expect(r.version.adoptedOn).toBe('2018-12-29');
    expect(r.text.articles).toHaveLength(28);
    expect((await listAuditEvents(sqliteEngine(t.db), { targetType: 'regulation', targetId: r.regulation.id }))[0].action).toBe('regulation.import');
  });

  it('refuses a second regulation with the same title and a text without articles', async () => {
    const json = await readRegulationFile(new TextEncoder().encode('# 嘉兴市养犬管理条例\n\n第一条 为了测试。'), 'x.md');
    await expect(importRegulation(sqliteEngine(t.db), json, {})).rejects.toThrow('regulation_exists');
    const empty = await readRegulationFile(new TextEncoder().encode('# 空条例\n\n只有说明文字。'), 'x.md');
    await expect(importRegulation(sqliteEngine(t.db), empty, {})).rejects.toThrow('no_articles');
    await expect(importRegulation(sqliteEngine(t.db), json, { versionOf: 'no-such-regulation' })).rejects.toThrow('regulation_not_found');
  });

  it('refuses a Word file that would unpack to more than the limit, before anything inflates it', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    zip.file('word/media/bomb.bin', new Uint8Array(zipLimits.maxUncompressedBytes + 1));
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bomb.byteLength).toBeLessThan(maxRegulationFileBytes);
    await expect(readRegulationFile(bomb, 'bomb.docx')).rejects.toMatchObject({ code: 'payload_too_large', message: 'docx_too_large' });
  });
});

describe('getRegulation', () => {
  it('returns the older text for a date before the newer version took effect', async () => {
    const before = getRegulation('北京市审计条例', { at: '2020-06-01' }, t.db);
    const after = getRegulation('北京市审计条例', { at: '2024-06-01' }, t.db);
    expect(before.version.seq).toBe(1);
    expect(after.version.seq).toBe(2);
    expect(after.version.effectiveOn).toBe('2023-11-24');
    expect(JSON.stringify(before.text.articles)).not.toBe(JSON.stringify(after.text.articles));
  });

  it('shows the first version, flagged, for a date before any version was in force', async () => {
    const r = getRegulation('北京市审计条例', { at: '2000-01-01' }, t.db);
    expect(r.inForceAt).toBe(false);
    expect(r.status).toBe('not_yet_effective');
  });

  it('refuses a malformed date and an unknown regulation', async () => {
    expect(() => getRegulation('北京市审计条例', { at: '2020-13-45' }, t.db)).toThrow('date_invalid');
    expect(() => getRegulation('nothing', {}, t.db)).toThrow('regulation_not_found');
  });
});

describe('getArticle', () => {
  it('gives the article with its standard citation and neighbours', async () => {
    const a = getArticle('舟山市养犬管理条例', 12, {}, t.db);
    expect(a.citation).toBe('《舟山市养犬管理条例》第十二条');
    expect(a.previous).toBe(11);
    expect(a.next).toBe(13);
    expect(() => getArticle('舟山市养犬管理条例', 999, {}, t.db)).toThrow('article_not_found');
  });
});

describe('listRegulations', () => {
  it('filters by topic, kind and status and offers the topics present', async () => {
    const dogs = await listRegulations(sqliteEngine(t.db), { topic: '养犬管理' });
    expect(dogs.items.map((r) => r.title).sort()).toEqual(['嘉兴市养犬管理条例', '舟山市养犬管理条例']);
    expect((await listRegulations(sqliteEngine(t.db), { kind: 'department_rule' })).items.map((r) => r.title)).toEqual(['明码标价和禁止价格欺诈规定']);
    expect((await listRegulations(sqliteEngine(t.db), { status: 'amended', today: '2026-01-01' })).items.map((r) => r.title)).toContain('北京市审计条例');
    expect(dogs.facets.topics).toContain('法律援助');
  });
});

describe('resolveCitationQuery', () => {
  it('turns a citation typed into search into the article it names', async () => {
    expect(await resolveCitationQuery(sqliteEngine(t.db), '舟山市养犬管理条例第十二条')).toMatchObject({ slug: '舟山市养犬管理条例', article: 12 });
    expect(await resolveCitationQuery(sqliteEngine(t.db), '《嘉兴市养犬管理条例》第三条第二款')).toMatchObject({ article: 3, paragraph: 2 });
    expect(await resolveCitationQuery(sqliteEngine(t.db), '养犬')).toBeNull();
    expect(await resolveCitationQuery(sqliteEngine(t.db), '不存在的条例第一条')).toBeNull();
  });
});

describe('searchLibrary', () => {
  it('finds two-character words in the right articles, grouped by regulation, and one character too', async () => {
    const { searchLibrary } = await import('./searchLibrary');
    const dogs = await searchLibrary(sqliteEngine(t.db), { q: '养犬' });
    expect(dogs.groups.map((g) => g.title)).toEqual(expect.arrayContaining(['舟山市养犬管理条例', '嘉兴市养犬管理条例']));
    const zhoushan = await searchLibrary(sqliteEngine(t.db), { q: '烈性犬', within: '舟山市养犬管理条例' });
    expect(zhoushan.groups).toHaveLength(1);
    expect(zhoushan.groups[0].hits.map((h) => h.label)).toContain('第十二条');
    expect((await searchLibrary(sqliteEngine(t.db), { q: '犬', topic: '法律援助' })).groups).toEqual([]);
    expect((await searchLibrary(sqliteEngine(t.db), { q: '犬' })).hits).toBeGreaterThan(5);
  });

  it('searches only the version in force: text removed by the amendment is no longer found', async () => {
    const { searchLibrary } = await import('./searchLibrary');
    const old = await searchLibrary(sqliteEngine(t.db), { q: '市和区、县人民政府依法设立审计机关' });
    // Not found as typed (it is read as a question instead, whose words other articles share).
    expect(old.understood.mode).toBe('question');
    expect(old.groups.flatMap((g) => g.hits).some((h) => h.snippet.includes('市和区、县人民政府依法设立审计机关'))).toBe(false);
    const now = await searchLibrary(sqliteEngine(t.db), { q: '本市依法实行审计监督制度' });
    expect(now.groups[0]?.hits[0]?.label).toBe('第二条');
  });
});
