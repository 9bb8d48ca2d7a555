// `npm run bench`: throughput on real articles, each figure beside a peer measured in the
// same run. HTML: our extractHtml (Readability on linkedom + block text) against
// Readability on jsdom, on the AEB pages held in memory. Text: CSV ingest, then
// extraction + analysis per article against a plain regex sentence split.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parse as parseCsv } from 'csv-parse/sync';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { AnalyzedArticle, Article, RawDocument, Result } from '../src/model/index.js';
import { extractHtml } from '../src/extract/html.js';
import { dataDir, formatTable } from '../eval/common.js';

/** Timed passes over each set; the fastest pass is reported (least disturbed by other load). */
const ROUNDS = Math.max(1, Number(process.env['BENCH_ROUNDS'] ?? 2));
const INGEST_REPEAT = 5;

interface Measure {
  items: number;
  bytes: number;
  seconds: number;
  errors: number;
}

interface BenchRow {
  bench: string;
  set: string;
  ours: string;
  ourSpeed: Measure;
  peer: string;
  peerSpeed: Measure | null;
}

/**
 * Times each function over every item: a warm-up on the first `warmup` items, then `ROUNDS`
 * rounds in which every function makes one full pass (order alternating between rounds, so
 * that a burst of outside load does not fall on one side only). Reports each function's
 * fastest pass. A function returning `false` or throwing counts as a failed item.
 */
function measure<T>(items: T[], size: (x: T) => number, fns: ((x: T) => unknown)[], warmup = 20): Measure[] {
  for (const fn of fns) {
    for (const x of items.slice(0, warmup)) {
      try {
        fn(x);
      } catch {
        // counted in the timed passes
      }
    }
  }
  const bytes = items.reduce((s, x) => s + size(x), 0);
  const out: Measure[] = fns.map(() => ({ items: items.length, bytes, seconds: Infinity, errors: 0 }));
  for (let r = 0; r < ROUNDS; r++) {
    const order = fns.map((_, i) => i);
    if (r % 2 === 1) order.reverse();
    for (const i of order) {
      const fn = fns[i]!;
      let errors = 0;
      const t0 = process.hrtime.bigint();
      for (const x of items) {
        try {
          if (fn(x) === false) errors++;
        } catch {
          errors++;
        }
      }
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      if (seconds < out[i]!.seconds) out[i] = { ...out[i]!, seconds, errors };
    }
  }
  return out;
}

const perSec = (m: Measure) => m.items / m.seconds;
const mbPerSec = (m: Measure) => m.bytes / 1e6 / m.seconds;

// ---------------------------------------------------------------------------
// HTML

interface Page {
  html: string;
  url: string;
  bytes: number;
}

function loadAeb(dir: string): Page[] {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { url?: string }>;
  const pages: Page[] = [];
  for (const file of readdirSync(join(dir, 'html')).filter((f) => f.endsWith('.html.gz')).sort()) {
    const id = file.slice(0, -'.html.gz'.length);
    const bytes = gunzipSync(readFileSync(join(dir, 'html', file)));
    pages.push({ html: bytes.toString('utf8'), url: truth[id]?.url ?? 'https://example.com/', bytes: bytes.length });
  }
  return pages;
}

/** The peer: what the AEB's own Readability.js runner does (jsdom, then Readability). */
function readabilityOnJsdom(page: Page): unknown {
  const dom = new JSDOM(page.html, { url: page.url, virtualConsole: new VirtualConsole() });
  try {
    return new Readability(dom.window.document).parse() ?? false;
  } finally {
    dom.window.close();
  }
}

