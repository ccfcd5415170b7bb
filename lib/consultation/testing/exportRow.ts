import type { CommentExportRow } from '../listCommentsForExport';

/// Test support: a comment export row with plausible defaults.
export function exportRow(over: Partial<CommentExportRow> = {}): CommentExportRow {
  return {
    reference: 'ZQ-0001',
    createdAt: '2025-03-02T01:00:00.000Z',
    articleEid: 'art_2',
    articleLabel: '第二条',
    status: 'published',
    rejectReason: null,
    authorName: '陈**',
    body: '建议明确适用范围。',
    proposedText: null,
    groupId: null,
    groupReference: null,
    groupSize: 1,
    tags: [],
    assigneeName: null,
    disposition: null,
    dispositionReason: null,
    decidedAt: null,
    ...over,
  };
}
