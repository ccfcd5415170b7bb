import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The snippets below are not files of the project, so the rules that need its types (the
// floating-promise checks) are left out here; everything else is the project's own config.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
  },
});

async function restrictedImports(filePath: string, code: string): Promise<number> {
  return (await problems(filePath, code, 'no-restricted-imports')).length;
}

async function problems(filePath: string, code: string, rule: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === rule);
}

describe('the import-direction lint rule', () => {
  it('refuses a route that reaches into db/', async () => {
    expect(await restrictedImports('app/x/page.tsx', "import { getDatabase } from '@/db/client';\nexport const d = getDatabase;\n")).toBe(1);
    expect(await restrictedImports('app/x/page.tsx', "import { users } from '../../db/schema';\nexport const u = users;\n")).toBe(1);
  });

  it('refuses lib code that imports Next or the app', async () => {
    expect(await restrictedImports('lib/auth/x.ts', "import { cookies } from 'next/headers';\nexport const c = cookies;\n")).toBe(1);
    expect(await restrictedImports('lib/auth/x.ts', "import { f } from '@/app/_lib/session';\nexport const g = f;\n")).toBe(1);
  });

  it('keeps lib/legal-text free of I/O', async () => {
    expect(await restrictedImports('lib/legal-text/x.ts', "import fs from 'node:fs';\nexport const r = fs;\n")).toBe(1);
    expect(await restrictedImports('lib/legal-text/x.ts', "import { getDatabase } from '@/db/client';\nexport const d = getDatabase;\n")).toBe(1);
  });

  it('keeps db/ at the bottom', async () => {
    expect(await restrictedImports('db/x.ts', "import { can } from '@/lib/auth';\nexport const c = can;\n")).toBe(1);
  });

  it('allows the arrows that point the right way', async () => {
    expect(await restrictedImports('app/x/page.tsx', "import { can } from '@/lib/auth';\nexport const c = can;\n")).toBe(0);
    expect(await restrictedImports('lib/auth/x.ts', "import { getDatabase } from '@/db/client';\nexport const d = getDatabase;\n")).toBe(0);
    expect(await restrictedImports('collab-server/x.ts', "import { can } from '@/lib/auth';\nexport const c = can;\n")).toBe(0);
  });
});

describe('the domain boundaries', () => {
  it('refuses a deep import into another domain, from a domain, a route or the collaboration server', async () => {
    expect(await restrictedImports('lib/consultation/x.ts', "import { getBill } from '@/lib/drafting/getBill';\nexport const g = getBill;\n")).toBe(1);
    expect(await restrictedImports('app/x/page.tsx', "import { listBills } from '@/lib/drafting/listBills';\nexport const l = listBills;\n")).toBe(1);
    expect(await restrictedImports('collab-server/x.ts', "import { readDraftDoc } from '@/lib/drafting/readDraftDoc';\nexport const r = readDraftDoc;\n")).toBe(1);
  });

  it('allows a domain through its index, its own files, the shared rooms, and testing helpers in tests only', async () => {
    expect(await restrictedImports('lib/consultation/x.ts', "import { getBill } from '@/lib/drafting';\nexport const g = getBill;\n")).toBe(0);
    expect(await restrictedImports('lib/consultation/x.ts', "import { consultationStatus } from '@/lib/consultation/consultationStatus';\nexport const c = consultationStatus;\n")).toBe(0);
    expect(await restrictedImports('lib/consultation/x.ts', "import { addDays } from '@/lib/shared/dates';\nimport { packDocx } from '@/lib/documents';\nexport const a = [addDays, packDocx];\n")).toBe(0);
    expect(await restrictedImports('lib/consultation/x.test.ts', "import { insertTestUser } from '@/lib/auth/testing';\nexport const i = insertTestUser;\n")).toBe(0);
    expect(await restrictedImports('lib/consultation/x.ts', "import { insertTestUser } from '@/lib/auth/testing';\nexport const i = insertTestUser;\n")).toBe(1);
  });

  it('keeps lib/shared and lib/documents free of every domain', async () => {
    expect(await restrictedImports('lib/shared/x.ts', "import { can } from '@/lib/auth';\nexport const c = can;\n")).toBe(1);
    expect(await restrictedImports('lib/shared/x.ts', "import { getDatabase } from '@/db/client';\nexport const d = getDatabase;\n")).toBe(1);
    expect(await restrictedImports('lib/documents/x.ts', "import { listBills } from '@/lib/drafting';\nexport const l = listBills;\n")).toBe(1);
    expect(await restrictedImports('lib/shared/x.ts', "import { packDocx } from '@/lib/documents';\nexport const p = packDocx;\n")).toBe(1);
    expect(await restrictedImports('lib/documents/x.ts', "import { escapeXml } from '@/lib/shared';\nexport const e = escapeXml;\n")).toBe(0);
  });

  it('lets db/ take the vocabulary from lib/shared and nothing else of lib', async () => {
    expect(await restrictedImports('db/schema/x.ts', "import { userRoles } from '@/lib/shared/vocabulary';\nexport const r = userRoles;\n")).toBe(0);
    expect(await restrictedImports('db/schema/x.ts', "import { roles } from '@/lib/auth';\nexport const r = roles;\n")).toBe(1);
  });
});

