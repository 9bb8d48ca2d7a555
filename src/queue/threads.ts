// An Analyzer over a pool of worker threads. The stages are pure, so each thread loads
// the knowledge once and runs processDocument on what it is sent; the main thread reads
// inputs and writes the store. A thread works on one document at a time, and a document
// that takes longer than the time limit (a hostile page) is refused: its thread is ended
// and replaced, and the other documents go on.
import { Worker } from 'node:worker_threads';
import type { AnalyzedArticle, RawDocument, Result } from '../model/index.js';
import type { Analyzer } from '../pipeline.js';

export const DEFAULT_TIME_LIMIT_MS = 30_000;

interface Job {
  raw: RawDocument;
  resolve(r: Result<AnalyzedArticle>): void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

export function threadAnalyzer(threads: number, timeLimitMs = DEFAULT_TIME_LIMIT_MS): Analyzer {
  const waiting: Job[] = [];
  const slots: Slot[] = [];
  let closed = false;

  const finish = (slot: Slot, result: Result<AnalyzedArticle>) => {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = null;
    job?.resolve(result);
    dispatch();
  };

  const start = (): Slot => {
    const slot: Slot = { worker: new Worker(new URL('./analysis-worker.js', import.meta.url)), job: null, timer: null };
    slot.worker.on('message', ({ result }: { result: Result<AnalyzedArticle> }) => finish(slot, result));
    // A thread that dies fails only the document it held, and is replaced.
    const died = (why: string) => {
      if (closed) return;
      slots.splice(slots.indexOf(slot), 1, start());
      if (slot.job) finish(slot, { ok: false, error: `analysis failed: ${why}` });
    };
    slot.worker.on('error', (e) => died(e.message));
    slot.worker.on('exit', (code) => died(`analysis thread exited with code ${code}`));
    return slot;
  };

  const dispatch = () => {
    for (const slot of slots) {
      if (slot.job || waiting.length === 0) continue;
      const job = waiting.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => {
        const timedOut = slot.job;
        slot.job = null;
        slots.splice(slots.indexOf(slot), 1, start());
        slot.worker.removeAllListeners('exit');
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
