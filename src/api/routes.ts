// The API's routes as data: each says what it accepts (zod), who may call it, what it
// answers, and how. ./server.ts registers them with Fastify and ./openapi.ts describes them,
// so the document and the behaviour come from the same definitions. Handlers are thin:
// the store answers the queries, src/export writes the exports, src/stories the stories.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { exportEvents, eventJson, type ExportFormat } from '../export/index.js';
import { decodeText } from '../ingest/decode.js';
import { fetchUrl, type FetchOptions } from '../ingest/fetch.js';
import type { AnalyzedArticle, RawDocument, Result } from '../model/index.js';
import { fail, ok } from '../model/index.js';
import type { Analyzer } from '../pipeline.js';
import { QueryError, type SortKey, type Store, type StoredArticle, type StoredEvent } from '../store/index.js';
import { framingView, outletsView } from '../stories/framing/index.js';
import { storyView, updateStories } from '../stories/index.js';
import { atomFeed, eventEntry, storyEntry, type AtomEntry } from './atom.js';
import * as s from './schemas.js';

/** A refusal the caller can act on: an HTTP status, a stable code and a message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type Access = 'public' | 'read' | 'write';

export interface Answer {
  status?: number;
  /** Media type of the answer. */
  type: string;
  description: string;
  schema?: z.ZodType;
}

