// The merge-or-new decision, as pure functions over an article's weighted features and the
// states of the candidate stories the index found. A story's state is the sum of its
// members' vectors (block by block, each member's block of unit length), its date range
// and its outlets; an article joins the best story whose similarity passes JOIN, and an
// article that passes BRIDGE for several stories joins them into the oldest.
import type { StoryRecord } from '../store/index.js';
import { BLOCKS, blockOf, type ArticleFeatures, type Block } from './features.js';

/** Keys with their TF-IDF weights, each block of unit length (empty blocks absent). */
export type Vector = Map<string, number>;

/** A story as clustering keeps it: its vector (summed member vectors), dates and outlets. */
export type StoryState = StoryRecord;

/**
 * The knobs, chosen on the seeds, invented tests and the FA-KES dev incidents (README.md,
 * "Thresholds"). Weights sum to 1, so a score is a weighted mean of block cosines.
 */
export const CLUSTERING = {
  weights: { w: 0.3, l: 0.25, a: 0.2, p: 0.15, d: 0.1 } as Record<Block, number>,
  /** An article this many days outside a story's date range is not compared with it. */
  windowDays: 7,
  /** Within this many days of a story's range, time costs nothing... */
  graceDays: 3,
  /** ...and from there the score is scaled down linearly to this at the window's edge. */
  edgeFactor: 0.6,
  join: 0.3,
  bridge: 0.4,
  /**
   * A story whose two halves resemble each other less than this is two stories (a wrong
   * bridge, or a story that drifted as it grew): half the join threshold, so that a story
   * does not flap between one and two as articles arrive.
   */
  split: 0.15,
  /** Fewest members of each half of a split: one odd article is not a story of its own. */
  splitHalf: 2,
  /** Keys of an article that look stories up in the index, per block. */
  retrievalKeys: { w: 8, l: 4, a: 4, p: 3, d: 3 } as Record<Block, number>,
  /** Stories fetched per retrieval key, most recent first. */
  perKey: 40,
  /** Stories whose full state is compared, the best by shared rare keys. */
  candidates: 8,
  centroidKeys: { w: 200, l: 60, a: 60, p: 60, d: 30 } as Record<Block, number>,
};

/** Inverse document frequency, smoothed (scikit-learn's formula): never zero, never infinite. */
export const idf = (df: number, documents: number): number => Math.log((documents + 1) / (df + 1)) + 1;

/** TF-IDF weights (sublinear term frequency), each block scaled to unit length. */
export function weigh(f: ArticleFeatures, df: ReadonlyMap<string, number>, documents: number): Vector {
  const raw = new Map<string, number>();
  for (const [k, n] of f.counts) raw.set(k, (1 + Math.log(n)) * idf(df.get(k) ?? 0, documents));
  return unit(raw);
}

/** The keys that find candidate stories: each block's heaviest (rarest, most repeated) keys. */
export function retrievalKeys(v: Vector): string[] {
  const out: string[] = [];
  for (const b of BLOCKS) out.push(...top([...v].filter(([k]) => blockOf(k) === b), CLUSTERING.retrievalKeys[b]).map(([k]) => k));
  return out;
}

const top = (entries: [string, number][], n: number) => entries.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, n);

/** Days from `date` to the range [first, last] (0 inside it); null when either is unknown. */
export function gapDays(date: string | null, first: string | null, last: string | null): number | null {
  if (!date || !first || !last) return null;
  if (date < first) return days(first) - days(date);
  if (date > last) return days(date) - days(last);
  return 0;
}

const days = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** 1 near the story's dates, falling to `edgeFactor` at the window's edge, 0 beyond; 0.7 when either is undated. */
export function timeFactor(gap: number | null): number {
  const { windowDays, graceDays } = CLUSTERING;
  if (gap === null) return 0.7;
  if (gap > windowDays) return 0;
  if (gap <= graceDays) return 1;
  return 1 - ((1 - CLUSTERING.edgeFactor) * (gap - graceDays)) / (windowDays - graceDays);
}

