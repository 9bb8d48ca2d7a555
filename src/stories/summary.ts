// An extractive summary of a story: LexRank (Erkan & Radev 2004, the continuous version)
// over the sentences of its articles. Sentences are TF-IDF vectors (IDF over the story's
// sentences); a sentence is central when sentences central themselves resemble it. The
// most central sentences are taken, skipping any too like one already taken (outlets
// repeat each other), at most five, in the order the story tells them.
import type { SummarySentence } from '../model/index.js';
import { words } from './features.js';

export interface SummaryInput {
  sourceId: string;
  text: string;
  sentences: readonly { start: number; end: number }[];
}

const MAX_SENTENCES = 5;
/** Sentences read from the top of each article (the lead carries the news), and in all. */
const LEAD = 15;
const MAX_POOL = 300;
/** Similarity under which two sentences are not linked (LexRank's threshold). */
const LINK = 0.1;
/** Similarity over which a sentence repeats one already taken. */
const REPEAT = 0.5;
const DAMPING = 0.85;
const MIN_WORDS = 6;
const MAX_WORDS = 60;

interface Candidate extends SummarySentence {
  order: number;
  terms: Map<string, number>;
}

export function summarize(articles: readonly SummaryInput[]): SummarySentence[] {
  const pool: Candidate[] = [];
  for (const [a, article] of articles.entries()) {
    let taken = 0;
    for (const s of article.sentences) {
      if (taken >= LEAD || pool.length >= MAX_POOL) break;
      const raw = article.text.slice(s.start, s.end);
      const text = raw.trim();
      const n = text.split(/\s+/).length;
      // Headlines, captions and bylines are short or lack a verb-bearing lower-case run.
      if (n < MIN_WORDS || n > MAX_WORDS || !/[a-z]{3,} [a-z]{2,}/.test(text) || !/[.!?"”’]$/.test(text)) continue;
      const terms = new Map<string, number>();
      for (const w of words(text)) terms.set(w, (terms.get(w) ?? 0) + 1);
      if (terms.size < 3) continue;
      const start = s.start + raw.length - raw.trimStart().length;
      pool.push({ sourceId: article.sourceId, start, end: start + text.length, text, order: a * 10_000 + taken, terms });
      taken++;
    }
  }
  if (!pool.length) return [];
  const vectors = tfidf(pool.map((c) => c.terms));
  const sim = vectors.map((x) => vectors.map((y) => cosine(x, y)));
  const scores = lexRank(sim);
  const ranked = pool.map((c, i) => ({ c, i, score: scores[i]! })).sort((a, b) => b.score - a.score || a.c.order - b.c.order);
  const chosen: typeof ranked = [];
  for (const r of ranked) {
    if (chosen.length >= MAX_SENTENCES) break;
    if (chosen.some((c) => sim[c.i]![r.i]! > REPEAT)) continue;
    chosen.push(r);
  }
  return chosen.sort((a, b) => a.c.order - b.c.order).map(({ c }) => ({ sourceId: c.sourceId, start: c.start, end: c.end, text: c.text }));
}

function tfidf(docs: Map<string, number>[]): Map<string, number>[] {
  const df = new Map<string, number>();
  for (const d of docs) for (const k of d.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  return docs.map((d) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [k, n] of d) {
      const w = (1 + Math.log(n)) * (Math.log((docs.length + 1) / (df.get(k)! + 1)) + 1);
      v.set(k, w);
      norm += w * w;
    }
    for (const [k, w] of v) v.set(k, w / Math.sqrt(norm));
    return v;
  });
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  if (a === b) return 1;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, w] of small) dot += w * (large.get(k) ?? 0);
  return dot;
}

/** Stationary scores of a random walk over the similarity graph (power iteration). */
export function lexRank(sim: number[][]): number[] {
  const n = sim.length;
  const weights = sim.map((row) => row.map((s) => (s >= LINK ? s : 0)));
  const out = weights.map((row) => row.reduce((a, b) => a + b, 0));
  let p = new Array<number>(n).fill(1 / n);
  for (let iter = 0; iter < 100; iter++) {
    const next = new Array<number>(n).fill((1 - DAMPING) / n);
    for (let i = 0; i < n; i++) {
      if (!out[i]) continue;
      const share = (DAMPING * p[i]!) / out[i]!;
      const row = weights[i]!;
      for (let j = 0; j < n; j++) if (row[j]) next[j]! += share * row[j]!;
    }
    const delta = next.reduce((d, x, i) => d + Math.abs(x - p[i]!), 0);
    p = next;
    if (delta < 1e-6) break;
  }
  return p;
}
