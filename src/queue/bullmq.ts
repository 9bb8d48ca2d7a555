// Distributed ingest on Redis with BullMQ: producers enqueue raw documents, any number of
// `sitrep worker` processes on any machines run the same pipeline into the shared store.
// A job's id is the hash of its input, so enqueueing the same input twice queues it once;
// a killed worker's job is taken up again when its lock lapses, and storing is idempotent
// (content hash), so every article is stored exactly once.
import { createHash } from 'node:crypto';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { IngestItem } from '../ingest/index.js';
import type { RawDocument } from '../model/index.js';
import type { Ingestor } from '../pipeline.js';
import type { SaveResult } from '../store/index.js';

export interface QueueOptions {
  /** redis://host:port (default: $SITREP_REDIS_URL, else redis://127.0.0.1:6379). */
  redisUrl?: string;
  /** Key prefix, so that several sitrep installations can share one Redis. */
  prefix?: string;
}

const QUEUE_NAME = 'ingest';

function connect(opts: QueueOptions): Redis {
  const url = opts.redisUrl || process.env.SITREP_REDIS_URL || 'redis://127.0.0.1:6379';
  // BullMQ workers block on Redis; they need unlimited retries per request.
  return new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
}

const prefixOf = (opts: QueueOptions) => opts.prefix || process.env.SITREP_QUEUE_PREFIX || 'sitrep';

/** The job id of an input: the same source and bytes give the same job. */
export function jobId(doc: RawDocument): string {
  return createHash('sha256').update(doc.sourceId).update('\0').update(doc.content).digest('hex');
}

export interface EnqueueSummary {
  queued: number;
  alreadyQueued: number;
  rejected: { input: string; error: string }[];
}

export async function enqueue(items: Iterable<IngestItem> | AsyncIterable<IngestItem>, opts: QueueOptions = {}): Promise<EnqueueSummary> {
  const connection = connect(opts);
  const queue = new Queue<RawDocument>(QUEUE_NAME, { connection, prefix: prefixOf(opts) });
  const summary: EnqueueSummary = { queued: 0, alreadyQueued: 0, rejected: [] };
  try {
    for await (const item of items) {
      if (!item.ok) {
        summary.rejected.push({ input: item.input, error: item.error });
        continue;
      }
      const id = jobId(item.doc);
      if (await queue.getJob(id)) {
        summary.alreadyQueued++;
        continue;
      }
      await queue.add('document', item.doc, {
        jobId: id,
        attempts: 5,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { age: 7 * 24 * 3600 },
        removeOnFail: false,
      });
      summary.queued++;
    }
  } finally {
    await queue.close();
    connection.disconnect();
  }
  return summary;
}

export interface WorkerOptions extends QueueOptions {
  /** Jobs taken at once (default: as many as the ingestor works on at once). */
  concurrency?: number;
  /** How long a job's lock lasts before another worker may take it up (ms). */
  lockDuration?: number;
  /** Stop once the queue has nothing waiting, delayed or active. */
  exitWhenIdle?: boolean;
  onJob?: (event: { status: 'stored' | 'unchanged' | 'failed'; sourceId: string; error?: string }) => void;
}

/** Runs a worker until it is stopped (SIGINT/SIGTERM) or, with exitWhenIdle, the queue is empty. */
export async function runWorker(ingestor: Ingestor, opts: WorkerOptions = {}): Promise<void> {
  const connection = connect(opts);
  const lockDuration = opts.lockDuration ?? 30_000;
  const worker = new Worker<RawDocument, SaveResult>(
    QUEUE_NAME,
    async (job: Job<RawDocument>) => {
      const stored = await ingestor.ingest(job.data);
      if (stored.ok) return stored.value;
      // A store that failed may work on a later attempt; a document that cannot be read
      // never will be: fail it at once, with the reason.
      if (stored.error.startsWith('could not be stored')) throw new Error(stored.error);
      throw new UnrecoverableError(stored.error);
    },
    {
      connection,
      prefix: prefixOf(opts),
      // Enough jobs at once that each thread has a batch to store together.
      concurrency: opts.concurrency ?? ingestor.parallelism,
      lockDuration,
      stalledInterval: Math.max(500, Math.floor(lockDuration / 2)),
      maxStalledCount: 3,
    },
  );
  worker.on('completed', (job, result) => opts.onJob?.({ status: result.status, sourceId: job.data.sourceId }));
  worker.on('failed', (job, err) => {
    if (job) opts.onJob?.({ status: 'failed', sourceId: job.data.sourceId, error: err.message });
  });

  const queueConnection = connect(opts);
  const queue = new Queue(QUEUE_NAME, { connection: queueConnection, prefix: prefixOf(opts) });
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (opts.exitWhenIdle) {
      const timer = setInterval(async () => {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
        if (Object.values(counts).every((n) => n === 0)) {
          clearInterval(timer);
          resolve();
        }
      }, 300);
    }
  });
  await worker.close();
  await queue.close();
  connection.disconnect();
  queueConnection.disconnect();
}

export interface QueueStatus {
  counts: Record<string, number>;
  failed: { sourceId: string; reason: string; attempts: number }[];
}

export async function queueStatus(opts: QueueOptions = {}, failedLimit = 100): Promise<QueueStatus> {
  const connection = connect(opts);
  const queue = new Queue<RawDocument>(QUEUE_NAME, { connection, prefix: prefixOf(opts) });
  try {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
    const failed = (await queue.getFailed(0, failedLimit - 1)).map((j) => ({
      sourceId: j.data.sourceId, reason: j.failedReason, attempts: j.attemptsMade,
    }));
    return { counts, failed };
  } finally {
    await queue.close();
    connection.disconnect();
  }
}
