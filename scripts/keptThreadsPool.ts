import { ThreadsPoolWorker, type PoolOptions, type PoolRunnerInitializer, type PoolWorker, type WorkerRequest } from 'vitest/node';
import { listFiles } from './ensureBuild';

// A vitest pool for the mutation run (vitest.mutation.config.mts): Stryker starts vitest once
// and then runs the tests of one mutant after another in it, and vitest starts a new worker
// thread for every run. This pool keeps the worker thread of a mutant's run for the next one.
// Each run still evaluates every module of the project again, so no state of one mutant's run
// reaches the next, and a mutant that must be switched on before the modules load (Stryker's
// "static" activation) is; only what node_modules loads is kept. (Vitest 4.1 loads a project
// module again in each run by itself; naming them all in the run's `invalidates` keeps that so if
// it stops doing it.) The dry run, which counts what each test reaches, gets a thread of its own.

type Provided = { mode?: string };

/// Whether a run may use a kept thread, and the next run this one's: a mutant's run.
export function mayKeepThread(provided: Provided): boolean {
  return provided.mode === 'mutant';
}

/// Every source file under `root` outside node_modules: the modules each run evaluates again.
export function projectSourceFiles(root: string): string[] {
  return listFiles(root).filter((f) => /\.(m|c)?[jt]sx?$/.test(f) && !f.endsWith('.d.ts'));
}

type Listener = (arg: unknown) => void;
type Kept = { thread: ThreadsPoolWorker; runs: number; alive: boolean };

/// The pool: `maxRuns` bounds how many runs one thread serves before a fresh one is started.
export function keptThreadsPool({ maxRuns = 500 }: { maxRuns?: number } = {}): PoolRunnerInitializer {
  let kept: Kept | null = null;
  const sources = new Map<string, string[]>();
  const closing = new WeakSet<object>();

  class KeptThreadWorker implements PoolWorker {
    readonly name = 'kept-threads';
    private current!: Kept;
    private reused = false;
    private keep = false;
    private listeners: Array<[string, Listener]> = [];

    constructor(private readonly options: PoolOptions) {}

    async start(): Promise<void> {
      const { project } = this.options;
      if (!closing.has(project.vitest)) {
        closing.add(project.vitest);
        project.vitest.onClose(async () => {
          if (kept) await kept.thread.stop();
          kept = null;
        });
      }
      this.keep = mayKeepThread(project.getProvidedContext() as Provided);
      const previous = kept;
      kept = null;
      if (previous && this.keep && previous.alive && previous.runs < maxRuns) {
        this.current = previous;
        this.current.runs++;
        this.reused = true;
        return;
      }
      if (previous?.alive) await previous.thread.stop();
      const thread = new ThreadsPoolWorker(this.options);
      await thread.start();
      this.current = { thread, runs: 1, alive: true };
      thread.on('exit', () => {
        this.current.alive = false;
      });
    }

    on(event: string, listener: Listener): void {
      this.listeners.push([event, listener]);
      this.current.thread.on(event, listener);
    }

    off(event: string, listener: Listener): void {
      this.listeners = this.listeners.filter(([e, l]) => e !== event || l !== listener);
      this.current.thread.off(event, listener);
    }

    send(message: WorkerRequest): void {
      if (message.type === 'start' && this.reused) return this.answer('started');
      if (message.type === 'stop' && this.keep && this.current.alive) return this.answer('stopped');
      if (message.type === 'run' || message.type === 'collect') {
        // The thread keeps the config of the run that started it; each run brings its own (Stryker
        // sets the names of the tests to run in it), and names the project's modules to load again.
        const root = this.options.project.config.root;
        if (!sources.has(root)) sources.set(root, projectSourceFiles(root));
        const context = { ...message.context, config: this.options.project.serializedConfig, invalidates: [...(message.context.invalidates ?? []), ...sources.get(root)!] };
        return this.current.thread.send({ ...message, context } as WorkerRequest);
      }
      this.current.thread.send(message);
    }

    deserialize(data: unknown): unknown {
      return data;
    }

    async stop(): Promise<void> {
      for (const [event, listener] of this.listeners) this.current.thread.off(event, listener);
      this.listeners = [];
      if (this.keep && this.current.alive) {
        kept = this.current;
        return;
      }
      if (this.current.alive) await this.current.thread.stop();
    }

    private answer(type: 'started' | 'stopped') {
      const response = { type, __vitest_worker_response__: true };
      queueMicrotask(() => {
        for (const [event, listener] of this.listeners) if (event === 'message') listener(response);
      });
    }
  }

  return { name: 'kept-threads', createPoolWorker: (options) => new KeptThreadWorker(options) };
}
