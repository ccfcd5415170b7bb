import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { migrateDatabase, openDatabase, type Db } from '@/db/client';
import { seedDraft, ticketFor } from '../collab-server/testing';
import { encodeUpdate } from '../collab-server/protocol';
import { startLocalRedis } from '../scripts/localRedis';
import { freePort } from '../scripts/localServer';
import { checkAllDelivered, percentileWithTimeouts } from './checks';
import { failOnProblems, printChecks, printTable } from './report';

/// One load: `clients` sockets spread evenly over `drafts` drafts, `writers` of them typing one
/// character per update, `rate` updates per second in total.
type Scenario = { key: string; label: string; clients: number; drafts: number; writers: number; rate: number };

/// `waitMs`: how long after its last send a run keeps listening; a delivery missing by then counts
/// as a timeout of `waitMs` in the percentiles, and fails the bench. `instances`: 1 compares
/// Lawbench with the reference server, 2 compares Lawbench as one process with two through Redis.
type Options = { seconds: number; warmup: number; rounds: number; scenarios: string[]; singleRate: number; manyRate: number; waitMs: number; instances: 1 | 2 };

/// The latency of one kind of delivery (all, or across instances) pooled over runs; each
/// undelivered one counts as `waitMs`.
type Latency = {
  p50: number;
  p99: number;
  max: number;
  samples: number;
  /// Deliveries expected: each measured update times the other clients of its draft (for the
  /// deliveries across instances, those on another instance than the writer's).
  expected: number;
  /// Deliveries still missing `waitMs` after the last send (must be 0).
  undelivered: number;
};

/// What one server did under one scenario.
type Figures = {
  p50: number;
  p99: number;
  max: number;
  samples: number;
  /// Deliveries expected: each measured update times the other clients of its draft.
  expected: number;
  /// Relayed updates received by the clients per second.
  messagesPerSec: number;
  sentPerSec: number;
  /// Deliveries still missing `waitMs` after the last send (must be 0; each counts in the
  /// percentiles as a latency of `waitMs`).
  undelivered: number;
  /// Deliveries beyond those expected (must be 0).
  duplicated: number;
  /// Server CPU over the measured window, % of one core (summed over its processes).
  cpuPct: number;
  /// Server RSS when loaded (summed over its processes).
  rssMB: number;
  /// Server RSS growth from idle to loaded, per open draft (connections included).
  perDraftKB: number;
};

/// One scenario under `--instances 1`: Lawbench beside the reference server.
type ReferenceResult = { scenario: Scenario; lawbench: Figures; reference: Figures };

/// One scenario under `--instances 2`: Lawbench as one process, and as two through Redis over
/// all deliveries and over those across instances only.
type InstancesResult = { scenario: Scenario; oneInstance: Figures; twoInstances: Figures; twoInstancesAcross: Latency };

/// What the bench needs for Lawbench's runs: a migrated SQLite file, and the drafts' initial text.
type BenchDatabase = { db: Db; dbFile: string; initial: Uint8Array };

type ServerKind = 'lawbench' | 'reference';
type ServerHandle = { kind: ServerKind; port: number; child: ChildProcess; url: (draft: DraftSeat) => string };
type DraftSeat = { draftId: string; ticket?: string };

const root = process.cwd();
const SAMPLE_TEXT = '为了规范法律援助工作，保障公民和有关当事人的合法权益，根据有关法律、行政法规，结合本市实际，制定本条例。';

