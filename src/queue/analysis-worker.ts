// One pipeline thread (see ./threads.ts): loads the knowledge once (and, for an ingestor,
// opens its own connection to the store), then extracts, analyses and maybe stores each
// document it is sent. An ingestor's thread stores what it has analysed a few documents at
// a time, in one transaction, and then puts them in their stories; the pool's threads take
// turns at that (a lock they share), so one never waits on the database for another, and
// one that finds the turn taken goes on analysing what it holds instead of waiting.
import { parentPort, workerData } from 'node:worker_threads';
import { analyze, loadKnowledge } from '../analyze/index.js';
import { extractDocument } from '../extract/index.js';
import type { AnalyzedArticle, RawDocument, Result } from '../model/index.js';
import { openStore, type Store } from '../store/index.js';
import { updateStories } from '../stories/index.js';
import { featuresOf } from '../stories/features.js';
import { WriteTurns } from './turns.js';
import type { ThreadData } from './threads.js';

const data = (workerData ?? {}) as ThreadData;
const knowledge = loadKnowledge();
const store = data.store ? await openStore(data.store) : null;
const turns = data.writeTurns ? new WriteTurns(data.writeTurns) : null;
parentPort!.postMessage({ ready: true });

/** Documents received and not yet begun, in order. */
const inbox: { id: number; raw: RawDocument }[] = [];
/** Analysed and waiting to be stored. */
let batch: { id: number; analysed: AnalyzedArticle }[] = [];
let running = false;

parentPort!.on('message', (message: { id: number; raw: RawDocument }) => {
  inbox.push(message);
  if (!running) void run();
});

const reply = (id: number, result: Result<unknown>) => parentPort!.postMessage({ id, result });

async function run(): Promise<void> {
  running = true;
  while (inbox.length) {
    const { id, raw } = inbox.shift()!;
    parentPort!.postMessage({ started: id });
    const outcome = await analyse(raw);
    parentPort!.postMessage({ analysed: id });
    if ('result' in outcome) reply(id, outcome.result);
    else batch.push({ id, analysed: outcome.analysed });
    if (batch.length && (batch.length >= (data.batch ?? 1) || inbox.length === 0)) {
      // Documents the pool has already sent arrive first: a batch ends early only when there is nothing more to analyse.
      await new Promise((r) => setImmediate(r));
      if (batch.length >= (data.batch ?? 1) || inbox.length === 0) {
        // While another thread has the turn, this one analyses what it has been sent instead
        // of waiting, and stores it all at its next turn; it waits only with nothing to analyse.
        const turn = turns && inbox.length > 0 ? turns.tryTake() : null;
        if (turn === false) continue;
        await flush(turn === true);
      }
    }
  }
  running = false;
}

/** The analysed article to store, or the result to hand back at once. */
async function analyse(raw: RawDocument): Promise<{ analysed: AnalyzedArticle } | { result: Result<unknown> }> {
  try {
    const article = extractDocument(raw);
    if (!article.ok) return { result: article };
    if (!store) return { result: { ok: true, value: analyze(article.value, knowledge) } };
    // Text already stored is not analysed again: a resumed batch skips ahead quickly.
    const existing = await store.findByHash(article.value.contentHash);
    if (existing !== null) return { result: { ok: true, value: { status: 'unchanged', articleId: existing } } };
    const analysed = analyze(article.value, knowledge);
    // Its story features now, before the turn to write: clustering finds them (features.ts).
    if (data.stories) featuresOf(analysed);
    return { analysed };
  } catch (e) {
    return { result: { ok: false, error: `analysis failed: ${(e as Error).message}` } };
  }
}

/**
 * Stores the batch in one transaction, then clusters what is stored and not yet in a story.
 * `hasTurn`: the thread has already taken its turn to write.
 */
async function flush(hasTurn: boolean): Promise<void> {
  const pending = batch;
  batch = [];
  const results = await writing(store!, hasTurn, async (s) => {
    let saved: Result<unknown>[];
    try {
      saved = (await s.saveMany(pending.map((p) => p.analysed))).map((r) => (r.ok ? r : { ok: false, error: `could not be stored: ${r.error}` }));
    } catch (e) {
      return pending.map(() => ({ ok: false, error: `could not be stored: ${(e as Error).message}` }) as const);
    }
    // Stored is stored: a story update that fails is caught up by the next one (or `sitrep
    // stories`). While another process clusters, it takes these too: no need to wait for it.
    if (data.stories) await updateStories(s, undefined, { ifFree: true }).catch((e: Error) => console.error(`stories not updated: ${e.message}`));
    return saved;
  });
  pending.forEach((p, i) => reply(p.id, results[i]!));
}

async function writing<T>(s: Store, hasTurn: boolean, fn: (s: Store) => Promise<T>): Promise<T> {
  if (!turns) return fn(s);
  if (!hasTurn) await turns.take();
  try {
    return await fn(s);
  } finally {
    turns.give();
  }
}