function benchHtml(data: string): BenchRow[] {
  const dir = join(data, 'extraction', 'aeb');
  if (!existsSync(join(dir, 'ground-truth.json'))) return [];
  const pages = loadAeb(dir);
  const size = (p: Page) => p.bytes;
  const [ours, peer] = measure(pages, size, [(p) => extractHtml(p.html, { url: p.url }).ok, readabilityOnJsdom]) as [Measure, Measure];
  return [
    {
      bench: 'html -> article text',
      set: `aeb (${pages.length} pages, ${(ours.bytes / 1e6).toFixed(1)} MB)`,
      ours: 'extractHtml (Readability on linkedom + blocks)',
      ourSpeed: ours,
      peer: 'Readability on jsdom',
      peerSpeed: peer,
    },
  ];
}

// ---------------------------------------------------------------------------
// Text

interface TextSet {
  name: string;
  /** Bytes of the CSV file as read. */
  raw: Buffer;
  decode: (b: Buffer) => string;
  toDoc: (rec: Record<string, string>, i: number) => RawDocument | null;
}

const day = (s: string | undefined): string | undefined => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec((s ?? '').trim());
  return m ? m[0] : undefined;
};

function textSets(data: string): TextSet[] {
  const sets: TextSet[] = [];
  const guardian = join(data, 'unlabeled', 'guardian_sdf_sample.csv');
  if (existsSync(guardian)) {
    sets.push({
      name: 'guardian_sdf_sample.csv',
      raw: readFileSync(guardian),
      decode: (b) => b.toString('utf8'),
      toDoc: (r, i) => {
        if (!r['text']) return null;
        const published = day(r['date']);
        return { sourceId: `guardian#${i}`, kind: 'text', content: r['text'], outlet: r['source'] || 'Guardian', ...(published ? { published } : {}) };
      },
    });
  }
  const fakes = join(data, 'fakes', 'fakes-dev.csv');
  if (existsSync(fakes)) {
    sets.push({
      name: 'fakes-dev.csv',
      raw: readFileSync(fakes),
      decode: (b) => b.toString('latin1'),
      toDoc: (r, i) => {
        if (!r['article_content']) return null;
        return {
          sourceId: `fakes#${r['unit_id'] ?? i}`,
          kind: 'text',
          content: r['article_content'],
          ...(r['article_title'] ? { title: r['article_title'] } : {}),
          ...(r['source'] ? { outlet: r['source'] } : {}),
        };
      },
    });
  }
  return sets;
}

function readCsv(set: TextSet): Record<string, string>[] {
  return parseCsv(set.decode(set.raw), { columns: true, skip_empty_lines: true, relax_quotes: true }) as Record<string, string>[];
}

type AnalyzeFn = (doc: RawDocument) => unknown;

/**
 * The analysis under test: RawDocument -> Article (src/extract) -> AnalyzedArticle
 * (src/analyze). Loaded at run time so that the bench still runs (and says why) while those
 * modules are being written.
 */
async function loadPipeline(): Promise<{ fn: AnalyzeFn; label: string } | { error: string }> {
  try {
    const extractSpec = '../src/extract/index.js';
    const analyzeSpec = '../src/analyze/index.js';
    const ex = (await import(extractSpec)) as { extractDocument?: (raw: RawDocument) => Result<Article> };
    const an = (await import(analyzeSpec)) as {
      analyze?: (article: Article, knowledge: unknown) => AnalyzedArticle;
      loadKnowledge?: () => unknown;
    };
    const { extractDocument } = ex;
    const { analyze, loadKnowledge } = an;
    if (!extractDocument || !analyze || !loadKnowledge) return { error: 'extractDocument/analyze/loadKnowledge not exported' };
    const knowledge = loadKnowledge();
    return {
      label: 'extractDocument + analyze',
      fn: (doc) => {
        const article = extractDocument(doc);
        if (!article.ok) return false;
        return analyze(article.value, knowledge);
      },
    };
  } catch (e) {
    return { error: (e as Error).message.split('\n')[0]! };
  }
}

/** The text peer: a plain regex sentence split, nothing else. */
const regexSplit: AnalyzeFn = (doc) => doc.content.split(/(?<=[.!?])\s+/);

