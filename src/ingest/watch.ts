// `sitrep watch`: polls feeds, fetches the pages of items not seen before, and ingests
// them through the one pipeline. Conditional GETs (ETag, Last-Modified) keep polling
// cheap; an item is marked seen once it is stored or refused for good, so it is
// ingested once, and an item whose page could not be fetched for now is tried again.
import { readFileSync } from 'node:fs';
import type { IngestOutcome, IngestSummary, Ingestor } from '../pipeline.js';
import { ingestItems } from '../pipeline.js';
import type { Store } from '../store/index.js';
import { decodeText } from './decode.js';
import { fetchUrl, type FetchOptions } from './fetch.js';
import { parseFeedItems } from './feeds.js';
import type { IngestItem } from './index.js';

export interface PollResult extends IngestSummary {
  feed: string;
  status: 'polled' | 'not-modified' | 'failed';
  error?: string;
  /** Items in the feed not seen before this poll. */
  newItems: number;
}

/** Feed URLs from a list file: one a line; blank lines and `#` comments are skipped. */
export function readFeedList(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim()).filter((l) => l !== '');
}

export async function pollFeed(store: Store, ingestor: Ingestor, feedUrl: string, options: FetchOptions = {}, onOutcome?: (o: IngestOutcome) => void): Promise<PollResult> {
  const result: PollResult = { feed: feedUrl, status: 'polled', newItems: 0, ingested: 0, unchanged: 0, rejected: [] };
  const state = await store.feedState(feedUrl);
  const conditional: Record<string, string> = {};
  if (state?.etag) conditional['if-none-match'] = state.etag;
  if (state?.lastModified) conditional['if-modified-since'] = state.lastModified;
  const res = await fetchUrl(feedUrl, { ...options, headers: { ...options.headers, ...conditional, accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5' } });
  if (!res.ok) return { ...result, status: 'failed', error: res.error };
  if (res.value.status === 304) return { ...result, status: 'not-modified' };
  if (res.value.status !== 200) return { ...result, status: 'failed', error: `HTTP ${res.value.status}` };
  const text = decodeText(res.value.body);
  if (!text.ok) return { ...result, status: 'failed', error: text.error };
  const items = parseFeedItems(text.value);
  if (!items.ok) return { ...result, status: 'failed', error: items.error };

  const unseen = new Set(await store.unseenItems(feedUrl, items.value.map((i) => i.key)));
  const fresh = items.value.filter((i) => unseen.has(i.key));
  result.newItems = fresh.length;
  const retryLater = new Set<string>();
  const pages = async function* (): AsyncGenerator<IngestItem> {
    for (const item of fresh) {
      const page = await fetchUrl(item.url, options);
      if (!page.ok || page.value.status >= 500 || page.value.status === 429) {
        retryLater.add(item.url);
        yield { ok: false, input: item.url, error: page.ok ? `HTTP ${page.value.status} (will retry)` : `${page.error} (will retry)` };
        continue;
      }
      if (page.value.status !== 200) {
        yield { ok: false, input: item.url, error: `HTTP ${page.value.status}` };
        continue;
      }
      const html = decodeText(page.value.body);
      if (!html.ok) {
        yield { ok: false, input: item.url, error: html.error };
        continue;
      }
      yield {
        ok: true,
        doc: {
          sourceId: item.url, kind: 'html', content: html.value, url: page.value.url,
          ...(item.title ? { title: item.title } : {}), ...(item.published ? { published: item.published } : {}),
        },
      };
    }
  };
  const summary = await ingestItems(pages(), ingestor, onOutcome);
  for (const item of fresh) if (!retryLater.has(item.url)) await store.markItemSeen(feedUrl, item.key);
  await store.saveFeedState(feedUrl, { etag: res.value.headers.etag ?? null, lastModified: res.value.headers['last-modified'] ?? null });
  return { ...result, ...summary };
}
