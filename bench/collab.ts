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
import { issueCollabTicket } from '@/lib/drafting';
import { seedDraft } from '../collab-server/testing';
import { encodeUpdate } from '../collab-server/protocol';
import { freePort } from '../scripts/localServer';
import { checkAllDelivered, percentileWithTimeouts } from './checks';
import { failOnProblems, printChecks, printTable } from './report';

/// One load: `clients` sockets spread evenly over `drafts` drafts, `writers` of them typing one
/// character per update, `rate` updates per second in total.
type Scenario = { key: string; label: string; clients: number; drafts: number; writers: number; rate: number };

/// `waitMs`: how long after its last send a run keeps listening; a delivery missing by then counts
/// as a timeout of `waitMs` in the percentiles, and fails the bench.
type Options = { seconds: number; warmup: number; rounds: number; scenarios: string[]; singleRate: number; manyRate: number; waitMs: number };

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
  /// Server process CPU over the measured window, % of one core.
  cpuPct: number;
  rssMB: number;
  /// Server RSS growth from idle to loaded, per open draft (connections included).
  perDraftKB: number;
};

type ServerKind = 'lawbench' | 'reference';
type ServerHandle = { kind: ServerKind; port: number; child: ChildProcess; url: (draft: DraftSeat) => string };
type DraftSeat = { draftId: string; ticket?: string };

const root = process.cwd();
const SAMPLE_TEXT = '为了规范法律援助工作，保障公民和有关当事人的合法权益，根据有关法律、行政法规，结合本市实际，制定本条例。';

/// `npm run bench -- collab [--seconds N] [--warmup N] [--rounds N] [--scenarios 10,50,200,1000] [--single-rate N] [--many-rate N] [--wait MS]`:
/// the same load against Lawbench's collaboration server (real tickets, real SQLite persistence
/// in a temporary file) and the y-websocket@2 reference server (no auth, no persistence), each in
/// its own process on 127.0.0.1. Latency is from `send` by a writer to receipt by every other
/// client of the draft; a delivery still missing `--wait` ms (500) after the last send counts as
/// that long, and fails the bench (exit 1) once the figures are out. Prints a table; the last
/// line of standard output is one JSON object with the figures.
export async function run(args: string[]): Promise<void> {
  const opts = parseArgs(args);
  const all: Scenario[] = [
    { key: '10', label: '10 clients, 1 draft', clients: 10, drafts: 1, writers: 10, rate: opts.singleRate },
    { key: '50', label: '50 clients, 1 draft', clients: 50, drafts: 1, writers: 10, rate: opts.singleRate },
    { key: '200', label: '200 clients, 1 draft', clients: 200, drafts: 1, writers: 10, rate: opts.singleRate },
    { key: '1000', label: '1,000 clients, 500 drafts', clients: 1000, drafts: 500, writers: 1000, rate: opts.manyRate },
  ];
  const scenarios = all.filter((s) => opts.scenarios.includes(s.key));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lawbench-collab-bench-'));
  const dbFile = path.join(dir, 'bench.db');
  const db = openDatabase(dbFile);
  migrateDatabase(db);
  const initial = initialDraft();
  const results: { scenario: Scenario; lawbench: Figures; reference: Figures }[] = [];
  try {
    for (const scenario of scenarios) {
      const runs: Record<ServerKind, RunResult[]> = { lawbench: [], reference: [] };
      for (let round = 0; round < opts.rounds; round++) {
        // ABBA order, so that drift in the machine's load falls on both servers alike.
        const order: ServerKind[] = round % 2 === 0 ? ['reference', 'lawbench'] : ['lawbench', 'reference'];
        for (const kind of order) {
          process.stderr.write(`collab bench: ${scenario.label}, ${kind}, round ${round + 1}/${opts.rounds} …\n`);
          if (kind === 'reference') runs.reference.push(await measure(scenario, await startReference(), null, initial, opts));
          else runs.lawbench.push(await measure(scenario, await startLawbench(dbFile), seedScenario(db, scenario, initial), initial, opts));
        }
      }
      results.push({ scenario, lawbench: figuresOf(runs.lawbench, scenario, opts.waitMs), reference: figuresOf(runs.reference, scenario, opts.waitMs) });
    }
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const problems = deliveryProblems(results, opts.waitMs);
  report(results, opts, problems);
  failOnProblems(problems);
}

/// One problem per server and scenario whose deliveries fell short of (or beyond) those expected.
function deliveryProblems(results: { scenario: Scenario; lawbench: Figures; reference: Figures }[], waitMs: number): string[] {
  return results.flatMap(({ scenario, lawbench, reference }) =>
    (
      [
        ['Lawbench', lawbench],
        ['y-websocket v2', reference],
      ] as const
    ).flatMap(([name, f]) => checkAllDelivered(`${scenario.label}, ${name}`, f, waitMs) ?? []),
  );
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
      for (const editor of draft.editors) seats.push({ draftId: draft.draftId, ticket: issueCollabTicket(db, draft.draftId, editor.id).ticket });
    }
  });
  return seats;
}

