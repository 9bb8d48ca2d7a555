// The analysis at steady state on one core: issue 7's throughput figure. `node
// dist/bench/steady.js CSV` (run by bench/run.ts under `taskset -c 0` where it exists, so
// that V8's helper threads — garbage collection, compilation — share the one core and the
// wall time is all the CPU the analysis takes). It extracts the CSV's articles, then makes
// full passes of `analyze` over them: BENCH_STEADY_WARMUP (default 8) untimed-for-the-figure
// warm-up passes, then BENCH_STEADY_PASSES (default 5) passes whose median is the figure.
// V8 keeps optimising the analysis's code for its first few thousand articles (on FA-KES
// the first pass runs at a third of the speed of the tenth), so a short warm-up measures
// the compiler, not the analysis; every pass's rate is printed, the first (cold) included.
// A plain regex sentence split makes the same passes as the peer. Prints one JSON line.
import { pathToFileURL } from 'node:url';
import { analyze, loadKnowledge } from '../src/analyze/index.js';
import { extractDocument } from '../src/extract/index.js';
import type { Article } from '../src/model/index.js';
import { readDocs } from './corpus.js';

export interface SteadyResult {
  articles: number;
  bytes: number;
  /** Articles per second of each pass in order, warm-up passes first. */
  passes: number[];
  peerPasses: number[];
  warmup: number;
}

const count = (name: string, fallback: number) => Math.max(1, Math.floor(Number(process.env[name] ?? fallback)));
const STEADY_WARMUP = count('BENCH_STEADY_WARMUP', 8);
const STEADY_PASSES = count('BENCH_STEADY_PASSES', 5);

/** The peer of the analysis rows: a plain regex sentence split. */
export const regexSplit = (text: string) => text.split(/(?<=[.!?])\s+/).length;

function pass(articles: Article[], fn: (a: Article) => unknown): number {
  const t0 = process.hrtime.bigint();
  for (const a of articles) fn(a);
  return articles.length / (Number(process.hrtime.bigint() - t0) / 1e9);
}

/** The median of the passes after the warm-up. */
export function steadyRate(passes: number[], warmup: number): number {
  const timed = passes.slice(warmup).sort((a, b) => a - b);
  if (!timed.length) return NaN;
  const mid = timed.length >> 1;
  return timed.length % 2 ? timed[mid]! : (timed[mid - 1]! + timed[mid]!) / 2;
}

async function main(): Promise<void> {
  const csv = process.argv[2];
  if (!csv) throw new Error('usage: steady.js CSV');
  const knowledge = loadKnowledge();
  const articles = (await readDocs(csv)).map((d) => extractDocument(d)).flatMap((a) => (a.ok ? [a.value] : []));
  const passes: number[] = [];
  const peerPasses: number[] = [];
  for (let i = 0; i < STEADY_WARMUP + STEADY_PASSES; i++) {
    passes.push(pass(articles, (a) => analyze(a, knowledge)));
    peerPasses.push(pass(articles, (a) => regexSplit(a.text)));
  }
  const bytes = articles.reduce((s, a) => s + Buffer.byteLength(a.text, 'utf8'), 0);
  const result: SteadyResult = { articles: articles.length, bytes, passes, peerPasses, warmup: STEADY_WARMUP };
  console.log(JSON.stringify(result));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