export interface Input<Q, P, B> {
  query: Q;
  params: P;
  body: B;
  /** `http://host:port` as the caller reached the server, for links. */
  base: string;
  /** The request's path and query string. */
  url: string;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface Route<Q extends z.ZodType | undefined = z.ZodType | undefined, P extends z.ZodType | undefined = z.ZodType | undefined, B extends z.ZodType | undefined = z.ZodType | undefined> {
  method: 'GET' | 'POST';
  /** Fastify syntax: `/api/articles/:id`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  query?: Q;
  params?: P;
  body?: B;
  answer: Answer;
  /** Error statuses it may answer besides 400 and 500. */
  errors?: number[];
  handle(input: Input<Out<Q>, Out<P>, Out<B>>, reply: FastifyReply): Promise<unknown>;
}

/** Keeps a route's handler typed by its schemas. */
const route = <Q extends z.ZodType | undefined, P extends z.ZodType | undefined, B extends z.ZodType | undefined>(r: Route<Q, P, B>) =>
  r as unknown as Route;

/** What the handlers work with. */
export interface Context {
  store: Store;
  /** The analysis threads, started on first use. */
  analyzer(): Analyzer;
  fetch: FetchOptions;
  log(message: string): void;
}

const JSON_TYPE = 'application/json';
/** Rows read from the store per query when streaming, so no read holds a connection for long. */
const CHUNK = 1000;

export function apiRoutes(ctx: Context, openapi: () => object): Route[] {
  const { store } = ctx;
  return [
    route({
      method: 'GET', path: '/api/openapi.json', tag: 'meta', access: 'public', query: z.strictObject({}),
      summary: 'This API described as an OpenAPI 3.0 document',
      answer: { type: JSON_TYPE, description: 'The OpenAPI document' },
      handle: async () => openapi(),
    }),

    route({
      method: 'GET', path: '/api/articles', tag: 'articles', access: 'read', query: s.articlesQuery,
      summary: 'Stored articles, searched and filtered, a page at a time (without their text)',
      answer: { type: JSON_TYPE, description: 'A page of articles', schema: s.pageOf(s.articleSummary) },
      handle: async ({ query, url }) => {
        const { cursor, ...q } = query;
        const { q: search, ...filters } = q;
        const after = readCursor(cursor, q.sort);
        const rows = store.articles({ ...filters, ...(search ? { search } : {}), ...(after ? { after } : {}), limit: q.limit + 1 });
        return listPage(naming(rows, 'q'), q.limit, url, (a) => sortKey(q.sort, a.id, a.article.published), articleSummary);
      },
    }),

    byId('article', {
      path: '/api/articles/:id', tag: 'articles', schema: s.articleBody,
      summary: 'One article: its clean text and every layer (sentences, entities, places, times, quantities, attributions, events)',
      description: 'Layer offsets are UTF-16 code-unit offsets into `article.text`.',
    }, async (id) => {
      const doc = await store.load(id);
      return doc && articleJson(id, doc);
    }),

    route({
      method: 'POST', path: '/api/articles', tag: 'articles', access: 'write', query: z.strictObject({}), body: s.newArticle,
      summary: 'Analyse and store an article given as text, HTML, or a URL to fetch',
      description: 'Needs `Authorization: Bearer <SITREP_TOKEN>`. Text already stored is not stored again (`status: "unchanged"`, 200).',
      answer: { status: 201, type: JSON_TYPE, description: 'Stored', schema: s.saved },
      errors: [401, 403, 413, 415, 422],
      handle: async ({ body }, reply) => {
        const raw = await rawDocument(body, ctx.fetch);
        if (!raw.ok) throw new ApiError(422, 'fetch_failed', raw.error);
        const analysed = await ctx.analyzer().process(raw.value);
        if (!analysed.ok) throw new ApiError(422, 'rejected', analysed.error);
        const saved = await store.save(analysed.value);
        // The article is stored whatever happens here; `sitrep stories` catches up later.
        await updateStories(store).catch((e: Error) => ctx.log(`stories not updated: ${e.message}`));
        void reply.code(saved.status === 'stored' ? 201 : 200).header('location', `/api/articles/${saved.articleId}`);
        return { id: saved.articleId, sourceId: raw.value.sourceId, status: saved.status };
      },
    }),

    route({
      method: 'GET', path: '/api/events', tag: 'events', access: 'read', query: s.eventsQuery,
      summary: 'Stored events (one per article that tells it), filtered, a page at a time',
      description: 'Filters combine with AND. `bbox` and `near` select placed events only.',
      answer: { type: JSON_TYPE, description: 'A page of events', schema: s.pageOf(s.eventBody) },
      handle: async ({ query, url }) => {
        const { cursor, ...q } = query;
        const after = readCursor(cursor, q.sort);
        return listPage(store.events({ ...s.eventQuery(q), ...(after ? { after } : {}), limit: q.limit + 1 }),
          q.limit, url, (e) => eventSortKey(q.sort, e), eventBody);
      },
    }),

    byId('event', { path: '/api/events/:id', tag: 'events', schema: s.eventBody, summary: 'One event, with its article and story' }, async (id) => {
      for await (const e of store.events({ id })) return eventBody(e);
      return null;
    }),

    ...(['csv', 'geojson', 'jsonl'] as const).map((format) =>
      route({
        method: 'GET', path: `/api/events.${format}`, tag: 'exports', access: 'read',
        query: format === 'csv' ? s.eventCsvQuery : s.eventExportQuery,
        summary: {
          csv: 'Every matching event as CSV (sitrep or ACLED columns), streamed',
          geojson: 'Every placed matching event as a GeoJSON FeatureCollection, streamed',
          jsonl: 'Every matching event as JSON Lines, streamed',
        }[format],
        description: 'The same filters as `/api/events`; no paging: the export streams in constant memory.',
        answer: { type: EXPORT_TYPES[format], description: `The ${format.toUpperCase()} export` },
        handle: async ({ query }, reply) => {
          const { columns, ...q } = query as z.output<typeof s.eventCsvQuery>;
          // The first rows are read before the answer starts: a store that fails at once gives
          // an error answer, not a 200 whose body is cut off.
          const rows = await primed(inChunks((after, limit) => store.events({ ...s.eventQuery(q), ...(after ? { after } : {}), limit }),
            (e) => eventSortKey(q.sort, e), q.limit));
          const body = exportEvents(rows, format as ExportFormat, columns ? { columns } : {});
          return reply
            .type(EXPORT_TYPES[format])
            .header('content-disposition', `attachment; filename="events.${format}"`)
            .send(Readable.from(body));
        },
      })),

    route({
      method: 'GET', path: '/api/outlets', tag: 'outlets', access: 'read', query: z.strictObject({}),
      summary: 'Every outlet, with how many articles and events of the store are its',
      answer: { type: JSON_TYPE, description: 'The outlets, most articles first', schema: z.object({ items: z.array(s.outletBody) }) },
      handle: async () => ({ items: await store.outlets() }),
    }),

    route({
      method: 'GET', path: '/api/outlets/profiles', tag: 'outlets', access: 'read', query: z.strictObject({}),
      summary: 'Every outlet\'s framing profile across all stories: its own labels per actor, whom it credits, loaded terms, coverage',
      description: 'Computed from the stored articles\' layers when asked (src/stories/framing); every count keeps its sentences under `evidence`. '
        + 'An article the store names no outlet for is profiled alone (`byArticle`).',
      answer: { type: JSON_TYPE, description: 'The profiles, most articles first', schema: z.object({ items: z.array(s.outletProfileBody) }) },
      handle: async () => ({ items: await outletsView(store) }),
    }),

    route({
      method: 'GET', path: '/api/stories', tag: 'stories', access: 'read', query: s.storiesQuery,
      summary: 'Stories (articles about one situation across outlets and days), oldest first, a page at a time',
      answer: { type: JSON_TYPE, description: 'A page of stories', schema: s.pageOf(s.storySummary) },
      handle: async ({ query, url }) => {
        const items = [];
        let skip = query.offset ?? 0;
        for await (const story of store.stories()) {
          if (skip > 0) skip--;
          else if (items.push(story) > query.limit) break;
        }
        const more = items.length > query.limit;
        return { items: items.slice(0, query.limit), next: more ? withParams(url, { offset: String((query.offset ?? 0) + query.limit) }) : null };
      },
    }),

    byId('story', {
      path: '/api/stories/:id', tag: 'stories', schema: s.storyBody,
      summary: 'One story: its articles, the timeline of its events with their claims ledgers, and its summary',
      description: 'The id of a story since merged into another gives the story it is now part of.',
    }, (id) => storyView(store, id)),

    byId('story', {
      path: '/api/stories/:id/framing', tag: 'stories', schema: s.storyFramingBody, answers: 'The story\'s framing',
      summary: 'How each outlet tells one story: side by side, its labels for each actor, loaded terms, voices and the events it leaves out',
      description: 'One column an outlet; an article with no outlet is its own column, keyed by its sourceId (`byArticle`). '
        + 'Only `own` uses are the outlet\'s words. Computed when asked from the members\' layers.',
    }, (id) => framingView(store, id)),

    route({
      method: 'GET', path: '/feeds/events.atom', tag: 'feeds', access: 'read', query: s.eventFeedQuery,
      summary: 'The events matching a filter as an Atom feed, latest recorded first',
      description: 'The same filters as `/api/events`: subscribe to "ASSAULT in Idlib with at least 5 killed" with `?type=ASSAULT&admin1=Idlib&minKilled=5`.',
      answer: { type: ATOM_TYPE, description: 'An Atom 1.0 feed' },
      handle: async ({ query, base, url }, reply) => {
        const entries: AtomEntry[] = [];
        for await (const e of store.events({ ...s.eventQuery(query), sort: '-id' })) entries.push(eventEntry(e, base));
        const params = new URL(url, base).searchParams;
        const filter = params.size ? `?${params}` : '';
        const described = [...params].map(([k, v]) => `${k}=${v}`).join(', ');
        return reply.type(ATOM_TYPE).send(atomFeed({
          id: `${base}/feeds/events.atom${filter}`, title: `sitrep events${described ? ` (${described})` : ''}`,
          self: `${base}${url}`, alternate: `${base}/${filter}`, entries,
        }));
      },
    }),

    route({
      method: 'GET', path: '/feeds/stories.atom', tag: 'feeds', access: 'read', query: s.storyFeedQuery,
      summary: 'Stories as an Atom feed, latest first (by their last date)',
      answer: { type: ATOM_TYPE, description: 'An Atom 1.0 feed' },
      handle: async ({ query, base, url }, reply) => {
        const latest: AtomEntry[] = [];
        for await (const story of store.stories()) latest.push(storyEntry(story, base));
        latest.sort((a, b) => (a.updated === b.updated ? 0 : a.updated < b.updated ? 1 : -1));
        return reply.type(ATOM_TYPE).send(atomFeed({
          id: `${base}/feeds/stories.atom`, title: 'sitrep stories', self: `${base}${url}`, alternate: `${base}/`,
          entries: latest.slice(0, query.limit),
        }));
      },
    }),
  ];
}

/** A route answering one record by its id, or 404 when `find` finds none. */
function byId(
  what: string,
  spec: Pick<Route, 'path' | 'tag' | 'summary' | 'description'> & { schema: z.ZodType; answers?: string },
  find: (id: number) => Promise<unknown>,
): Route {
  const { schema, answers, ...described } = spec;
  return route({
    method: 'GET', access: 'read', query: z.strictObject({}), params: s.idParams, ...described,
    answer: { type: JSON_TYPE, description: answers ?? `The ${what}`, schema },
    errors: [404],
    handle: async ({ params }) => {
      const found = await find(params.id);
      if (found === null) throw new ApiError(404, 'not_found', `no ${what} ${params.id}`);
      return found;
    },
  });
}

const ATOM_TYPE = 'application/atom+xml; charset=utf-8';
const EXPORT_TYPES = { csv: 'text/csv; charset=utf-8', geojson: 'application/geo+json', jsonl: 'application/x-ndjson' } as const;

// ---------------------------------------------------------------------------
// Paging: a page is read one row past the limit, to know whether there is a next one; the
// next page continues after the last row (keyset), so deep pages cost what the first does.

async function listPage<T>(
  rows: AsyncIterable<T>, limit: number, url: string, keyOf: (row: T) => Cursor, json: (row: T) => unknown,
): Promise<{ items: unknown[]; next: string | null }> {
  const page: T[] = [];
  try {
    for await (const row of rows) page.push(row);
  } catch (e) {
    if (e instanceof QueryError) throw new ApiError(400, 'bad_query', e.message);
    throw e;
  }
  const more = page.length > limit;
  const items = page.slice(0, limit);
  const next = more ? withParams(url, { cursor: writeCursor(keyOf(items[items.length - 1]!)), offset: null }) : null;
  return { items: items.map(json), next };
}

/** `rows` read CHUNK at a time, each chunk a query of its own after the last row of the one before. */
async function* inChunks<T>(read: (after: SortKey | undefined, limit: number) => AsyncIterable<T>, keyOf: (row: T) => Cursor, limit = Infinity): AsyncGenerator<T> {
  let after: SortKey | undefined;
  for (let left = limit; left > 0;) {
    const size = Math.min(CHUNK, left);
    const chunk: T[] = [];
    for await (const row of read(after, size)) chunk.push(row);
    yield* chunk;
    if (chunk.length < size) return;
    left -= size;
    after = keyOf(chunk[chunk.length - 1]!).at;
  }
}

/** `rows` with the store's refusal of a query (QueryError) told as a 400 naming the query parameter `param`. */
async function* naming<T>(rows: AsyncIterable<T>, param: string): AsyncGenerator<T> {
  try {
    yield* rows;
  } catch (e) {
    if (e instanceof QueryError) throw new ApiError(400, 'bad_query', `query parameter ${param}: ${e.message}`);
    throw e;
  }
}

/** `rows` with its first row already read (so that a failure to start is thrown here). */
async function primed<T>(rows: AsyncIterable<T>): Promise<AsyncIterable<T>> {
  const iterator = rows[Symbol.asyncIterator]();
  const first = await iterator.next();
  return (async function* () {
    if (first.done) return;
    yield first.value;
    yield* { [Symbol.asyncIterator]: () => iterator };
  })();
}

/** A position in a sorted listing: the sort and the last row's key. */
interface Cursor {
  sort: string;
  at: SortKey;
}

const sortKey = (sort: string, id: number, key: string | number | null): Cursor => ({ sort, at: { id, key } });

function eventSortKey(sort: string, e: StoredEvent): Cursor {
  const key = sort.endsWith('date') ? e.event.date?.start ?? null : sort.endsWith('killed') ? e.event.killed?.min ?? null : null;
  return sortKey(sort, e.id, key);
}

function writeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.at.id, c.at.key ?? null])).toString('base64url');
}