/// `npm run bench -- collab [--instances 1|2] [--seconds N] [--warmup N] [--rounds N] [--scenarios 10,50,200,1000] [--single-rate N] [--many-rate N] [--wait MS]`:
/// the same load against Lawbench's collaboration server (real tickets, real SQLite persistence
/// in a temporary file), each server in its own process on 127.0.0.1, in ABBA order. With
/// `--instances 1` (the default) beside the y-websocket@2 reference server (no auth, no
/// persistence). With `--instances 2` beside itself: Lawbench as one process, and as two
/// processes on the same SQLite file sharing drafts through a private redis-server that the bench
/// starts for the run; each draft's clients alternate between the two (client i on instance
/// i mod 2), and the latency of the two is given over all deliveries and over those across
/// instances (sender and receiver on different ones); the reference server is not run. Latency
/// is from `send` by a writer to receipt by every other client of the draft; a delivery still
/// missing `--wait` ms (500) after the last send counts as that long, and fails the bench
/// (exit 1) once the figures are out. Prints a table; the last line of standard output is one
/// JSON object with the figures.
export async function run(args: string[]): Promise<void> {
  const opts = parseArgs(args);
  const all: Scenario[] = [
    { key: '10', label: '10 clients, 1 draft', clients: 10, drafts: 1, writers: 10, rate: opts.singleRate },
    { key: '50', label: '50 clients, 1 draft', clients: 50, drafts: 1, writers: 10, rate: opts.singleRate },
    { key: '200', label: '200 clients, 1 draft', clients: 200, drafts: 1, writers: 10, rate: opts.singleRate },
    { key: '1000', label: '1,000 clients, 500 drafts', clients: 1000, drafts: 500, writers: 1000, rate: opts.manyRate },
  ];
  const scenarios = all.filter((s) => opts.scenarios.includes(s.key));
  const problems = opts.instances === 1 ? await compareWithReference(scenarios, opts) : await compareInstances(scenarios, opts);
  failOnProblems(problems);
}

/// `--instances 1`: each scenario against Lawbench and the reference server; prints the figures
/// and returns the problems.
async function compareWithReference(scenarios: Scenario[], opts: Options): Promise<string[]> {
  const results = await withBenchDatabase(async (bench) => {
    const results: ReferenceResult[] = [];
    for (const scenario of scenarios) {
      const [lawbench, reference] = await measureInAbbaOrder(scenario, opts.rounds, [
        { name: 'lawbench', run: () => measureLawbench(bench, scenario, opts, 1) },
        { name: 'reference', run: async () => measure(scenario, [await startReference()], null, bench.initial, opts) },
      ]);
      results.push({ scenario, lawbench: figuresOf(lawbench, scenario, opts.waitMs), reference: figuresOf(reference, scenario, opts.waitMs) });
    }
    return results;
  });
  const problems = results.flatMap((r) => deliveryProblems(r.scenario, { Lawbench: r.lawbench, 'y-websocket v2': r.reference }, opts.waitMs));
  report(results, opts, problems);
  return problems;
}

/// `--instances 2`: each scenario against Lawbench as one process and as two sharing drafts
/// through one private redis-server (started once for the run, disposed of at its end); prints
/// the figures and returns the problems.
async function compareInstances(scenarios: Scenario[], opts: Options): Promise<string[]> {
  const results = await withBenchDatabase(async (bench) => {
    const redis = await startLocalRedis();
    try {
      const results: InstancesResult[] = [];
      for (const scenario of scenarios) {
        const [one, two] = await measureInAbbaOrder(scenario, opts.rounds, [
          { name: '1 instance', run: () => measureLawbench(bench, scenario, opts, 1) },
          { name: '2 instances', run: () => measureLawbench(bench, scenario, opts, 2, redis.url) },
        ]);
        results.push({
          scenario,
          oneInstance: figuresOf(one, scenario, opts.waitMs),
          twoInstances: figuresOf(two, scenario, opts.waitMs),
          twoInstancesAcross: latencyOf(two.map((r) => r.across), opts.waitMs),
        });
      }
      return results;
    } finally {
      await redis.dispose();
    }
  });
  const problems = results.flatMap((r) => deliveryProblems(r.scenario, { 'Lawbench, 1 instance': r.oneInstance, 'Lawbench, 2 instances': r.twoInstances }, opts.waitMs));
  reportInstances(results, opts, problems);
  return problems;
}

