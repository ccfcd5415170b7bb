import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/auth';
import { listComparableTexts } from './listComparableTexts';
import type { DraftVersionSummary } from './listDraftVersions';

const editor: CurrentUser = { id: 'u-editor', email: 'editor@test.lawbench', name: '李编辑', role: 'drafter' };

/// A saved version as the version list shows it.
function version(id: string, seq: number, name: string): DraftVersionSummary {
  return {
    id, seq, name, note: null, kind: 'manual', reason: null, createdAt: new Date('2025-03-01T08:00:00Z'),
    createdById: editor.id, createdByName: editor.name, articles: 4, changed: 1,
  };
}

/// Two versions, newest first, as listDraftVersions returns them.
const versions = [version('v2', 2, '二审稿'), version('v1', 1, '征求意见稿')];
const plainBill = { draftId: 'd-plain', regulationId: null };
const amendmentBill = { draftId: 'd-amend', regulationId: 'r-dogs' };

describe('listComparableTexts', () => {
  it('offers the draft and each version newest first, and starts from the latest version', () => {
    expect(listComparableTexts(plainBill, 'zh-CN', versions)).toEqual({
      choices: [
        { ref: 'current', label: '当前草稿' },
        { ref: 'v2', label: '二审稿（第 2 版）' },
        { ref: 'v1', label: '征求意见稿（第 1 版）' },
      ],
      latest: 'v2',
      defaultFrom: 'v2',
    });
  });

  it('offers the text in force last on an amendment bill, and still starts from the latest version', () => {
    expect(listComparableTexts(amendmentBill, 'en', versions)).toEqual({
      choices: [
        { ref: 'current', label: 'Current draft' },
        { ref: 'v2', label: '二审稿（Version 2）' },
        { ref: 'v1', label: '征求意见稿（Version 1）' },
        { ref: 'in-force', label: 'Text in force' },
      ],
      latest: 'v2',
      defaultFrom: 'v2',
    });
  });

  it('starts from the text in force before any version is saved on an amendment bill, else from the draft itself', () => {
    expect(listComparableTexts(amendmentBill, 'zh-CN', [])).toEqual({
      choices: [
        { ref: 'current', label: '当前草稿' },
        { ref: 'in-force', label: '现行文本' },
      ],
      latest: null,
      defaultFrom: 'in-force',
    });
    expect(listComparableTexts(plainBill, 'zh-CN', [])).toEqual({ choices: [{ ref: 'current', label: '当前草稿' }], latest: null, defaultFrom: 'current' });
  });
});