async function benchText(data: string): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const pipeline = await loadPipeline();
  if ('error' in pipeline) notes.push(`analysis not measured: ${pipeline.error}`);
  for (const set of textSets(data)) {
    // Ingest: bytes -> string -> CSV records -> RawDocuments.
    // The file is parsed INGEST_REPEAT times per pass: one parse is too short to time well.
    let docs: RawDocument[] = [];
    const [ingest] = measure(
      Array.from({ length: INGEST_REPEAT }, () => set),
      (s) => s.raw.length,
      [
        (s) => {
          docs = readCsv(s)
            .map((r, i) => s.toDoc(r, i))
            .filter((d): d is RawDocument => d !== null);
        },
      ],
      1,
    ) as [Measure];
    // Count articles, not files, for the ingest rate.
    const ingestRate: Measure = { ...ingest, items: docs.length * INGEST_REPEAT };
    rows.push({
      bench: 'csv ingest',
      set: `${set.name} (${docs.length} articles, ${(set.raw.length / 1e6).toFixed(2)} MB)`,
      ours: 'csv-parse + RawDocument',
      ourSpeed: ingestRate,
      peer: '—',
      peerSpeed: null,
    });
    const size = (d: RawDocument) => Buffer.byteLength(d.content, 'utf8');
    const fns = 'fn' in pipeline ? [pipeline.fn, regexSplit] : [regexSplit];
    const measured = measure(docs, size, fns);
    const peer = measured[measured.length - 1]!;
    const ours = 'fn' in pipeline ? measured[0]! : { items: 0, bytes: 0, seconds: NaN, errors: 0 };
    rows.push({
      bench: 'text analysis',
      set: `${set.name} (${docs.length} articles)`,
      ours: 'fn' in pipeline ? pipeline.label : 'not available',
      ourSpeed: ours,
      peer: 'split(/(?<=[.!?])\\s+/)',
      peerSpeed: peer,
    });
  }
  return { rows, notes };
}

// ---------------------------------------------------------------------------

/** 5.7x, 0.42x, 0.0066x: two decimals, or two significant digits below 0.1. */
const ratio = (x: number) => `${x >= 0.1 ? x.toFixed(2) : x.toPrecision(2)}x`;

function render(rows: BenchRow[]): string {
  const num = (x: number, d: number) => (Number.isFinite(x) ? x.toFixed(d) : '—');
  const speed = (m: Measure | null) =>
    m && Number.isFinite(m.seconds) ? `${num(perSec(m), 1)}/s, ${num(mbPerSec(m), 2)} MB/s` : '—';
  const errs = (m: Measure | null) => (m && m.errors > 0 ? ` (${m.errors} failed)` : '');
  return formatTable(
    ['bench', 'set', 'ours', 'ours: items/s, MB/s', 'peer', 'peer: items/s, MB/s', 'ours/peer'],
    rows.map((r) => [
      r.bench,
      r.set,
      r.ours,
      speed(r.ourSpeed) + errs(r.ourSpeed),
      r.peer,
      speed(r.peerSpeed) + errs(r.peerSpeed),
      r.peerSpeed && Number.isFinite(r.ourSpeed.seconds) ? ratio(perSec(r.ourSpeed) / perSec(r.peerSpeed)) : '—',
    ]),
    [6],
  );
}

async function main(): Promise<void> {
  const data = dataDir();
  if (!existsSync(data)) {
    console.log(`bench: shared data not found at ${data} (set SITREP_DATA to its location); nothing to measure.`);
    return;
  }
  console.log(`bench: best of ${ROUNDS} timed pass(es) after a warm-up; node ${process.version}, one thread`);
  const rows: BenchRow[] = [];
  let t0 = process.hrtime.bigint();
  rows.push(...benchHtml(data));
  console.log(`html bench: ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s`);
  t0 = process.hrtime.bigint();
  const text = await benchText(data);
  rows.push(...text.rows);
  console.log(`text bench: ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s`);
  console.log('');
  console.log(render(rows));
  for (const n of text.notes) console.log(`note: ${n}`);
}

await main();