/** Cosine of each block the article and the story both have (a block either lacks is no evidence). */
export function blockCosines(v: Vector, centroid: ReadonlyMap<string, number>): Partial<Record<Block, number>> {
  const dot: Record<string, number> = {};
  const norm: Record<string, number> = {};
  for (const [k, w] of centroid) {
    const b = blockOf(k);
    norm[b] = (norm[b] ?? 0) + w * w;
    const x = v.get(k);
    if (x !== undefined) dot[b] = (dot[b] ?? 0) + x * w;
  }
  const present = new Set<string>();
  for (const k of v.keys()) present.add(blockOf(k));
  const out: Partial<Record<Block, number>> = {};
  for (const b of BLOCKS) if (present.has(b) && norm[b]) out[b] = (dot[b] ?? 0) / Math.sqrt(norm[b]);
  return out;
}

/**
 * How well an article fits a story, 0..1: the mean of the block cosines weighted over the
 * blocks both have, times the time factor.
 */
export function similarity(v: Vector, date: string | null, s: StoryState): number {
  const cos = blockCosines(v, s.centroid);
  let score = 0;
  let weight = 0;
  for (const b of BLOCKS) {
    if (cos[b] === undefined) continue;
    score += CLUSTERING.weights[b] * cos[b];
    weight += CLUSTERING.weights[b];
  }
  return weight ? (score / weight) * timeFactor(gapDays(date, s.firstDate, s.lastDate)) : 0;
}

export interface Decision {
  /** The story the article joins (the oldest of those it bridges), or null for a new story. */
  story: number | null;
  /** Younger stories the article bridges, to be merged into `story`. */
  merge: number[];
  /** The article's similarity to the story it joins (1 for a new story). */
  similarity: number;
}

export function decide(v: Vector, date: string | null, candidates: readonly StoryState[]): Decision {
  const scored = candidates.map((s) => ({ id: s.id, score: similarity(v, date, s) })).sort((a, b) => b.score - a.score || a.id - b.id);
  const best = scored[0];
  if (!best || best.score < CLUSTERING.join) return { story: null, merge: [], similarity: 1 };
  const bridged = [best.id, ...scored.slice(1).filter((s) => s.score >= CLUSTERING.bridge).map((s) => s.id)].sort((a, b) => a - b);
  return { story: bridged[0]!, merge: bridged.slice(1), similarity: best.score };
}

/** A story of one article (its id assigned by the store). */
export function storyOf(id: number, v: Vector, f: ArticleFeatures): StoryState {
  return {
    id, title: f.title, firstDate: f.date, lastDate: f.date, articles: 1,
    centroid: trim(new Map(v)), outlets: f.outlet ? { [f.outlet]: 1 } : {},
  };
}

/** The story with one more member. */
export const absorb = (s: StoryState, v: Vector, f: ArticleFeatures): StoryState => combine(s, [storyOf(s.id, v, f)]);

/** Stories joined: the first keeps its id (and its title, when it has one). */
export function combine(into: StoryState, others: readonly StoryState[]): StoryState {
  let s = into;
  for (const o of others) {
    const centroid = new Map(s.centroid);
    for (const [k, w] of o.centroid) centroid.set(k, (centroid.get(k) ?? 0) + w);
    const outlets = { ...s.outlets };
    for (const [k, n] of Object.entries(o.outlets)) outlets[k] = (outlets[k] ?? 0) + n;
    s = {
      id: s.id, title: s.title ?? o.title,
      firstDate: minDate(s.firstDate, o.firstDate), lastDate: maxDate(s.lastDate, o.lastDate),
      articles: s.articles + o.articles, centroid: trim(centroid), outlets,
    };
  }
  return s;
}

