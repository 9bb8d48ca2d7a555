// An Analyzer over a pool of worker threads. The stages are pure, so each thread loads
// the knowledge once and runs processDocument on what it is sent; the main thread reads
// inputs and writes the store. Results come back by request id, in any order.
import { Worker } from 'node:worker_threads';
import type { AnalyzedArticle, RawDocument, Result } from '../model/index.js';
import type { Analyzer } from '../pipeline.js';

interface Pending {
  resolve(r: Result<AnalyzedArticle>): void;
  reject(e: Error): void;
  worker: Worker;
}

export function threadAnalyzer(threads: number): Analyzer {
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./analysis-worker.js', import.meta.url)));
  const load = new Map<Worker, number>(workers.map((w) => [w, 0]));
  const pending = new Map<number, Pending>();
  let nextId = 0;

  for (const worker of workers) {
    worker.on('message', ({ id, result }: { id: number; result: Result<AnalyzedArticle> }) => {
      const p = pending.get(id);
      if (!p) return;
      pending.delete(id);
      load.set(worker, load.get(worker)! - 1);
      p.resolve(result);
    });
    // A thread that dies fails the documents it held; the batch goes on with the others.
    const failAll = (e: Error) => {
      for (const [id, p] of pending) {
        if (p.worker !== worker) continue;
        pending.delete(id);
        p.reject(e);
      }
      load.delete(worker);
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`analysis thread exited with code ${code}`)));
  }

  return {
    parallelism: threads,
    process(raw: RawDocument) {
      // The least busy live thread takes the document.
      let best: Worker | undefined;
      for (const [w, n] of load) if (best === undefined || n < load.get(best)!) best = w;
      if (!best) return Promise.reject(new Error('no analysis thread is running'));
      const id = nextId++;
      load.set(best, load.get(best)! + 1);
      const worker = best;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, worker });
        worker.postMessage({ id, raw });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
