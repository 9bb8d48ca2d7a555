// What the API accepts and answers, as zod schemas: requests are validated by them and the
// OpenAPI document is generated from them (./openapi.ts), so the two cannot drift apart.
// Query strings arrive as text: numbers, boxes and points are parsed here, and a value
// that does not parse is a 400 naming the parameter.
import { z } from 'zod';
import { eventStatuses, eventTypes, isoDay } from '../model/index.js';
import { ARTICLE_SORTS, EVENT_SORTS, type EventQuery } from '../store/index.js';

/**
 * Free text in a query string or a body, up to `max` characters. A NUL character is refused:
 * no stored value holds one, and PostgreSQL cannot take one as text (the query would fail).
 */
const text = (max?: number) => (max === undefined ? z.string() : z.string().max(max)).refine((t) => !t.includes('\0'), 'must not contain a NUL character');

/** A whole number in a query string or path. */
const whole = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Comma-separated numbers: `"36.1,35.2"`. */
const numbers = (count: number, what: string, example: string) =>
  z
    .string()
    .meta({ description: what, example })
    .transform((text, ctx) => {
      const parts = text.split(',').map((p) => (p.trim() === '' ? NaN : Number(p)));
      if (parts.length !== count || parts.some((n) => !Number.isFinite(n))) {
        ctx.addIssue({ code: 'custom', message: `expected ${count} comma-separated numbers` });
        return z.NEVER;
      }
      return parts;
    });

const latitude = (n: number) => n >= -90 && n <= 90;
const longitude = (n: number) => n >= -180 && n <= 180;

const bbox = numbers(4, 'Bounding box `minLon,minLat,maxLon,maxLat` in degrees; minLon > maxLon crosses the antimeridian.', '35.5,35.0,37.5,37.0')
  .refine(([w, s, e, n]) => longitude(w!) && longitude(e!) && latitude(s!) && latitude(n!) && s! <= n!, 'longitudes within ±180, latitudes within ±90, minLat <= maxLat')
  .transform(([minLon, minLat, maxLon, maxLat]) => ({ minLon: minLon!, minLat: minLat!, maxLon: maxLon!, maxLat: maxLat! }));

const near = numbers(2, 'A point `lat,lon` in degrees: events within `km` of it.', '36.51,36.87')
  .refine(([lat, lon]) => latitude(lat!) && longitude(lon!), 'latitude within ±90, longitude within ±180')
  .transform(([lat, lon]) => ({ lat: lat!, lon: lon! }));

/** An opaque position in a sorted listing, from a page's `next`. */
const cursor = text(200).meta({ description: 'Continue after the last row of a page: the `cursor` from its `next` link.' });

const eventFilterShape = {
  type: z.enum(eventTypes).optional().meta({ description: 'PLOVER event type' }),
  mode: text(100).optional().meta({ description: 'Mode within the type, e.g. `aerial`' }),
  actor: text(200).optional().meta({ description: 'Canonical actor id, e.g. `RUS.MIL`' }),
  recipient: text(200).optional().meta({ description: 'Canonical id of the actor acted upon' }),
  status: z.enum(eventStatuses).optional(),
  minKilled: whole(0, 1e9).optional().meta({ description: 'At least this many killed (the lowest figure)' }),
  from: isoDay.optional().meta({ description: 'Events ending on or after this day (YYYY-MM-DD)' }),
  to: isoDay.optional().meta({ description: 'Events starting on or before this day (YYYY-MM-DD)' }),
  country: text(10).optional().meta({ description: 'ISO 3166-1 alpha-2 country of the place' }),
  admin1: text(200).optional().meta({ description: 'First-level division of the place (province, governorate)' }),
  bbox: bbox.optional(),
  near: near.optional(),
  km: z.coerce.number().positive().max(20_000).optional().meta({ description: 'Radius for `near`, in kilometres' }),
};

