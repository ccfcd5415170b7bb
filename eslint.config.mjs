import tseslint from 'typescript-eslint';

// The dependency direction of ARCHITECTURE.md: app → lib → db, collab-server → lib → db.
// `lib/legal-text` and `lib/editor` are pure: no I/O of the project, no Next, no sockets.
const dbImports = ['@/db', '@/db/*', '**/db/client', '**/db/schema', '**/db/schema/*', '**/db/testing', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'];
const nextImports = ['next', 'next/*', 'server-only'];
const appImports = ['@/app/*', '**/app/*'];
const collabImports = ['@/collab-server/*', '**/collab-server/*'];
const ioImports = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'ws', 'node:net', 'node:http', 'child_process', 'node:child_process'];
const restrict = (groups, message) => ['error', { patterns: [{ group: groups, message }] }];

export default tseslint.config(
  { ignores: ['node_modules/', '.next/', 'data/', 'test-results/', 'next-env.d.ts', 'db/migrations/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'proxy.ts'],
    rules: { 'no-restricted-imports': restrict([...dbImports, ...collabImports], 'app/ may not import db/ or collab-server/: go through lib/.') },
  },
  {
    files: ['lib/**/*.{ts,tsx}'],
    ignores: ['lib/**/*.test.ts', 'lib/legal-text/**', 'lib/editor/**'],
    rules: { 'no-restricted-imports': restrict([...nextImports, ...appImports, ...collabImports], 'lib/ may not import Next, app/ or collab-server/: the route passes what lib needs.') },
  },
  {
    files: ['lib/legal-text/**/*.{ts,tsx}', 'lib/editor/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [...dbImports, ...nextImports, ...appImports, ...collabImports, ...ioImports, '@/lib/auth*', '@/lib/api*', '@/lib/audit*'],
        'lib/legal-text and lib/editor are pure: no I/O, no db, no Next, no sockets.',
      ),
    },
  },
  {
    files: ['db/**/*.ts'],
    ignores: ['db/**/*.test.ts'],
    rules: { 'no-restricted-imports': restrict(['@/lib/*', '**/lib/*', ...appImports, ...nextImports, ...collabImports], 'db/ is the bottom layer: it imports nothing of the project above it.') },
  },
  {
    files: ['collab-server/**/*.ts'],
    rules: { 'no-restricted-imports': restrict([...appImports, ...nextImports], 'collab-server/ may not import app/ or Next.') },
  },
);
