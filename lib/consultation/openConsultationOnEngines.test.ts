import { describe, expect, it } from 'vitest';
import { engines } from '@/db/engineTesting';
import { insertTestAccount } from '@/lib/auth/testing';
import { createBill } from '@/lib/drafting';
import { listAuditEvents } from '@/lib/audit';
import { createDraftVersion } from '@/lib/versioning';
import { openConsultation } from './openConsultation';
import { outcome } from '@/lib/workflow/testing/outcome';


describe.each(engines())('on $name', ({ engine }) => {
  describe('openConsultation', () => {
    it('opens one consultation of two asked for the same period at the same moment', async () => {
      const drafter = await insertTestAccount(engine(), { role: 'drafter' });
      const bill = await createBill(engine(), drafter, { title: '某市并发征求意见条例', kind: 'local_regulation', from: { text: '某市并发征求意见条例\n\n第一条　为了测试，制定本条例。' } });
      const version = await createDraftVersion(engine(), drafter, bill.draftId, { name: '征求意见稿' });
      const period = { title: '征求意见', description: '说明', explanation: '起草说明', opensOn: '2099-03-01', closesOn: '2099-03-31', moderation: 'post' as const, versionId: version.id };
      const now = new Date('2099-02-01T02:00:00Z');
      const results = await Promise.all([1, 2].map(() => outcome(() => openConsultation(engine(), drafter, bill.draftId, period, now))));
      expect(results.sort()).toEqual(['conflict:consultation_overlaps', 'ok']);
      expect((await listAuditEvents(engine(), { billId: bill.id, action: 'consultation.open' }))).toHaveLength(1);
    });
  });
});
