// The JSON the app reads from `sitrep serve` (shapes of src/api/schemas.ts, narrowed to
// what the views use).
// The event record is the model's own (src/model: type-only imports, erased in the bundle).
import type { ActorRef, Casualties, Claim, EventDate, EventMention, PlaceRef, Story } from '../model/index.js';

export type { ActorRef, Claim, EventDate };
export type ClaimValue = Claim['values'][number];
export type Place = PlaceRef;
export type Count = Casualties;
export type Evidence = EventMention['evidence'];
export type EventFields = EventMention;

export interface ApiEvent extends EventFields {
  id: number;
  article: { id: number; sourceId: string; url: string | null; outlet: string | null; title: string | null; published: string | null };
  story: number | null;
}

export interface Span { start: number; end: number; text?: string }
export interface ArticleJson {
  id: number;
  article: { sourceId: string; url: string | null; outlet: string | null; title: string | null; byline: string | null; published: string | null; language: string; text: string };
  sentences: Span[];
  entities: (Span & { type?: string; id?: string | null })[];
  places: (Span & { name?: string; admin1?: string | null; country?: string })[];
  times: (Span & { value?: string })[];
  quantities: Span[];
  events: EventFields[];
}

export interface ArticleSummary { id: number; sourceId: string; title: string | null; outlet: string | null; published: string | null }

export interface StorySummary { id: number; title: string | null; firstDate: string | null; lastDate: string | null; articles: number; outlets: Record<string, number> }

/** A story event as the API sends it (every mention carries its outlet). */
export interface StoryEvent extends Omit<EventFields, 'evidence' | 'confidence'> {
  id: string;
  mentions: { sourceId: string; outlet: string | null; event: EventFields }[];
  claims: Claim[];
}
/** The model's story as the API sends it: its events in their wire shape (above). */
export type StoryJson = Omit<Story, 'events'> & { events: StoryEvent[] };

/** `GET /api/stories/:id/framing`: one column an outlet (or an article with no outlet). */
export interface FramingCounted { count: number; articles: Record<string, number>; evidence: { sourceId: string; sentence: number; start: number; end: number }[] }
export interface FramingLabel extends FramingCounted { label: string; kind: string; terms: string[]; voice: string; speaker?: string; distanced?: string[] }
export interface FramingTerm extends FramingCounted { term: string; category: string; tone?: string; about: string | null; voice: string; speaker?: string }
export interface FramingVoiceCount extends FramingCounted { key: string; id?: string; name: string; kind: string; side?: string; role?: string }
export interface FramingCoverageEvent { id: string; type: string; mode: string; date: string | null; place: string | null; actor: string | null; recipient: string | null; outlets: Record<string, unknown[]>; missing: string[] }
export interface StoryFramingJson {
  story: string;
  title: string;
  outlets: { key: string; outlet: string | null; byArticle: boolean; articles: string[]; words: number }[];
  note?: string;
  actors: { id: string; name: string; outlets: Record<string, FramingLabel[]> }[];
  loaded: Record<string, { words: number; own: number; perThousandWords: number; hedges: number; factives: number; terms: FramingTerm[] }>;
  voices: Record<string, FramingVoiceCount[]>;
  coverage: { events: FramingCoverageEvent[]; blindspots: Record<string, string[]> };
}

export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export async function getJson<T>(path: string): Promise<T> {
  const r = await fetch(path, { headers: { accept: 'application/json' } });
  if (!r.ok) {
    let message = `${r.status} ${r.statusText}`;
    try {
      message = ((await r.json()) as { error?: { message?: string } }).error?.message ?? message;
    } catch { /* not JSON */ }
    throw new HttpError(r.status, message);
  }
  return (await r.json()) as T;
}

/** Every page of a listing, up to `max` rows. */
export async function getAll<T>(path: string, max = 5000): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  let next: string | null = path;
  while (next && items.length < max) {
    const page: { items: T[]; next: string | null } = await getJson(next);
    items.push(...page.items);
    next = page.next;
  }
  return { items: items.slice(0, max), truncated: next !== null || items.length > max };
}

const articleCache = new Map<number, Promise<ArticleJson>>();
export const getArticle = (id: number) => {
  let p = articleCache.get(id);
  if (!p) articleCache.set(id, (p = getJson<ArticleJson>(`/api/articles/${id}`)));
  p.catch(() => articleCache.delete(id));
  return p;
};

let articleIndex: Promise<Map<string, ArticleSummary>> | null = null;
/** Stored articles by sourceId (stories name their articles by sourceId). */
export function articlesBySource(): Promise<Map<string, ArticleSummary>> {
  articleIndex ??= getAll<ArticleSummary>('/api/articles?limit=1000', 20000).then(({ items }) => new Map(items.map((a) => [a.sourceId, a])));
  return articleIndex;
}
