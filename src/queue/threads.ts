// Pools of worker threads running the pipeline. The stages are pure, so each thread loads
// the knowledge once and extracts and analyses what it is sent: an Analyzer hands the
// analysed article back; an Ingestor's threads also store it, each on its own connection,
// so that the writing is spread over the cores too and the main thread only reads inputs.
// A thread works on one document at a time, and a document whose analysis takes longer
// than the time limit (a hostile page) is refused: its thread is ended and replaced, and
// the other documents go on. The limit stops before storing, so a thread is never ended
// inside a transaction.
import { Worker } from 'node:worker_threads';
import type { AnalyzedArticle, RawDocument, Result } from '../model/index.js';
import type { Analyzer, Ingestor } from '../pipeline.js';
import type { SaveResult, StoreOptions } from '../store/index.js';

export const DEFAULT_TIME_LIMIT_MS = 30_000;
const WORKER = new URL('./analysis-worker.js', import.meta.url);

interface Job<R> {
  raw: RawDocument;
  resolve(r: Result<R>): void;
}

interface Pool<R> {
  process(raw: RawDocument): Promise<Result<R>>;
  readonly parallelism: number;
  close(): Promise<void>;
}

/** Threads that analyse and hand the analysed article back. */
export function threadAnalyzer(threads: number, timeLimitMs = DEFAULT_TIME_LIMIT_MS, workerScript: URL = WORKER): Analyzer {
  return threadPool<AnalyzedArticle>(threads, timeLimitMs, workerScript, {});
}

/** Threads that analyse and store, each with its own connection to the store `store` names. */
export function threadIngestor(threads: number, store: StoreOptions, timeLimitMs = DEFAULT_TIME_LIMIT_MS): Ingestor {
  const pool = threadPool<SaveResult>(threads, timeLimitMs, WORKER, { store });
  return { parallelism: pool.parallelism, ingest: (raw) => pool.process(raw), close: () => pool.close() };
}

interface Slot<R> {
  worker: Worker;
  job: Job<R> | null;
  timer: NodeJS.Timeout | null;
  /** Ended (died, timed out or closed): its events no longer count. */
  gone: boolean;
  /** It said it is ready (its knowledge loaded): a death after that is the document's fault. */
  ready: boolean;
}

/** Threads that die before finishing any document: past this many, the pool gives up. */
const MAX_STARTUP_FAILURES = 3;

function threadPool<R>(threads: number, timeLimitMs: number, workerScript: URL, workerData: object): Pool<R> {
  const waiting: Job<R>[] = [];
  const slots: Slot<R>[] = [];
  let closed = false;
  let startupFailures = 0;
  let broken: string | null = null;

  const finish = (slot: Slot<R>, result: Result<R>) => {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = null;
    job?.resolve(result);
    dispatch();
  };

  /** Ends a slot and puts a fresh thread in its place. */
  const replace = (slot: Slot<R>) => {
    slot.gone = true;
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1, start());
  };

  const start = (): Slot<R> => {
    const slot: Slot<R> = { worker: new Worker(workerScript, { workerData }), job: null, timer: null, gone: false, ready: false };
    slot.worker.on('message', (message: { ready: true } | { analysed: true } | { result: Result<R> }) => {
      if ('ready' in message) {
        slot.ready = true;
        startupFailures = 0;
        dispatch();
      } else if ('analysed' in message) {
        // Analysis is over; what is left is storing, which the time limit must not cut.
        if (slot.timer) clearTimeout(slot.timer);
        slot.timer = null;
      } else finish(slot, message.result);
    });
    // A thread that dies fails only the document it held, and is replaced; threads that
    // cannot even start (a broken installation) fail everything rather than loop.
    const died = (why: string) => {
      if (slot.gone || closed) return;
      if (!slot.ready) {
        // It died loading its knowledge, holding no document.
        if (++startupFailures >= MAX_STARTUP_FAILURES) {
          broken = `analysis threads cannot start: ${why}`;
          for (const s of slots) s.gone = true;
          for (const job of waiting.splice(0)) job.resolve({ ok: false, error: broken });
          for (const s of slots) void s.worker.terminate();
          return;
        }
        replace(slot);
        return;
      }
      replace(slot);
      if (slot.job) finish(slot, { ok: false, error: `analysis failed: ${why}` });
    };
    slot.worker.on('error', (e) => died(e.message));
    slot.worker.on('exit', (code) => died(`analysis thread exited with code ${code}`));
    return slot;
  };

  const dispatch = () => {
    // Only a thread that has loaded its knowledge takes a document, so the time limit
    // counts the document's analysis alone.
    for (const slot of slots) {
      if (!slot.ready || slot.job || waiting.length === 0) continue;
      const job = waiting.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => {
        const timedOut = slot.job;
        slot.job = null;
        replace(slot);
        void slot.worker.terminate();
        timedOut?.resolve({ ok: false, error: `analysis took longer than ${timeLimitMs / 1000} s` });
        dispatch();
      }, timeLimitMs);
      slot.worker.postMessage({ raw: job.raw });
    }
  };

  for (let i = 0; i < threads; i++) slots.push(start());

  return {
    parallelism: threads,
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
