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
//
// Vitest hands a thread all the test files of a run at once, and the thread loads every one of
// them before it runs the first test: after the first failure (Stryker stops a mutant's run there)
// the rest were loaded for nothing. The pool sends a mutant's run to the thread one file at a
// time instead, and sends no more once the run is cancelled or has failed to run.
//
// A mutant's run whose thread sends nothing for `stallMs` is stuck in a loop no test can time out
// (a synchronous loop never lets vitest's own timers fire): Stryker would wait out its timeout for
// the run, 1.5 × the whole dry run for a mutant switched on before the modules load. The pool
// then stops that thread and runs the run's first test file again in a new one, told the run
// stalled (the provided `stalledRun`); scripts/mutationSetup.ts then ends it as timed out.

type Provided = { mode?: string };
type Message = { type?: string; __vitest_worker_response__?: boolean };
type RunRequest = Extract<WorkerRequest, { type: 'run' }>;

/// Whether a run may use a kept thread, and the next run this one's: a mutant's run.
export function mayKeepThread(provided: Provided): boolean {
  return provided.mode === 'mutant';
}

/// Every source file under `root` outside node_modules: the modules each run evaluates again.
export function projectSourceFiles(root: string): string[] {
  return listFiles(root).filter((f) => /\.(m|c)?[jt]sx?$/.test(f) && !f.endsWith('.d.ts'));
}

type Listener = (arg: unknown) => void;

/// Whether vitest is cancelling its current run: Stryker's bail, after a mutant's run has failed.
function isCancelling(vitest: object): boolean {
  return (vitest as { isCancelling?: boolean }).isCancelling === true;
}

/// A run request for some of the files of `run`, the rest of the request unchanged.
function runOf(run: RunRequest, files: RunRequest['context']['files']): RunRequest {
  return { ...run, context: { ...run.context, files } };
}

type Kept = { thread: ThreadsPoolWorker; runs: number; alive: boolean; heardAt: number };

/// The pool: `maxRuns` bounds how many runs one thread serves before a fresh one is started;
/// `stallMs` is how long a mutant's run may send nothing before it counts as stuck.
export function keptThreadsPool({ maxRuns = 500, stallMs = 60_000 }: { maxRuns?: number; stallMs?: number } = {}): PoolRunnerInitializer {
  let kept: Kept | null = null;
  const sources = new Map<string, string[]>();
  const closing = new WeakSet<object>();

  class KeptThreadWorker implements PoolWorker {
    readonly name = 'kept-threads';
    private current!: Kept;
    private reused = false;
    private keep = false;
    // Each listener vitest gave, and the one the thread calls instead (it holds back the end of a
    // file that is not the last of a mutant's run).
    private listeners: Array<[string, Listener, Listener]> = [];
    // The files of the current mutant's run still to send to the thread, one run request each.
    private queued: RunRequest[] = [];
    private startMessage?: WorkerRequest;
    private watchdog?: ReturnType<typeof setInterval>;

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
      this.current = await this.newThread();
    }

    private async newThread(): Promise<Kept> {
      const thread = new ThreadsPoolWorker(this.options);
      await thread.start();
      const kept: Kept = { thread, runs: 1, alive: true, heardAt: Date.now() };
      thread.on('exit', () => {
        kept.alive = false;
      });
      thread.on('message', (message: Message) => {
        kept.heardAt = Date.now();
        if (message?.__vitest_worker_response__ && message.type === 'testfileFinished') this.unwatch();
      });
      return kept;
    }

    on(event: string, listener: Listener): void {
      const heard = event === 'message' ? (message: unknown) => this.passOn(message as Message) && listener(message) : listener;
      this.listeners.push([event, listener, heard]);
      this.current.thread.on(event, heard);
    }

    off(event: string, listener: Listener): void {
      for (const [e, l, heard] of this.listeners) if (e === event && l === listener) this.current.thread.off(event, heard);
      this.listeners = this.listeners.filter(([e, l]) => e !== event || l !== listener);
    }

    /// Whether a message from the thread goes on to vitest. The end of a file of a mutant's run
    /// does not while files are queued and the run goes on: the thread is sent the next file.
    private passOn(message: Message & { error?: unknown }): boolean {
      if (!message?.__vitest_worker_response__ || message.type !== 'testfileFinished' || this.queued.length === 0) return true;
      if (message.error || isCancelling(this.options.project.vitest)) {
        this.queued = [];
        return true;
      }
      this.sendRun(this.queued.shift()!);
      return false;
    }

    private sendRun(run: RunRequest): void {
      this.watch(run);
      this.current.thread.send(run);
    }

    send(message: WorkerRequest): void {
      if (message.type === 'start') this.startMessage = message;
      if (message.type === 'start' && this.reused) return this.answer('started');
      if (message.type === 'stop' && this.keep && this.current.alive) return this.answer('stopped');
      if (message.type === 'run' || message.type === 'collect') {
        // The thread keeps the config of the run that started it; each run brings its own (Stryker
        // sets the names of the tests to run in it), and names the project's modules to load again.
        const root = this.options.project.config.root;
        if (!sources.has(root)) sources.set(root, projectSourceFiles(root));
        const context = { ...message.context, config: this.options.project.serializedConfig, invalidates: [...(message.context.invalidates ?? []), ...sources.get(root)!] };
        const request = { ...message, context } as WorkerRequest;
        if (!this.keep || request.type !== 'run') return this.current.thread.send(request);
        const [first, ...rest] = request.context.files;
        this.queued = rest.map((file) => runOf(request, [file]));
        return this.sendRun(runOf(request, [first]));
      }
      this.current.thread.send(message);
    }

    deserialize(data: unknown): unknown {
      return data;
    }

    async stop(): Promise<void> {
      this.unwatch();
      this.queued = [];
      for (const [event, , heard] of this.listeners) this.current.thread.off(event, heard);
      this.listeners = [];
      if (this.keep && this.current.alive) {
        kept = this.current;
        return;
      }
      if (this.current.alive) await this.current.thread.stop();
    }

    private watch(run: RunRequest): void {
      this.unwatch();
      this.current.heardAt = Date.now();
      this.watchdog = setInterval(() => {
        if (Date.now() - this.current.heardAt > stallMs) void this.restartStalled(run);
      }, Math.max(50, stallMs / 8));
    }

    private unwatch(): void {
      clearInterval(this.watchdog);
      this.watchdog = undefined;
    }

    /// The stuck thread is stopped without vitest seeing it go; a new one is started as vitest
    /// started the first, then runs the run's first test file told the run stalled.
    private async restartStalled(run: RunRequest): Promise<void> {
      this.unwatch();
      this.queued = [];
      const stuck = this.current;
      for (const [event, , heard] of this.listeners) stuck.thread.off(event, heard);
      stuck.alive = false;
      await stuck.thread.stop();
      const fresh = await this.newThread();
      this.current = fresh;
      if (this.startMessage) {
        await new Promise<void>((resolve) => {
          const started = (message: Message) => {
            if (message?.type !== 'started') return;
            fresh.thread.off('message', started);
            resolve();
          };
          fresh.thread.on('message', started);
          fresh.thread.send(this.startMessage!);
        });
      }
      for (const [event, , heard] of this.listeners) fresh.thread.on(event, heard);
      const context = { ...run.context, files: run.context.files.slice(0, 1), providedContext: { ...run.context.providedContext, stalledRun: stallMs } };
      fresh.thread.send({ ...run, context } as WorkerRequest);
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