const cursorShape = z.tuple([z.string(), z.number().int(), z.union([z.string(), z.number(), z.null()])]);

function readCursor(cursor: string | undefined, sort: string): SortKey | undefined {
  if (cursor === undefined) return undefined;
  let parsed: z.infer<typeof cursorShape> | undefined;
  try {
    parsed = cursorShape.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new ApiError(400, 'bad_request', 'query parameter cursor: not a cursor this API gave');
  }
  if (parsed[0] !== sort) throw new ApiError(400, 'bad_request', `query parameter cursor: it continues a listing sorted by ${parsed[0]}, not ${sort}`);
  return { id: parsed[1], key: parsed[2] };
}

/** The request's path and query with some parameters set (or removed, for null). */
function withParams(url: string, changes: Record<string, string | null>): string {
  const u = new URL(url, 'http://x');
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) u.searchParams.delete(k);
    else u.searchParams.set(k, v);
  }
  return u.pathname + u.search;
}

// ---------------------------------------------------------------------------
// Answers as JSON. Article text goes out as a JSON string, never as markup.

function articleSummary({ id, ingestedAt, article: a, duplicateOf }: StoredArticle) {
  return {
    id, ingestedAt, sourceId: a.sourceId, url: a.url, outlet: a.outlet, title: a.title, byline: a.byline, origin: a.origin,
    published: a.published, publishedBasis: a.publishedBasis, publishedGuess: a.publishedGuess, language: a.language,
    length: a.text.length, duplicateOf,
  };
}