/// Runs `work` with a fresh migrated SQLite file in a temporary folder, removed afterwards.
async function withBenchDatabase<T>(work: (bench: BenchDatabase) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lawbench-collab-bench-'));
  const dbFile = path.join(dir, 'bench.db');
  const db = openDatabase(dbFile);
  try {
    migrateDatabase(db);
    return await work({ db, dbFile, initial: initialDraft() });
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/// One setup the bench compares under a scenario: its name in the progress lines, and one
/// measured run of it (start, load, stop).
type Contender = { name: string; run: () => Promise<RunResult> };

/// `rounds` runs of each of two contenders in ABBA order (the second first in even rounds), so
/// that drift in the machine's load falls on both alike; each one's runs, in the order given.
async function measureInAbbaOrder(scenario: Scenario, rounds: number, contenders: [Contender, Contender]): Promise<[RunResult[], RunResult[]]> {
  const runs: [RunResult[], RunResult[]] = [[], []];
  for (let round = 0; round < rounds; round++) {
    for (const which of round % 2 === 0 ? [1, 0] : [0, 1]) {
      process.stderr.write(`collab bench: ${scenario.label}, ${contenders[which].name}, round ${round + 1}/${rounds} …\n`);
      runs[which].push(await contenders[which].run());
    }
  }
  return runs;
}

/// One problem per setup (named by its key in `setups`) whose deliveries under `scenario` fell
/// short of (or beyond) those expected.
function deliveryProblems(scenario: Scenario, setups: Record<string, Figures>, waitMs: number): string[] {
  return Object.entries(setups).flatMap(([name, f]) => checkAllDelivered(`${scenario.label}, ${name}`, f, waitMs) ?? []);
}

/// A draft as a drafter would open it: 40 articles of one paragraph in the 'prosemirror' fragment.
function initialDraft(): Uint8Array {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('prosemirror');
  for (let i = 0; i < 40; i++) {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(SAMPLE_TEXT + SAMPLE_TEXT)]);
    const article = new Y.XmlElement('article');
    article.setAttribute('eid', `art_${i + 1}`);
    article.insert(0, [paragraph]);
    fragment.insert(fragment.length, [article]);
  }
  return Y.encodeStateAsUpdate(doc);
}

/// Bills, drafts (with the initial text as snapshot), editors and one ticket per client.
function seedScenario(db: Db, scenario: Scenario, snapshot: Uint8Array): DraftSeat[] {
  const perDraft = scenario.clients / scenario.drafts;
  const seats: DraftSeat[] = [];
  db.transaction(() => {
    for (let d = 0; d < scenario.drafts; d++) {
      const draft = seedDraft(db, { editors: perDraft, reviewers: 0, snapshot });
      for (const editor of draft.editors) seats.push({ draftId: draft.draftId, ticket: ticketFor(db, draft.draftId, editor) });
    }
  });
  return seats;
}

/// One measured run of Lawbench as `instances` processes on the bench's database (sharing drafts
/// through `redisUrl` when there are two), on freshly seeded drafts and tickets.
async function measureLawbench(bench: BenchDatabase, scenario: Scenario, opts: Options, instances: 1 | 2, redisUrl?: string): Promise<RunResult> {
  const seats = seedScenario(bench.db, scenario, bench.initial);
  return measure(scenario, await startLawbench(bench.dbFile, instances, redisUrl), seats, bench.initial, opts);
}

/// Lawbench's collaboration server as `instances` processes on `dbFile`, sharing drafts through
/// `redisUrl` when given; if one of them fails to start, the others are stopped.
async function startLawbench(dbFile: string, instances: number, redisUrl?: string): Promise<ServerHandle[]> {
  const started = await Promise.allSettled(Array.from({ length: instances }, () => startLawbenchProcess(dbFile, redisUrl)));
  const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (!failed) return servers;
  await Promise.all(servers.map((s) => stop(s.child)));
  throw failed.reason;
}

