/// Benchmark dispatcher: `npm run bench -- <name>`; each bench prints a table with its baseline
/// beside the result and ends with one JSON line of figures.
interface BenchEntry {
  summary: string;
  load: () => Promise<{ run: (args: string[]) => Promise<void> }>;
}

/// Every benchmark; add a line here and a file in bench/ for a new one.
export const BENCHES: Record<string, BenchEntry> = {
  parse: { summary: 'parser throughput on the dev corpus and the time to parse one ~10 MB text', load: () => import('./parse') },
  search: { summary: 'ranked search latency on a synthetic 10,000-regulation library beside a LIKE scan; --db postgres: on PostgreSQL beside SQLite', load: () => import('./search') },
  consolidate: { summary: 'applying a 200-operation 修改决定 to a 1,000-article text beside parsing that text', load: () => import('./consolidate') },
  diff: { summary: 'article-level comparison of two versions beside diffChars over the whole texts', load: () => import('./diff') },
  comments: { summary: 'comment intake over HTTP on the production build beside a bare one-insert route and raw SQLite', load: () => import('./comments') },
  collab: { summary: 'collaboration latency and throughput beside the y-websocket@2 reference server', load: () => import('./collab') },
  pages: { summary: 'requests/s of a cached regulation page and article page beside a static Next.js answer and the pages rendered per request', load: () => import('./pages') },
  audit: { summary: 'audit appends through the hash chain beside plain inserts, and verify of 1,000,000 entries', load: () => import('./audit') },
  'schema-check': {
    summary: 'checking a collaboration update against the draft schema beside copying the draft and checking it whole',
    load: () => import('./schemaCheck'),
  },
  'consultation-page': {
    summary: 'the public pages of a consultation with 5,000 comments beside the same pages with 50: req/s, p50 / p95 and a p95 budget',
    load: () => import('./consultationPage'),
  },
  'type-check': {
    summary: "the mutation run's TypeScript checker beside Stryker's own on the same mutants, then checking unrelated files' mutants together beside one at a time: time per mutant, and the same verdict on each",
    load: () => import('./typeCheck'),
  },
  'mutation-runner': {
    summary: "Stryker over the same files running the tests as npm run mutation does (kept threads, likeliest failure first, fixtures' mutants under their tests) beside Stryker's and vitest's own way: mutants tested a minute, and the same status for each",
    load: () => import('./mutationRunner'),
  },
  questions: {
    summary: "citizens' questions (testdata/questions): Recall@10, MRR@10 and no-result share of answerQuery beside BM25 over character bigrams, dev and held-out halves",
    load: () => import('./questions'),
  },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const entry = name !== undefined && Object.hasOwn(BENCHES, name) ? BENCHES[name] : undefined;
  if (!entry) {
    const width = Math.max(...Object.keys(BENCHES).map((n) => n.length));
    const list = Object.entries(BENCHES).map(([n, b]) => `  ${n.padEnd(width)} ${b.summary}`);
    const out = name === undefined || name === '--help' ? process.stdout : process.stderr;
    if (name !== undefined && name !== '--help') out.write(`bench: unknown benchmark "${name}"\n`);
    out.write(['usage: npm run bench -- <name>', '', ...list, ''].join('\n'));
    return name === '--help' ? 0 : 1;
  }
  try {
    await (await entry.load()).run(args);
    return 0;
  } catch (error) {
    process.stderr.write(`bench ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
