import { LegalTextError } from '@/lib/legal-text';
import { CliError, type CommandIO, type CommandRun } from './io';

interface CommandEntry {
  usage: string;
  summary: string;
  load: () => Promise<{ run: CommandRun }>;
}

/// Every command of the tool; add a line here and a file in cli/commands/ for a new one.
export const COMMANDS: Record<string, CommandEntry> = {
  parse: {
    usage: 'parse FILE [--format json|md|txt|html]',
    summary: 'parse a regulation (.md, .txt or .docx) and print its structure',
    load: () => import('./commands/parse'),
  },
  import: {
    usage: 'import FILE… [--version-of ID | --amends ID] [--effective DATE] [--kind K] [--topic T]',
    summary: 'import regulations into the published library (DATABASE_PATH, or DATABASE_URL); with --amends, FILE is a 修改决定 to apply',
    load: () => import('./commands/import'),
  },
  diff: {
    usage: 'diff OLD NEW [--format json|decision] [--by-eid]',
    summary: 'compare two regulation files article by article (diff JSON, or the 修改决定)',
    load: () => import('./commands/diff'),
  },
  consolidate: {
    usage: 'consolidate OLD DECISION [--format md|json]',
    summary: 'apply a 修改决定 (text file) to a regulation file and print the consolidated text',
    load: () => import('./commands/consolidate'),
  },
  user: {
    usage: 'user password EMAIL',
    summary: 'set an account\'s password from standard input (DATABASE_PATH, or DATABASE_URL), ending its sessions',
    load: () => import('./commands/user'),
  },
  draft: {
    usage: 'draft repair ID',
    summary: 'make a draft\'s stored text (DATABASE_PATH, or DATABASE_URL) fit the editor\'s schema again, printing what was dropped',
    load: () => import('./commands/draft'),
  },
  audit: {
    usage: 'audit verify [--expect SEQ:HASH]',
    summary: 'check the audit hash chain (DATABASE_PATH, or DATABASE_URL); with --expect, that a kept head is still in it',
    load: () => import('./commands/audit'),
  },
};

/// The usage text printed by `--help` and after an unknown command.
export function helpText(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length));
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`);
  return ['usage: lawbench <command> [arguments]', '', 'commands:', ...lines, ''].join('\n');
}

/// Runs one command line; resolves to the exit code. Errors become one line on stderr.
export async function main(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText());
    return name === undefined ? 1 : 0;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    io.stderr(`lawbench: unknown command "${name}" (try: lawbench --help)\n`);
    return 1;
  }
  try {
    const { run } = await entry.load();
    return await run(args, io);
  } catch (error) {
    io.stderr(`lawbench ${name}: ${describeError(error)}\n`);
    return 1;
  }
}

function describeError(error: unknown): string {
  if (error instanceof LegalTextError) return `${error.message} (${error.code})`;
  if (error instanceof CliError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

const io: CommandIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
};

// `lawbench parse X | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

void main(process.argv.slice(2), io).then(async (code) => {
  // A PostgreSQL pool would keep the process alive; it is loaded only when DATABASE_URL asks for it.
  if (process.env.DATABASE_URL) await (await import('@/db/engine')).closeEngine();
  process.exitCode = code;
});