/** The event filters as a store query, with `near` and `km` checked together. */
function eventFilters<T extends z.ZodRawShape>(extra: T) {
  return z
    .strictObject({ ...eventFilterShape, ...extra })
    .superRefine((query, ctx) => {
      const q = query as { near?: unknown; km?: number };
      if (q.near && q.km === undefined) ctx.addIssue({ code: 'custom', path: ['km'], message: '`near` needs `km`, the radius in kilometres' });
      if (q.km !== undefined && !q.near) ctx.addIssue({ code: 'custom', path: ['near'], message: '`km` needs `near`, the point `lat,lon`' });
    });
}

type EventFilters = z.output<z.ZodObject<typeof eventFilterShape>>;

/** The store query of parsed event filters (with paging and order, when given). */
export function eventQuery({ near: point, km, ...filters }: EventFilters & Pick<EventQuery, 'limit' | 'offset' | 'sort'>): EventQuery {
  return { ...filters, ...(point && km !== undefined ? { near: { ...point, km } } : {}) };
}

const paging = (maxLimit: number, defaultLimit: number) => ({
  limit: whole(1, maxLimit).default(defaultLimit).meta({ description: `Rows per page (1-${maxLimit})` }),
  offset: whole(0, 1e9).optional().meta({ description: 'Rows to skip (prefer `cursor` for deep paging)' }),
  cursor: cursor.optional(),
});

export const eventsQuery = eventFilters({
  ...paging(1000, 100),
  sort: z.enum(EVENT_SORTS).default('id').meta({ description: 'Order: storing order, event date or killed; `-` for descending' }),
});

export const eventExportQuery = eventFilters({
  limit: whole(1, Number.MAX_SAFE_INTEGER).optional().meta({ description: 'At most this many events (default: all)' }),
  sort: z.enum(EVENT_SORTS).default('id'),
});

export const eventCsvQuery = eventFilters({
  limit: whole(1, Number.MAX_SAFE_INTEGER).optional().meta({ description: 'At most this many events (default: all)' }),
  sort: z.enum(EVENT_SORTS).default('id'),
  columns: z.enum(['sitrep', 'acled']).default('sitrep').meta({ description: '`sitrep`: every field; `acled`: ACLED columns and categories, only events ACLED would code' }),
});

export const eventFeedQuery = eventFilters({
  limit: whole(1, 500).default(50).meta({ description: 'Entries in the feed, newest first' }),
});

export const articlesQuery = z.strictObject({
  q: text(500).min(1).optional().meta({
    description: 'Full-text query, in the store\'s own syntax. SQLite: FTS5 (words, all of which must appear; `"a phrase"`; `OR`; `NOT`; `prefix*`). '
      + 'PostgreSQL: web-search (words; `"a phrase"`; `or`; `-word` to exclude one; excluded words alone find nothing). '
      + 'A query that does not parse is a 400 `bad_query` naming `q`, never a partial answer.',
  }),
  outlet: text(200).optional(),
  language: text(10).optional().meta({ description: 'ISO 639-1 code' }),
  from: isoDay.optional().meta({ description: 'Published on or after this day' }),
  to: isoDay.optional().meta({ description: 'Published on or before this day' }),
  ...paging(1000, 50),
  sort: z.enum(ARTICLE_SORTS).default('id').meta({ description: 'Order: storing order or publication date; `-` for descending' }),
});

export const storiesQuery = z.strictObject({
  limit: whole(1, 1000).default(50),
  offset: whole(0, 1e9).optional(),
});

export const storyFeedQuery = z.strictObject({
  limit: whole(1, 500).default(50).meta({ description: 'Entries in the feed, latest stories first' }),
});

export const idParams = z.strictObject({
  id: z.string().regex(/^[1-9]\d{0,14}$/, 'expected a positive whole number').transform(Number),
});

/** `POST /api/articles`: the fields of a JSONL document (INTERFACE.md); a lone `url` is fetched. */
export const newArticle = z
  .strictObject({
    id: text(2000).min(1).optional().meta({ description: 'Your id for the article (its sourceId); default: the URL, else a hash of the content' }),
    text: text().optional().meta({ description: 'Plain text of the article' }),
    html: text().optional().meta({ description: 'The article page as HTML' }),
    url: z.url({ protocol: /^https?$/ }).max(2000).optional().meta({ description: 'The page; fetched (http and https, public addresses only) when neither text nor html is given' }),
    title: text(2000).optional(),
    outlet: text(200).optional(),
    published: isoDay.optional(),
  })
  .refine((d) => d.text !== undefined || d.html !== undefined || d.url !== undefined, { message: 'an article needs "text", "html" or "url"' });
