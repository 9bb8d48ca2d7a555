// Invented articles and event mentions for the story tests (never real article text).
import type { AnalyzedArticle, EventMention, PlaceRef } from '../model/index.js';
import { simhash } from '../extract/simhash.js';

let counter = 0;

export interface DocOptions {
  sourceId?: string;
  title?: string;
  outlet?: string | null;
  published?: string | null;
  /** A guessed publication day, for an undated article. */
  guess?: string;
  actors?: string[];
  places?: PlaceRef[];
  events?: EventMention[];
}

/** An analysed article with the layers the story stage reads, built from a few facts. */
export function doc(text: string, o: DocOptions = {}): AnalyzedArticle {
  const n = ++counter;
  const sentences = [...text.matchAll(/[^.!?]+[.!?]/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  return {
    article: {
      sourceId: o.sourceId ?? `invented-${n}`, url: null, outlet: o.outlet === undefined ? 'Example Wire' : o.outlet,
      title: o.title ?? null, byline: null, origin: null, published: o.published === undefined ? '2024-03-10' : o.published,
      publishedBasis: o.published === null ? 'none' : 'given',
      publishedGuess: o.guess ? { date: o.guess, precision: 'day', basis: ['test'], confidence: 0.5 } : null,
      language: 'en', text, contentHash: `test:${n}:${text}`, simhash: simhash(text),
    },
    sentences,
    entities: (o.actors ?? []).map((id) => ({ start: 0, end: 1, text: text[0]!, type: 'group' as const, id })),
    places: (o.places ?? []).map((p) => ({ start: 0, end: 1, text: text[0]!, ...p })),
    times: [], quantities: [], attributions: [],
    events: o.events ?? [],
  };
}

export const KAFRANBEL: PlaceRef = { name: 'Kafranbel', geonameid: 9001, lat: 35.53, lon: 36.56, country: 'SY', admin1: 'Idlib', precision: 1 };
export const NEAR_KAFRANBEL: PlaceRef = { name: 'Hass', geonameid: 9002, lat: 35.60, lon: 36.60, country: 'SY', admin1: 'Idlib', precision: 1 };
export const IDLIB_PROVINCE: PlaceRef = { name: 'Idlib', lat: 35.8, lon: 36.6, country: 'SY', admin1: 'Idlib', precision: 3 };
export const TAFAS: PlaceRef = { name: 'Tafas', geonameid: 9003, lat: 32.74, lon: 36.07, country: 'SY', admin1: 'Daraa', precision: 1 };
export const SOCHI: PlaceRef = { name: 'Sochi', geonameid: 9004, lat: 43.6, lon: 39.73, country: 'RU', admin1: 'Krasnodar Krai', precision: 1 };

/** An event mention: an occurred ASSAULT on the given day unless told otherwise. */
export function mention(fields: Partial<EventMention> & { day?: string; start?: number }): EventMention {
  const { day, start, ...rest } = fields;
  return {
    type: 'ASSAULT', mode: '', actor: null, recipient: null, place: null,
    date: day ? { start: day, end: day, precision: 'day', basis: 'explicit' } : null,
    status: 'occurred', killed: null, injured: null, source: null,
    evidence: { sentence: 0, start: start ?? 0, end: (start ?? 0) + 10 }, confidence: 0.8,
    ...rest,
  };
}
