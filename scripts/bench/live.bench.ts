// Live-editing load: a real server (server/src/index.ts as a child process, embedded PostgreSQL in a temp
// folder), a 4-hour transcript, N editors typing 1 key/s each into their own turn over socket.io, and 5
// observers timing each edit from send to arrival. Prints acknowledged/sent, send→observer percentiles and
// the server's (and Postgres') CPU per accepted update, read from /proc.
//
//   npm run bench:live                                  N = 10, 50, 100, 200, then 20 transcripts × 10 editors
//   npm run bench:live -- --editors=100 --seconds=10 --rooms=none      a quick run
//   BENCH_EDITORS, BENCH_SECONDS, BENCH_ROOMS (e.g. 20x10 or none), BENCH_DRAIN_SECONDS do the same;
//   --profile=dir (BENCH_PROFILE) writes the server's CPU profile (.cpuprofile) into dir.
//
// Clients are deliberately light: raw y-protocols frames over socket.io-client, no Slate and no Y.Doc per
// editor. One Y.Doc per transcript holds the state; an editor's keystroke is a local insert at the end of its
// turn made under that editor's own Yjs client id. Observers hold no document: they read which client and
// clock each arriving update carries. The generator still shares the 2 cores with the server and Postgres,
// so its own CPU share is printed with every row.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as decoding from 'lib0/decoding';
import { io as connectSocket, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import {
  contentKey,
  csrfCookieName,
  csrfHeaderName,
  encodeUpdateFrame,
  frameType,
  type ClientToServerEvents,
  type DocAck,
  type JoinAck,
  type ServerToClientEvents,
} from '../../common/src/index.ts';
import { freePort } from '../../server/src/testing/free-port.ts';
import { buildFourHourCart } from './four-hour-cart.ts';
import { stopServer, waitForHealth } from './bench-server.ts';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const password = 'bench horse battery staple';
const clockTicksPerSecond = 100;
const goals = { p95At200Ms: 100, p95At100Ms: 30, cpuPerUpdateMs: 0.5 };

interface Options {
  editors: number[];
  rooms: { transcripts: number; editors: number } | null;
  seconds: number;
  drainSeconds: number;
  idleSeconds: number;
  observers: number;
}

function readOptions(): Options {
  const flag = (name: string, env: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? process.env[env];
  const editors = (flag('editors', 'BENCH_EDITORS') ?? '10,50,100,200').split(',').filter(Boolean).map(Number);
  const roomsFlag = flag('rooms', 'BENCH_ROOMS') ?? '20x10';
  const rooms = /^(\d+)x(\d+)$/.exec(roomsFlag);
  const options = {
    editors: editors.filter((n) => n > 0),
    rooms: rooms ? { transcripts: Number(rooms[1]), editors: Number(rooms[2]) } : null,
    seconds: Number(flag('seconds', 'BENCH_SECONDS') ?? 20),
    drainSeconds: Number(flag('drain-seconds', 'BENCH_DRAIN_SECONDS') ?? 10),
    idleSeconds: Number(flag('idle-seconds', 'BENCH_IDLE_SECONDS') ?? 3),
    observers: Number(flag('observers', 'BENCH_OBSERVERS') ?? 5),
  };
  if (editors.some((n) => !Number.isInteger(n) || n < 0) || !(options.seconds > 0) || !(options.drainSeconds >= 0)) {
    throw new Error('usage: --editors=10,50 --seconds=20 --rooms=20x10|none --drain-seconds=10 --observers=5');
  }
  return options;
}

/** fetch with a cookie jar and the CSRF header, enough for setup, sign-up, imports and members. */
class HttpClient {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async post<T>(url: string, body: object | Buffer, headers: Record<string, string> = {}): Promise<T> {
    if (!this.cookies.has(csrfCookieName)) await this.request('GET', '/api/setup');
    const isRaw = Buffer.isBuffer(body);
    const response = await this.request('POST', url, isRaw ? body : JSON.stringify(body), {
      'content-type': isRaw ? 'application/octet-stream' : 'application/json',
      [csrfHeaderName]: this.cookies.get(csrfCookieName) ?? '',
      ...headers,
    });
    if (!response.ok) throw new Error(`POST ${url} → ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  }

  private async request(method: string, url: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(`${this.baseUrl}${url}`, { method, body: typeof body === 'string' || body === undefined ? body : new Uint8Array(body), headers: { cookie: this.cookieHeader, ...headers } });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      this.cookies.set(name!.trim(), value.join('='));
    }
    return response;
  }
}

interface Account {
  email: string;
  http: HttpClient;
}

/** CPU ticks (user + system) of the server process, and of all its descendants (the embedded Postgres). */
function readCpuTicks(serverPid: number): { server: number; postgres: number } {
  const processes = new Map<number, { parent: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // After "pid (comm) ": state ppid … ; utime and stime are the 14th and 15th fields of the whole line.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    processes.set(Number(entry), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
  }
  const isDescendant = (pid: number): boolean => {
    for (let parent = processes.get(pid)?.parent; parent !== undefined && parent > 1; parent = processes.get(parent)?.parent) {
      if (parent === serverPid) return true;
    }
    return false;
  };
  let postgres = 0;
  for (const [pid, { ticks }] of processes) if (isDescendant(pid)) postgres += ticks;
  return { server: processes.get(serverPid)?.ticks ?? 0, postgres };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

/** One transcript in a scenario: the generator's copy of its document and the send times of its edits. */
interface Room {
  transcriptId: string;
  doc: Y.Doc;
  /** clientId → send time (performance.now) by clock. */
  sentAt: Map<number, number[]>;
  /** The update of the generator's latest local keystroke. */
  lastUpdate: Uint8Array | null;
}

interface Editor {
  room: Room;
  socket: ClientSocket;
  clientId: number;
  turn: Y.XmlText;
}

interface ScenarioResult {
  name: string;
  editors: number;
  sent: number;
  acked: number;
  refused: number;
  latencies: number[];
  ackTimes: number[];
  serverCpuMs: number;
  /** The server's CPU per second with everyone joined but nobody typing (revalidation, timers). */
  idleCpuMsPerSecond: number;
  postgresCpuMs: number;
  generatorCpuMs: number;
  wallMs: number;
}

class Bench {
  private readonly accounts: Account[] = [];
  private owner!: Account;
  private readonly sockets: ClientSocket[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly server: ChildProcess,
    private readonly cart: { text: string },
    private readonly options: Options,
  ) {}

  async setUp(): Promise<void> {
    const http = new HttpClient(this.baseUrl);
    await http.post('/api/setup', { email: 'owner@bench.test', displayName: 'Owner Bench', password });
    this.owner = { email: 'owner@bench.test', http };
  }

  /** Signs up accounts until there are `count` (argon2 makes each cost ~0.1 s of CPU; two at a time). */
  async ensureAccounts(count: number): Promise<Account[]> {
    while (this.accounts.length < count) {
      const batch = Array.from({ length: Math.min(2, count - this.accounts.length) }, (_v, k) => this.accounts.length + k);
      this.accounts.push(
        ...(await Promise.all(
          batch.map(async (index) => {
            const http = new HttpClient(this.baseUrl);
            const email = `member${index}@bench.test`;
            await http.post('/api/auth/signup', { email, displayName: `Member ${index}`, password });
            return { email, http };
          }),
        )),
      );
    }
    return this.accounts.slice(0, count);
  }

  async run(name: string, transcripts: number, editorsPerTranscript: number): Promise<ScenarioResult> {
    const { seconds, drainSeconds, idleSeconds } = this.options;
    const observersTotal = this.options.observers;
    const accounts = await this.ensureAccounts(transcripts * editorsPerTranscript + observersTotal);
    const rooms: Room[] = [];
    const editors: Editor[] = [];
    const latencies: number[] = [];
    for (let t = 0; t < transcripts; t++) {
      const { transcript } = await this.owner.http.post<{ transcript: { id: string } }>('/api/imports', Buffer.from(this.cart.text, 'utf8'), { 'x-file-name': `${name}-${t}.txt` });
      const editorAccounts = accounts.slice(t * editorsPerTranscript, (t + 1) * editorsPerTranscript);
      // Observers spread round-robin: all on one transcript, or one each on the first five.
      const observerAccounts = accounts.slice(transcripts * editorsPerTranscript).filter((_a, k) => k % transcripts === t);
      for (const account of editorAccounts) await this.owner.http.post(`/api/transcripts/${transcript.id}/members`, { email: account.email, role: 'editor' });
      for (const account of observerAccounts) await this.owner.http.post(`/api/transcripts/${transcript.id}/members`, { email: account.email, role: 'viewer' });
      const room: Room = { transcriptId: transcript.id, doc: new Y.Doc(), sentAt: new Map(), lastUpdate: null };
      rooms.push(room);
      // The first to join brings the document (its sync step 2); it also seeds the session on the server.
      const first = await this.join(observerAccounts[0] ?? editorAccounts[0]!, room, (update) => Y.applyUpdate(room.doc, update));
      const observerSockets = [first, ...(await Promise.all(observerAccounts.slice(1).map((account) => this.join(account, room))))];
      if (observerAccounts.length === 0) observerSockets.length = 0;
      for (const socket of observerSockets) socket.on('doc', ({ frame }) => this.observe(room, new Uint8Array(frame), latencies));
      room.doc.on('update', (update: Uint8Array) => (room.lastUpdate = update));
      const blocks = (room.doc.get(contentKey, Y.XmlText).toDelta() as { insert: unknown }[]).map((op) => op.insert).filter((insert): insert is Y.XmlText => insert instanceof Y.XmlText);
      const joined: ClientSocket[] = observerAccounts.length === 0 ? [first] : [];
      for (let k = joined.length; k < editorAccounts.length; k += 8) {
        joined.push(...(await Promise.all(editorAccounts.slice(k, k + 8).map((account) => this.join(account, room)))));
      }
      joined.forEach((socket, k) => {
        editors.push({ room, socket, clientId: uniqueClientId(editors), turn: blocks[Math.floor(((k + 0.5) * blocks.length) / editorAccounts.length)]! });
      });
    }

    let sent = 0;
    let acked = 0;
    let refused = 0;
    const ackTimes: number[] = [];
    const refusals = new Map<string, number>();
    // The server's own background work (revalidation, timers) with everyone joined and nobody typing.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const idleBefore = readCpuTicks(this.server.pid!);
    const idleStarted = performance.now();
    await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
    const idle = readCpuTicks(this.server.pid!);
    const idleCpuMsPerSecond = (((idle.server - idleBefore.server) * 1000) / clockTicksPerSecond / (performance.now() - idleStarted)) * 1000;
    const cpuBefore = readCpuTicks(this.server.pid!);
    const generatorBefore = process.cpuUsage();
    const started = performance.now();
    const endAt = started + seconds * 1000;
    const typing = editors.map((editor) => {
      const alphabet = 'abcdefghijklmnopqrstuvwxyz';
      let k = 0;
      const phase = Math.random() * 1000;
      return new Promise<void>((resolve) => {
        const keystroke = () => {
          const now = performance.now();
          if (now >= endAt) return resolve();
          const { doc } = editor.room;
          doc.clientID = editor.clientId;
          const clock = Y.getState(doc.store, editor.clientId);
          doc.transact(() => editor.turn.insert(editor.turn.length, alphabet[k % alphabet.length]!), editor);
          let times = editor.room.sentAt.get(editor.clientId);
          if (!times) editor.room.sentAt.set(editor.clientId, (times = []));
          const sentAt = performance.now();
          times[clock] = sentAt;
          sent++;
          editor.socket.emit('doc', { transcriptId: editor.room.transcriptId, frame: encodeUpdateFrame(editor.room.lastUpdate!) as Uint8Array<ArrayBuffer> }, (ack: DocAck) => {
            if (ack.ok) {
              acked++;
              ackTimes.push(performance.now() - sentAt);
            } else {
              refused++;
              refusals.set(ack.error.code, (refusals.get(ack.error.code) ?? 0) + 1);
            }
          });
          k++;
          setTimeout(keystroke, Math.max(0, started + phase + k * 1000 - performance.now()));
        };
        setTimeout(keystroke, phase);
      });
    });
    await Promise.all(typing);
    const drainUntil = performance.now() + drainSeconds * 1000;
    while (acked + refused < sent && performance.now() < drainUntil) await new Promise((resolve) => setTimeout(resolve, 50));
    const wallMs = performance.now() - started;
    const cpuAfter = readCpuTicks(this.server.pid!);
    const generator = process.cpuUsage(generatorBefore);
    if (refusals.size > 0) console.log(`  refusals: ${[...refusals].map(([code, count]) => `${code} × ${count}`).join(', ')}`);

    for (const socket of this.sockets.splice(0)) socket.disconnect();
    for (const room of rooms) room.doc.destroy();
    // Let the server write the closing checkpoints before the next scenario starts measuring.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    return {
      name,
      editors: editors.length,
      sent,
      acked,
      refused,
      latencies,
      ackTimes,
      serverCpuMs: ((cpuAfter.server - cpuBefore.server) * 1000) / clockTicksPerSecond,
      idleCpuMsPerSecond,
      postgresCpuMs: ((cpuAfter.postgres - cpuBefore.postgres) * 1000) / clockTicksPerSecond,
      generatorCpuMs: (generator.user + generator.system) / 1000,
      wallMs,
    };
  }

  /** Opens a socket as `account`, joins the room's transcript and waits for its first sync step 2. */
  private async join(account: Account, room: Room, onState?: (update: Uint8Array) => void): Promise<ClientSocket> {
    const socket: ClientSocket = connectSocket(this.baseUrl, { transports: ['websocket'], extraHeaders: { cookie: account.http.cookieHeader }, reconnection: false, forceNew: true });
    this.sockets.push(socket);
    const synced = new Promise<void>((resolve) => {
      const onFrame = ({ frame }: { frame: Uint8Array }) => {
        const update = readSyncUpdate(new Uint8Array(frame));
        if (!update || update.kind !== 1) return;
        onState?.(update.update);
        socket.off('doc', onFrame);
        resolve();
      };
      socket.on('doc', onFrame);
    });
    const ack: JoinAck = await socket.emitWithAck('join', { transcriptId: room.transcriptId });
    if (!ack.ok) throw new Error(`join failed: ${ack.error.message}`);
    await synced;
    return socket;
  }

  /** Records, for every edit in an arriving update, the time since it was sent. */
  private observe(room: Room, frame: Uint8Array, latencies: number[]): void {
    const now = performance.now();
    const message = readSyncUpdate(frame);
    if (!message) return;
    const { from, to } = Y.parseUpdateMeta(message.update);
    for (const [client, start] of from) {
      const times = room.sentAt.get(client);
      if (!times) continue; // the server's normalization, or a handshake
      for (let clock = start; clock < (to.get(client) ?? start); clock++) {
        const sentAt = times[clock];
        if (sentAt !== undefined) latencies.push(now - sentAt);
      }
    }
  }
}

/** A sync frame's update (step 2: kind 1, update: kind 2), or null for anything else. */
function readSyncUpdate(frame: Uint8Array): { kind: number; update: Uint8Array } | null {
  const decoder = decoding.createDecoder(frame);
  if (decoding.readVarUint(decoder) !== frameType.sync) return null;
  const kind = decoding.readVarUint(decoder);
  if (kind !== 1 && kind !== 2) return null;
  return { kind, update: decoding.readVarUint8Array(decoder) };
}

function uniqueClientId(editors: Editor[]): number {
  for (;;) {
    const id = Math.floor(Math.random() * 2 ** 31) + 1;
    if (!editors.some((editor) => editor.clientId === id)) return id;
  }
}

/** Server CPU per acknowledged keystroke beyond what it spends idle over the same time. */
function netCpuPerUpdate(result: ScenarioResult): number {
  return Math.max(0, result.serverCpuMs - (result.idleCpuMsPerSecond * result.wallMs) / 1000) / Math.max(1, result.acked);
}

function printResult(result: ScenarioResult): void {
  const accepted = Math.max(1, result.acked);
  const ms = (value: number) => (Number.isNaN(value) ? '—' : value.toFixed(value < 100 ? 1 : 0)).padStart(7);
  console.log(
    [
      result.name.padEnd(16),
      String(result.editors).padStart(7),
      `${result.acked}/${result.sent}`.padStart(13),
      ms(percentile(result.latencies, 50)),
      ms(percentile(result.latencies, 95)),
      ms(percentile(result.latencies, 99)),
      ms(percentile(result.ackTimes, 95)),
      (result.serverCpuMs / accepted).toFixed(2).padStart(10),
      (netCpuPerUpdate(result)).toFixed(2).padStart(8),
      `${((result.serverCpuMs / result.wallMs) * 100).toFixed(0)}%`.padStart(6),
      (result.postgresCpuMs / accepted).toFixed(2).padStart(9),
      `${((result.generatorCpuMs / result.wallMs) * 100).toFixed(0)}%`.padStart(8),
    ].join(' '),
  );
}

async function main(): Promise<void> {
  const options = readOptions();
  const cart = buildFourHourCart();
  console.log(`transcript: ${cart.words.toLocaleString('en')} words, ${cart.turns.toLocaleString('en')} turns; ${options.seconds} s of typing per scenario, 1 key/s per editor, ${options.observers} observers`);
  console.log(`clients: raw y-protocols frames over socket.io-client in this process (no Slate, no Y.Doc per editor); load generator, server and Postgres share ${os.cpus().length} cores\n`);

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'verity-live-bench-'));
  // The embedded Postgres may run as another user (when we are root): it must reach its folder.
  chmodSync(dataDir, 0o755);
  const [port, dbPort] = [await freePort(), await freePort()];
  const baseUrl = `http://127.0.0.1:${port}`;
  // BENCH_PROFILE=dir (or --profile=dir) writes the server's CPU profile there when it stops.
  const profileDir = process.argv.find((arg) => arg.startsWith('--profile='))?.split('=')[1] ?? process.env.BENCH_PROFILE;
  const server = spawn(process.execPath, [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : []), '--import', 'tsx', 'server/src/index.ts'], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', VERITY_DATA_DIR: dataDir, VERITY_DB_PORT: String(dbPort), VERITY_OPEN_SIGNUP: 'true', LOG_LEVEL: 'warn' },
  });
  const cleanUp = async () => {
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  };
  const handleSignal = () => void cleanUp().finally(() => process.exit(130));
  process.once('SIGINT', handleSignal);
  process.once('SIGTERM', handleSignal);
  try {
    await waitForHealth(baseUrl, server);
    const bench = new Bench(baseUrl, server, cart, options);
    await bench.setUp();
    console.log(`${'scenario'.padEnd(16)} ${'editors'.padStart(7)} ${'acked/sent'.padStart(13)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)} ${'ack p95'.padStart(7)} ${'srv ms/upd'.padStart(10)} ${'net'.padStart(8)} ${'srv %'.padStart(6)} ${'pg ms/upd'.padStart(9)} ${'loadgen%'.padStart(8)}`);
    const results: ScenarioResult[] = [];
    for (const editors of options.editors) {
      const result = await bench.run(`1 × ${editors}`, 1, editors);
      printResult(result);
      results.push(result);
    }
    if (options.rooms) {
      const result = await bench.run(`${options.rooms.transcripts} × ${options.rooms.editors}`, options.rooms.transcripts, options.rooms.editors);
      printResult(result);
      results.push(result);
    }
    console.log('\np50/p95/p99: ms from an editor sending a keystroke to an observer receiving it; ack p95: send → store acknowledgement;');
    console.log('srv ms/upd: server process CPU (user + system, all threads) per acknowledged keystroke; net: the same less the server\'s idle');
    console.log(`CPU with everyone joined and nobody typing (measured ${options.idleSeconds} s before each run: ${results.map((result) => result.idleCpuMsPerSecond.toFixed(0)).join(', ')} ms/s);`);
    console.log('srv %: of one core; pg: Postgres processes per keystroke; loadgen%: this process (the clients), of one core.');
    const byEditors = (n: number) => results.find((result) => result.name === `1 × ${n}`);
    const verdict = (isMet: boolean) => (isMet ? 'met' : 'MISSED');
    const at200 = byEditors(200);
    const at100 = byEditors(100);
    if (at200) console.log(`goal 200 editors: all acknowledged, p95 ≤ ${goals.p95At200Ms} ms: ${verdict(at200.acked === at200.sent && percentile(at200.latencies, 95) <= goals.p95At200Ms)}`);
    if (at100) console.log(`goal 100 editors: p95 ≤ ${goals.p95At100Ms} ms: ${verdict(percentile(at100.latencies, 95) <= goals.p95At100Ms)}`);
    const worstCpu = Math.max(...results.map((result) => result.serverCpuMs / Math.max(1, result.acked)));
    const worstNet = Math.max(...results.map(netCpuPerUpdate));
    console.log(`goal ≤ ${goals.cpuPerUpdateMs} ms server CPU per accepted keystroke (worst row ${worstCpu.toFixed(2)} ms, net of idle ${worstNet.toFixed(2)} ms): ${verdict(worstCpu <= goals.cpuPerUpdateMs)}`);
  } finally {
    await cleanUp();
    process.off('SIGINT', handleSignal);
    process.off('SIGTERM', handleSignal);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
