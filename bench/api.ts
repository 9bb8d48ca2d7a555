// API latency: event queries over HTTP against `sitrep serve` (a child process, on loopback)
// over a SQLite store of 100,000 articles (BENCH_API_ARTICLES to change), loaded with
// autocannon; p50/p95/p99 latency. Peer, in the same run: the same queries straight on the
// store (no HTTP, one at a time), and `GET /api/openapi.json` (a static answer) over HTTP.
// The articles are generated, not analysed (latency does not need the analysis): short
// invented texts with two events each, spread over four years, 16 types, 40 actors and 500
// places in Syria and around it, killed figures on about a third. The store is built in a
// temporary folder and removed at the end of the run. Last, a load of ten kinds of read
// at once (the mix of `mixedPaths`), alone and while `sitrep ingest` writes real articles
// into the same store: the p99 of the reads and the articles stored meanwhile.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { formatTable } from '../eval/common.js';
import { CLI, writeGuardianJsonl } from './corpus.js';
import { simhash } from '../src/extract/simhash.js';
import { eventTypes, type AnalyzedArticle, type EventMention, type PlaceRef } from '../src/model/index.js';
import { openSqliteStore, type EventQuery, type Store } from '../src/store/index.js';
import { seeded } from '../test/helpers/random.js';

const DURATION_S = Math.max(1, Number(process.env['BENCH_API_SECONDS'] ?? 10));
const CONNECTIONS = Math.max(1, Number(process.env['BENCH_API_CONNECTIONS'] ?? 10));
const DIRECT_SAMPLES = 500;

export function generator() {
  const rnd = seeded(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const places: PlaceRef[] = Array.from({ length: 500 }, (_, i) => ({
    name: `town ${i}`, geonameid: 500_000 + i, lat: 32 + (i % 50) / 10, lon: 35.5 + Math.floor(i / 50) / 2.5,
    country: 'SY', admin1: `province ${i % 14}`, precision: 1,
  }));
  const actors = Array.from({ length: 40 }, (_, i) => ({ id: `ACT${i}`, text: `group ${i}` }));
  const start = Date.UTC(2020, 0, 1);
  return (i: number): AnalyzedArticle => {
    const day = new Date(start + Math.floor(rnd() * 4 * 365) * 86_400_000).toISOString().slice(0, 10);
    const s1 = `Report ${i}: fighting near ${pick(places).name} on ${day}.`;
    const s2 = `Officials in bulletin ${i * 7 + 3} described the incident.`;
    const text = `${s1} ${s2}`;
    const event = (sentence: number, from: number, to: number): EventMention => {
      const killed = rnd() < 0.35 ? Math.floor(rnd() * 20) : null;
      return {
        type: rnd() < 0.4 ? 'ASSAULT' : pick(eventTypes), mode: pick(['', 'aerial', 'heavy-weapons', 'small-arms']),
        actor: pick(actors), recipient: rnd() < 0.5 ? pick(actors) : null, place: pick(places),
        date: { start: day, end: day, precision: 'day', basis: 'explicit' }, status: 'occurred',
        killed: killed === null ? null : { min: killed, max: killed, who: 'people', text: String(killed) }, injured: null,
        source: null, evidence: { sentence, start: from, end: to }, confidence: 0.7,
      };
    };
    return {
      article: {
        sourceId: `bench-api-${i}`, url: null, outlet: `outlet ${i % 20}`, title: s1, byline: null, origin: null,
        published: day, publishedBasis: 'given', publishedGuess: null, language: 'en', text,
        contentHash: `bench-api:${i}`, simhash: simhash(text),
      },
      sentences: [{ start: 0, end: s1.length }, { start: s1.length + 1, end: text.length }],
      entities: [], places: [], times: [], quantities: [], attributions: [],
      events: [event(0, 0, s1.length), event(1, s1.length + 1, text.length)],
    };
  };
}

/** p50/p95/p99 of a list of milliseconds. */
function percentiles(ms: number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

interface Load {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  errors: number;
}

/** Loads `paths` (cycled, one per request) on `base` with autocannon; latency of every response. */
function load(base: string, paths: string[]): Promise<Load> {
  let n = 0;
  const ms: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: base, connections: CONNECTIONS, duration: DURATION_S, requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[n++ % paths.length]! }) }] },
      (err, result) => {
        if (err) return reject(err);
        resolve({ ...percentiles(ms), rps: result.requests.average, errors: result.errors + result.non2xx + result.timeouts });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => ms.push(responseTime));
  });
}

