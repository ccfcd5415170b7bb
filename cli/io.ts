import type { z } from 'zod';
/// Where a command writes: the real process streams, or a buffer in tests.
export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /// Directory that relative file arguments are resolved against.
  cwd: string;
}

/// A command's entry point; resolves to the process exit code.
export type CommandRun = (args: string[], io: CommandIO) => Promise<number>;

/// A mistake in how the command was called or in what it was given; the dispatcher prints its
/// message as one line on stderr and exits with code 1.
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/// A command's arguments, checked with its schema (the first problem becomes a `CliError`);
/// null when `--help` or `-h` asked for the usage, which is then printed.
export function checkedArgs<S extends z.ZodType>(args: string[], read: (args: string[]) => unknown, schema: S, usage: string, io: CommandIO): z.output<S> | null {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${usage}\n`);
    return null;
  }
  const parsed = schema.safeParse(read(args));
  if (!parsed.success) throw new CliError(parsed.error.issues[0].message);
  return parsed.data;
}
