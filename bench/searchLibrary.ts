import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '@/db/client';
import { splitMarkdownArticles } from '@/lib/search/testing/library';
import { seededRandom } from '@/lib/search/testing/rankingCorpus';

// The synthetic library and the queries of the search benches (search.ts, and searchOnEngines.ts
// for `--db postgres`).

/// The dev texts of the corpus, kept in the repository (testdata/corpus/README.md).
const CORPUS = path.resolve(process.cwd(), 'testdata/corpus/dev');
const KINDS = ['local_regulation', 'government_rule', 'industry_norm'] as const;
const CITIES = (
  '北京天津上海重庆杭州宁波温州嘉兴湖州绍兴金华衢州舟山台州丽水合肥芜湖蚌埠淮南淮北铜陵安庆黄山滁州阜阳宿州六安亳州池州宣城福州' +
  '厦门莆田三明泉州漳州南平龙岩宁德南昌萍乡九江新余鹰潭赣州吉安宜春抚州上饶济南青岛淄博枣庄东营烟台潍坊济宁泰安威海日照临沂德州' +
  '聊城滨州菏泽郑州开封洛阳安阳鹤壁新乡焦作濮阳许昌漯河南阳商丘信阳周口武汉黄石十堰宜昌襄阳鄂州荆门孝感荆州黄冈咸宁随州长沙株洲' +
  '湘潭衡阳邵阳岳阳常德益阳郴州永州怀化娄底广州韶关深圳珠海汕头佛山江门湛江茂名肇庆惠州梅州汕尾河源阳江清远东莞中山潮州揭阳云浮'
).match(/../g)!;

/// The query sets: common and rare words of each length, as a legal-aid volunteer would type them.
export const QUERY_SETS: { label: string; queries: string[] }[] = [
  { label: '1 char', queries: ['犬', '的', '罚', '桥'] },
  { label: '2 chars', queries: ['物业', '管理', '养犬', '城市', '罚款', '噪声', '殡葬', '电梯'] },
  { label: '4 chars', queries: ['城市管理', '物业服务', '法律责任', '环境卫生', '法律援助', '户外广告', '垃圾分类', '犬只管理'] },
  { label: 'phrase', queries: ['物业服务企业', '县级以上人民政府', '违反本条例规定', '燃放烟花爆竹', '饲养犬只应当'] },
];

/// Questions as a legal-aid volunteer passes them on (about 30 characters each), on the topics of
/// the dev corpus's regulations. Written for this bench; the question set of bench/questions.ts
/// measures relevance, this one only speed.
export const QUESTIONS = [
  '邻居家养的狗每天晚上叫个不停，影响休息，可以向哪个部门投诉？',
  '小区物业公司擅自提高物业服务费，业主委员会应当怎么处理？',
  '饲养犬只没有办理登记证就带出门遛狗，会受到什么处罚？',
  '楼下饭店油烟和噪声太大，环境保护部门管不管这种事情？',
  '电梯经常出故障困住人，物业服务企业和维保单位谁来负责？',
  '在城市道路上擅自设置户外广告牌需要经过哪些部门批准？',
  '春节期间在市区燃放烟花爆竹，被城管发现要罚款多少钱？',
  '老人去世以后能不能在农村承包地里土葬，殡葬管理怎么规定？',
  '生活垃圾不按要求分类投放，个人和单位分别会被怎样处罚？',
  '住宅小区的公共停车位被开发商出售，业主可以要求退还吗？',
  '建筑工地夜间施工噪声扰民，施工单位需要办理什么审批手续？',
  '农村集体土地上的房屋征收补偿标准由哪一级人民政府制定？',
  '流浪犬咬伤了路人，所在地的街道办事处和公安机关谁负责？',
  '物业管理区域内违法搭建的建筑物，业主可以向谁举报处理？',
  '公共场所禁止吸烟的规定，对经营者不劝阻的行为怎么处罚？',
  '城市绿地被单位占用改作停车场，园林绿化部门能否责令恢复？',
  '房屋出租人没有登记承租人的身份信息，要承担什么法律责任？',
  '文物保护单位的保护范围内能否新建建筑，需要谁来批准？',
  '养犬人带犬只乘坐电梯时需要遵守哪些规定，违反了怎么罚？',
  '业主大会的决定损害业主合法权益，业主可以申请撤销吗？',
];