function articleJson(id: number, doc: AnalyzedArticle) {
  const { contentHash: _hash, simhash: _simhash, ...article } = doc.article;
  return {
    id, article, sentences: doc.sentences, entities: doc.entities, places: doc.places, times: doc.times,
    quantities: doc.quantities, attributions: doc.attributions, events: doc.events,
  };
}

function eventBody(e: StoredEvent) {
  const json = eventJson(e);
  return { ...json, article: { id: e.article.id, ...json.article }, story: e.story ?? null };
}

// ---------------------------------------------------------------------------

/** A posted article as a raw document: given text or HTML, or the page at `url` fetched safely. */
async function rawDocument(body: s.NewArticle, fetchOptions: FetchOptions): Promise<Result<RawDocument>> {
  const meta = {
    ...(body.title !== undefined ? { title: body.title } : {}),
    ...(body.outlet !== undefined ? { outlet: body.outlet } : {}),
    ...(body.published !== undefined ? { published: body.published } : {}),
  };
  if (body.text !== undefined || body.html !== undefined) {
    const content = body.text ?? body.html!;
    return ok({
      sourceId: body.id ?? body.url ?? `api:${createHash('sha256').update(content).digest('hex').slice(0, 16)}`,
      kind: body.text !== undefined ? 'text' : 'html', content, ...(body.url !== undefined ? { url: body.url } : {}), ...meta,
    });
  }
  const page = await fetchUrl(body.url!, fetchOptions);
  if (!page.ok) return fail(`${body.url}: ${page.error}`);
  if (page.value.status !== 200) return fail(`${body.url}: HTTP ${page.value.status}`);
  const html = decodeText(page.value.body);
  if (!html.ok) return fail(`${body.url}: ${html.error}`);
  return ok({ sourceId: body.id ?? body.url!, kind: 'html', content: html.value, url: page.value.url, ...meta });
}
