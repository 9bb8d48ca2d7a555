// Throughput of the entity stage alone: the dictionary is compiled once (timed apart), the
// sentences are split before the clock starts, then findEntities runs over every text.
import { splitSentences } from '../src/analyze/sentences/index.js';
import type { Doc } from '../src/analyze/types.js';
import { findEntities, loadEntityKnowledge } from '../src/analyze/entities/index.js';

export interface EntityBench {
  articles: number;
  /** Mentions found in one pass. */
  entities: number;
  /** Seconds for the fastest of `rounds` passes over all texts. */
  seconds: number;
  articlesPerSec: number;
  entitiesPerSec: number;
  /** Milliseconds to read data/actors and compile the dictionary (first call in the process). */
  loadMs: number;
}

export function benchEntities(texts: string[], rounds = 3): EntityBench {
  const t0 = process.hrtime.bigint();
  const k = loadEntityKnowledge();
  const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const docs: Doc[] = texts.map((text) => ({
    text, published: null, language: 'en', title: null, sentences: splitSentences(text),
    entities: [], places: [], times: [], quantities: [],
  }));
  for (const d of docs.slice(0, 20)) findEntities(d, k); // warm-up
  let best = Infinity;
  let entities = 0;
  for (let r = 0; r < Math.max(1, rounds); r++) {
    let n = 0;
    const start = process.hrtime.bigint();
    for (const d of docs) n += findEntities(d, k).length;
    const s = Number(process.hrtime.bigint() - start) / 1e9;
    if (s < best) best = s;
    entities = n;
  }
  const seconds = best === Infinity ? 0 : best;
  return {
    articles: docs.length,
    entities,
    seconds,
    articlesPerSec: seconds > 0 ? docs.length / seconds : 0,
    entitiesPerSec: seconds > 0 ? entities / seconds : 0,
    loadMs,
  };
}
