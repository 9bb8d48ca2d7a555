// Scale: a store of BENCH_SCALE_ARTICLES articles (default 1,000,000) built by
// `sitrep ingest --workers 2`, on SQLite and (with SITREP_BENCH_DATABASE_URL) PostgreSQL:
// ingest time, size on disk, and the latency of the main event and article queries at
// checkpoints (a tenth of the target, 100,000, 200,000, 500,000, 1,000,000; the target).
//
// The articles are generated from the real sets (FA-KES dev and the Guardian sample): each
// is 4 to 10 sentences drawn from them, with every actor and place the analysis found in a
// sentence replaced by another of the same kind found elsewhere, and a publication date
// drawn over 2011-2024, so the analysis does real work on text it has not seen as a whole.
// Article number i is drawn from a generator seeded by i alone, so a build can stop anywhere
// and go on: with BENCH_SCALE_DIR the store and its record (./scale-state.ts) stay in that
// folder between runs, and a run continues at the next article, adding its costs to the
// record's. Not in the default run (it takes hours at a million): `npm run bench -- scale`.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { once } from 'node:events';
import pg from 'pg';
import { analyze, loadKnowledge } from '../src/analyze/index.js';
import { extractDocument } from '../src/extract/index.js';
import { openStore, type EventQuery, type Store, type StoreOptions } from '../src/store/index.js';
import { formatTable } from '../eval/common.js';
import { CLI, readDocs } from './corpus.js';
import { scratchSchema } from './postgres.js';
import { seeded } from '../test/helpers/random.js';
import {
  TICK_SECONDS, add, alive, childrenCpuSeconds, newState, processCpuSeconds, readState, tickShare, writeState, zero,
  type Accounting, type Checkpoint, type Latency, type ScaleState, type Session,
} from './scale-state.js';

const SAMPLES = 200;

interface Piece {
  /** The sentence with `\u0000A<n>\u0000` / `\u0000P<n>\u0000` where its actors and places were. */
  template: string;
  slots: ('A' | 'P')[];
}

/** Sentences of the real sets as templates, and the actor and place names found in them. */
export async function sources(data: string): Promise<{ pieces: Piece[]; actors: string[]; places: string[] }> {
  const knowledge = loadKnowledge();
  const pieces: Piece[] = [];
  const actors = new Set<string>();
  const places = new Set<string>();
  for (const path of [join(data, 'fakes', 'fakes-dev.csv'), join(data, 'unlabeled', 'guardian_sdf_sample.csv')]) {
    for (const raw of await readDocs(path)) {
      const article = extractDocument(raw);
      if (!article.ok || article.value.language !== 'en') continue;
      const a = analyze(article.value, knowledge);
      const text = a.article.text;
      const named = [
        ...a.entities.filter((e) => e.id && !a.places.some((p) => p.start < e.end && e.start < p.end)).map((e) => ({ ...e, slot: 'A' as const })),
        ...a.places.map((p) => ({ ...p, slot: 'P' as const })),
      ].sort((x, y) => x.start - y.start);
      for (const n of named) (n.slot === 'A' ? actors : places).add(text.slice(n.start, n.end));
      for (const s of a.sentences) {
        const length = s.end - s.start;
        if (length < 40 || length > 400) continue;
        let template = '';
        let at = s.start;
        const slots: ('A' | 'P')[] = [];
        for (const n of named) {
          if (n.start < at || n.end > s.end) continue;
          template += text.slice(at, n.start) + `\u0000${n.slot}\u0000`;
          slots.push(n.slot);
          at = n.end;
        }
        pieces.push({ template: template + text.slice(at, s.end), slots });
      }
    }
  }
  return { pieces, actors: [...actors], places: [...places] };
}

