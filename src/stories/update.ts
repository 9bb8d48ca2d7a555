// Incremental clustering over the store: every stored article not yet in a story is put in
// one, oldest first, in write transactions of a few articles each, so a process that stops
// midway leaves the stories consistent and the next run goes on where it stopped.
import type { PendingArticle, Store, StoryTables } from '../store/index.js';
import { CLUSTERING, bisect, combine, decide, absorb, retrievalKeys, similarity, storyOf, storyOfMembers, weigh, type MemberVector } from './cluster.js';
import { featuresOf } from './features.js';
import { shiftDays } from './dating.js';
import { centralTitle } from './title.js';

export interface UpdateSummary {
  /** Articles put in a story (near-duplicates included). */
  clustered: number;
  /** Stories begun. */
  created: number;
  /** Stories merged into an older one because an article bridged them. */
  merged: number;
  /** Stories split in two because their halves no longer resembled each other. */
  split: number;
}

/**
 * Story sizes at which a story is checked for a split, besides after every bridge: 4, 8, 16,
 * … — at doublings, so that the reads of the checks cost a constant per article.
 */
const checkAt = (n: number) => n >= 4 && (n & (n - 1)) === 0;
/** Members a split check reads at most (an even sample of a larger story). */
const SAMPLE = 128;

/** Articles clustered in one write transaction: short enough not to hold up other writers long. */
const BATCH = 50;

/**
 * Clusters everything stored and not yet in a story. `ifFree`: only if no other connection
 * is clustering (else it stops at once): a writer that is not the only one need not wait,
 * since whoever holds the story tables takes every pending article.
 */
export async function updateStories(store: Store, onBatch: (s: UpdateSummary) => void = () => {}, options: { ifFree?: boolean } = {}): Promise<UpdateSummary> {
  const total: UpdateSummary = { clustered: 0, created: 0, merged: 0, split: 0 };
  for (;;) {
    const done = await clusterBatch(store, BATCH, options.ifFree ?? false);
    if (done === null) return total;
    const { batch, full } = done;
    total.clustered += batch.clustered;
    total.created += batch.created;
    total.merged += batch.merged;
    total.split += batch.split;
    if (batch.clustered) onBatch(total);
    // A batch that was not full took everything there was.
    if (!full) return total;
  }
}

/** One write transaction: up to `size` pending articles put in stories. */
async function clusterBatch(store: Store, size: number, ifFree: boolean): Promise<{ batch: UpdateSummary; full: boolean } | null> {
  const batch = async (tables: StoryTables) => {
    const summary: UpdateSummary = { clustered: 0, created: 0, merged: 0, split: 0 };
    const pending = await tables.pending(size);
    for (const p of pending) await clusterOne(tables, p, summary);
    return { batch: summary, full: pending.length === size };
  };
  return retryBusy(() => (ifFree ? store.storyTransactionIfFree(batch) : store.storyTransaction(batch)));
}

/**
 * A batch rolled back because another SQLite writer held the lock past the busy timeout is
 * tried again: the transaction is undone whole, so nothing is clustered twice.
 */
async function retryBusy<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (attempt >= 20 || !/^SQLITE_BUSY/.test((e as { code?: string }).code ?? '')) throw e;
      await new Promise((r) => setTimeout(r, 10 * attempt));
    }
  }
}

async function clusterOne(tables: StoryTables, pending: PendingArticle, summary: UpdateSummary): Promise<void> {
  summary.clustered++;
  // A near-copy goes where its original went and counts once: it adds nothing to the
  // story's vector, dates or the document frequencies.
  if (pending.duplicateOf !== null) {
    const story = await tables.storyOf(pending.duplicateOf);
    if (story !== null) {
      await tables.addMember({ articleId: pending.id, storyId: story, similarity: 1, duplicateOf: pending.duplicateOf });
      return;
    }
  }
  const doc = await tables.load(pending.id);
  if (!doc) return;
  const features = featuresOf(doc);
  const keys = [...features.counts.keys()];
  // Its keys are counted in the document frequencies now; the weights use those from before.
  const documents = await tables.documents();
  const vector = weigh(features, await tables.countDocument(keys), documents + 1);
  const lookup = retrievalKeys(vector);
  const found = await tables.candidates(lookup, windowAround(features.date), CLUSTERING.perKey);
  // The full states of the few stories that share the most (weighted) keys.
  const shared = [...found].map(([id, ks]) => ({ id, weight: ks.reduce((sum, k) => sum + (vector.get(k) ?? 0), 0) }));
  shared.sort((a, b) => b.weight - a.weight || b.id - a.id);
  const candidates = await tables.stories(shared.slice(0, CLUSTERING.candidates).map((c) => c.id));
  const decision = decide(vector, features.date, candidates);
  let storyId: number;
  let check = false;
  if (decision.story === null) {
    const { id: _, ...fresh } = storyOf(0, vector, features);
    storyId = await tables.create(fresh);
    summary.created++;
  } else {
    const byId = new Map(candidates.map((c) => [c.id, c]));
    const joined = combine(byId.get(decision.story)!, decision.merge.map((id) => byId.get(id)!));
    await tables.merge(decision.story, decision.merge);
    const grown = absorb(joined, vector, features);
    await tables.update(grown);
    storyId = decision.story;
    summary.merged += decision.merge.length;
    check = decision.merge.length > 0 || checkAt(grown.articles);
  }
  await tables.addMember({ articleId: pending.id, storyId, similarity: decision.similarity, duplicateOf: null });
  await tables.post(storyId, lookup, features.date);
  if (check && await splitStory(tables, storyId)) summary.split++;
}

