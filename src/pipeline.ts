// The one pipeline every shell (CLI, API, workers) runs: raw document -> clean article ->
// analysed article -> store. Rejections are values naming the input and the reason.
import { analyze, type Knowledge } from './analyze/index.js';
import { extractDocument } from './extract/index.js';
import type { IngestItem } from './ingest/index.js';
import type { AnalyzedArticle, RawDocument, Result } from './model/index.js';
import type { Store } from './store/index.js';

export function processDocument(raw: RawDocument, knowledge: Knowledge): Result<AnalyzedArticle> {
  const article = extractDocument(raw);
  if (!article.ok) return article;
  return { ok: true, value: analyze(article.value, knowledge) };
}

/** Runs processDocument somewhere (a pool of worker threads: src/queue/threads.ts). */
export interface Analyzer {
  process(raw: RawDocument): Promise<Result<AnalyzedArticle>>;
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
 * Stores every item, one transaction an article, in input order; a bad item never stops
 * the batch. Up to twice the analyzer's parallelism documents are analysed ahead of the
 * one being stored.
 */
export async function ingestItems(
  store: Store,
  items: Iterable<IngestItem> | AsyncIterable<IngestItem>,
  analyzer: Analyzer,
  onOutcome: (o: IngestOutcome) => void = () => {},
): Promise<IngestSummary> {
  const summary: IngestSummary = { ingested: 0, unchanged: 0, rejected: [] };
  const window: { item: IngestItem; analysed: Promise<Result<AnalyzedArticle>> | null }[] = [];
  const settle = async () => {
    const { item, analysed } = window.shift()!;
    const outcome = await storeItem(store, item, analysed);
    if (outcome.status === 'rejected') summary.rejected.push({ input: outcome.input, error: outcome.error });
    else if (outcome.status === 'stored') summary.ingested++;
    else summary.unchanged++;
    onOutcome(outcome);
  };
  for await (const item of items) {
    window.push({ item, analysed: item.ok ? analyzer.process(item.doc) : null });
    if (window.length >= 2 * analyzer.parallelism) await settle();
  }
  while (window.length) await settle();
  return summary;
}

async function storeItem(store: Store, item: IngestItem, analysed: Promise<Result<AnalyzedArticle>> | null): Promise<IngestOutcome> {
  if (!item.ok) return { status: 'rejected', input: item.input, error: item.error };
  let result: Result<AnalyzedArticle>;
  try {
    result = await analysed!;
  } catch (e) {
    return { status: 'rejected', input: item.doc.sourceId, error: `analysis failed: ${(e as Error).message}` };
  }
  if (!result.ok) return { status: 'rejected', input: item.doc.sourceId, error: result.error };
  try {
    const saved = await store.save(result.value);
    return { status: saved.status, sourceId: item.doc.sourceId, articleId: saved.articleId };
  } catch (e) {
    return { status: 'rejected', input: item.doc.sourceId, error: `could not be stored: ${(e as Error).message}` };
  }
}
