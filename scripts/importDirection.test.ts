import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
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