/** The same queries on the store in this process, one at a time: milliseconds each. */
async function direct(store: Store, queries: EventQuery[]): Promise<Load> {
  const ms: number[] = [];
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < DIRECT_SAMPLES + 20; i++) {
    const t = process.hrtime.bigint();
    for await (const _ of store.events(queries[i % queries.length]!)) void _;
    if (i >= 20) ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { ...percentiles(ms), rps: (DIRECT_SAMPLES + 20) / seconds, errors: 0 };
}

/** Starts `sitrep serve --port 0` on the store, with no per-client rate limit (the load is one client); resolves to its URL and a stop function. */
function startServer(db: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const env = { ...process.env };
  delete env['SITREP_TOKEN'];
  delete env['SITREP_READ_TOKEN'];
  const child = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0', '--rate-limit', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /serving on (\S+)/.exec(out);
      if (m) {
        resolve({
          url: m[1]!.replace(/\/$/, ''),
          stop: () => new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`sitrep serve exited (${code}): ${err.trim()}`)));
  });
}

const TYPE_WINDOWS: [string, string][] = Array.from({ length: 24 }, (_, k) => {
  const from = new Date(Date.UTC(2020, k * 2, 1));
  const to = new Date(Date.UTC(2020, k * 2 + 2, 0));
  return [from.toISOString().slice(0, 10), to.toISOString().slice(0, 10)];
});
const BOXES = Array.from({ length: 20 }, (_, k) => ({ minLon: 35.5 + (k % 5) * 0.8, minLat: 32 + Math.floor(k / 5) * 1.0, maxLon: 36.3 + (k % 5) * 0.8, maxLat: 33 + Math.floor(k / 5) * 1.0 }));

/**
 * The mixed read load: what the web app and analysts' scripts ask, in turn: event pages by
 * type and window, by box, by actor latest first, by province and type, one event, one
 * article with its layers, a full-text search, an outlet's articles, the event feed, the
 * story list. `count` articles are in the store.
 */
function mixedPaths(count: number): { paths: string[]; kinds: number } {
  const paths: string[] = [];
  let kinds = 0;
  for (let i = 0; i < 240; i++) {
    const [from, to] = TYPE_WINDOWS[i % TYPE_WINDOWS.length]!;
    const b = BOXES[i % BOXES.length]!;
    const n = 1 + ((i * 7919) % count);
    const turn = [
      `/api/events?type=ASSAULT&from=${from}&to=${to}&limit=50`,
      `/api/events?bbox=${b.minLon},${b.minLat},${b.maxLon},${b.maxLat}&limit=50`,
      `/api/events?actor=ACT${i % 40}&sort=-date&limit=50`,
      `/api/events?admin1=${encodeURIComponent(`province ${i % 14}`)}&type=${eventTypes[i % eventTypes.length]}&limit=50`,
      `/api/events/${1 + ((i * 104729) % (2 * count))}`,
      `/api/articles/${n}`,
      `/api/articles?q=${encodeURIComponent(`"bulletin ${n * 7 + 3}"`)}&limit=20`,
      `/api/articles?outlet=${encodeURIComponent(`outlet ${i % 20}`)}&limit=20`,
      `/feeds/events.atom?type=${eventTypes[i % eventTypes.length]}&minKilled=5`,
      '/api/stories?limit=20',
    ];
    kinds = turn.length;
    paths.push(...turn);
  }
  return { paths, kinds };
}

/** Articles in the SQLite store at `db`, read on a connection of its own. */
function articlesIn(db: string): number {
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return Number((conn.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n);
  } finally {
    conn.close();
  }
}