function trim(centroid: Map<string, number>): Map<string, number> {
  const byBlock = new Map<Block, [string, number][]>();
  for (const e of centroid) {
    const b = blockOf(e[0]);
    if (!byBlock.has(b)) byBlock.set(b, []);
    byBlock.get(b)!.push(e);
  }
  const out = new Map<string, number>();
  for (const [b, entries] of byBlock) {
    const kept = entries.length > CLUSTERING.centroidKeys[b] ? top(entries, CLUSTERING.centroidKeys[b]) : entries;
    for (const [k, w] of kept) out.set(k, w);
  }
  return out;
}

const minDate = (a: string | null, b: string | null) => (a && b ? (a < b ? a : b) : a ?? b);
const maxDate = (a: string | null, b: string | null) => (a && b ? (a > b ? a : b) : a ?? b);

/** A member of a story as a split sees it: its article id, weighted vector and features. */
export interface MemberVector {
  id: number;
  vector: Vector;
  features: ArticleFeatures;
}

/**
 * Where a story parts, if it is two situations told as one: two halves by spherical 2-means
 * over the members' vectors (seeded by the member least like the story and the member least
 * like that one), kept apart only when each half has `splitHalf` members or more and the
 * halves resemble each other less than `split`. The half holding the oldest member (lowest
 * id) stays, so the story keeps its id; the other leaves.
 */
export function bisect(members: readonly MemberVector[]): { stay: number[]; leave: number[] } | null {
  if (members.length < 2 * CLUSTERING.splitHalf) return null;
  const stateOf = (ms: readonly MemberVector[]) => storyOfMembers(0, ms);
  const fit = (m: MemberVector, s: StoryState) => similarity(m.vector, m.features.date, s);
  const whole = stateOf(members);
  const seedA = least(members, (m) => fit(m, whole));
  const seedB = least(members.filter((m) => m !== seedA), (m) => fit(m, stateOf([seedA])));
  let halves = [stateOf([seedA]), stateOf([seedB])];
  let inA: boolean[] = [];
  for (let round = 0; round < 5; round++) {
    const next = members.map((m) => fit(m, halves[0]!) >= fit(m, halves[1]!));
    if (next.every(Boolean) || !next.some(Boolean)) return null;
    if (next.every((x, i) => x === inA[i])) break;
    inA = next;
    halves = [stateOf(members.filter((_, i) => inA[i])), stateOf(members.filter((_, i) => !inA[i]))];
  }
  const a = members.filter((_, i) => inA[i]).map((m) => m.id), b = members.filter((_, i) => !inA[i]).map((m) => m.id);
  if (Math.min(a.length, b.length) < CLUSTERING.splitHalf) return null;
  const [hA, hB] = halves as [StoryState, StoryState];
  const alike = Math.max(similarity(unit(hA.centroid), hA.lastDate, hB), similarity(unit(hB.centroid), hB.lastDate, hA));
  if (alike >= CLUSTERING.split) return null;
  return Math.min(...a) < Math.min(...b) ? { stay: a, leave: b } : { stay: b, leave: a };
}

/** A story of these members (at least one), in their order: the first gives the title. */
export function storyOfMembers(id: number, members: readonly MemberVector[]): StoryState {
  const [first, ...rest] = members;
  return combine(storyOf(id, first!.vector, first!.features), rest.map((m) => storyOf(id, m.vector, m.features)));
}

function least<T>(items: readonly T[], score: (x: T) => number): T {
  let best = 0, low = Infinity;
  items.forEach((x, i) => {
    const s = score(x);
    if (s < low) [best, low] = [i, s];
  });
  return items[best]!;
}

/** Weights (a centroid, raw TF-IDF) as a vector: each block scaled to unit length. */
function unit(centroid: ReadonlyMap<string, number>): Vector {
  const norm: Record<string, number> = {};
  for (const [k, w] of centroid) norm[blockOf(k)] = (norm[blockOf(k)] ?? 0) + w * w;
  const v: Vector = new Map();
  for (const [k, w] of centroid) v.set(k, w / Math.sqrt(norm[blockOf(k)]!));
  return v;
}
