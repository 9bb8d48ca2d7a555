// Throughput of the times stage alone, beside its peer: chrono-node's casual English parser
// over the same texts (what the stage would cost if it were plain chrono). Sentences are
// split before the clock starts; the fastest of `rounds` passes counts.
import * as chrono from 'chrono-node';
import { splitSentences } from '../src/analyze/sentences/index.js';
import type { Doc } from '../src/analyze/types.js';
import { findTimes, loadTimeKnowledge } from '../src/analyze/times/index.js';

export interface TimeBench {
  articles: number;
  /** Mentions found in one pass. */
  times: number;
  /** Seconds for the fastest pass of findTimes over all texts. */
  seconds: number;
  articlesPerSec: number;
  timesPerSec: number;
  /** Milliseconds for loadTimeKnowledge (first call in the process). */
  loadMs: number;
  /** Peer: seconds for the fastest pass of chrono.casual.parse over the same texts. */
  chronoSeconds: number;
  chronoArticlesPerSec: number;
}

/** `published[i]` is the date of `texts[i]` (YYYY-MM-DD); missing or null = unknown. */
export function benchTimes(texts: string[], published: (string | null)[] = [], rounds = 3): TimeBench {
  const t0 = process.hrtime.bigint();
  const k = loadTimeKnowledge();
  const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const docs: Doc[] = texts.map((text, i) => ({
    text, published: published[i] ?? null, language: 'en', title: null, sentences: splitSentences(text),
    entities: [], places: [], times: [], quantities: [],
  }));
  for (const d of docs.slice(0, 20)) findTimes(d, k); // warm-up
  const timed = (pass: () => number): { seconds: number; count: number } => {
    let best = Infinity;
    let count = 0;
    for (let r = 0; r < Math.max(1, rounds); r++) {
      const start = process.hrtime.bigint();
      count = pass();
      const s = Number(process.hrtime.bigint() - start) / 1e9;
      if (s < best) best = s;
    }
    return { seconds: best === Infinity ? 0 : best, count };
  };
  const ours = timed(() => docs.reduce((n, d) => n + findTimes(d, k).length, 0));
  const peer = timed(() => docs.reduce((n, d) => {
    const ref = d.published ? new Date(`${d.published}T12:00:00Z`) : new Date(0);
    return n + chrono.casual.parse(d.text, ref).length;
  }, 0));
  return {
    articles: docs.length,
    times: ours.count,
    seconds: ours.seconds,
    articlesPerSec: ours.seconds > 0 ? docs.length / ours.seconds : 0,
    timesPerSec: ours.seconds > 0 ? ours.count / ours.seconds : 0,
    loadMs,
    chronoSeconds: peer.seconds,
    chronoArticlesPerSec: peer.seconds > 0 ? docs.length / peer.seconds : 0,
  };
}