/// One `collab-server/main.ts` process; without `redisUrl` alone (REDIS_URL emptied, whatever
/// the bench's environment says), with it only once it says it shares drafts through Redis.
function startLawbenchProcess(dbFile: string, redisUrl?: string): Promise<ServerHandle> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'collab-server/main.ts')], {
    env: { ...process.env, DATABASE_PATH: dbFile, COLLAB_PORT: '0', COLLAB_HOST: '127.0.0.1', REDIS_URL: redisUrl ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = redisUrl ? /listening on ws:\/\/127\.0\.0\.1:(\d+), sharing drafts with other instances through Redis/ : /listening on ws:\/\/127\.0\.0\.1:(\d+)/;
  return whenListening(child, ready, 'lawbench', (port) => (seat) => `ws://127.0.0.1:${port}/${seat.draftId}?ticket=${seat.ticket}`);
}

async function startReference(): Promise<ServerHandle> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, 'node_modules/y-websocket-v2/bin/server.cjs')], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return whenListening(child, /running at '127\.0\.0\.1' on port (\d+)/, 'reference', (p) => (seat) => `ws://127.0.0.1:${p}/${seat.draftId}`);
}

function whenListening(child: ChildProcess, ready: RegExp, kind: ServerKind, url: (port: number) => ServerHandle['url']): Promise<ServerHandle> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${kind} server did not start: ${out}`));
    }, 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = ready.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ kind, port: Number(m[1]), child, url: url(Number(m[1])) });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`${kind} server exited (${code}): ${out}`)));
  });
}


/// Deliveries of one kind in one run: the latencies measured, how many arrived, how many were due.
type Tally = { samples: number[]; received: number; expected: number };

/// The other clients of a writer's draft: all of them, and those on another instance.
type DraftPeers = { all: number; across: number };

/// Shared bookkeeping of one run: when, and from which instance, each measured update was sent,
/// and what the receivers measured, over all deliveries and over those across instances (sender
/// and receiver on different instances; none with one instance).
class Ledger {
  private readonly sentAt = new Map<number, { at: number; instance: number }>();
  private readonly all: Tally = { samples: [], received: 0, expected: 0 };
  private readonly across: Tally = { samples: [], received: 0, expected: 0 };

  static key(client: number, clock: number): number {
    return client * 1_000_000 + clock;
  }

  /// A measured update `key` is sent now from `instance` to the writer's draft `peers`.
  sent(key: number, instance: number, peers: DraftPeers): void {
    this.all.expected += peers.all;
    this.across.expected += peers.across;
    this.sentAt.set(key, { at: performance.now(), instance });
  }

  /// A client on `instance` received update `key` at `now` (ignored unless it is a measured one).
  received(key: number, now: number, instance: number): void {
    const sent = this.sentAt.get(key);
    if (sent === undefined) return;
    record(this.all, now - sent.at);
    if (sent.instance !== instance) record(this.across, now - sent.at);
  }

  /// Copies of the tallies so far: a delivery arriving later is one the run counts as undelivered.
  snapshot(): { all: Tally; across: Tally } {
    const copy = (t: Tally): Tally => ({ ...t, samples: t.samples.slice() });
    return { all: copy(this.all), across: copy(this.across) };
  }
}

/// One delivery received, `latencyMs` after its send.
function record(tally: Tally, latencyMs: number): void {
  tally.samples.push(latencyMs);
  tally.received++;
}

const EMPTY_STEP2 = (() => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeSyncStep2(e, new Y.Doc(), new Uint8Array([0]));
  return encoding.toUint8Array(e);
})();

/// A load-generating client on raw `ws` with y-protocols framing: syncs like the stock client,
/// announces its presence, and (if a writer) types into its own Y.Text; it decodes only the
/// header of relayed updates to find the (client, clock) they started at.
class LoadClient {
  readonly doc: Y.Doc | null;
  readonly clientID: number;
  private socket!: WebSocket;
  private lastUpdate: Uint8Array | null = null;
  private typed = 0;

  constructor(
    readonly seat: DraftSeat,
    writer: boolean,
    private readonly ledger: Ledger,
    /// Which of the servers' instances it connects to (0 with one).
    readonly instance: number,
    private readonly peers: DraftPeers,
  ) {
    this.doc = writer ? new Y.Doc() : null;
    this.clientID = this.doc?.clientID ?? Math.floor(Math.random() * 2 ** 31);
    this.doc?.on('update', (u: Uint8Array) => (this.lastUpdate = u));
  }

  open(url: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { perMessageDeflate: false });
      this.socket = socket;
      socket.on('error', reject);
      socket.on('close', (code) => reject(new Error(`closed ${code}`)));
      socket.on('open', () => {
        const step1 = encoding.createEncoder();
        encoding.writeVarUint(step1, 0);
        syncProtocol.writeSyncStep1(step1, this.doc ?? new Y.Doc());
        socket.send(encoding.toUint8Array(step1));
        const presence = encoding.createEncoder();
        encoding.writeVarUint(presence, 1);
        const update = encoding.createEncoder();
        encoding.writeVarUint(update, 1);
        encoding.writeVarUint(update, this.clientID);
        encoding.writeVarUint(update, 1);
        encoding.writeVarString(update, JSON.stringify({ user: { name: `bench ${this.clientID}`, color: '#8a1c1c' } }));
        encoding.writeVarUint8Array(presence, encoding.toUint8Array(update));
        socket.send(encoding.toUint8Array(presence));
      });
      socket.on('message', (data: Buffer) => {
        if (data[0] !== 0) return;
        if (data[1] === 2) this.onUpdate(data);
        else if (data[1] === 1) resolve();
        else if (data[1] === 0) socket.send(this.doc ? this.step2(data) : EMPTY_STEP2);
      });
    });
  }

  /// Types one character and sends the update, recording the send time if `measured`.
  write(measured: boolean): void {
    const doc = this.doc!;
    const text = doc.getText('typing');
    const clock = Y.getState(doc.store, doc.clientID);
    text.insert(text.length, SAMPLE_TEXT[this.typed++ % SAMPLE_TEXT.length]);
    const frame = encodeUpdate(this.lastUpdate!);
    if (measured) this.ledger.sent(Ledger.key(doc.clientID, clock), this.instance, this.peers);
    this.socket.send(frame);
  }

  /// Sends an arbitrary update (the reference server's initial content).
  sendUpdate(update: Uint8Array): void {
    this.socket.send(encodeUpdate(update));
  }

  close(): void {
    this.socket.removeAllListeners('close');
    this.socket.on('error', () => {});
    this.socket.terminate();
  }

  private onUpdate(data: Buffer): void {
    const now = performance.now();
    const decoder = decoding.createDecoder(data);
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder); // update length
    if (decoding.readVarUint(decoder) === 0) return; // clients
    decoding.readVarUint(decoder); // structs of the first client
    const client = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    if (client === this.clientID) return;
    this.ledger.received(Ledger.key(client, clock), now, this.instance);
  }

  private step2(data: Buffer): Uint8Array {
    const decoder = decoding.createDecoder(data);
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    const sv = decoding.readVarUint8Array(decoder);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    syncProtocol.writeSyncStep2(e, this.doc!, sv);
    return encoding.toUint8Array(e);
  }
}

/// The raw outcome of one run of one server (of one or two instances): all deliveries, those
/// across instances, and CPU and memory summed over the server's processes.
type RunResult = { all: Tally; across: Tally; sent: number; seconds: number; cpuSeconds: number; idleKB: number; loadedKB: number };

/// Loads `servers` (one, or the instances of one Lawbench) with the scenario's clients, client i
/// on instance i mod their number, and stops them afterwards.
async function measure(scenario: Scenario, servers: ServerHandle[], seats: DraftSeat[] | null, initial: Uint8Array, opts: Options): Promise<RunResult> {
  const clients: LoadClient[] = [];
  const usage = () => procStatsOf(servers);
  try {
    await sleep(300);
    const idle = usage();
    const ledger = new Ledger();
    const perDraft = scenario.clients / scenario.drafts;
    const draftIds = Array.from({ length: scenario.drafts }, () => crypto.randomUUID());
    for (let i = 0; i < scenario.clients; i++) {
      const d = Math.floor(i / perDraft);
      const seat = seats ? seats[i] : { draftId: draftIds[d] };
      const writer = i % perDraft < Math.ceil(scenario.writers / scenario.drafts);
      const instance = i % servers.length;
      clients.push(new LoadClient(seat, writer, ledger, instance, draftPeers(i, perDraft, servers.length)));
    }
    for (let i = 0; i < clients.length; i += 50) {
      await Promise.all(clients.slice(i, i + 50).map((c) => c.open(servers[c.instance].url(c.seat))));
    }
    // The reference server keeps nothing: its drafts get the same initial text from a client.
    if (!seats) for (let i = 0; i < clients.length; i += perDraft) clients[i].sendUpdate(initial);
    await sleep(1000);

    const writers = shuffle(clients.filter((c) => c.doc));
    await drive(writers, scenario.rate, opts.warmup * 1000, false);
    const before = usage();
    const started = performance.now();
    const sent = await drive(writers, scenario.rate, opts.seconds * 1000, true);
    const elapsed = (performance.now() - started) / 1000;
    const after = usage();
    // The deliveries still in flight have this long; what is missing afterwards is a timeout.
    await sleep(opts.waitMs);
    const loaded = usage();
    return {
      // Copied now: a delivery arriving later is one this run counts as undelivered.
      ...ledger.snapshot(),
      sent,
      seconds: elapsed,
      cpuSeconds: (after.cpuTicks - before.cpuTicks) / 100,
      idleKB: idle.rssKB,
      loadedKB: loaded.rssKB,
    };
  } finally {
    for (const c of clients) c.close();
    await Promise.all(servers.map((s) => stop(s.child)));
  }
}

/// The other clients of client `i`'s draft (`perDraft` consecutive clients), all of them and
/// those on another instance than its own (client j is on instance j mod `instances`).
function draftPeers(i: number, perDraft: number, instances: number): DraftPeers {
  const first = Math.floor(i / perDraft) * perDraft;
  let across = 0;
  for (let j = first; j < first + perDraft; j++) if (j % instances !== i % instances) across++;
  return { all: perDraft - 1, across };
}

/// Pools the runs of one server: percentiles over every sample (report.ts's nearest-rank
/// `percentile`), each undelivered update counted as `waitMs`; rates over the total time,
/// memory averaged.
function figuresOf(runs: RunResult[], scenario: Scenario, waitMs: number): Figures {
  const sum = (f: (r: RunResult) => number) => runs.reduce((t, r) => t + f(r), 0);
  const seconds = sum((r) => r.seconds);
  const { p50, p99, max, samples, expected, undelivered } = latencyOf(runs.map((r) => r.all), waitMs);
  return {
    p50,
    p99,
    max,
    samples,
    expected,
    messagesPerSec: sum((r) => r.all.received) / seconds,
    sentPerSec: sum((r) => r.sent) / seconds,
    undelivered,
    duplicated: sum((r) => Math.max(0, r.all.received - r.all.expected)),
    cpuPct: (sum((r) => r.cpuSeconds) / seconds) * 100,
    rssMB: sum((r) => r.loadedKB) / runs.length / 1024,
    perDraftKB: sum((r) => r.loadedKB - r.idleKB) / runs.length / scenario.drafts,
  };
}

/// Pools the tallies of one kind of delivery over runs: percentiles over every sample, each
/// delivery missing from a run counted as `waitMs`.
function latencyOf(tallies: Tally[], waitMs: number): Latency {
  const samples = tallies.flatMap((t) => t.samples);
  const undelivered = tallies.reduce((n, t) => n + Math.max(0, t.expected - t.received), 0);
  const at = (q: number) => percentileWithTimeouts(samples, undelivered, waitMs, q);
  return { p50: at(50), p99: at(99), max: at(100), samples: samples.length, expected: tallies.reduce((n, t) => n + t.expected, 0), undelivered };
}

/// Sends `rate` updates per second for `ms`, round-robin over the writers; returns how many.
function drive(writers: LoadClient[], rate: number, ms: number, measured: boolean): Promise<number> {
  const start = performance.now();
  const total = Math.floor((ms * rate) / 1000);
  let sent = 0;
  return new Promise((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - start) * rate) / 1000));
      while (sent < due) writers[sent++ % writers.length].write(measured);
      if (sent >= total) resolve(sent);
      else setTimeout(tick, 1);
    };
    tick();
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/// RSS and CPU time of the servers' processes, summed.
function procStatsOf(servers: ServerHandle[]): { rssKB: number; cpuTicks: number } {
  return servers
    .map((s) => procStats(s.child.pid!))
    .reduce((total, p) => ({ rssKB: total.rssKB + p.rssKB, cpuTicks: total.cpuTicks + p.cpuTicks }));
}

/// RSS and CPU time (clock ticks, 100 Hz on Linux) of a process, from /proc.
function procStats(pid: number): { rssKB: number; cpuTicks: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { rssKB, cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return { rssKB: NaN, cpuTicks: NaN };
  }
}

/// The table's header: the setup's name is the second column.
const TABLE_HEADER = ['scenario', 'server', 'p50 ms', 'p99 ms', 'max ms', 'updates/s', 'msgs/s', 'undelivered', 'server CPU', 'RSS MB', 'KB/draft'];

/// Latencies in the table, `–` for none.
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');

/// A setup's cells after its name: latency, throughput, deliveries, CPU and memory.
function figureCells(f: Figures, scenario: Scenario): string[] {
  return [
    ms(f.p50),
    ms(f.p99),
    ms(f.max),
    f.sentPerSec.toFixed(0),
    f.messagesPerSec.toFixed(0),
    `${f.undelivered}/${f.expected}`,
    `${f.cpuPct.toFixed(0)}%`,
    f.rssMB.toFixed(0),
    scenario.drafts > 1 ? f.perDraftKB.toFixed(0) : '–',
  ];
}

/// The cells of a latency alone (deliveries across instances): no throughput, CPU or memory.
function latencyCells(l: Latency): string[] {
  return [ms(l.p50), ms(l.p99), ms(l.max), '', '', `${l.undelivered}/${l.expected}`, '', '', ''];
}

/// The cells of a ratio row: `a` ÷ `b` for p50 and p99.
function ratioCells(a: Latency, b: Latency): string[] {
  const ratio = (x: number, y: number) => (y > 0 ? `${(x / y).toFixed(2)}×` : '–');
  return [ratio(a.p50, b.p50), ratio(a.p99, b.p99), '', '', '', '', '', '', ''];
}

/// The legend line shared by both modes: what an undelivered update is and how it counts.
function undeliveredLegend(opts: Options): string {
  return `Undelivered: deliveries still missing ${opts.waitMs} ms after the last send; each counts as ${opts.waitMs} ms in p50 / p99 / max.`;
}

/// What the JSON line says of a scenario's load.
function scenarioJson(scenario: Scenario) {
  return { name: scenario.label, clients: scenario.clients, drafts: scenario.drafts, writers: scenario.writers, rate: scenario.rate };
}

/// `--instances 1`: the table (Lawbench, the reference server, their ratio) and the JSON line.
function report(results: ReferenceResult[], opts: Options, problems: string[]): void {
  const rows: string[][] = [TABLE_HEADER];
  for (const { scenario, lawbench, reference } of results) {
    rows.push([scenario.label, 'Lawbench', ...figureCells(lawbench, scenario)]);
    rows.push(['', 'y-websocket v2', ...figureCells(reference, scenario)]);
    rows.push(['', 'ratio', ...ratioCells(lawbench, reference)]);
  }
  console.log(`Collaboration server: ${opts.rounds} × ${opts.seconds} s measured per server and scenario (ABBA order, ${opts.warmup} s warm-up each); latency = send → receipt by each other client of the draft.`);
  console.log(undeliveredLegend(opts));
  console.log('Lawbench: tickets + SQLite (WAL) append before relay; reference: y-websocket@2 bin/server.cjs, no auth, no persistence.');
  printTable(rows, 2);
  printChecks(problems);
  const many = results.find((r) => r.scenario.key === '1000');
  console.log(
    JSON.stringify({
      bench: 'collab',
      seconds: opts.seconds,
      rounds: opts.rounds,
      waitMs: opts.waitMs,
      scenarios: results.map(({ scenario, lawbench, reference }) => ({
        ...scenarioJson(scenario),
        lawbench: round(lawbench),
        reference: round(reference),
        p99Ratio: Number((lawbench.p99 / reference.p99).toFixed(3)),
      })),
      goals: {
        p99AtOrBelowReference: results.every((r) => r.lawbench.p99 <= r.reference.p99),
        p99Under5msAt1000Clients: many ? many.lawbench.p99 < 5 : null,
      },
      problems,
    }),
  );
}

/// `--instances 2`: the table (one instance, two over all deliveries and across instances, the
/// ratio of across to one instance) and the JSON line.
function reportInstances(results: InstancesResult[], opts: Options, problems: string[]): void {
  const rows: string[][] = [TABLE_HEADER];
  for (const { scenario, oneInstance, twoInstances, twoInstancesAcross } of results) {
    rows.push([scenario.label, 'Lawbench, 1 instance', ...figureCells(oneInstance, scenario)]);
    rows.push(['', 'Lawbench, 2 instances (all)', ...figureCells(twoInstances, scenario)]);
    rows.push(['', 'Lawbench, 2 instances (across)', ...latencyCells(twoInstancesAcross)]);
    rows.push(['', 'ratio, across ÷ 1 instance', ...ratioCells(twoInstancesAcross, oneInstance)]);
  }
  console.log(`Collaboration server, 1 and 2 instances: ${opts.rounds} × ${opts.seconds} s measured per setup and scenario (ABBA order, ${opts.warmup} s warm-up each); latency = send → receipt by each other client of the draft.`);
  console.log(undeliveredLegend(opts));
  console.log('2 instances: two collab-server/main.ts processes on one SQLite file (WAL), sharing drafts through one private redis-server; client i of the run on instance i mod 2.');
  console.log('all = every delivery; across = only those whose sender and receiver were on different instances.');
  console.log("Server CPU, RSS and KB/draft of 2 instances: the two processes summed; redis-server's own CPU and memory are not counted.");
  printTable(rows, 2);
  printChecks(problems);
  console.log(
    JSON.stringify({
      bench: 'collab',
      instances: 2,
      seconds: opts.seconds,
      rounds: opts.rounds,
      waitMs: opts.waitMs,
      scenarios: results.map(({ scenario, oneInstance, twoInstances, twoInstancesAcross }) => ({
        ...scenarioJson(scenario),
        oneInstance: round(oneInstance),
        twoInstances: round(twoInstances),
        twoInstancesAcross: round(twoInstancesAcross),
        p50RatioAcross: Number((twoInstancesAcross.p50 / oneInstance.p50).toFixed(3)),
        p99RatioAcross: Number((twoInstancesAcross.p99 / oneInstance.p99).toFixed(3)),
      })),
      problems,
    }),
  );
}

/// The figures to 3 decimals, for the JSON line.
function round(f: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(f).map(([k, v]) => [k, Number(v.toFixed(3))]));
}

function parseArgs(args: string[]): Options {
  const opts: Options = { seconds: 6, warmup: 1, rounds: 2, scenarios: ['10', '50', '200', '1000'], singleRate: 50, manyRate: 350, waitMs: 500, instances: 1 };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const num = () => {
      const v = Number(args[++i]);
      if (!Number.isFinite(v) || v <= 0) throw new Error(`${a} needs a positive number`);
      return v;
    };
    if (a === '--seconds') opts.seconds = num();
    else if (a === '--warmup') opts.warmup = num();
    else if (a === '--rounds') opts.rounds = Math.round(num());
    else if (a === '--single-rate') opts.singleRate = num();
    else if (a === '--many-rate') opts.manyRate = num();
    else if (a === '--wait') opts.waitMs = num();
    else if (a === '--scenarios') opts.scenarios = (args[++i] ?? '').split(',');
    else if (a === '--instances') opts.instances = instancesOf(args[++i]);
    else throw new Error(`unknown option ${a}`);
  }
  return opts;
}

/// The value of `--instances`: 1 or 2, anything else an error naming the option.
function instancesOf(value: string | undefined): 1 | 2 {
  if (value === '1' || value === '2') return Number(value) as 1 | 2;
  throw new Error(`--instances needs 1 or 2, not ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  run(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`bench collab: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