export type NewArticle = z.output<typeof newArticle>;

// ---------------------------------------------------------------------------
// Answers. Loose objects: the records may carry more fields than listed (INTERFACE.md:
// shapes are extended, never narrowed).

export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

const actorRef = z.object({ id: z.string(), text: z.string() }).nullable();
const articleRef = z.looseObject({
  sourceId: z.string(), url: z.string().nullable(), outlet: z.string().nullable(), title: z.string().nullable(), published: z.string().nullable(),
});

export const eventBody = z.looseObject({
  id: z.number().int(),
  type: z.enum(eventTypes),
  mode: z.string(),
  actor: actorRef,
  recipient: actorRef,
  place: z.looseObject({ name: z.string(), lat: z.number(), lon: z.number(), country: z.string(), precision: z.number() }).nullable(),
  date: z.looseObject({ start: z.string(), end: z.string(), precision: z.string(), basis: z.string() }).nullable(),
  status: z.enum(eventStatuses),
  killed: z.looseObject({ min: z.number(), max: z.number().nullable(), who: z.string(), text: z.string() }).nullable(),
  injured: z.looseObject({ min: z.number(), max: z.number().nullable(), who: z.string(), text: z.string() }).nullable(),
  source: actorRef,
  evidence: z.object({ sentence: z.number(), start: z.number(), end: z.number() }),
  confidence: z.number(),
  article: articleRef.extend({ id: z.number().int() }),
  story: z.number().int().nullable().meta({ description: 'The story the article is in, if any' }),
});

export const articleSummary = z.looseObject({
  id: z.number().int(),
  ingestedAt: z.string(),
  sourceId: z.string(),
  url: z.string().nullable(),
  outlet: z.string().nullable(),
  title: z.string().nullable(),
  byline: z.string().nullable(),
  published: z.string().nullable(),
  publishedBasis: z.string(),
  language: z.string(),
  length: z.number().int().meta({ description: 'Characters of clean text' }),
  duplicateOf: z.object({ id: z.number().int(), similarity: z.number() }).nullable(),
});

const span = z.looseObject({ start: z.number().int(), end: z.number().int() });
export const articleBody = z.looseObject({
  id: z.number().int(),
  article: z.looseObject({ sourceId: z.string(), title: z.string().nullable(), outlet: z.string().nullable(), language: z.string(), text: z.string() }),
  sentences: z.array(span),
  entities: z.array(span),
  places: z.array(span),
  times: z.array(span),
  quantities: z.array(span),
  attributions: z.array(span),
  events: z.array(z.looseObject({ type: z.enum(eventTypes) })),
});

export const outletBody = z.object({
  outlet: z.string(), articles: z.number().int(), events: z.number().int(),
  firstPublished: z.string().nullable(), lastPublished: z.string().nullable(),
});

export const storySummary = z.looseObject({
  id: z.number().int(), title: z.string().nullable(), firstDate: z.string().nullable(), lastDate: z.string().nullable(),
  articles: z.number().int(), outlets: z.record(z.string(), z.number()),
});

export const storyBody = z.looseObject({
  id: z.string(), title: z.string(), articles: z.array(z.string()),
  events: z.array(z.looseObject({ id: z.string(), type: z.enum(eventTypes), claims: z.array(z.looseObject({ field: z.string(), disputed: z.boolean() })) })),
});

/** Framing (src/stories/framing): the sentence behind a count, and counts that keep theirs. */
const framingEvidence = z.looseObject({
  sourceId: z.string(), sentence: z.number().int(), start: z.number().int(), end: z.number().int(), span: span,
});
const counted = {
  count: z.number().int(),
  articles: z.record(z.string(), z.number()).meta({ description: 'sourceId -> count' }),
  evidence: z.array(framingEvidence),
};
const framingVoice = z.enum(['own', 'quoted', 'reported', 'distanced', 'negated'])
  .meta({ description: 'Whose words: the outlet\'s `own`, else quoted, reported, distanced (scare quotes, "so-called") or negated' });