export async function benchApi(data: string): Promise<{ table: string; notes: string[] }> {
  const count = Math.floor(Number(process.env['BENCH_API_ARTICLES'] ?? 100_000));
  if (!(count > 0)) return { table: '', notes: ['api bench skipped (BENCH_API_ARTICLES=0)'] };
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-api-'));
  const db = join(dir, 'api.db');
  const notes: string[] = [];
  try {
    const store = await openSqliteStore(db);
    const article = generator();
    const t0 = Date.now();
    for (let i = 0; i < count; i++) await store.save(article(i));
    const built = (Date.now() - t0) / 1000;
    const { events } = await store.counts();
    notes.push(`api store: ${count.toLocaleString('en')} generated articles, ${events.toLocaleString('en')} events, built with Store.save in ${built.toFixed(0)} s`);

    const cases: { name: string; paths: string[]; queries: EventQuery[] }[] = [
      {
        name: 'GET /api/events?type=ASSAULT&from&to&limit=50',
        paths: TYPE_WINDOWS.map(([from, to]) => `/api/events?type=ASSAULT&from=${from}&to=${to}&limit=50`),
        queries: TYPE_WINDOWS.map(([from, to]) => ({ type: 'ASSAULT', from, to, limit: 50 })),
      },
      {
        name: 'GET /api/events?bbox=..&limit=50',
        paths: BOXES.map((b) => `/api/events?bbox=${b.minLon},${b.minLat},${b.maxLon},${b.maxLat}&limit=50`),
        queries: BOXES.map((bbox) => ({ bbox, limit: 50 })),
      },
    ];
    const directs = [];
    for (const c of cases) directs.push(await direct(store, c.queries));
    await store.close();

    const server = await startServer(db);
    const rows: string[][] = [];
    const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');
    const lat = (l: Load) => `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)}`;
    try {
      // A short warm-up, so that start-up (JIT, SQLite page cache) does not count.
      await autocannon({ url: server.url + cases[0]!.paths[0]!, connections: 2, amount: 200 });
      const staticLoad = await load(server.url, ['/api/openapi.json']);
      for (const [i, c] of cases.entries()) {
        const http = await load(server.url, c.paths);
        const peer = directs[i]!;
        rows.push([
          c.name, `${lat(http)}${http.errors ? ` (${http.errors} failed)` : ''}`, http.rps.toFixed(0),
          'same query on the Store, no HTTP', lat(peer), (http.p95 / peer.p95).toFixed(1) + 'x',
          http.p95 < 50 ? 'yes' : 'NO',
        ]);
      }
      rows.push([
        'GET /api/openapi.json (static)', `${lat(staticLoad)}${staticLoad.errors ? ` (${staticLoad.errors} failed)` : ''}`, staticLoad.rps.toFixed(0),
        '—', '—', '—', staticLoad.p95 < 50 ? 'yes' : 'NO',
      ]);
      // Sustained mixed reads, alone and while `sitrep ingest` writes real articles into the
      // same store (issue 12's load figure: p99 under 200 ms, no errors).
      const { paths: mixed, kinds } = mixedPaths(count);
      const quiet = await load(server.url, mixed);
      const jsonl = join(dir, 'ingest.jsonl');
      const written = await writeGuardianJsonl(data, jsonl, 3000);
      if (written) {
        const before = articlesIn(db);
        const ingest = spawn(process.execPath, [CLI, 'ingest', jsonl, '--db', db, '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
        let ingestErr = '';
        ingest.stderr.on('data', (d: Buffer) => (ingestErr += d.toString()));
        // The load starts once the ingest writes (past its start-up), so that it writes throughout.
        for (let waited = 0; articlesIn(db) === before && waited < 60_000 && ingest.exitCode === null; waited += 200) {
          await new Promise((r) => setTimeout(r, 200));
        }
        const started = articlesIn(db);
        const t0 = process.hrtime.bigint();
        const busy = await load(server.url, mixed);
        const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
        const exited = ingest.exitCode !== null;
        ingest.kill('SIGKILL');
        await new Promise((done) => (ingest.exitCode !== null ? done(null) : ingest.once('exit', done)));
        const stored = articlesIn(db) - started;
        rows.push([
          `mixed reads (${kinds} kinds) while ingest writes`, `${lat(busy)}${busy.errors ? ` (${busy.errors} failed)` : ''}`, busy.rps.toFixed(0),
          'the same mix, no ingest', lat(quiet), (busy.p99 / quiet.p99).toFixed(1) + 'x (p99)', busy.p99 < 200 && !busy.errors ? 'p99 < 200: yes' : 'p99 < 200: NO',
        ]);
        notes.push(`api load: during the ${seconds.toFixed(0)} s of mixed reads, \`sitrep ingest\` stored ${stored} real articles (Guardian sample copies) into the same store (${(stored / seconds).toFixed(1)} articles/s)${exited ? `; the ingest ended early: ${ingestErr.trim().slice(0, 200) || 'finished'}` : ''}`);
      } else {
        rows.push([`mixed reads (${kinds} kinds)`, lat(quiet), quiet.rps.toFixed(0), '—', '—', '—', quiet.p99 < 200 && !quiet.errors ? 'p99 < 200: yes' : 'p99 < 200: NO']);
        notes.push('api load: no concurrent ingest (the Guardian sample is not in the shared data)');
      }
    } finally {
      await server.stop();
    }
    notes.push(`api latency: autocannon, ${CONNECTIONS} connections for ${DURATION_S} s per row against \`sitrep serve\` on loopback (a child process); store-direct peer: ${DIRECT_SAMPLES} sequential queries; percentiles over every response`);
    const table = formatTable(
      ['api query', 'HTTP p50 / p95 / p99 ms', 'HTTP req/s', 'peer', 'peer p50 / p95 / p99 ms', 'p95 HTTP/peer', 'p95 < 50 ms'],
      rows,
      [2, 5],
    );
    return { table, notes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