describe('the import-cycle rule', () => {
  it('refuses an import that closes a cycle through real files', async () => {
    // versioning uses drafting through its index, which exports getBill: drafting reaching back closes a loop.
    const loop = await problems('lib/drafting/getBill.ts', "import { createDraftVersion } from '@/lib/versioning';\nexport const c = createDraftVersion;\n", 'import-x/no-cycle');
    expect(loop).toHaveLength(1);
    const self = await problems('lib/shared/dates.ts', "import { parseInput } from '@/lib/shared';\nexport const p = parseInput;\n", 'import-x/no-cycle');
    expect(self).toHaveLength(1);
  });

  it('accepts the same import where it points one way', async () => {
    expect(await problems('lib/versioning/x.ts', "import { getBill } from '@/lib/drafting';\nexport const g = getBill;\n", 'import-x/no-cycle')).toHaveLength(0);
  });
});

describe('the Engine-only rule for converted code (lib/auth, lib/mail, the bills and drafts of lib/drafting)', () => {
  const engineOnly = async (filePath: string, code: string) => (await problems(filePath, code, 'no-restricted-syntax')).length;

  it("refuses SQLite's synchronous finishers, its raw connection and a synchronous transaction", async () => {
    const query = "import { eq } from 'drizzle-orm';\nimport type { Engine } from '@/db/engine';\nexport const f = ({ db, t }: Engine, id: string) => db.select().from(t.users).where(eq(t.users.id, id))";
    expect(await engineOnly('lib/auth/x.ts', `${query}.get();\n`)).toBe(1);
    expect(await engineOnly('lib/auth/x.ts', `${query}.all();\n`)).toBe(1);
    expect(await engineOnly('lib/auth/x.ts', `${query}.prepare().get({ id });\n`)).toBe(1);
    expect(await engineOnly('lib/mail/x.ts', "import type { Engine } from '@/db/engine';\nexport const f = ({ db, t }: Engine) => db.delete(t.outboxMessages).run();\n")).toBe(1);
    expect(await engineOnly('lib/auth/x.ts', "import type { Engine } from '@/db/engine';\nexport const f = (e: Engine) => e.db.$client.exec('DELETE FROM users');\n")).toBe(1);
    expect(await engineOnly('lib/auth/x.ts', "import type { Engine } from '@/db/engine';\nexport const f = (e: Engine) => e.db.transaction(() => 1);\n")).toBe(1);
    expect(await engineOnly('lib/drafting/collabTicket.ts', "import type { Engine } from '@/db/engine';\nexport const f = ({ db, t }: Engine) => db.select().from(t.collabTickets).all();\n")).toBe(1);
    expect(await engineOnly('lib/drafting/getBill.ts', "import type { Engine } from '@/db/engine';\nexport const f = ({ db, t }: Engine) => db.select().from(t.bills).get();\n")).toBe(1);
  });

  it('allows awaited queries, Map#get and Promise.all there, and SQLite code in tests and unconverted domains', async () => {
    const awaited = "import type { Engine } from '@/db/engine';\nexport const f = async ({ db, t }: Engine) => (await db.select().from(t.users)).length;\n";
    expect(await engineOnly('lib/auth/x.ts', awaited)).toBe(0);
    expect(await engineOnly('lib/auth/x.ts', "export const f = (m: Map<string, number>, h: Headers) => Promise.all([m.get('a'), h.get('origin')]);\n")).toBe(0);
    const sync = "import type { Db } from '@/db/client';\nimport { users } from '@/db/schema';\nexport const f = (db: Db) => db.select().from(users).get();\n";
    expect(await engineOnly('lib/auth/x.test.ts', sync)).toBe(0);
    expect(await engineOnly('lib/auth/testing.ts', sync)).toBe(0);
    expect(await engineOnly('lib/search/indexVersion.ts', sync)).toBe(0);
  });
});