function startLawbench(dbFile: string): Promise<ServerHandle> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'collab-server/main.ts')], {
    env: { ...process.env, DATABASE_PATH: dbFile, COLLAB_PORT: '0', COLLAB_HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return whenListening(child, /listening on ws:\/\/127\.0\.0\.1:(\d+)/, 'lawbench', (port) => (seat) => `ws://127.0.0.1:${port}/${seat.draftId}?ticket=${seat.ticket}`);
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
    const timer = setTimeout(() => reject(new Error(`${kind} server did not start: ${out}`)), 20_000);
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


/// Shared bookkeeping of one run: when each update was sent, and what the receivers measured.
class Ledger {
  readonly sentAt = new Map<number, number>();
  readonly samples: number[] = [];
  received = 0;
  expected = 0;
  static key(client: number, clock: number): number {
    return client * 1_000_000 + clock;
  }
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
    private readonly peers: number,
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
    if (measured) {
      this.ledger.expected += this.peers;
      this.ledger.sentAt.set(Ledger.key(doc.clientID, clock), performance.now());
    }
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
    const sent = this.ledger.sentAt.get(Ledger.key(client, clock));
    if (sent === undefined) return;
    this.ledger.samples.push(now - sent);
    this.ledger.received++;
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

/// The raw outcome of one run of one server.
type RunResult = { samples: number[]; received: number; expected: number; sent: number; seconds: number; cpuSeconds: number; idleKB: number; loadedKB: number };

async function measure(scenario: Scenario, server: ServerHandle, seats: DraftSeat[] | null, initial: Uint8Array, opts: Options): Promise<RunResult> {
  const clients: LoadClient[] = [];
  try {
    await sleep(300);
    const idle = procStats(server.child.pid!);
    const ledger = new Ledger();
    const perDraft = scenario.clients / scenario.drafts;
    const draftIds = Array.from({ length: scenario.drafts }, () => crypto.randomUUID());
    for (let i = 0; i < scenario.clients; i++) {
      const d = Math.floor(i / perDraft);
      const seat = seats ? seats[i] : { draftId: draftIds[d] };
      const writer = i % perDraft < Math.ceil(scenario.writers / scenario.drafts);
      clients.push(new LoadClient(seat, writer, ledger, perDraft - 1));
    }
    for (let i = 0; i < clients.length; i += 50) {
      await Promise.all(clients.slice(i, i + 50).map((c) => c.open(server.url(c.seat))));
    }
    // The reference server keeps nothing: its drafts get the same initial text from a client.
    if (!seats) for (let i = 0; i < clients.length; i += perDraft) clients[i].sendUpdate(initial);
    await sleep(1000);

    const writers = shuffle(clients.filter((c) => c.doc));
    await drive(writers, scenario.rate, opts.warmup * 1000, false);
    const before = procStats(server.child.pid!);
    const started = performance.now();
    const sent = await drive(writers, scenario.rate, opts.seconds * 1000, true);
    const elapsed = (performance.now() - started) / 1000;
    const after = procStats(server.child.pid!);
    // The deliveries still in flight have this long; what is missing afterwards is a timeout.
    await sleep(opts.waitMs);
    const loaded = procStats(server.child.pid!);
    return {
      // Copied now: a delivery arriving later is one this run counts as undelivered.
      samples: ledger.samples.slice(),
      received: ledger.received,
      expected: ledger.expected,
      sent,
      seconds: elapsed,
      cpuSeconds: (after.cpuTicks - before.cpuTicks) / 100,
      idleKB: idle.rssKB,
      loadedKB: loaded.rssKB,
    };
  } finally {
    for (const c of clients) c.close();
    await stop(server.child);
  }
}

/// Pools the runs of one server: percentiles over every sample (report.ts's nearest-rank
/// `percentile`), each undelivered update counted as `waitMs`; rates over the total time,
/// memory averaged.
function figuresOf(runs: RunResult[], scenario: Scenario, waitMs: number): Figures {
  const samples = runs.flatMap((r) => r.samples);
  const sum = (f: (r: RunResult) => number) => runs.reduce((t, r) => t + f(r), 0);
  const seconds = sum((r) => r.seconds);
  const undelivered = sum((r) => Math.max(0, r.expected - r.received));
  const at = (q: number) => percentileWithTimeouts(samples, undelivered, waitMs, q);
  return {
    p50: at(50),
    p99: at(99),
    max: at(100),
    samples: samples.length,
    expected: sum((r) => r.expected),
    messagesPerSec: sum((r) => r.received) / seconds,
    sentPerSec: sum((r) => r.sent) / seconds,
    undelivered,
    duplicated: sum((r) => Math.max(0, r.received - r.expected)),
    cpuPct: (sum((r) => r.cpuSeconds) / seconds) * 100,
    rssMB: sum((r) => r.loadedKB) / runs.length / 1024,
    perDraftKB: sum((r) => r.loadedKB - r.idleKB) / runs.length / scenario.drafts,
  };
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

function report(results: { scenario: Scenario; lawbench: Figures; reference: Figures }[], opts: Options, problems: string[]): void {
  const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');
  const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '–');
  const rows: string[][] = [['scenario', 'server', 'p50 ms', 'p99 ms', 'max ms', 'updates/s', 'msgs/s', 'undelivered', 'server CPU', 'RSS MB', 'KB/draft']];
  for (const { scenario, lawbench, reference } of results) {
    const row = (name: string, f: Figures) => [
      name === 'Lawbench' ? scenario.label : '',
      name,
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
    rows.push(row('Lawbench', lawbench));
    rows.push(row('y-websocket v2', reference));
    rows.push(['', 'ratio', ratio(lawbench.p50, reference.p50), ratio(lawbench.p99, reference.p99), '', '', '', '', '', '', '']);
  }
  console.log(`Collaboration server: ${opts.rounds} × ${opts.seconds} s measured per server and scenario (ABBA order, ${opts.warmup} s warm-up each); latency = send → receipt by each other client of the draft.`);
  console.log(`Undelivered: deliveries still missing ${opts.waitMs} ms after the last send; each counts as ${opts.waitMs} ms in p50 / p99 / max.`);
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
        name: scenario.label,
        clients: scenario.clients,
        drafts: scenario.drafts,
        writers: scenario.writers,
        rate: scenario.rate,
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

function round(f: Figures): Record<string, number> {
  return Object.fromEntries(Object.entries(f).map(([k, v]) => [k, Number(v.toFixed(3))]));
}


function parseArgs(args: string[]): Options {
  const opts: Options = { seconds: 6, warmup: 1, rounds: 2, scenarios: ['10', '50', '200', '1000'], singleRate: 50, manyRate: 350, waitMs: 500 };
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
    else throw new Error(`unknown option ${a}`);
  }
  return opts;
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
