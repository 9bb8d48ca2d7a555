// Pools of worker threads running the pipeline. The stages are pure, so each thread loads
// the knowledge once and extracts and analyses what it is sent: an Analyzer hands the
// analysed article back; an Ingestor's threads also store it, each on its own connection,
// so that the writing is spread over the cores too and the main thread only reads inputs.
// A thread analyses one document at a time (an ingestor's thread is sent a few ahead, to
// store them together), and a document whose analysis takes longer than the time limit (a
// hostile page) is refused: its thread is ended and replaced, and the other documents go
// on. The limit runs from the start of a document's analysis to its end, so a thread is
// never ended inside a transaction.
import { Worker } from 'node:worker_threads';
import type { AnalyzedArticle, RawDocument, Result } from '../model/index.js';
import type { Analyzer, Ingestor } from '../pipeline.js';
import type { SaveResult, StoreOptions } from '../store/index.js';
import { WriteTurns } from './turns.js';

export const DEFAULT_TIME_LIMIT_MS = 30_000;
const WORKER = new URL('./analysis-worker.js', import.meta.url);

/**
 * Documents an ingestor's thread stores in one transaction, at most. Each commit writes
 * every page the batch dirtied (the layers' indexes, the full-text index, clustering's key
 * tables), pages that nearby articles share: storing 2,000 articles took 1.93 s of CPU at 32
 * a transaction against 2.35 s at 8 (bench/README.md). What a crash loses is only analysis
 * (nothing is stored in part), redone on the next run.
 */
export const STORE_BATCH = 32;

/** What a pipeline thread is started with (./analysis-worker.ts). */
export interface ThreadData {
  /** The store to open: the thread stores what it analyses. */
  store?: StoreOptions;
  /** Documents stored in one transaction, at most (default 1). */
  batch?: number;
  /** Put what is stored in stories, after each batch. */
  stories?: boolean;
  /** The lock the pool's threads take turns with to write (SQLite: ./turns.ts). */
  writeTurns?: SharedArrayBuffer;
}

interface Job<R> {
  raw: RawDocument;
  resolve(r: Result<R>): void;
  /** Times given back to the queue because a thread holding it (not analysing it) ended. */
  requeued?: number;
}

interface Pool<R> {
  process(raw: RawDocument): Promise<Result<R>>;
  readonly parallelism: number;
  close(): Promise<void>;
}

/** Threads that analyse and hand the analysed article back. */
export function threadAnalyzer(threads: number, timeLimitMs = DEFAULT_TIME_LIMIT_MS, workerScript: URL = WORKER): Analyzer {
  return threadPool<AnalyzedArticle>(threads, timeLimitMs, workerScript, {}, 1);
}

export interface IngestorOptions {
  timeLimitMs?: number;
  /** Put what is stored in stories as it is stored (default true). */
  stories?: boolean;
  /** Documents stored in one transaction, at most (default STORE_BATCH). */
  batch?: number;
}

/**
 * Threads that analyse and store, each with its own connection to the store `store` names,
 * a few documents a transaction, and put them in their stories. On SQLite, the threads take
 * turns to write (one writer at a time there in any case).
 */
export function threadIngestor(threads: number, store: StoreOptions, options: IngestorOptions = {}): Ingestor {
  const batch = options.batch ?? STORE_BATCH;
  const sqlite = !(store.databaseUrl || process.env.SITREP_DATABASE_URL);
  const data: ThreadData = { store, batch, stories: options.stories ?? true, ...(sqlite ? { writeTurns: WriteTurns.shared() } : {}) };
  // Each thread holds a batch being analysed and one more document to start on, and on
  // SQLite a second batch to analyse while another thread has the turn to write.
  const pool = threadPool<SaveResult>(threads, options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS, WORKER, data, (sqlite ? 2 * batch : batch) + 1);
  return { parallelism: pool.parallelism, ingest: (raw) => pool.process(raw), close: () => pool.close() };
}

interface Slot<R> {
  worker: Worker;
  /** Documents sent to the thread and not yet answered, by the id they were sent with. */
  held: Map<number, Job<R>>;
  /** The document being analysed, whose time limit runs. */
  running: number | null;
  timer: NodeJS.Timeout | null;
  /** Ended (died, timed out or closed): its events no longer count. */
  gone: boolean;
  /** It said it is ready (its knowledge loaded): a death after that is the document's fault. */
  ready: boolean;
}