export interface SourceDoc {
  city: string;
  topic: string;
  articles: string[];
}

/// The dev corpus as article texts (label stripped, 款 joined by line breaks) per regulation.
export function readCorpus(): SourceDoc[] {
  if (!existsSync(CORPUS)) throw new Error(`corpus not found at ${CORPUS}`);
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const text = readFileSync(path.join(CORPUS, f), 'utf8');
      const title = (text.split('\n').find((l) => l.startsWith('# ')) ?? '# 条例').slice(2).trim();
      const city = /^(.{2,4}?[市省])/.exec(title)?.[1] ?? '';
      const articles = splitMarkdownArticles(text);
      return { city, topic: title.slice(city.length), articles };
    })
    .filter((d) => d.articles.length > 0);
}


/// Inserts `n` synthetic regulations (one version each, 20–80 articles): each takes a run of
/// articles of one corpus regulation, swaps the city name, mixes in articles of other
/// regulations and appends paragraphs borrowed from others, so texts recombine rather than repeat.
export function buildLibrary(db: Db, docs: SourceDoc[], n: number): string[] {
  // Seeded, so every run builds the same library.
  const rnd = seededRandom(20250101);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const sqlite = db.$client;
  const insertRegulation = sqlite.prepare('INSERT INTO regulations (id, slug, title, kind, region, topic) VALUES (?, ?, ?, ?, ?, ?)');
  const insertVersion = sqlite.prepare(
    "INSERT INTO regulation_versions (id, regulation_id, seq, change, title, effective_on, info_lines, events, structure, source_text) VALUES (?, ?, 1, 'original', ?, ?, '[]', '[]', '{}', '')",
  );
  const insertArticle = sqlite.prepare(
    'INSERT INTO regulation_articles (version_id, regulation_id, eid, number, position, text, text_hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const versionIds: string[] = [];
  const insertChunk = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const doc = pick(docs);
      const city = `${pick(CITIES)}市`;
      const kindRoll = rnd();
      const kind = kindRoll < 0.6 ? KINDS[0] : kindRoll < 0.9 ? KINDS[1] : KINDS[2];
      const topic = kind === 'government_rule' ? doc.topic.replace(/条例$/, '办法') : kind === 'industry_norm' ? doc.topic.replace(/条例$/, '规范') : doc.topic;
      const id = `reg-${String(i).padStart(5, '0')}`;
      const versionId = `ver-${String(i).padStart(5, '0')}`;
      const title = `${city}${topic}`;
      insertRegulation.run(id, `${id}-${i}`, title, kind, city, topic);
      insertVersion.run(versionId, id, title, `20${String(10 + (i % 15)).padStart(2, '0')}-01-01`);
      const count = 20 + Math.floor(rnd() * 61);
      let at = Math.floor(rnd() * doc.articles.length);
      for (let k = 0; k < count; k++) {
        const own = rnd() < 0.75;
        const source = own ? doc : pick(docs);
        let text = own ? doc.articles[at++ % doc.articles.length] : pick(source.articles);
        if (source.city) text = text.split(source.city).join(city);
        if (rnd() < 0.3) text += `\n${pick(pick(pick(docs).articles).split('\n'))}`;
        insertArticle.run(versionId, id, `art_${k + 1}`, k + 1, k, text, String(k));
      }
      versionIds.push(versionId);
    }
  });
  for (let i = 0; i < n; i += 500) insertChunk(i, Math.min(n, i + 500));
  return versionIds;
}
