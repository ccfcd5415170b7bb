import fs from 'node:fs';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import tseslint from 'typescript-eslint';

// The map of ARCHITECTURE.md, enforced:
// - app → lib → db, collab-server → lib → db; db is the floor (it may use lib/shared's vocabulary).
// - lib/shared, lib/documents and lib/i18n are rooms every domain may use; they import no domain
//   (shared nothing of the project but lib/errors; i18n and documents may use shared).
// - a domain (any other folder of lib/) is used from outside only through its index.ts
//   (and, in tests, benches and browser tests, its testing/ helpers).
// - lib/legal-text and lib/editor are pure: no I/O of the project, no Next, no sockets.
// - no import cycles anywhere.
const rooms = ['shared', 'documents', 'i18n'];
const domains = fs
  .readdirSync(new URL('./lib', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory() && !rooms.includes(d.name))
  .map((d) => d.name);

const dbImports = ['@/db', '@/db/*', '**/db/client', '**/db/schema', '**/db/schema/*', '**/db/testing', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'];
const nextImports = ['next', 'next/*', 'server-only'];
const appImports = ['@/app/*', '**/app/*'];
const collabImports = ['@/collab-server/*', '**/collab-server/*'];
const ioImports = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'ws', 'node:net', 'node:http', 'child_process', 'node:child_process'];
const domainIndexes = domains.flatMap((d) => [`@/lib/${d}`, `**/lib/${d}`, `**/lib/${d}/index`]);
const tests = ['**/*.test.ts', '**/testing/**', '**/testing.ts'];

/// A deep import into another domain: anything below `@/lib/<domain>/` but its testing helpers.
/// `own` is the domain whose files may be reached (the importing file's own), if any.
function deepImports(own, { testing }) {
  const group = ['@/lib/*/*', '@/lib/*/*/**', '!@/lib/shared/**', '!@/lib/documents/**'];
  if (own) group.push(`!@/lib/${own}/**`);
  if (testing) group.push('!@/lib/*/testing', '!@/lib/*/testing/**', '!@/lib/*/testing.ts');
  return { group, message: 'Use the other domain through its index.ts (`@/lib/<domain>`), not its files.' };
}

/// Code converted to run on both SQLite and PostgreSQL (docs/postgres.md, "the pattern for domain
/// code"): it only awaits drizzle queries built through an `Engine`. SQLite's synchronous
/// finishers (`.get()`, `.all()`, `.run()`, also with a placeholder object), its raw connection
/// (`$client`) and a synchronous `db.transaction(…)` (withTransaction is the way) would quietly tie
/// it to SQLite again. Map#get(key) and Promise.all(list) take other arguments, and pass.
const engineOnly = {
  files: [
    'lib/auth/**/*.ts',
    'lib/mail/**/*.ts',
    ...['collabTicket', 'createCollabTicket', 'authorizeCollabConnection', 'recheckCollabAccess', 'draftStore', 'draftStatements', 'foldDraftState', 'getBill', 'listBills', 'createBill', 'setBillMember', 'draftComments', 'getDraftText', 'repairDraft'].map(
      (f) => `lib/drafting/${f}.ts`,
    ),
    'collab-server/enginePersistence.ts',
    'lib/inbox/listNotifications.ts',
    'lib/inbox/markNotificationsRead.ts',
    ...['appendAudit', 'readAuditRows', 'verifyAuditChainOn', 'auditHead', 'listDailyHeads', 'listAuditEvents', 'exportAuditCsv'].map((f) => `lib/audit/${f}.ts`),
    'lib/api/auditDownload.ts',
    ...['getDraftVersion', 'listDraftVersions', 'getArticleHistory', 'namesOfUsers', 'compareDraftTexts', 'listComparableTexts'].map((f) => `lib/versioning/${f}.ts`),
    'lib/workflow/**/*.ts',
    'lib/consultation/**/*.ts',
    'lib/explainers/**/*.ts',
    ...['recordFiling', 'filingPackage', 'buildFilingPackage', 'getBillPublication', 'listPublicationLog', 'loadExportable', 'noticeOfVersion', 'exportRegulation', 'amendmentDocument', 'buildPublicationFeed', 'publishBill', 'repealRegulation'].map(
      (f) => `lib/publication/${f}.ts`,
    ),
    'lib/desk/**/*.ts',
    ...['importRegulation', 'insertRegulationVersion', 'refreshCurrentVersion'].map((f) => `lib/library/${f}.ts`),
    ...['postgresSearchIndex', 'indexedVersionsOf'].map((f) => `lib/search/${f}.ts`),
    'lib/demo/seedLibrary.ts',
    ...['seedDemoData', 'seedConsultation', 'seedWorkflow', 'seedPublication', 'seedExplainers', 'demoPeople'].map((f) => `lib/demo/${f}.ts`),
    'lib/drafting/writeDraftText.ts',
  ],
  message: 'Converted to the Engine pattern (docs/postgres.md): await drizzle queries built through engine.db and engine.t, and write through withTransaction; never .get(), .all(), .run(), $client or db.transaction, which exist on SQLite only.',
};
const engineOnlySyntax = [
  "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(get|all|run)$/][arguments.length=0]",
  "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(get|all|run)$/][arguments.length=1][arguments.0.type='ObjectExpression']",
  "MemberExpression[property.name='$client']",
  "CallExpression[callee.type='MemberExpression'][callee.property.name='transaction']",
].map((selector) => ({ selector, message: engineOnly.message }));

const pattern = (group, message) => ({ group, message });

/// One `no-restricted-imports` entry from several patterns (a later config block would replace,
/// not merge, an earlier one for the same file, so each block states all that applies to it).
const restrict = (...patterns) => ['error', { patterns }];

const layer = {
  app: pattern([...dbImports, ...collabImports], 'app/ may not import db/ or collab-server/: go through lib/.'),
  lib: pattern([...nextImports, ...appImports, ...collabImports], 'lib/ may not import Next, app/ or collab-server/: the route passes what lib needs.'),
  libTest: pattern([...nextImports, ...appImports], 'lib/ tests may not import Next or app/.'),
  pure: pattern(
    [...dbImports, ...nextImports, ...appImports, ...collabImports, ...ioImports],
    'lib/legal-text and lib/editor are pure: no I/O, no db, no Next, no sockets.',
  ),
  room: pattern(
    [...domainIndexes, ...domains.flatMap((d) => [`@/lib/${d}/**`, `**/lib/${d}/**`]), ...dbImports, ...nextImports, ...appImports, ...collabImports],
    'lib/shared, lib/documents and lib/i18n are used by every domain: they import no domain, no db and no Next.',
  ),
  floor: pattern(
    ['@/lib/*', '!@/lib/shared', '!@/lib/errors', '@/lib/*/**', '!@/lib/shared/**', ...dbImports, ...nextImports, ...appImports, ...collabImports],
    'lib/shared is the floor every layer stands on: it imports nothing of the project but lib/errors.',
  ),
  db: pattern(
    ['@/lib/*', '!@/lib/shared', '@/lib/*/**', '!@/lib/shared/**', ...appImports, ...nextImports, ...collabImports],
    'db/ is the floor: it imports nothing of the project above it but the vocabulary of lib/shared.',
  ),
  collab: pattern([...appImports, ...nextImports], 'collab-server/ may not import app/ or Next.'),
};

export default tseslint.config(
  { ignores: ['node_modules/', '.next/', 'data/', 'test-results/', 'reports/', 'next-env.d.ts', 'db/migrations/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}', 'db/**/*.ts', 'collab-server/**/*.ts', 'cli/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts', 'web-server/**/*.ts', 'proxy.ts'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'proxy.ts'],
    ignores: tests,
    rules: { 'no-restricted-imports': restrict(layer.app, deepImports(null, { testing: false })) },
  },
  {
    files: ['app/**/*.test.ts'],
    rules: { 'no-restricted-imports': restrict(layer.app, deepImports(null, { testing: true })) },
  },
  ...domains.map((d) => ({
    files: [`lib/${d}/**/*.{ts,tsx}`],
    ignores: tests,
    rules: {
      'no-restricted-imports': restrict(d === 'legal-text' || d === 'editor' ? layer.pure : layer.lib, deepImports(d, { testing: false })),
    },
  })),
  // Integration tests may start the collaboration server.
  ...domains.map((d) => ({
    files: tests.map((t) => `lib/${d}/${t}`),
    rules: { 'no-restricted-imports': restrict(layer.libTest, deepImports(d, { testing: true })) },
  })),
  {
    files: rooms.map((r) => `lib/${r}/**/*.{ts,tsx}`),
    rules: { 'no-restricted-imports': restrict(layer.room) },
  },
  {
    files: ['lib/shared/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrict(layer.floor) },
  },
  {
    files: ['db/**/*.ts'],
    ignores: ['db/**/*.test.ts'],
    rules: { 'no-restricted-imports': restrict(layer.db) },
  },
  {
    files: ['collab-server/**/*.ts', 'cli/**/*.ts'],
    ignores: tests,
    rules: { 'no-restricted-imports': restrict(layer.collab, deepImports(null, { testing: false })) },
  },
  {
    files: ['collab-server/**/*.test.ts', 'cli/**/*.test.ts', 'scripts/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(layer.collab, deepImports(null, { testing: true })) },
  },
  {
    files: engineOnly.files,
    // The comment intake's prepared statements on SQLite (the hot path, measured) and the
    // benchmark's bare insert; the consultation test seeder.
    ignores: [
      ...tests,
      'lib/consultation/sqliteCommentIntake.ts',
      'lib/consultation/insertBareComment.ts',
      'lib/consultation/testing/seedConsultation.ts',
    ],
    rules: { 'no-restricted-syntax': ['error', ...engineOnlySyntax] },
  },
  // Domain functions become async as they move to the Engine pattern (docs/postgres.md): a call
  // left without `await` would skip its permission check or its write unnoticed.
  {
    files: ['app/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}', 'db/**/*.ts', 'collab-server/**/*.ts', 'cli/**/*.ts', 'web-server/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts', 'proxy.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
    },
  },
);