/** Threads that die before finishing any document: past this many, the pool gives up. */
const MAX_STARTUP_FAILURES = 3;
/** Times a document goes back to the queue when a thread holding it ends; then it fails. */
const MAX_REQUEUES = 3;

type Message<R> = { ready: true } | { started: number } | { analysed: number } | { id: number; result: Result<R> };

/**
 * A pool of `threads` threads, each holding up to `depth` documents at once (sent ahead, so
 * that it can store several in one transaction).
 */
function threadPool<R>(threads: number, timeLimitMs: number, workerScript: URL, workerData: ThreadData, depth: number): Pool<R> {
  const waiting: Job<R>[] = [];
  const slots: Slot<R>[] = [];
  let closed = false;
  let startupFailures = 0;
  let broken: string | null = null;
  let nextId = 0;

  const stopClock = (slot: Slot<R>) => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.running = null;
  };

  /**
   * Ends a slot and puts a fresh thread in its place. The document it was analysing fails
   * with `why`; the others it held (not begun, or analysed and not yet stored) go back to
   * the front of the queue (storing is idempotent: one stored just before is found
   * 'unchanged'), unless threads holding them ended too often.
   */
  const replace = (slot: Slot<R>, why: string) => {
    slot.gone = true;
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1, start());
    const running = slot.running;
    stopClock(slot);
    const again: Job<R>[] = [];
    for (const [id, job] of slot.held) {
      if (id === running || (job.requeued ?? 0) >= MAX_REQUEUES) job.resolve({ ok: false, error: why });
      else again.push({ ...job, requeued: (job.requeued ?? 0) + 1 });
    }
    slot.held.clear();
    waiting.unshift(...again);
    dispatch();
  };

  const start = (): Slot<R> => {
    const slot: Slot<R> = { worker: new Worker(workerScript, { workerData }), held: new Map(), running: null, timer: null, gone: false, ready: false };
    slot.worker.on('message', (message: Message<R>) => {
      if (slot.gone) return;
      if ('ready' in message) {
        slot.ready = true;
        startupFailures = 0;
        dispatch();
      } else if ('started' in message) {
        stopClock(slot);
        slot.running = message.started;
        slot.timer = setTimeout(() => {
          void slot.worker.terminate();
          replace(slot, `analysis took longer than ${timeLimitMs / 1000} s`);
        }, timeLimitMs);
      } else if ('analysed' in message) {
        // Analysis is over; what is left is storing, which the time limit must not cut.
        stopClock(slot);
      } else {
        const job = slot.held.get(message.id);
        slot.held.delete(message.id);
        job?.resolve(message.result);
        dispatch();
      }
    });
    // A thread that dies fails only the document it was analysing, and is replaced; threads
    // that cannot even start (a broken installation) fail everything rather than loop.
    const died = (why: string) => {
      if (slot.gone || closed) return;
      if (!slot.ready && ++startupFailures >= MAX_STARTUP_FAILURES) {
        // It died loading its knowledge, holding no document.
        broken = `analysis threads cannot start: ${why}`;
        for (const s of slots) s.gone = true;
        for (const job of waiting.splice(0)) job.resolve({ ok: false, error: broken });
        for (const s of slots) void s.worker.terminate();
        return;
      }
      replace(slot, `analysis failed: ${why}`);
    };
    slot.worker.on('error', (e) => died(e.message));
    slot.worker.on('exit', (code) => died(`analysis thread exited with code ${code}`));
    return slot;
  };

  const dispatch = () => {
    // Only a thread that has loaded its knowledge takes a document, so the time limit
    // counts the document's analysis alone.
    for (const slot of slots) {
      while (slot.ready && !slot.gone && slot.held.size < depth && waiting.length > 0) {
        const job = waiting.shift()!;
        const id = nextId++;
        slot.held.set(id, job);
        slot.worker.postMessage({ id, raw: job.raw });
      }
    }
  };

  for (let i = 0; i < threads; i++) slots.push(start());

  return {
    parallelism: threads * depth,
    process(raw: RawDocument) {
      if (broken) return Promise.resolve({ ok: false, error: broken });
      return new Promise((resolve) => {
        waiting.push({ raw, resolve });
        dispatch();
      });
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
