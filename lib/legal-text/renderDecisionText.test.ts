import { describe, expect, it } from 'vitest';
import { renderDecisionText } from './renderDecisionText';

const decision = {
  title: '关于修改《北京市审计条例》的决定',
  preamble: '对《北京市审计条例》作如下修改：',
  clauses: ['一、删去第四条。', '二、将第二条修改为：“市和区人民政府依法设立审计机关。”'],
};

describe('renderDecisionText', () => {
  it('writes the title, a blank line, the preamble and one clause per line in order', () => {
    expect(renderDecisionText(decision)).toBe(
      '关于修改《北京市审计条例》的决定\n\n对《北京市审计条例》作如下修改：\n一、删去第四条。\n二、将第二条修改为：“市和区人民政府依法设立审计机关。”\n',
    );
  });

  it('ends with the closing sentence when there is one', () => {
    expect(renderDecisionText({ ...decision, closing: '此外，对条文顺序作相应调整。' })).toMatch(/市和区人民政府依法设立审计机关。”\n此外，对条文顺序作相应调整。\n$/);
  });
});
