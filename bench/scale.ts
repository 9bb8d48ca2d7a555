// Scale: a store of BENCH_SCALE_ARTICLES articles (default 1,000,000) built by
// `sitrep ingest --workers 2`, on SQLite and (with SITREP_BENCH_DATABASE_URL) PostgreSQL:
// ingest time, size on disk, and the latency of the main event and article queries. The
// peer is the same queries on the same store when it held a tenth of the articles, so the
// ratio shows how the queries grow with the store.
//
// The articles are generated from the real sets (FA-KES dev and the Guardian sample): each
// is 4 to 10 sentences drawn from them, with every actor and place the analysis found in a
// sentence replaced by another of the same kind found elsewhere, and a publication date
// drawn over 2011-2024, so the analysis does real work on text it has not seen as a whole.
// Not in the default run (it takes hours at a million): `npm run bench -- scale`.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import pg from 'pg';
import { analyze, loadKnowledge } from '../src/analyze/index.js';
import { extractDocument } from '../src/extract/index.js';
import { openStore, type EventQuery, type Store, type StoreOptions } from '../src/store/index.js';
import { formatTable } from '../eval/common.js';
import { CLI, readDocs } from './corpus.js';
import { scratchSchema } from './postgres.js';
import { seeded } from '../test/helpers/random.js';

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

/** Writes `count` generated articles as JSONL; resolves when the file is complete. */
export async function writeArticles(file: string, count: number, from: number, src: Awaited<ReturnType<typeof sources>>): Promise<void> {
  const rnd = seeded(12345 + from);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const out = createWriteStream(file);
  const start = Date.UTC(2011, 0, 1);
  for (let i = from; i < from + count; i++) {
    const sentences = Array.from({ length: 4 + Math.floor(rnd() * 7) }, () =>
      pick(src.pieces).template.replace(/\u0000([AP])\u0000/g, (_, slot: string) => pick(slot === 'A' ? src.actors : src.places)));
    const published = new Date(start + Math.floor(rnd() * 14 * 365) * 86_400_000).toISOString().slice(0, 10);
    const doc = { id: `scale-${i}`, title: sentences[0]!.slice(0, 90), text: sentences.join(' '), published, outlet: `outlet ${i % 40}` };
    if (!out.write(JSON.stringify(doc) + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

interface Latency {
  p50: number;
  p95: number;
}

/** p50/p95 of each main query on the store, one at a time. */
async function queryLatencies(store: Store): Promise<Map<string, Latency>> {
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
    for (let i = 0; i < SAMPLES + 10; i++) {
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

export async function benchScale(data: string): Promise<{ table: string; notes: string[] }> {
  const total = Math.floor(Number(process.env['BENCH_SCALE_ARTICLES'] ?? 1_000_000));
  if (!(total >= 10)) return { table: '', notes: ['scale bench skipped (BENCH_SCALE_ARTICLES < 10)'] };
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-scale-'));
  const notes: string[] = [];
  const rows: string[][] = [];
  try {
    const src = await sources(data);
    notes.push(`scale corpus: ${src.pieces.length} sentence templates, ${src.actors.length} actor names and ${src.places.length} place names from FA-KES dev and the Guardian sample`);
    const tenth = Math.floor(total / 10);
    const parts = [join(dir, 'part1.jsonl'), join(dir, 'part2.jsonl')];
    await writeArticles(parts[0]!, tenth, 0, src);
    await writeArticles(parts[1]!, total - tenth, tenth, src);
    const pgUrl = process.env['SITREP_BENCH_DATABASE_URL'];
    // BENCH_SCALE_DIALECTS=postgres (or sqlite): one dialect only, e.g. to run the two as two processes.
    const only = process.env['BENCH_SCALE_DIALECTS']?.toLowerCase().split(',').map((d) => d.trim());
    const dialects: { name: string; options: StoreOptions; args: string[]; bytes: () => Promise<number>; drop: () => void }[] = [];
    if (!only || only.includes('sqlite')) {
      dialects.push({ name: 'SQLite', options: { db: join(dir, 'scale.db') }, args: ['--db', join(dir, 'scale.db')], bytes: async () => sqliteBytes(dir, 'scale.db'), drop: () => {} });
    }
    if (only && !only.includes('postgres')) notes.push('scale bench: PostgreSQL not chosen (BENCH_SCALE_DIALECTS)');
    else if (pgUrl) {
      const schema = scratchSchema(pgUrl, `bench_scale_${Date.now()}`);
      dialects.push({
        name: 'PostgreSQL', options: { databaseUrl: schema.url }, args: ['--database-url', schema.url],
        bytes: () => postgresBytes(pgUrl, schema.name), drop: schema.drop,
      });
    } else notes.push('scale bench: PostgreSQL skipped (set SITREP_BENCH_DATABASE_URL)');
    for (const d of dialects) {
      try {
        const ingest = (file: string) => {
          const t0 = process.hrtime.bigint();
          const r = spawnSync(process.execPath, [CLI, 'ingest', file, ...d.args, '--workers', '2', '--quiet'], { encoding: 'utf8', maxBuffer: 1 << 26 });
          // Exit 1 is a batch with rejected inputs (a generated text may be refused); stored ones count.
          if (r.status !== 0 && r.status !== 1) throw new Error(`ingest into ${d.name} failed (${r.status}): ${r.stderr.slice(0, 500)}`);
          return Number(process.hrtime.bigint() - t0) / 1e9;
        };
        const firstSeconds = ingest(parts[0]!);
        let store = await openStore(d.options);
        const small = await queryLatencies(store);
        const smallCounts = await store.counts();
        await store.close();
        const restSeconds = ingest(parts[1]!);
        store = await openStore(d.options);
        const large = await queryLatencies(store);
        const counts = await store.counts();
        await store.close();
        const bytes = await d.bytes();
        const seconds = firstSeconds + restSeconds;
        notes.push(`scale ${d.name}: ${counts.articles.toLocaleString('en')} articles and ${counts.events.toLocaleString('en')} events ingested in ${(seconds / 60).toFixed(1)} min (${(counts.articles / seconds).toFixed(0)} articles/s, 2 threads); ${(bytes / 2 ** 30).toFixed(2)} GiB on disk`);
        for (const [name, l] of large) {
          const s = small.get(name)!;
          rows.push([d.name, name, `${l.p50.toFixed(1)} / ${l.p95.toFixed(1)}`, `${smallCounts.articles.toLocaleString('en')} articles`, `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)}`, `${(l.p95 / s.p95).toFixed(1)}x`]);
        }
      } finally {
        d.drop();
      }
    }
    const table = formatTable(['store', 'query (one at a time, no HTTP)', `p50 / p95 ms at ${total.toLocaleString('en')} articles`, 'peer: the store at', 'peer p50 / p95 ms', 'p95 growth'], rows, [2, 4, 5]);
    return { table, notes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
