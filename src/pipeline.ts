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

/** Stores every item, one transaction an article; a bad item never stops the batch. */
export async function ingestItems(
  store: Store,
  items: Iterable<IngestItem> | AsyncIterable<IngestItem>,
  knowledge: Knowledge,
  onOutcome: (o: IngestOutcome) => void = () => {},
): Promise<IngestSummary> {
  const summary: IngestSummary = { ingested: 0, unchanged: 0, rejected: [] };
  for await (const item of items) {
    const outcome = await ingestItem(store, item, knowledge);
    if (outcome.status === 'rejected') summary.rejected.push({ input: outcome.input, error: outcome.error });
    else if (outcome.status === 'stored') summary.ingested++;
    else summary.unchanged++;
    onOutcome(outcome);
  }
  return summary;
}

async function ingestItem(store: Store, item: IngestItem, knowledge: Knowledge): Promise<IngestOutcome> {
  if (!item.ok) return { status: 'rejected', input: item.input, error: item.error };
  const article = extractDocument(item.doc);
  if (!article.ok) return { status: 'rejected', input: item.doc.sourceId, error: article.error };
  try {
    // Text already stored is not analysed again.
    const existing = await store.findByHash(article.value.contentHash);
    if (existing !== null) return { status: 'unchanged', sourceId: item.doc.sourceId, articleId: existing };
    const saved = await store.save(analyze(article.value, knowledge));
    return { status: saved.status, sourceId: item.doc.sourceId, articleId: saved.articleId };
  } catch (e) {
    return { status: 'rejected', input: item.doc.sourceId, error: `could not be stored: ${(e as Error).message}` };
  }
}
