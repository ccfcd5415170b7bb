import type { ArticleJson } from '@/lib/legal-text';

/// A real article (杭州市文明行为促进条例 第三条, from the project's corpus) that shows how legal
/// text is set: 款 and hanging 项. Statute text is Chinese in every interface language.
export const sampleArticle: { source: string; article: ArticleJson } = {
  source: '《杭州市文明行为促进条例》',
  article: {
    number: 3,
    label: '第三条',
    eid: 'art_3',
    paragraphs: [
      { eid: 'art_3__para_1', text: '市和区、县（市）精神文明建设委员会统一领导本区域内的文明行为促进工作。', items: [], subitems: [] },
      {
        eid: 'art_3__para_2',
        text: '市和区、县（市）精神文明建设工作指导机构具体负责本区域内的文明行为促进工作，履行下列职责：',
        subitems: [],
        items: [
          { eid: 'art_3__para_2__item_1', label: '（一）', text: '制定文明行为促进工作相关规划和计划；', subitems: [] },
          { eid: 'art_3__para_2__item_2', label: '（二）', text: '指导、协调相关单位开展文明行为促进工作；', subitems: [] },
          { eid: 'art_3__para_2__item_3', label: '（三）', text: '督促、检查文明行为促进工作落实情况；', subitems: [] },
          { eid: 'art_3__para_2__item_4', label: '（四）', text: '受理并按照规定办理有关建议、投诉；', subitems: [] },
          { eid: 'art_3__para_2__item_5', label: '（五）', text: '定期评估和通报本条例的实施情况。', subitems: [] },
        ],
      },
      { eid: 'art_3__para_3', text: '市和区、县（市）人民政府有关部门应当明确责任、积极配合，在各自职责范围内做好文明行为促进工作。', items: [], subitems: [] },
    ],
  },
};
