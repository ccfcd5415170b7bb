import { sqliteEngine } from '@/db/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/db/testing';
import { recordAudit } from '@/lib/audit';
import { insertTestUser } from '@/lib/auth/testing';
import { createBill } from '@/lib/drafting';
import { auditDownload } from './auditDownload';
import { auditExportQuery } from './auditOperations';
import { fileResponse } from './fileResponse';
import { readQuery } from './readQuery';

const t = freshDatabase();
afterAll(t.cleanup);
const admin = insertTestUser(t.db, 'admin', '管理员');
const editor = insertTestUser(t.db, 'drafter', '起草员');
const outsider = insertTestUser(t.db, 'drafter', '局外人');
const bill = await createBill(sqliteEngine(t.db), editor, { title: '测试条例', kind: 'local_regulation', from: { text: '测试条例\n\n第一条　为了测试，制定本条例。' } });
recordAudit(t.db, { actorId: admin.id, action: 'user.role', targetType: 'user', targetId: editor.id });

/// The response of `GET /api/v1/audit/export?…` for `actor`, as the route makes it.
async function download(actor: typeof admin, search = '') {
  const query = readQuery(new Request(`http://localhost/api/v1/audit/export${search}`), auditExportQuery);
  return fileResponse(await auditDownload(sqliteEngine(t.db), actor, query, 'zh-CN'));
}

async function textOf(res: Response): Promise<string> {
  return new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()));
}

describe('auditDownload', () => {
  it('gives an admin the whole log as a CSV attachment with a byte-order mark', async () => {
    const res = await download(admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.csv"; filename\*=UTF-8''%E5%AE%A1%E8%AE%A1/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('user.role');
    expect(text).toContain('bill.create');
  });

  it('applies the filters', async () => {
    const text = await textOf(await download(admin, '?action=bill'));
    expect(text).toContain('bill.create');
    expect(text).not.toContain('user.role');
  });

  it('gives a bill’s member that bill’s entries only, named after the bill', async () => {
    const res = await download(editor, `?bill=${bill.id}`);
    expect(decodeURIComponent(res.headers.get('content-disposition')!)).toContain('测试条例-审计记录');
    const text = await textOf(res);
    expect(text).toContain('bill.create');
    expect(text).not.toContain('user.role');
  });

  it('refuses the whole log to anyone but an admin, and a bill to someone not on it', async () => {
    await expect(download(editor)).rejects.toThrow(expect.objectContaining({ code: 'forbidden' }));
    await expect(download(outsider, `?bill=${bill.id}`)).rejects.toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('refuses a malformed filter with validation_failed (422)', async () => {
    await expect(download(admin, '?from=2025-02-30')).rejects.toThrow(expect.objectContaining({ code: 'validation_failed', status: 422 }));
    await expect(download(admin, '?action=DROP%20TABLE')).rejects.toThrow(expect.objectContaining({ message: 'audit_action_invalid' }));
  });
});
