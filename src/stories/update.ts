// Incremental clustering over the store: every stored article not yet in a story is put in
// one, oldest first, in write transactions of a few articles each, so a process that stops
// midway leaves the stories consistent and the next run goes on where it stopped.
import type { PendingArticle, Store, StoryTables } from '../store/index.js';
import { CLUSTERING, bisect, combine, decide, absorb, retrievalKeys, storyOf, storyOfMembers, weigh, type MemberVector } from './cluster.js';
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
 * Story sizes at which a story is checked for a split, besides after every bridge: each
 * check reads every member, so checking at doublings keeps the cost per article constant.
 */
const CHECK_AT: ReadonlySet<number> = new Set([4, 8, 16, 32, 64, 128]);

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
    check = decision.merge.length > 0 || CHECK_AT.has(grown.articles);
  }
  await tables.addMember({ articleId: pending.id, storyId, similarity: decision.similarity, duplicateOf: null });
  await tables.post(storyId, lookup, features.date);
  if (check && await splitStory(tables, storyId)) summary.split++;
}

/**
 * Splits a story in two when its halves no longer resemble each other (cluster.ts, `bisect`):
 * the half with the oldest member keeps the story and its id; the other half, with the
 * near-copies of its members, becomes a new story. Stories larger than the last check size
 * are left whole (reading every member would cost too much). True when it split.
 */
export async function splitStory(tables: StoryTables, storyId: number): Promise<boolean> {
  const members = await tables.members(storyId);
  const originals = members.filter((m) => m.duplicateOf === null);
  if (originals.length > Math.max(...CHECK_AT)) return false;
  const loaded = [];
  for (const m of originals) {
    const doc = await tables.load(m.id);
    if (doc) loaded.push({ id: m.id, features: featuresOf(doc) });
  }
  const df = await tables.frequencies([...new Set(loaded.flatMap((m) => [...m.features.counts.keys()]))]);
  const documents = await tables.documents();
  const vectors: MemberVector[] = loaded.map((m) => ({ ...m, vector: weigh(m.features, df, documents) }));
  const cut = bisect(vectors);
  const [before] = await tables.stories([storyId]);
  // Each check names the story anew by its most central headline (./title.ts).
  const titleOf = (ids: readonly number[] | null) =>
    centralTitle(vectors.filter((v) => !ids || ids.includes(v.id)).map((v) => v.features.title)) ?? before?.title ?? null;
  if (!cut) {
    const title = titleOf(null);
    if (before && title !== before.title) await tables.update({ ...before, title });
    return false;
  }
  const byId = new Map(vectors.map((v) => [v.id, v]));
  const stateOf = (id: number, ids: readonly number[]) => ({ ...storyOfMembers(id, ids.map((i) => byId.get(i)!)), title: titleOf(ids) });
  await tables.update(stateOf(storyId, cut.stay));
  const { id: _, ...leaving } = stateOf(0, cut.leave);
  const newId = await tables.create(leaving);
  const going = new Set(cut.leave);
  await tables.move(members.filter((m) => going.has(m.id) || (m.duplicateOf !== null && going.has(m.duplicateOf))).map((m) => m.id), newId);
  for (const id of cut.leave) {
    const m = byId.get(id)!;
    await tables.post(newId, retrievalKeys(m.vector), m.features.date);
  }
  return true;
}

function windowAround(date: string | null): { from: string; to: string } | null {
  return date ? { from: shiftDays(date, -CLUSTERING.windowDays), to: shiftDays(date, CLUSTERING.windowDays) } : null;
}