/** The generated article number `i`: the same whatever run or chunk writes it (seeded by `i` alone). */
export function articleAt(i: number, src: Awaited<ReturnType<typeof sources>>): { id: string; title: string; text: string; published: string; outlet: string } {
  const rnd = seeded(Math.imul((i ^ 0x9e3779b9) >>> 0, 0x85ebca6b) ^ 12345);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const sentences = Array.from({ length: 4 + Math.floor(rnd() * 7) }, () =>
    pick(src.pieces).template.replace(/\u0000([AP])\u0000/g, (_, slot: string) => pick(slot === 'A' ? src.actors : src.places)));
  const published = new Date(CORPUS_START + Math.floor(rnd() * 14 * 365) * 86_400_000).toISOString().slice(0, 10);
  return { id: `scale-${i}`, title: sentences[0]!.slice(0, 90), text: sentences.join(' '), published, outlet: `outlet ${i % 40}` };
}

const CORPUS_START = Date.UTC(2011, 0, 1);

/** Writes the generated articles `from` to `from + count - 1` as JSONL; resolves when the file is complete. */
export async function writeArticles(file: string, count: number, from: number, src: Awaited<ReturnType<typeof sources>>): Promise<void> {
  const out = createWriteStream(file);
  for (let i = from; i < from + count; i++) {
    if (!out.write(JSON.stringify(articleAt(i, src)) + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** A short fingerprint of the corpus the sources give: a resumed run must generate the same articles. */
export function corpusFingerprint(src: Awaited<ReturnType<typeof sources>>): string {
  return createHash('sha256').update(JSON.stringify(src)).digest('hex').slice(0, 16);
}

/** p50/p95 of each main query on the store, one at a time. */
export async function queryLatencies(store: Store, samples = SAMPLES): Promise<Map<string, Latency>> {
  const windows = Array.from({ length: 24 }, (_, k) => {
    const from = new Date(Date.UTC(2012 + Math.floor(k / 2), (k % 2) * 6, 1));
    return { from: from.toISOString().slice(0, 10), to: new Date(from.getTime() + 60 * 86_400_000).toISOString().slice(0, 10) };
  });
  const cases: [string, (i: number) => EventQuery | { search: string }][] = [
    ['events: type + 2-month window', (i) => ({ type: 'ASSAULT', ...windows[i % windows.length]!, limit: 50 })],
    ['events: box of 1°', (i) => ({ bbox: { minLon: 35.5 + (i % 5) * 0.8, minLat: 32 + Math.floor(i / 5 % 4), maxLon: 36.5 + (i % 5) * 0.8, maxLat: 33 + Math.floor(i / 5 % 4) }, limit: 50 })],
    ['events: ASSAULT, latest first', () => ({ type: 'ASSAULT', sort: '-date', limit: 50 })],
    ['events: ASSAULT, killed >= 5, latest first', () => ({ type: 'ASSAULT', minKilled: 5, sort: '-date', limit: 50 })],
    ['events: province, latest first', (i) => ({ admin1: ['Idlib', 'Aleppo', 'Homs', 'Daraa', 'Damascus', 'Ar-Raqqah'][i % 6]!, sort: '-date', limit: 50 })],
    ['articles: full-text search', (i) => ({ search: ['chemical', 'Idlib', 'ceasefire', 'airstrike', 'refugees', 'Erdogan'][i % 6]! })],
  ];
  const result = new Map<string, Latency>();
  for (const [name, query] of cases) {
    const ms: number[] = [];
    for (let i = 0; i < samples + 10; i++) {
      const q = query(i);
      const t = process.hrtime.bigint();
      if ('search' in q) for await (const _ of store.articles({ search: q.search, limit: 50 })) void _;
      else for await (const _ of store.events(q)) void _;
      if (i >= 10) ms.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    ms.sort((a, b) => a - b);
    result.set(name, { p50: ms[Math.floor(ms.length / 2)]!, p95: ms[Math.ceil(ms.length * 0.95) - 1]! });
  }
  return result;
}

/** Bytes of the SQLite store (its file, WAL and shared memory). */
function sqliteBytes(dir: string, base: string): number {
  return readdirSync(dir).filter((f) => f.startsWith(base)).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
}

async function postgresBytes(url: string, schema: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query(`SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = $1 AND c.relkind = 'r'`, [schema]);
    return Number(r.rows[0].n);
  } finally {
    await client.end();
  }
}

export type Sources = Awaited<ReturnType<typeof sources>>;

/** A store the scale bench builds. */
export interface ScaleDialect {
  /** 'SQLite' or 'PostgreSQL', as printed. */
  name: string;
  /** Names its files in the bench folder: `<key>.state.json`, `<key>.lock`. */
  key: string;
  options: StoreOptions;
  /** What `sitrep ingest` is given to reach the store. */
  args: string[];
  bytes(): Promise<number>;
  /** Empties the store: a build without a record starts from nothing. */
  reset(): void;
}

export interface ScaleRun {
  /** The folder of the record (and of the SQLite store, and the chunk being ingested). */
  dir: string;
  dialect: ScaleDialect;
  src: Sources;
  target: number;
  /** Articles a `sitrep ingest` run is given (the most a stop in its middle makes redo). */
  chunk: number;
  /** Numbers of articles at which the queries are measured (the target is one). */
  checkpoints: number[];
  workers: number;
  samples?: number;
  /**
   * Before measuring the queries at a checkpoint, wait until the 1-minute load average is
   * below `load`, for at most `seconds` (then measure anyway): on a shared machine the
   * latencies are otherwise mostly the scheduler's. Default: no wait.
   */
  quiet?: { load: number; seconds: number };
  /** Ends the session after this many chunks (tests). */
  maxChunks?: number;
  /** The code that runs, recorded with the session. */
  commit?: string;
  /** Continue although the corpus's sources changed since the record began (the change is recorded). */
  acceptNewCorpus?: boolean;
  log?: (line: string) => void;
}

/** The SQLite store `scale.db` in `dir`. */
export function sqliteDialect(dir: string): ScaleDialect {
  const db = join(dir, 'scale.db');
  return {
    name: 'SQLite', key: 'sqlite', options: { db }, args: ['--db', db], bytes: async () => sqliteBytes(dir, 'scale.db'),
    reset: () => { for (const f of readdirSync(dir)) if (f.startsWith('scale.db')) rmSync(join(dir, f)); },
  };
}

/**
 * The PostgreSQL store in schema `name` of the database at `url` (created if missing).
 * `reset(again)`: the schema dropped, and by default created again, empty.
 */
export function postgresDialect(url: string, name: string): ScaleDialect & { reset(again?: boolean): void } {
  const schema = scratchSchema(url, name);
  return {
    name: 'PostgreSQL', key: 'postgres', options: { databaseUrl: schema.url }, args: ['--database-url', schema.url],
    bytes: () => postgresBytes(url, name),
    reset: (again = true) => {
      schema.drop();
      if (again) scratchSchema(url, name);
    },
  };
}

/** Seconds between two saves of the record while an ingest runs. */
const SAVE_SECONDS = 30;

/**
 * Builds (or goes on building) the dialect's store up to `target` generated articles, a
 * chunk at a time, each by `sitrep ingest --workers N` in a child process; measures the
 * queries at each checkpoint; returns the record. The record is saved every half minute and
 * after each chunk, so a run stopped anywhere (even killed) continues where it stopped: the
 * chunk under way is ingested again, its stored articles found and skipped.
 */
export async function runScale(run: ScaleRun): Promise<ScaleState> {
  const { dir, dialect, src } = run;
  const log = run.log ?? (() => {});
  const stateFile = join(dir, `${dialect.key}.state.json`);
  const lockFile = join(dir, `${dialect.key}.lock`);
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8'));
    if (pid !== process.pid && alive(pid)) throw new Error(`scale bench: another run (pid ${pid}) is building ${dialect.name} in ${dir}`);
  }
  writeFileSync(lockFile, String(process.pid));
  const corpus = corpusFingerprint(src);
  let state = readState(stateFile);
  if (!state) {
    dialect.reset();
    state = newState(dialect.key, corpus);
  } else if (state.corpus !== corpus) {
    if (!run.acceptNewCorpus) {
      throw new Error(`scale bench: the corpus changed since the ${dialect.name} build began (${state.corpus}, now ${corpus}: the analysis or the data changed); set BENCH_SCALE_ACCEPT_NEW_CORPUS=1 to go on with the new one`);
    }
    log(`${dialect.name}: the corpus changed at article ${state.next} (${state.corpus} -> ${corpus})`);
    state.corpusChanges = [...(state.corpusChanges ?? []), { at: state.next, from: state.corpus, to: corpus }];
    state.corpus = corpus;
  }
  const record = state;
  if (record.running) {
    if (alive(record.running.pid) && /ingest/.test(safeRead(`/proc/${record.running.pid}/cmdline`))) {
      throw new Error(`scale bench: the ingest of a previous run (pid ${record.running.pid}) still runs`);
    }
    log(`${dialect.name}: articles ${record.running.from}-${record.running.to - 1} were being ingested when the last run stopped; again`);
    record.redone++;
    delete record.running;
  }
  const now = () => new Date().toISOString();
  const session: Session = { started: now(), lastSeen: now(), commit: run.commit ?? 'unknown', from: record.next, to: record.next, accounting: zero() };
  record.sessions.push(session);
  const save = () => {
    session.lastSeen = now();
    writeState(stateFile, record);
  };
  save();
  const chunkFile = join(dir, `${dialect.key}.chunk.jsonl`);
  try {
    let chunks = 0;
    while (record.next < run.target && chunks < (run.maxChunks ?? Infinity)) {
      const from = record.next;
      const to = Math.min(from + run.chunk, run.checkpoints.find((c) => c > from) ?? Infinity, run.target);
      const cpu0 = process.cpuUsage();
      await writeArticles(chunkFile, to - from, from, src);
      const cpu = process.cpuUsage(cpu0);
      record.generationCpuSeconds += (cpu.user + cpu.system) / 1e6;
      const summary = await ingestChunk(run, record, session, chunkFile, from, to, save);
      record.ingested = (record.ingested ?? 0) + summary.ingested;
      record.unchanged = (record.unchanged ?? 0) + summary.unchanged;
      record.rejected = (record.rejected ?? 0) + summary.rejected;
      delete record.running;
      record.next = session.to = to;
      chunks++;
      const t = record.totals;
      log(`${dialect.name}: ${to} articles; ingest ${(t.wallSeconds / 3600).toFixed(2)} h running, ${(t.cpuSeconds / 3600).toFixed(2)} h CPU, ${(t.pausedSeconds / 3600).toFixed(2)} h paused, mean load ${(t.loadSeconds / Math.max(t.wallSeconds, 1)).toFixed(1)}`);
      if ((run.checkpoints.includes(to) || to === run.target) && !record.checkpoints.some((c) => c.articles === to)) {
        record.checkpoints.push(await checkpoint(run, to, record.totals));
        log(`${dialect.name}: checkpoint at ${to} articles measured`);
      }
      save();
    }
  } finally {
    rmSync(chunkFile, { force: true });
    save();
    rmSync(lockFile, { force: true });
  }
  return record;
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** Ingests one chunk in a child process, ticking the record's clock while it runs. */
async function ingestChunk(run: ScaleRun, record: ScaleState, session: Session, file: string, from: number, to: number, save: () => void): Promise<{ ingested: number; unchanged: number; rejected: number }> {
  const seconds = () => Number(process.hrtime.bigint()) / 1e9;
  const before = childrenCpuSeconds();
  const child = spawn(process.execPath, [CLI, 'ingest', file, ...run.dialect.args, '--workers', String(run.workers), '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr = (stderr + s).slice(-4000)));
  record.running = { from, to, pid: child.pid! };
  save();
  let last = seconds();
  let lastSave = last;
  let counted = 0;
  const tick = (cpu: number | null) => {
    const t = seconds();
    const share = tickShare(t - last, loadavg()[0]!);
    last = t;
    if (cpu !== null && cpu > counted) {
      share.cpuSeconds = cpu - counted;
      counted = cpu;
    }
    add(record.totals, share);
    add(session.accounting, share);
    if (t - lastSave >= SAVE_SECONDS) {
      lastSave = t;
      save();
    }
  };
  const timer = setInterval(() => tick(processCpuSeconds(child.pid!)), TICK_SECONDS * 1000);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  clearInterval(timer);
  // Its CPU time to the end, now that it has ended and been waited for.
  tick(childrenCpuSeconds() - before);
  // Exit 1 is a batch with rejected inputs (a generated text may be refused); stored ones count.
  if (code !== 0 && code !== 1) throw new Error(`scale bench: ingest into ${run.dialect.name} failed (${code}): ${stderr.slice(-500)}`);
  const m = /(\d+) ingested, (\d+) unchanged, (\d+) rejected/.exec(stdout);
  if (!m) throw new Error(`scale bench: no summary from the ingest into ${run.dialect.name}: ${stdout.slice(-300)} ${stderr.slice(-300)}`);
  return { ingested: Number(m[1]), unchanged: Number(m[2]), rejected: Number(m[3]) };
}

async function checkpoint(run: ScaleRun, articles: number, totals: Accounting): Promise<Checkpoint> {
  const waited = run.quiet ? await waitForQuiet(run.quiet.load, run.quiet.seconds) : 0;
  const store = await openStore(run.dialect.options);
  try {
    const load = loadavg()[0]!;
    const at = new Date().toISOString();
    const queries = Object.fromEntries(await queryLatencies(store, run.samples));
    return { articles, stored: await store.counts(), bytes: await run.dialect.bytes(), at, load, waitedSeconds: waited, ingest: { ...totals }, queries };
  } finally {
    await store.close();
  }
}

/**
 * Waits until `load()` (the 1-minute load average) is below `below`, looking every `step`
 * seconds, for at most `most` seconds; the seconds waited.
 */
export async function waitForQuiet(below: number, most: number, load = () => loadavg()[0]!, step = 15, sleep = (s: number) => new Promise((r) => setTimeout(r, s * 1000))): Promise<number> {
  let waited = 0;
  while (load() >= below && waited < most) {
    const s = Math.min(step, most - waited);
    await sleep(s);
    waited += s;
  }
  return waited;
}

/** What a record says, in lines for the bench's notes. */
export function describe(name: string, s: ScaleState, target: number): string[] {
  const t = s.totals;
  const h = (x: number) => `${(x / 3600).toFixed(2)} h`;
  const last = s.checkpoints.at(-1);
  const lines = [
    `scale ${name}: ${s.next.toLocaleString('en')} of ${target.toLocaleString('en')} articles ingested (the ingests that ran to their end said: ${(s.ingested ?? 0).toLocaleString('en')} stored, ${(s.unchanged ?? 0).toLocaleString('en')} found already stored by one stopped before, ${(s.rejected ?? 0).toLocaleString('en')} refused) over ${s.sessions.length} session(s)` +
      `${s.redone ? `, ${s.redone} chunk(s) begun again after a stop` : ''}; ingest ${h(t.wallSeconds)} of wall time running (${t.wallSeconds > 0 ? (s.next / t.wallSeconds).toFixed(1) : '—'} articles/s), ${h(t.cpuSeconds)} of CPU (${s.next > 0 ? ((t.cpuSeconds / s.next) * 1000).toFixed(1) : '—'} ms an article), ${h(t.pausedSeconds)} paused, mean load ${(t.loadSeconds / Math.max(t.wallSeconds, 1)).toFixed(1)}` +
      (last ? `; ${(last.bytes / 2 ** 30).toFixed(2)} GiB on disk at ${last.articles.toLocaleString('en')}` : ''),
  ];
  if (s.corpusChanges?.length) lines.push(`scale ${name}: the corpus changed during the build at article(s) ${s.corpusChanges.map((c) => c.at).join(', ')}`);
  for (const c of s.checkpoints) {
    lines.push(`scale ${name} at ${c.articles.toLocaleString('en')}: ${c.stored.articles.toLocaleString('en')} articles and ${c.stored.events.toLocaleString('en')} events stored, ${(c.bytes / 2 ** 30).toFixed(2)} GiB; queries measured ${c.at} at load ${c.load.toFixed(1)}${c.waitedSeconds ? ` (after waiting ${(c.waitedSeconds / 60).toFixed(0)} min for a quieter machine)` : ''}; ingest so far ${h(c.ingest.wallSeconds)} running, ${h(c.ingest.cpuSeconds)} CPU`);
  }
  return lines;
}

function quietOption(text: string): { load: number; seconds: number } {
  const [load, minutes] = text.split(',').map(Number);
  if (!(load! > 0)) throw new Error(`BENCH_SCALE_QUIET: a load average expected, not "${text}"`);
  return { load: load!, seconds: (minutes ?? 60) * 60 };
}

export async function benchScale(data: string): Promise<{ table: string; notes: string[] }> {
  const total = Math.floor(Number(process.env['BENCH_SCALE_ARTICLES'] ?? 1_000_000));
  if (!(total >= 10)) return { table: '', notes: ['scale bench skipped (BENCH_SCALE_ARTICLES < 10)'] };
  // BENCH_SCALE_DIR: a folder kept between runs, so that the build goes on where it stopped.
  const kept = process.env['BENCH_SCALE_DIR'];
  if (kept) mkdirSync(kept, { recursive: true });
  const dir = kept ?? mkdtempSync(join(tmpdir(), 'sitrep-bench-scale-'));
  const notes: string[] = [];
  const rows: string[][] = [];
  const checkpoints = (process.env['BENCH_SCALE_CHECKPOINTS'] ?? '100000,200000,500000,1000000')
    .split(',').map(Number).filter((n) => n > 0 && n < total).concat([Math.floor(total / 10), total]).sort((a, b) => a - b)
    .filter((n, i, xs) => xs.indexOf(n) === i);
  try {
    const src = await sources(data);
    notes.push(`scale corpus: ${src.pieces.length} sentence templates, ${src.actors.length} actor names and ${src.places.length} place names from FA-KES dev and the Guardian sample (fingerprint ${corpusFingerprint(src)})`);
    const pgUrl = process.env['SITREP_BENCH_DATABASE_URL'];
    // BENCH_SCALE_DIALECTS=postgres (or sqlite): one dialect only, e.g. to run the two as two processes.
    const only = process.env['BENCH_SCALE_DIALECTS']?.toLowerCase().split(',').map((d) => d.trim());
    const dialects: (ScaleDialect & { drop: () => void })[] = [];
    if (!only || only.includes('sqlite')) dialects.push({ ...sqliteDialect(dir), drop: () => {} });
    if (only && !only.includes('postgres')) notes.push('scale bench: PostgreSQL not chosen (BENCH_SCALE_DIALECTS)');
    else if (pgUrl) {
      // A kept build has a schema of its own name; a one-off run a scratch one, dropped at its end.
      const d = postgresDialect(pgUrl, kept ? 'bench_scale' : `bench_scale_${Date.now()}`);
      dialects.push({ ...d, drop: () => { if (!kept) d.reset(false); } });
    } else notes.push('scale bench: PostgreSQL skipped (set SITREP_BENCH_DATABASE_URL)');
    const commit = process.env['BENCH_SCALE_COMMIT'] ?? (spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', cwd: dirname(CLI) }).stdout?.trim() || 'unknown');
    for (const d of dialects) {
      try {
        const state = await runScale({
          dir, dialect: d, src, target: total, checkpoints, commit,
          chunk: Math.floor(Number(process.env['BENCH_SCALE_CHUNK'] ?? 10_000)),
          workers: Math.floor(Number(process.env['BENCH_SCALE_WORKERS'] ?? 2)),
          acceptNewCorpus: process.env['BENCH_SCALE_ACCEPT_NEW_CORPUS'] === '1',
          // BENCH_SCALE_QUIET=LOAD[,MINUTES]: measure a checkpoint's queries once the load is below LOAD (waiting 60 min at most).
          ...(process.env['BENCH_SCALE_QUIET'] ? { quiet: quietOption(process.env['BENCH_SCALE_QUIET']) } : {}),
          log: (line) => console.log(`${new Date().toISOString()} ${line}`),
        });
        notes.push(...describe(d.name, state, total));
        for (const c of state.checkpoints) {
          for (const [query, l] of Object.entries(c.queries)) rows.push([d.name, query, c.articles.toLocaleString('en'), `${l.p50.toFixed(1)} / ${l.p95.toFixed(1)}`]);
        }
      } finally {
        d.drop();
      }
    }
    const table = formatTable(['store', 'query (one at a time, no HTTP)', 'articles', 'p50 / p95 ms'], rows, [2, 3]);
    return { table, notes };
  } finally {
    if (!kept) rmSync(dir, { recursive: true, force: true });
  }
}
