// RSS, Atom, RDF and JSON Feed documents to a list of items (feedsmith parses; entity
// expansion and external entities are not honoured by it). Pure: text in, items out.
import { parseFeed } from 'feedsmith';
import { fail, ok, type Result } from '../model/index.js';

export interface FeedItem {
  /** The item's stable key: its guid/id, else its link. */
  key: string;
  url: string;
  title?: string;
  /** Publication day, YYYY-MM-DD (UTC), when the feed gives one that parses. */
  published?: string;
}

type Loose = Record<string, unknown>;
const str = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v.trim() || undefined;
  if (v && typeof v === 'object' && 'value' in v) return str((v as Loose).value);
  return undefined;
};

function day(v: unknown): string | undefined {
  const s = str(v);
  if (!s) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().slice(0, 10);
}

function atomLink(entry: Loose): string | undefined {
  const links = (entry.links as Loose[] | undefined) ?? [];
  const alternate = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
  return str(alternate?.href);
}

export function parseFeedItems(text: string): Result<FeedItem[]> {
  let parsed: { format: string; feed: Loose };
  try {
    parsed = parseFeed(text) as unknown as { format: string; feed: Loose };
  } catch (e) {
    return fail(`not a feed: ${(e as Error).message}`);
  }
  const { format, feed } = parsed;
  const raw = ((format === 'atom' ? feed.entries : feed.items) as Loose[] | undefined) ?? [];
  const items: FeedItem[] = [];
  for (const it of raw) {
    const url = format === 'atom' ? atomLink(it) : str(it.url) ?? str(it.link);
    if (!url) continue;
    const key = str(it.id) ?? str(it.guid) ?? url;
    const title = str(it.title);
    const published = day(it.published ?? it.pubDate ?? it.date_published ?? (it.dc as Loose | undefined)?.date ?? it.updated);
    items.push({ key, url, ...(title ? { title } : {}), ...(published ? { published } : {}) });
  }
  return ok(items);
}