/**
 * Splits a story in two when its halves no longer resemble each other (cluster.ts, `bisect`):
 * the half with the oldest member keeps the story and its id; the other half, with the
 * near-copies of its members, becomes a new story. A story of more than `SAMPLE` members is
 * judged on an even sample of them (every k-th by age, so its first and latest days are both
 * read): a check costs the same at any size, and only a story that does part is read whole,
 * each member not in the sample going to the half it resembles more. True when it split.
 */
export async function splitStory(tables: StoryTables, storyId: number, sampleSize = SAMPLE): Promise<boolean> {
  const members = await tables.members(storyId);
  const originals = members.filter((m) => m.duplicateOf === null);
  const sample = evenly(originals, sampleSize);
  const vectors = await memberVectors(tables, sample.map((m) => m.id));
  const cut = bisect(vectors);
  const [before] = await tables.stories([storyId]);
  // Each check names the story anew by its most central headline (./title.ts), read in the sample.
  const titleOf = (ids: ReadonlySet<number> | null) =>
    centralTitle(vectors.filter((v) => !ids || ids.has(v.id)).map((v) => v.features.title)) ?? before?.title ?? null;
  if (!cut) {
    const title = titleOf(null);
    if (before && title !== before.title) await tables.update({ ...before, title });
    return false;
  }
  const byId = new Map(vectors.map((v) => [v.id, v]));
  let [stay, leave] = [[...cut.stay], [...cut.leave]];
  if (sample.length < originals.length) {
    const halfOf = (ids: readonly number[]) => storyOfMembers(0, ids.map((i) => byId.get(i)!));
    const [toStay, toLeave] = [halfOf(stay), halfOf(leave)];
    const sampled = new Set(sample.map((m) => m.id));
    for (const v of await memberVectors(tables, originals.filter((m) => !sampled.has(m.id)).map((m) => m.id))) {
      byId.set(v.id, v);
      (similarity(v.vector, v.features.date, toStay) >= similarity(v.vector, v.features.date, toLeave) ? stay : leave).push(v.id);
    }
    if (oldest(leave) < oldest(stay)) [stay, leave] = [leave, stay];
  }
  const stateOf = (id: number, ids: readonly number[]) =>
    ({ ...storyOfMembers(id, ids.map((i) => byId.get(i)!)), title: titleOf(new Set(ids)) });
  await tables.update(stateOf(storyId, stay));
  const { id: _, ...leaving } = stateOf(0, leave);
  const newId = await tables.create(leaving);
  const going = new Set(leave);
  await tables.move(members.filter((m) => going.has(m.id) || (m.duplicateOf !== null && going.has(m.duplicateOf))).map((m) => m.id), newId);
  for (const id of leave) {
    const m = byId.get(id)!;
    await tables.post(newId, retrievalKeys(m.vector), m.features.date);
  }
  return true;
}

/** The members' weighted vectors, against the document frequencies as they stand. */
async function memberVectors(tables: StoryTables, ids: readonly number[]): Promise<MemberVector[]> {
  const loaded = [];
  for (const id of ids) {
    const doc = await tables.load(id);
    if (doc) loaded.push({ id, features: featuresOf(doc) });
  }
  const df = await tables.frequencies([...new Set(loaded.flatMap((m) => [...m.features.counts.keys()]))]);
  const documents = await tables.documents();
  return loaded.map((m) => ({ ...m, vector: weigh(m.features, df, documents) }));
}

/** At most `n` of the items, evenly spaced, the first always among them. */
function evenly<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]!);
}

const oldest = (ids: readonly number[]) => ids.reduce((a, b) => Math.min(a, b), Infinity);

function windowAround(date: string | null): { from: string; to: string } | null {
  return date ? { from: shiftDays(date, -CLUSTERING.windowDays), to: shiftDays(date, CLUSTERING.windowDays) } : null;
}