export const storyFramingBody = z.looseObject({
  story: z.string(),
  title: z.string(),
  outlets: z.array(z.looseObject({
    key: z.string().meta({ description: 'The column: the outlet, else the sourceId of an article with no outlet' }),
    outlet: z.string().nullable(), byArticle: z.boolean(), articles: z.array(z.string()), words: z.number().int(),
  })),
  note: z.string().optional(),
  actors: z.array(z.looseObject({
    id: z.string(), name: z.string(),
    outlets: z.record(z.string(), z.array(z.looseObject({
      label: z.string(), kind: z.enum(['label', 'name']), terms: z.array(z.string()), voice: framingVoice,
      speaker: z.string().optional(), distanced: z.array(z.string()).optional(), ...counted,
    }))).meta({ description: 'Column key -> its labels for this actor, most used first' }),
  })),
  loaded: z.record(z.string(), z.looseObject({
    words: z.number().int(), own: z.number().int(), perThousandWords: z.number(), hedges: z.number().int(), factives: z.number().int(),
    terms: z.array(z.looseObject({
      term: z.string(), category: z.enum(['loaded', 'hedge', 'factive']), tone: z.string().optional(), about: z.string().nullable(),
      voice: framingVoice, speaker: z.string().optional(), ...counted,
    })),
  })).meta({ description: 'Column key -> its loaded terms, hedges and factives' }),
  voices: z.record(z.string(), z.array(z.looseObject({
    key: z.string(), id: z.string().optional(), name: z.string(), kind: z.string(), side: z.string().optional(), role: z.string().optional(),
    how: z.array(z.enum(['quoted', 'reported', 'source'])), ...counted,
  }))).meta({ description: 'Column key -> whom it quotes or credits, most credited first' }),
  coverage: z.looseObject({
    events: z.array(z.looseObject({
      id: z.string(), type: z.string(), mode: z.string(), status: z.string(), date: z.string().nullable(), place: z.string().nullable(),
      actor: z.string().nullable(), recipient: z.string().nullable(),
      outlets: z.record(z.string(), z.array(framingEvidence)).meta({ description: 'Column key -> the sentences reporting the event' }),
      missing: z.array(z.string()).meta({ description: 'Columns that leave the event out' }),
    })),
    blindspots: z.record(z.string(), z.array(z.string())).meta({ description: 'Column key -> story events another column reports and it leaves out' }),
  }),
});

const tally = z.record(z.string(), z.number());
export const outletProfileBody = z.looseObject({
  outlet: z.string(),
  articles: z.number().int(),
  labels: z.record(z.string(), tally).meta({ description: 'Actor id -> label -> uses in the outlet\'s own voice' }),
  voices: tally.meta({ description: 'Voice key (actor id, else the words) -> times quoted or credited' }),
  byArticle: z.boolean().optional().meta({ description: 'True when the store names no outlet: the profile is of one article, `outlet` its sourceId' }),
  stories: z.number().int().optional(),
  words: z.number().int().optional(),
  labelTerms: z.record(z.string(), tally).optional(),
  voiceKinds: tally.optional(),
  voiceSides: tally.optional(),
  loaded: z.looseObject({ own: z.number(), perThousandWords: z.number(), hedges: z.number(), factives: z.number(), terms: tally }).optional(),
  coverage: z.looseObject({ events: z.number().int(), reported: z.number().int(), missed: z.number().int() }).optional(),
  evidence: z.looseObject({
    labels: z.record(z.string(), z.record(z.string(), z.array(framingEvidence))),
    voices: z.record(z.string(), z.array(framingEvidence)),
    loaded: z.record(z.string(), z.array(framingEvidence)),
    missed: z.array(z.object({ story: z.string(), event: z.string() })),
  }).optional(),
});

export const saved = z.object({
  id: z.number().int().meta({ description: 'The stored article id' }),
  sourceId: z.string(),
  status: z.enum(['stored', 'unchanged']),
});

/** A page of a listing: the rows, and the link to the next page (null on the last). */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    next: z.string().nullable().meta({ description: 'Path and query of the next page, or null' }),
  });
