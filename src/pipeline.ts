// The one pipeline every shell (CLI, API, workers) runs: raw document -> clean article ->
// analysed article -> store, done by an Ingestor (threads that extract, analyse and store;
// src/queue/threads.ts). Rejections are values naming the input and the reason.
import type { IngestItem } from './ingest/index.js';
import type { AnalyzedArticle, RawDocument, Result } from './model/index.js';
import type { SaveResult } from './store/index.js';

/** Extracts and analyses documents somewhere (a pool of worker threads: src/queue/threads.ts). */
export interface Analyzer {
  process(raw: RawDocument): Promise<Result<AnalyzedArticle>>;
  /** How many documents it can usefully work on at once. */
  readonly parallelism: number;
  close(): Promise<void>;
}

/** Turns a raw document into a stored article (src/queue/threads.ts: threadIngestor). */
export interface Ingestor {
  ingest(raw: RawDocument): Promise<Result<SaveResult>>;
  /** How many documents it can usefully work on at once. */
  readonly parallelism: number;
  close(): Promise<void>;
}

export interface Rejection {
  input: string;
  error: string;
}

export interface IngestSummary {
  ingested: number;
  unchanged: number;
  rejected: Rejection[];
}

export type IngestOutcome =
  | { status: 'stored' | 'unchanged'; sourceId: string; articleId: number }
  | { status: 'rejected'; input: string; error: string };

/**
 * Stores every item (the ingestor may store a few in one transaction); a bad item never
 * stops the batch. Up to twice the ingestor's parallelism documents are in progress at
 * once; outcomes are reported in input order.
 */
export async function ingestItems(
  items: Iterable<IngestItem> | AsyncIterable<IngestItem>,
  ingestor: Ingestor,
  onOutcome: (o: IngestOutcome) => void = () => {},
): Promise<IngestSummary> {
  const summary: IngestSummary = { ingested: 0, unchanged: 0, rejected: [] };
  const window: Promise<IngestOutcome>[] = [];
  const settle = async () => {
    const outcome = await window.shift()!;
    if (outcome.status === 'rejected') summary.rejected.push({ input: outcome.input, error: outcome.error });
    else if (outcome.status === 'stored') summary.ingested++;
    else summary.unchanged++;
    onOutcome(outcome);
  };
  for await (const item of items) {
    window.push(ingestItem(item, ingestor));
    if (window.length >= 2 * ingestor.parallelism) await settle();
  }
  while (window.length) await settle();
  return summary;
}

async function ingestItem(item: IngestItem, ingestor: Ingestor): Promise<IngestOutcome> {
  if (!item.ok) return { status: 'rejected', input: item.input, error: item.error };
  const saved = await ingestor.ingest(item.doc);
  if (!saved.ok) return { status: 'rejected', input: item.doc.sourceId, error: saved.error };
  return { status: saved.value.status, sourceId: item.doc.sourceId, articleId: saved.value.articleId };
}
