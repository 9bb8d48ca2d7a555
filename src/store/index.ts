// The one storage interface. Kysely underneath; SQLite (better-sqlite3) is the default
// dialect. Every write of one article and its layers is one transaction, and storing an
// article whose content hash is already there changes nothing.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type ExpressionBuilder, type Migration, type RawBuilder, type Selectable } from 'kysely';
import pg from 'pg';
import Cursor from 'pg-cursor';
import type { AnalyzedArticle, Article, Attribution, EntityMention, EventMention, PlacePrecision, PublicationGuess, PublishedBasis, Result, TimeMention } from '../model/index.js';
import { bands, hamming, NEAR_DUPLICATE_BITS, similarity } from '../extract/simhash.js';
import { migrations, SHORT_SPAN_DAYS } from './migrations.js';
import type { ArticlesTable, Database } from './schema.js';
import { KyselyStoryTables, listStories, postgresStoryIndex, sqliteStoryIndex, storyWithMembers, type StoredStory, type StoryIndex, type StoryMember, type StoryTables } from './stories.js';

export type { Database } from './schema.js';
export type { PendingArticle, StoredStory, StoryMember, StoryRecord, StoryTables } from './stories.js';

export interface StoredArticle {
  id: number;
  ingestedAt: string;
  article: Article;
  /** The earlier article this one is a near-copy of, with the similarity (0..1). */
  duplicateOf: { id: number; similarity: number } | null;
}

/** An event with the article it came from: every export row carries its provenance. */
export interface StoredEvent {
  id: number;
  event: EventMention;
  article: {
    id: number; sourceId: string; url: string | null; outlet: string | null; title: string | null; published: string | null;
    /** When the article was stored (ISO timestamp); always set by the store. */
    ingestedAt?: string;
  };
  /** The story the article is in, or null when it is not (yet) in one; always set by the store. */
  story?: number | null;
}

export interface SaveResult {
  status: 'stored' | 'unchanged';
  articleId: number;
}

export interface ArticleQuery {
  /** Full-text query (FTS5 syntax on SQLite, web-search syntax on PostgreSQL, where a query of excluded words only finds nothing). */
  search?: string;
  outlet?: string;
  language?: string;
  /** Publication date range, inclusive, YYYY-MM-DD. */
  from?: string;
  to?: string;
  limit?: number;
  /** Rows to skip (paging), after sorting. */
  offset?: number;
  /** `id` (the default: storing order) or `published`; a leading `-` sorts descending; undated articles last. */
  sort?: ArticleSort;
  /** Keyset paging: only the rows after this one in the sort order (its id, and its `published` when sorted by it). */
  after?: SortKey;
}

/** Where a row stands in a sort: its id and its value of the sort column (null when it has none). */
export interface SortKey {
  id: number;
  key?: string | number | null;
}

export type ArticleSort = 'id' | '-id' | 'published' | '-published';
export const ARTICLE_SORTS: readonly ArticleSort[] = ['id', '-id', 'published', '-published'];

export interface EventQuery {
  type?: string;
  actor?: string;
  /** Events whose date range ends on or after `from` and starts on or before `to` (YYYY-MM-DD). */
  from?: string;
  to?: string;
  limit?: number;
  mode?: string;
  recipient?: string;
  status?: string;
  /** At least this many killed (the event's lowest figure). */
  minKilled?: number;
  country?: string;
  admin1?: string;
  /** Placed within the box (degrees); `minLon > maxLon` crosses the antimeridian. */
  bbox?: { minLon: number; minLat: number; maxLon: number; maxLat: number };
  /** Placed within `km` kilometres (great circle) of the point. */
  near?: { lat: number; lon: number; km: number };
  /** Rows to skip (paging), after sorting. */
  offset?: number;
  /** `id` (the default: storing order), `date` (start) or `killed`; a leading `-` sorts descending; undated or uncounted events last. */
  sort?: EventSort;
  /** Keyset paging: only the rows after this one in the sort order (its id, and its date start or lowest killed when sorted by them). */
  after?: SortKey;
  /** Just this event. */
  id?: number;
}

export type EventSort = 'id' | '-id' | 'date' | '-date' | 'killed' | '-killed';
export const EVENT_SORTS: readonly EventSort[] = ['id', '-id', 'date', '-date', 'killed', '-killed'];

/** An outlet and how much of the store is its. */
export interface OutletSummary {
  outlet: string;
  articles: number;
  events: number;
  /** Earliest and latest publication dates of its articles, or null when none is dated. */
  firstPublished: string | null;
  lastPublished: string | null;
}

export interface Store {
  /** Stores one analysed article and all its layers in one transaction. */
  save(doc: AnalyzedArticle): Promise<SaveResult>;
  /**
   * Stores several analysed articles in one transaction, each as `save` would (so a text
   * stored twice in the batch is stored once); one that cannot be stored fails alone.
   */
  saveMany(docs: readonly AnalyzedArticle[]): Promise<Result<SaveResult>[]>;
  /** The stored article id for a content hash, or null. */
  findByHash(contentHash: string): Promise<number | null>;
  /** One article with all its layers, or null. */
  load(articleId: number): Promise<AnalyzedArticle | null>;
  articles(query?: ArticleQuery): AsyncIterable<StoredArticle>;
  events(query?: EventQuery): AsyncIterable<StoredEvent>;
  counts(): Promise<{ articles: number; events: number }>;
  /** Every outlet with its article and event counts, by number of articles (most first). */
  outlets(): Promise<OutletSummary[]>;
  /** Conditional-GET validators last seen for a feed. */
  feedState(url: string): Promise<FeedState | null>;
  saveFeedState(url: string, state: FeedState): Promise<void>;
  /** Which of `keys` were not yet seen in this feed. */
  unseenItems(feedUrl: string, keys: string[]): Promise<string[]>;
  markItemSeen(feedUrl: string, key: string): Promise<void>;
  /**
   * Runs `fn` over the story tables in one write transaction; one such transaction runs at
   * a time across processes, so two ingests clustering at once take turns.
   */
  storyTransaction<T>(fn: (tables: StoryTables) => Promise<T>): Promise<T>;
  /** The same, but null at once, with nothing done, while another transaction holds the story tables. */
  storyTransactionIfFree<T>(fn: (tables: StoryTables) => Promise<T>): Promise<T | null>;
  /** Stories (not those merged into another), oldest first; the store may be queried while reading them. */
  stories(): AsyncIterable<StoredStory>;
  /** One story with its members; an id merged into another story gives the story it is now part of. */
  story(id: number): Promise<(StoredStory & { members: StoryMember[] }) | null>;
  /** Integrity checks (`sitrep doctor`): an empty list means the store is sound. */
  check(): Promise<Problem[]>;
  close(): Promise<void>;
}

export interface Problem {
  check: string;
  detail: string;
}

export interface FeedState {
  etag: string | null;
  lastModified: string | null;
}

export const DEFAULT_DB = 'sitrep.db';

/** A query the caller got wrong (bad full-text syntax): a usage error, not a failure. */
export class QueryError extends Error {}

/** The database path: the flag, else SITREP_DB, else ./sitrep.db. */
export function resolveDbPath(flag?: string): string {
  return resolve(flag || process.env.SITREP_DB || DEFAULT_DB);
}

export interface StoreOptions {
  /** SQLite file (`--db`). */
  db?: string;
  /** `postgres://…` (`--database-url`); else SITREP_DATABASE_URL; else SQLite. */
  databaseUrl?: string;
}

/** The store the options (or the environment) name: PostgreSQL when a URL is given, else SQLite. */
export function openStore(options: StoreOptions = {}): Promise<Store> {
  const url = options.databaseUrl || process.env.SITREP_DATABASE_URL;
  if (url) return openPostgresStore(url);
  return openSqliteStore(resolveDbPath(options.db));
}

/** Prepared statements kept per connection (the SQL a store sends is a few hundred shapes). */
const STATEMENT_CACHE = 500;

/**
 * The connection as Kysely sees it, with its prepared statements kept by their SQL: Kysely
 * prepares each query afresh, which was a tenth of the time of saving an article. Kysely
 * runs one query at a time on the connection; should a statement still be iterating all
 * the same, it is not handed out again: a fresh one is prepared beside it.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): { close(): void; prepare(sql: string): SqliteDatabase.Statement } {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text) {
      const kept = cache.get(text);
      if (kept && !kept.busy) {
        // Most recently used last, so the first key is the one to drop.
        cache.delete(text);
        cache.set(text, kept);
        return kept;
      }
      const statement = sqlite.prepare(text);
      if (!kept) {
        cache.set(text, statement);
        if (cache.size > STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
      }
      return statement;
    },
  };
}

/** Opens (creating and migrating as needed) the SQLite store at `path` (`:memory:` works). */
export async function openSqliteStore(path: string): Promise<Store> {
  if (path !== ':memory:') {
    const dir = dirname(path);
    if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  }
  const sqlite = new SqliteDatabase(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  try {
    await migrateSqlite(sqlite, db, migrations('sqlite'));
  } catch (e) {
    await db.destroy();
    throw e;
  }
  const storyIndex = sqliteStoryIndex((text) => sqlite.prepare(text));
  return new KyselyStore(db, { ...sqliteHooks, insertRows: rowInserter(sqlite), storyIndex: () => storyIndex });
}

/** Opens (migrating as needed) the PostgreSQL store at `url` (`postgres://user@host/db`). */
export async function openPostgresStore(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) });
  try {
    // Kysely's migrator takes a lock, so processes starting at once migrate once. Its tables
    // are named in the store's schema: unnamed, another schema's (another store in the same
    // database) counted as this one's, and a fresh schema failed to migrate.
    const { rows } = await sql<{ schema: string | null }>`SELECT current_schema() AS schema`.execute(db);
    await migrate(db, migrations('postgres'), rows[0]?.schema ?? undefined);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return new KyselyStore(db, postgresHooks);
}

/**
 * Migrates a SQLite store as one transaction, taken with the write lock at its start.
 * Kysely runs SQLite migrations outside a transaction (its adapter says SQLite has no
 * transactional DDL, and its migration lock does nothing): a process killed in the middle
 * of its first open left a store half created ("table articles_fts already exists" at every
 * open after), and two processes opening a new store at once both created its tables. Here
 * the pending migrations are all applied or none; a second process waits for the first
 * (the busy timeout) and then finds nothing to do. A store with nothing pending is not
 * locked, so opening one beside a long write does not wait.
 */
export async function migrateSqlite(sqlite: SqliteDatabase.Database, db: Kysely<Database>, migrations: Record<string, Migration>): Promise<void> {
  if (!sqlitePending(sqlite, migrations)) return;
  // Another process migrating the same store may hold the lock for as long as its migrations take.
  const timeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma('busy_timeout = 600000');
  try {
    sqlite.exec('BEGIN IMMEDIATE');
  } finally {
    sqlite.pragma(`busy_timeout = ${timeout}`);
  }
  try {
    await migrate(db, migrations);
  } catch (e) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw e;
  }
  sqlite.exec('COMMIT');
}

/** Whether a migration is not yet recorded in the store (read without a lock). */
function sqlitePending(sqlite: SqliteDatabase.Database, migrations: Record<string, Migration>): boolean {
  const table = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`).get();
  if (!table) return true;
  const done = new Set((sqlite.prepare('SELECT name FROM kysely_migration').all() as { name: string }[]).map((r) => r.name));
  return Object.keys(migrations).some((name) => !done.has(name));
}

async function migrate(db: Kysely<Database>, migrations: Record<string, Migration>, schema?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** What differs between dialects beyond what Kysely hides. */
interface DialectHooks {
  /** A full-text query as a subquery of matching article ids. */
  fullTextIds(query: string): ReturnType<typeof sql<number>>;
  /** How to find the events in a box (see `BoxPlan`). */
  boxPlan(db: Kysely<Database>, box: Box): Promise<BoxPlan>;
  /** The engine's own integrity checks. */
  engineChecks(db: Kysely<Database>): Promise<Problem[]>;
  /** Runs `fn` in one transaction that will write. */
  writeTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  /** Inside a write transaction: waits until no other transaction holds the story tables. */
  lockStories(trx: Kysely<Database>): Promise<void>;
  /** The same without waiting: whether this transaction now holds them. */
  tryLockStories(trx: Kysely<Database>): Promise<boolean>;
  /** Article ids below the clustering watermark that may still be uncommitted when it moves. */
  readonly lateCommits: number;
  /** Inside a write transaction: inserts rows (each with the same columns) into `table`. */
  insertRows(trx: Kysely<Database>, table: keyof Database, rows: readonly Record<string, unknown>[]): Promise<void>;
  /** Inside a write transaction: clustering's statements over its index tables (./stories.ts). */
  storyIndex(trx: Kysely<Database>): StoryIndex;
  /** The order key of a type's undated events, read a page at most (see `events`). */
  readonly undatedOrder: RawBuilder<number>;
}

/**
 * Rows inserted one at a time through statements prepared once, straight on the connection
 * (better-sqlite3 is synchronous, and Kysely has handed the transaction's connection to the
 * caller, so they run inside it): a multi-row INSERT built by Kysely for each article's
 * layers (about 200 rows an article on news) was compiled and prepared afresh every time,
 * since its text changes with the number of rows. This is work done while the other
 * writers wait.
 */
function rowInserter(sqlite: SqliteDatabase.Database): DialectHooks['insertRows'] {
  const statements = new Map<string, { statement: SqliteDatabase.Statement; columns: string[] }>();
  return async (_trx, table, rows) => {
    if (rows.length === 0) return;
    const columns = Object.keys(rows[0]!);
    const key = `${table}\u0000${columns.join('\u0000')}`;
    let kept = statements.get(key);
    if (!kept) {
      const names = columns.map((c) => `"${c.replace(/"/g, '""')}"`).join(', ');
      kept = { statement: sqlite.prepare(`INSERT INTO "${table}" (${names}) VALUES (${columns.map(() => '?').join(', ')})`), columns };
      statements.set(key, kept);
    }
    const { statement } = kept;
    const values: unknown[] = new Array(columns.length);
    for (const row of rows) {
      for (let i = 0; i < columns.length; i++) values[i] = row[columns[i]!] ?? null;
      statement.run(values);
    }
  };
}

const sqliteHooks: Omit<DialectHooks, 'insertRows' | 'storyIndex'> = {
  // BEGIN IMMEDIATE takes the write lock at once, so writers on other connections (other
  // threads or processes) wait their turn in the busy handler instead of failing midway.
  writeTransaction: (db, fn) =>
    db.connection().execute(async (conn) => {
      await sql`BEGIN IMMEDIATE`.execute(conn);
      try {
        const result = await fn(conn);
        await sql`COMMIT`.execute(conn);
        return result;
      } catch (e) {
        await sql`ROLLBACK`.execute(conn);
        throw e;
      }
    }),
  // BEGIN IMMEDIATE already lets one writer in at a time, and ids are given out in commit order.
  lockStories: async () => {},
  tryLockStories: async () => true,
  lateCommits: 0,
  // Read off the window index (type, long_span, no date) and sorted; the unary plus keeps
  // SQLite off the id index, which it would walk whole for a type with none.
  undatedOrder: sql<number>`+events.id`,
  fullTextIds: (query) => sql<number>`(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ${query})`,
  // A box with few events is read from the R*Tree. Where the box holds many (a whole
  // province of a busy war), walking the events in the page's order and testing each is
  // faster than collecting and sorting every one in the box, so the lat/lon index is kept
  // out of the plan (55 -> 0.2 ms for a page of a box holding 7% of 200,000 events).
  // "Many" is both a count and a share of the store: a page walk finds its rows quickly
  // only where a good share of all events lie in the box.
  async boxPlan(db, box) {
    const ids = rtreeIds(box);
    return (await fewInBox(db, ids, sqliteFewInBox)) ? { ids } : 'scan';
  },
  async engineChecks(db) {
    const problems: Problem[] = [];
    const integrity = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db);
    for (const r of integrity.rows) if (r.integrity_check !== 'ok') problems.push({ check: 'integrity_check', detail: r.integrity_check });
    const fk = await sql<{ table: string; rowid: number; parent: string }>`PRAGMA foreign_key_check`.execute(db);
    for (const r of fk.rows) problems.push({ check: 'foreign_keys', detail: `${r.table} row ${r.rowid} points to a missing ${r.parent} row` });
    const rtree = await sql<{ check: string }>`SELECT rtreecheck('events_rtree') AS "check"`.execute(db);
    for (const r of rtree.rows) if (r.check !== 'ok') problems.push({ check: 'spatial_index', detail: r.check });
    const placed = await sql<{ events: number; indexed: number }>`SELECT
      (SELECT count(*) FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL) AS events, (SELECT count(*) FROM events_rtree) AS indexed`.execute(db);
    for (const r of placed.rows) {
      if (r.events !== r.indexed) problems.push({ check: 'spatial_index', detail: `${r.events} placed events but ${r.indexed} in the spatial index` });
    }
    try {
      await sql`INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)`.execute(db);
    } catch (e) {
      problems.push({ check: 'full_text', detail: `the full-text index does not match the articles: ${(e as Error).message}` });
    }
    return problems;
  },
};

/** The key of a PostgreSQL store's clustering lock (see `postgresHooks.lockStories`). */
const STORIES_LOCK = sql`80080008, hashtext(current_schema())`;

const postgresHooks: DialectHooks = {
  writeTransaction: (db, fn) => db.transaction().execute(fn),
  // A transaction-scoped advisory lock, released at commit: the first number is arbitrary and
  // fixed, the second the store's schema, so that stores in two schemas of one database do not
  // wait for each other's clustering (advisory locks are the database's, not a schema's).
  lockStories: async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${STORIES_LOCK})`.execute(trx);
  },
  tryLockStories: async (trx) => (await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(${STORIES_LOCK}) AS ok`.execute(trx)).rows[0]?.ok === true,
  // Identity values are taken before commit: a writer may commit id n after id n+k is clustered.
  lateCommits: 1000,
  // Off their own index in id order (migration 0013); `+events.id` would sort them all.
  undatedOrder: sql<number>`events.id`,
  // A query of excluded words only (`-word`) would match every article without them: like a
  // search engine (and like SQLite, whose FTS5 refuses it), it finds nothing. querytree() is
  // 'T' when a query has no word to look for.
  fullTextIds: (query) =>
    sql<number>`(SELECT a.id FROM articles a, websearch_to_tsquery('simple', sitrep_unaccent(${query})) AS q WHERE a.fts @@ q AND querytree(q) <> 'T')`,
  // A box with few events is read from the B-tree on (lat, lon) and its rows sorted; one with
  // many is left to the planner, which walks the events in the page's order and tests each.
  // The planner alone walked them for boxes it thought full and were nearly empty: it
  // estimates a box from latitude and longitude as if they were independent, and events lie
  // at the places of a war, so a box across two busy bands can be empty (the scale bench at
  // 500,000 articles: p95 243 ms for a page of a 1° box, 266-326 ms for an empty one, which the
  // index reads in 3 ms).
  async boxPlan(db, box) {
    const ids = boxIds(box);
    // (OFFSET 0 keeps the planner from folding the subquery into the walk it is meant to replace)
    return (await fewInBox(db, ids, postgresFewInBox)) ? { ids: sql<number>`${ids} OFFSET 0` } : 'plain';
  },
  insertRows: (trx, table, rows) => insertChunked(trx, table, rows as unknown[]),
  storyIndex: postgresStoryIndex,
  // PostgreSQL enforces foreign keys and keeps the generated tsvector in step itself.
  engineChecks: async () => [],
};

const CHUNK = 400;
const SAVE_ATTEMPTS = 20;
/** Newly stored articles kept in memory for clustering (see `KyselyStore.recent`). */
const RECENT = 256;

class KyselyStore implements Store {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly hooks: DialectHooks,
  ) {}

  async findByHash(contentHash: string): Promise<number | null> {
    const row = await this.db.selectFrom('articles').select('id').where('content_hash', '=', contentHash).executeTakeFirst();
    return row?.id ?? null;
  }

  async save(doc: AnalyzedArticle): Promise<SaveResult> {
    const [saved] = await this.saveMany([doc]);
    if (!saved!.ok) throw new Error(saved!.error);
    return saved!.value;
  }

  async saveMany(docs: readonly AnalyzedArticle[]): Promise<Result<SaveResult>[]> {
    // Everything that needs no database (checks, rows, JSON) is done before the write
    // transaction, so that the time other writers wait is the inserts' alone.
    const results: (Result<SaveResult> | null)[] = [];
    const prepared: PreparedArticle[] = [];
    for (const doc of docs) {
      const bad = spanOutsideText(doc);
      if (bad) results.push({ ok: false, error: `refusing to store a layer span outside the text: ${bad}` });
      else {
        results.push(null);
        prepared.push(prepareRows(doc, results.length - 1));
      }
    }
    if (prepared.length === 0) return results as Result<SaveResult>[];
    let stored: [number, SaveResult][];
    try {
      stored = await this.retryBusy(() => this.hooks.writeTransaction(this.db, (trx) => insertPrepared(trx, prepared, this.hooks.insertRows)));
    } catch (e) {
      // One article spoils the batch's transaction: each is stored on its own instead, so
      // that the one fails with its reason and the others are stored.
      if (prepared.length === 1) stored = [[prepared[0]!.slot, await this.saveAlone(prepared[0]!, e as Error)]];
      else {
        const alone: Result<SaveResult>[] = [];
        for (const d of docs) alone.push(await this.save(d).then((value) => ({ ok: true, value }), (err: Error) => ({ ok: false, error: err.message })));
        return alone;
      }
    }
    for (const [slot, result] of stored) {
      results[slot] = { ok: true, value: result };
      if (result.status === 'stored') this.remember(result.articleId, docs[slot]!);
    }
    return results as Result<SaveResult>[];
  }

  /** After a failed transaction of one article: the same text stored meanwhile is 'unchanged'; else the error stands. */
  private async saveAlone(article: PreparedArticle, error: Error): Promise<SaveResult> {
    const existing = await this.findByHash(article.contentHash);
    if (existing !== null) return { status: 'unchanged', articleId: existing };
    throw error;
  }

  /**
   * Another connection wrote since this transaction began (SQLite, several writers): the
   * transaction is rolled back whole, so it is safe to try again.
   */
  private async retryBusy<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn();
      } catch (e) {
        if (attempt < SAVE_ATTEMPTS && /^SQLITE_BUSY/.test((e as { code?: string }).code ?? '')) {
          await new Promise((r) => setTimeout(r, 5 * attempt));
          continue;
        }
        throw e;
      }
    }
  }

  /**
   * Articles this connection stored lately, kept for clustering (which reads each newly
   * stored article once): handed over instead of read back. Bounded, for those another
   * connection clusters.
   */
  private readonly recent = new Map<number, AnalyzedArticle>();

  private remember(id: number, doc: AnalyzedArticle): void {
    this.recent.set(id, doc);
    if (this.recent.size > RECENT) this.recent.delete(this.recent.keys().next().value!);
  }

  private recall(id: number): AnalyzedArticle | null {
    const doc = this.recent.get(id) ?? null;
    this.recent.delete(id);
    return doc;
  }

  load(articleId: number): Promise<AnalyzedArticle | null> {
    return loadArticle(this.db, articleId);
  }

  storyTransaction<T>(fn: (tables: StoryTables) => Promise<T>): Promise<T> {
    return this.hooks.writeTransaction(this.db, async (trx) => {
      await this.hooks.lockStories(trx);
      return this.withStoryTables(trx, fn);
    });
  }

  storyTransactionIfFree<T>(fn: (tables: StoryTables) => Promise<T>): Promise<T | null> {
    return this.hooks.writeTransaction(this.db, async (trx) => ((await this.hooks.tryLockStories(trx)) ? this.withStoryTables(trx, fn) : null));
  }

  /** Runs `fn` on the story tables of the transaction, then writes what they hold back (the counters). */
  private async withStoryTables<T>(trx: Kysely<Database>, fn: (tables: StoryTables) => Promise<T>): Promise<T> {
    const tables = new KyselyStoryTables(trx, async (id) => this.recall(id) ?? loadArticle(trx, id), this.hooks.lateCommits, this.hooks.storyIndex(trx));
    const result = await fn(tables);
    await tables.flush();
    return result;
  }

  stories(): AsyncIterable<StoredStory> {
    return listStories(this.db);
  }

  story(id: number): Promise<(StoredStory & { members: StoryMember[] }) | null> {
    return storyWithMembers(this.db, id);
  }

  async *articles(query: ArticleQuery = {}): AsyncIterable<StoredArticle> {
    let q = this.db.selectFrom('articles').selectAll();
    if (query.search) {
      // Check the query's syntax first, so a typo is reported as such rather than as a failure.
      try {
        await this.db.selectFrom('articles').select('id').where('id', 'in', this.hooks.fullTextIds(query.search)).limit(1).execute();
      } catch (e) {
        throw new QueryError(`bad full-text query "${query.search}": ${(e as Error).message}`);
      }
      q = q.where('id', 'in', this.hooks.fullTextIds(query.search));
    }
    if (query.outlet) q = q.where('outlet', '=', query.outlet);
    if (query.language) q = q.where('language', '=', query.language);
    if (query.from) q = q.where('published', '>=', query.from);
    if (query.to) q = q.where('published', '<=', query.to);
    const [key, direction] = sortOf(query.sort ?? 'id');
    const column = key === 'published' ? 'published' : null;
    if (query.after) q = q.where(afterRow(column, 'id', direction, query.after));
    if (column) q = q.orderBy(column, (ob) => ob[direction]().nullsLast());
    q = page(q.orderBy('id', direction), query);
    for await (const row of q.stream()) {
      yield {
        id: row.id, ingestedAt: row.ingested_at, article: toArticle(row),
        duplicateOf: row.duplicate_of !== null ? { id: row.duplicate_of, similarity: row.duplicate_similarity ?? 1 } : null,
      };
    }
  }

  async *events(query: EventQuery = {}): AsyncIterable<StoredEvent> {
    // The filter, order and page pick event ids first, on the events table and its indexes
    // alone; only the picked page is then joined to its article and story and has its record
    // read. Joining first would carry every matching row's record and article through the
    // sort (2.2 -> 0.7 ms for a type and date query, 55 -> 2.5 ms for a bounding box, on
    // 200,000 events in SQLite).
    const [key, direction] = sortOf(query.sort ?? 'id');
    const column = key === 'date' ? 'events.date_start' : key === 'killed' ? 'events.killed_min' : null;
    // `dated`: the rows all have a date, so an order by date need not place undated ones (then
    // a B-tree read either way serves it on both engines: PostgreSQL's descending order puts
    // NULLs first).
    const ordered = <Q extends { orderBy: (...args: any[]) => Q }>(q: Q, dated = false): Q => {
      const plain = dated && column === 'events.date_start';
      if (column) q = q.orderBy(column, (ob: any) => (plain ? ob[direction]() : ob[direction]().nullsLast()));
      return q.orderBy('events.id', direction);
    };
    const filtered = (dates: 'short' | 'long' | 'dated' | 'undated' | 'any') => {
      let ids = this.db.selectFrom('events').select('events.id');
      if (query.type) ids = ids.where('events.type', '=', query.type);
      if (query.actor) ids = ids.where('events.actor_id', '=', query.actor);
      if (query.from) ids = ids.where('events.date_end', '>=', query.from);
      if (query.to) ids = ids.where('events.date_start', '<=', query.to);
      if (dates === 'short') ids = ids.where('events.long_span', '=', 0).where('events.date_start', '>=', shortFrom!);
      if (dates === 'long') ids = ids.where('events.long_span', '=', 1);
      if (dates === 'dated') ids = ids.where('events.long_span', '=', 0).where('events.date_start', 'is not', null);
      if (dates === 'undated') ids = ids.where('events.long_span', '=', 0).where('events.date_start', 'is', null);
      if (query.mode) ids = ids.where('events.mode', '=', query.mode);
      if (query.recipient) ids = ids.where('events.recipient_id', '=', query.recipient);
      if (query.status) ids = ids.where('events.status', '=', query.status);
      if (query.minKilled !== undefined) {
        // A window's long events are few: read from the window's index, not from the type's
        // counted events by date (migration 0010), which bounds them on one side only. The
        // same test in a form that does not say the column is not null keeps that index out.
        ids = dates === 'long'
          ? ids.where(sql<boolean>`coalesce(events.killed_min >= ${query.minKilled}, false)`)
          : ids.where('events.killed_min', '>=', query.minKilled);
      }
      if (query.country) ids = ids.where('events.country', '=', query.country);
      if (query.admin1) ids = ids.where('events.admin1', '=', query.admin1);
      if (bboxPlan) ids = ids.where(inBox(query.bbox!, bboxPlan));
      if (nearPlan) ids = ids.where(withinKm(query.near!, nearPlan));
      if (query.id !== undefined) ids = ids.where('events.id', '=', query.id);
      if (query.after) ids = ids.where(afterRow(column, 'events.id', direction, query.after));
      // Undated rows by id (how each dialect reads them: `undatedOrder`).
      if (dates === 'undated') return ids.orderBy(this.hooks.undatedOrder, (ob) => ob[direction]());
      return ordered(ids, dates === 'dated' || dates === 'long');
    };
    const bboxPlan = query.bbox ? await this.hooks.boxPlan(this.db, query.bbox) : null;
    const nearPlan = query.near ? await this.hooks.boxPlan(this.db, circleBox(query.near)) : null;
    // A window from a day: its short and its long events apart (see migration 0007), each
    // branch a page at most, and the page taken again from both.
    const shortFrom = query.from !== undefined ? daysBefore(query.from, SHORT_SPAN_DAYS) : null;
    const split = shortFrom !== null;
    // A type's events by date with no window start (its latest): the short dated ones, the
    // long ones and the undated ones apart, each read in order off the type's window index
    // (migration 0007) a page at most, where together they were every event of the type
    // sorted (the latest 50 of 80,000 ASSAULTs among 200,000 events, p50: SQLite 24 -> 1.0 ms,
    // PostgreSQL 88 -> 3.5 ms). With a toll filter, the type's counted events have an index in
    // date order of their own (migration 0010).
    const byDate = !split && column === 'events.date_start' && query.type !== undefined && query.minKilled === undefined;
    const firstRows = query.limit ? { limit: query.limit + (query.offset ?? 0) } : {};
    const branch = (dates: 'short' | 'long' | 'dated' | 'undated', name: string) =>
      this.db.selectFrom(page(filtered(dates), firstRows).as(name)).select(`${name}.id` as 'id');
    const ids = split
      ? branch('short', 's').unionAll(branch('long', 'l'))
      : byDate
        ? branch('dated', 'd').unionAll(branch('long', 'l')).unionAll(branch('undated', 'u'))
        : this.db.selectFrom(page(filtered('any'), query).as('a')).select('a.id');
    const joined = ordered(this.db
      .selectFrom('events')
      .innerJoin('articles', 'articles.id', 'events.article_id')
      .leftJoin('story_articles', 'story_articles.article_id', 'articles.id')
      .select([
        'events.id as id', 'events.record as record', 'articles.id as article_id', 'articles.source_id as source_id',
        'articles.url as url', 'articles.outlet as outlet', 'articles.title as title', 'articles.published as published',
        'articles.ingested_at as ingested_at', 'story_articles.story_id as story_id',
      ])
      .where('events.id', 'in', ids));
    const q = split || byDate ? page(joined, query) : joined;
    for await (const row of q.stream()) {
      yield {
        id: row.id,
        event: JSON.parse(row.record) as EventMention,
        article: {
          id: row.article_id, sourceId: row.source_id, url: row.url, outlet: row.outlet, title: row.title, published: row.published,
          ingestedAt: row.ingested_at,
        },
        story: row.story_id,
      };
    }
  }

  async outlets(): Promise<OutletSummary[]> {
    const events = this.db
      .selectFrom('events')
      .innerJoin('articles', 'articles.id', 'events.article_id')
      .select(['articles.outlet as outlet', (eb) => eb.fn.countAll<number>().as('events')])
      .where('articles.outlet', 'is not', null)
      .groupBy('articles.outlet');
    const rows = await this.db
      .selectFrom('articles')
      .leftJoin(events.as('e'), 'e.outlet', 'articles.outlet')
      .select((eb) => [
        'articles.outlet as outlet',
        eb.fn.countAll<number>().as('articles'),
        eb.fn.max('e.events').as('events'),
        eb.fn.min('articles.published').as('first'),
        eb.fn.max('articles.published').as('last'),
      ])
      .where('articles.outlet', 'is not', null)
      .groupBy('articles.outlet')
      .orderBy('articles', 'desc')
      .orderBy('articles.outlet')
      .execute();
    return rows.map((r) => ({
      outlet: r.outlet!, articles: Number(r.articles), events: Number(r.events ?? 0), firstPublished: r.first ?? null, lastPublished: r.last ?? null,
    }));
  }

  async counts(): Promise<{ articles: number; events: number }> {
    const count = async (table: 'articles' | 'events') =>
      Number((await this.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { articles: await count('articles'), events: await count('events') };
  }

  async feedState(url: string): Promise<FeedState | null> {
    const row = await this.db.selectFrom('feeds').selectAll().where('url', '=', url).executeTakeFirst();
    return row ? { etag: row.etag, lastModified: row.last_modified } : null;
  }

  async saveFeedState(url: string, state: FeedState): Promise<void> {
    const values = { etag: state.etag, last_modified: state.lastModified, checked_at: new Date().toISOString() };
    await this.db
      .insertInto('feeds')
      .values({ url, ...values })
      .onConflict((oc) => oc.column('url').doUpdateSet(values))
      .execute();
  }

  async unseenItems(feedUrl: string, keys: string[]): Promise<string[]> {
    const seen = new Set<string>();
    for (let i = 0; i < keys.length; i += CHUNK) {
      const rows = await this.db.selectFrom('feed_items').select('item_key')
        .where('feed_url', '=', feedUrl).where('item_key', 'in', keys.slice(i, i + CHUNK)).execute();
      for (const r of rows) seen.add(r.item_key);
    }
    return keys.filter((k) => !seen.has(k));
  }

  async markItemSeen(feedUrl: string, key: string): Promise<void> {
    await this.db
      .insertInto('feed_items')
      .values({ feed_url: feedUrl, item_key: key, seen_at: new Date().toISOString() })
      .onConflict((oc) => oc.columns(['feed_url', 'item_key']).doNothing())
      .execute();
  }

  async check(): Promise<Problem[]> {
    const problems = await this.hooks.engineChecks(this.db);
    // Every layer span must lie within its article's text.
    for (const table of ['sentences', 'entities', 'places', 'times', 'quantities', 'attributions', 'events'] as const) {
      const rows = await this.db
        .selectFrom(table)
        .innerJoin('articles', 'articles.id', `${table}.article_id`)
        .select([`${table}.article_id as article_id`, `${table}.idx as idx`, `${table}.start as start`, `${table}.end as end`, 'articles.text_length as length'])
        .where((eb) => eb.or([
          eb(`${table}.start`, '<', 0),
          eb(`${table}.start`, '>', eb.ref(`${table}.end`)),
          eb(`${table}.end`, '>', eb.ref('articles.text_length')),
        ]))
        .limit(1000)
        .execute();
      for (const r of rows) {
        problems.push({ check: 'offsets', detail: `${table} ${r.idx} of article ${r.article_id} spans ${r.start}-${r.end}, outside its text of ${r.length}` });
      }
    }
    return problems;
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

/** The day `days` before an ISO day, or null when `day` is not one. */
function daysBefore(day: string, days: number): string | null {
  const t = Date.parse(`${day.slice(0, 10)}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && Number.isFinite(t) ? new Date(t - days * 86_400_000).toISOString().slice(0, 10) : null;
}

/** Whether a date from `start` to `end` spans more than SHORT_SPAN_DAYS (or cannot be read). */
function isLongSpan(start: string, end: string): boolean {
  const days = (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000;
  return !(days <= SHORT_SPAN_DAYS);
}

/** A sort option as the column key and direction: `-date` is `['date', 'desc']`. */
function sortOf<K extends string>(sort: K | `-${K}`): [K, 'asc' | 'desc'] {
  return sort.startsWith('-') ? [sort.slice(1) as K, 'desc'] : [sort as K, 'asc'];
}

/** Limit and offset; an offset alone gets a limit too, since SQLite has no OFFSET without LIMIT. */
function page<Q extends { limit(n: number): Q; offset(n: number): Q }>(q: Q, query: { limit?: number; offset?: number }): Q {
  if (query.limit || query.offset) q = q.limit(query.limit || Number.MAX_SAFE_INTEGER);
  return query.offset ? q.offset(query.offset) : q;
}

/** Rows after `after` in the order of `column` (nulls last; none: by id alone), then id, both `direction`. */
function afterRow(column: string | null, id: string, direction: 'asc' | 'desc', after: SortKey) {
  const past = direction === 'asc' ? '>' : '<';
  return (eb: ExpressionBuilder<any, any>) => {
    const idAfter = eb(id, past, after.id);
    if (column === null) return idAfter;
    const key = after.key ?? null;
    if (key === null) return eb.and([eb(column, 'is', null), idAfter]);
    return eb.or([eb(column, past, key), eb.and([eb(column, '=', key), idAfter]), eb(column, 'is', null)]);
  };
}

/** A box on the map; `minLon > maxLon` crosses the antimeridian. */
interface Box {
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
}

/**
 * How a box is searched: `plain` comparisons on lat/lon, left to the engine's planner;
 * `ids`, the candidates a spatial index gives, then the exact test; `scan`, the exact test
 * on rows found by the other filters or the page order, with the lat/lon index kept out.
 */
type BoxPlan = 'plain' | 'scan' | { ids: ReturnType<typeof sql<number>> };

/** Candidates from the R*Tree beyond which a box counts as dense (see `sqliteHooks.boxPlan`)... */
const DENSE_BOX = 2000;
/** ...and the share of all events (by id) it must hold too. */
const DENSE_SHARE = 0.02;

/**
 * Whether the box whose candidate ids `ids` gives holds fewer events than `limit` says for a
 * store of that many events (by id): a count that stops at the limit.
 */
async function fewInBox(db: Kysely<Database>, ids: ReturnType<typeof sql<number>>, limit: (events: number) => number): Promise<boolean> {
  const stored = await sql<{ n: number | null }>`SELECT max(id) AS n FROM events`.execute(db);
  const few = limit(Number(stored.rows[0]?.n ?? 0));
  const probe = await sql<{ n: number | string }>`SELECT count(*) AS n FROM (SELECT 1 FROM (${ids}) AS c LIMIT ${few}) AS p`.execute(db);
  return Number(probe.rows[0]?.n ?? 0) < few;
}

/** SQLite: below how many events of a store of `events` a box is read from the R*Tree. */
const sqliteFewInBox = (events: number): number => Math.max(DENSE_BOX, Math.ceil(events * DENSE_SHARE));

/**
 * PostgreSQL: below how many events of a store of N a box is read from its index rather than
 * walked in page order. A walk for a page of 50 reads about 50·N/n rows to find them in a box
 * of n, at 0.14 µs a row; the index reads the n and the page is sorted out of them, at 4.6 µs
 * a row (both measured at 785,000 events on the scale bench's store). They cost the same where
 * n = √(1.5·N): 1,090 events of 785,000. Never fewer than 200 (a small store: either way is quick).
 */
const postgresFewInBox = (events: number): number => Math.max(200, Math.ceil(Math.sqrt(1.5 * events)));

/** PostgreSQL: the ids of the events in a box, from the B-tree on (lat, lon). */
function boxIds({ minLat, maxLat, minLon, maxLon }: Box) {
  const lon = minLon <= maxLon ? sql`lon >= ${minLon} AND lon <= ${maxLon}` : sql`(lon >= ${minLon} OR lon <= ${maxLon})`;
  return sql<number>`SELECT id FROM events WHERE lat >= ${minLat} AND lat <= ${maxLat} AND ${lon}`;
}

/** The ids the SQLite R*Tree has in a box (its floats are rounded outwards: a coarse filter). */
function rtreeIds({ minLat, maxLat, minLon, maxLon }: Box) {
  const band = (west: number, east: number) =>
    sql`SELECT id FROM events_rtree WHERE lat1 >= ${minLat} AND lat0 <= ${maxLat} AND lon1 >= ${west} AND lon0 <= ${east}`;
  return minLon <= maxLon ? sql<number>`${band(minLon, maxLon)}` : sql<number>`${band(minLon, 180)} UNION ALL ${band(-180, maxLon)}`;
}

/** Events inside `box`, searched as `plan` says. */
function inBox(box: Box, plan: BoxPlan) {
  const { minLat, maxLat, minLon, maxLon } = box;
  return (eb: ExpressionBuilder<Database, 'events'>) => {
    // `+column` is still the column, but SQLite will not search an index for it.
    const lat = plan === 'scan' ? sql<number>`+events.lat` : eb.ref('events.lat');
    const lon = plan === 'scan' ? sql<number>`+events.lon` : eb.ref('events.lon');
    const lonTest = minLon <= maxLon
      ? eb.and([eb(lon, '>=', minLon), eb(lon, '<=', maxLon)])
      : eb.or([eb(lon, '>=', minLon), eb(lon, '<=', maxLon)]);
    const exact = [eb(lat, '>=', minLat), eb(lat, '<=', maxLat), lonTest];
    return eb.and(typeof plan === 'object' ? [eb('events.id', 'in', sql<number>`(${plan.ids})`), ...exact] : exact);
  };
}

const EARTH_KM = 6371.0088;
const RAD = Math.PI / 180;

/** The box around the circle of `km` around a point (all longitudes when it reaches a pole). */
function circleBox({ lat, lon, km }: { lat: number; lon: number; km: number }): Box {
  const r = Math.min(km / EARTH_KM, Math.PI);
  const latMin = lat - r / RAD;
  const latMax = lat + r / RAD;
  const box = { minLat: Math.max(latMin, -90), maxLat: Math.min(latMax, 90), minLon: -180, maxLon: 180 };
  if (latMin > -90 && latMax < 90) {
    const dLon = Math.asin(Math.min(1, Math.sin(r) / Math.cos(lat * RAD))) / RAD;
    const wrap = (x: number) => (x < -180 ? x + 360 : x > 180 ? x - 360 : x);
    if (dLon < 180) Object.assign(box, { minLon: wrap(lon - dLon), maxLon: wrap(lon + dLon) });
  }
  return box;
}

/** Events within `km` of a point on the sphere (haversine), inside the box around the circle. */
function withinKm(near: { lat: number; lon: number; km: number }, plan: BoxPlan) {
  const { lat, lon } = near;
  const r = Math.min(near.km / EARTH_KM, Math.PI);
  return (eb: ExpressionBuilder<Database, 'events'>) => {
    const haversine = sql<number>`sin((events.lat - ${lat}) * ${RAD / 2}) * sin((events.lat - ${lat}) * ${RAD / 2})
      + ${Math.cos(lat * RAD)} * cos(events.lat * ${RAD}) * sin((events.lon - ${lon}) * ${RAD / 2}) * sin((events.lon - ${lon}) * ${RAD / 2})`;
    return eb.and([inBox(circleBox(near), plan)(eb), eb(haversine, '<=', Math.sin(r / 2) ** 2)]);
  };
}

/** One article with all its layers, read on `db` (the store, or a transaction of it). */
async function loadArticle(db: Kysely<Database>, articleId: number): Promise<AnalyzedArticle | null> {
  const row = await db.selectFrom('articles').selectAll().where('id', '=', articleId).executeTakeFirst();
  if (!row) return null;
  const [sentences, entities, places, times, quantities, attributions, events] = await Promise.all([
    db.selectFrom('sentences').selectAll().where('article_id', '=', articleId).orderBy('idx').execute(),
    db.selectFrom('entities').selectAll().where('article_id', '=', articleId).orderBy('idx').execute(),
    db.selectFrom('places').selectAll().where('article_id', '=', articleId).orderBy('idx').execute(),
    db.selectFrom('times').selectAll().where('article_id', '=', articleId).orderBy('idx').execute(),
    db.selectFrom('quantities').selectAll().where('article_id', '=', articleId).orderBy('idx').execute(),
    db.selectFrom('attributions').selectAll().where('article_id', '=', articleId).orderBy('idx').execute(),
    db.selectFrom('events').select('record').where('article_id', '=', articleId).orderBy('idx').execute(),
  ]);
  const restore = <T>(r: { start: number; end: number; extra: string | null }, fields: T) => ({
    start: r.start, end: r.end, ...fields, ...(r.extra ? (JSON.parse(r.extra) as object) : {}),
  });
  return {
    article: toArticle(row),
    sentences: sentences.map((s) => restore(s, {})),
    entities: entities.map((e) => restore(e, {
      text: e.text, type: e.type as EntityMention['type'],
      ...(e.actor_id ? { id: e.actor_id } : {}),
      ...(e.labels ? { labels: JSON.parse(e.labels) as string[] } : {}),
    })),
    places: places.map((p) => restore(p, {
      text: p.text, name: p.name, lat: p.lat, lon: p.lon, country: p.country, precision: p.precision as PlacePrecision,
      ...(p.geonameid !== null ? { geonameid: p.geonameid } : {}),
      ...(p.admin1 !== null ? { admin1: p.admin1 } : {}),
    })),
    times: times.map((t) => restore(t, {
      text: t.text, value: t.value, precision: t.precision as TimeMention['precision'],
      ...(t.range_start && t.range_end ? { range: [t.range_start, t.range_end] as [string, string] } : {}),
    })),
    quantities: quantities.map((q) => restore(q, { text: q.text, min: q.min, max: q.max, ...(q.unit ? { unit: q.unit } : {}) })),
    // cue and speaker are in `extra`; the columns are for queries.
    attributions: attributions.map((a) => restore(a, { kind: a.kind as Attribution['kind'] }) as Attribution),
    events: events.map((e) => JSON.parse(e.record) as EventMention),
  };
}

/**
 * The closest earlier article whose SimHash is within a few bits of `hash` (a syndicated or
 * lightly edited copy), found through the band index rather than a scan, or null.
 */
async function nearDuplicateOf(trx: Kysely<Database>, hash: string | null): Promise<{ id: number; similarity: number } | null> {
  if (!hash) return null;
  const candidates = await trx
    .selectFrom('simhash_bands')
    .innerJoin('articles', 'articles.id', 'simhash_bands.article_id')
    .select(['articles.id as id', 'articles.simhash as simhash'])
    .where((eb) => eb.or(bands(hash).map(([band, value]) => eb.and([eb('simhash_bands.band', '=', band), eb('simhash_bands.value', '=', value)]))))
    .where('articles.duplicate_of', 'is', null)
    .execute();
  let best: { id: number; distance: number } | null = null;
  for (const c of candidates) {
    if (!c.simhash) continue;
    const distance = hamming(hash, c.simhash);
    if (distance <= NEAR_DUPLICATE_BITS && (!best || distance < best.distance || (distance === best.distance && c.id < best.id))) best = { id: c.id, distance };
  }
  return best && { id: best.id, similarity: similarity(best.distance) };
}

/** The first layer span that does not lie within the article's text, described; else null. */
function spanOutsideText(doc: AnalyzedArticle): string | null {
  const length = doc.article.text.length;
  const layers = { sentences: doc.sentences, entities: doc.entities, places: doc.places, times: doc.times, quantities: doc.quantities, attributions: doc.attributions };
  for (const [name, spans] of Object.entries(layers)) {
    for (const [i, s] of (spans as { start: number; end: number }[]).entries()) {
      if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= length)) {
        return `${name} ${i} spans ${s.start}-${s.end} in a text of ${length}`;
      }
    }
  }
  for (const [i, e] of doc.events.entries()) {
    const { start, end } = e.evidence;
    if (!(start >= 0 && start <= end && end <= length)) return `event ${i} evidence spans ${start}-${end} in a text of ${length}`;
  }
  return null;
}

/** The fields of `record` that have no column of their own, as JSON, or null. */
function extraJson(record: object, columns: readonly string[]): string | null {
  const extra = Object.fromEntries(Object.entries(record).filter(([k, v]) => !columns.includes(k) && v !== undefined));
  return Object.keys(extra).length ? JSON.stringify(extra) : null;
}

const LAYER_COLUMNS = {
  sentences: ['start', 'end'],
  entities: ['start', 'end', 'text', 'type', 'id', 'labels'],
  places: ['start', 'end', 'text', 'name', 'geonameid', 'lat', 'lon', 'country', 'admin1', 'precision'],
  times: ['start', 'end', 'text', 'value', 'precision', 'range'],
  quantities: ['start', 'end', 'text', 'min', 'max', 'unit'],
  attributions: ['start', 'end', 'kind'],
} as const;

/** An article's rows, built before its write transaction; `article_id` is filled in once the article has its id. */
interface PreparedArticle {
  /** Its place in the batch. */
  slot: number;
  contentHash: string;
  simhash: string | null;
  article: Omit<ArticlesTable, 'id' | 'ingested_at' | 'duplicate_of' | 'duplicate_similarity'>;
  layers: [LayerTable, { article_id: number }[]][];
}

type LayerTable = keyof typeof LAYER_COLUMNS | 'events';

function prepareRows(doc: AnalyzedArticle, slot: number): PreparedArticle {
  const a = doc.article;
  const base = (i: number, s: { start: number; end: number }, layer: keyof typeof LAYER_COLUMNS) => ({
    article_id: 0, idx: i, start: s.start, end: s.end, extra: extraJson(s, LAYER_COLUMNS[layer]),
  });
  return {
    slot,
    contentHash: a.contentHash,
    simhash: a.simhash,
    article: {
      source_id: a.sourceId, content_hash: a.contentHash, url: a.url, outlet: a.outlet, title: a.title, byline: a.byline, origin: a.origin,
      published: a.published, published_basis: a.publishedBasis, published_guess: a.publishedGuess ? JSON.stringify(a.publishedGuess) : null,
      language: a.language, text: a.text, text_length: a.text.length, simhash: a.simhash,
    },
    layers: [
      ['sentences', doc.sentences.map((s, i) => base(i, s, 'sentences'))],
      ['entities', doc.entities.map((e, i) => ({
        ...base(i, e, 'entities'), text: e.text, type: e.type, actor_id: e.id ?? null, labels: e.labels ? JSON.stringify(e.labels) : null,
      }))],
      ['places', doc.places.map((p, i) => ({
        ...base(i, p, 'places'), text: p.text, name: p.name, geonameid: p.geonameid ?? null, lat: p.lat, lon: p.lon,
        country: p.country, admin1: p.admin1 ?? null, precision: p.precision,
      }))],
      ['times', doc.times.map((t, i) => ({
        ...base(i, t, 'times'), text: t.text, value: t.value, precision: t.precision, range_start: t.range?.[0] ?? null, range_end: t.range?.[1] ?? null,
      }))],
      ['quantities', doc.quantities.map((q, i) => ({
        ...base(i, q, 'quantities'), text: q.text, min: q.min, max: q.max, unit: q.unit ?? null,
      }))],
      ['attributions', doc.attributions.map((at, i) => ({
        ...base(i, at, 'attributions'), kind: at.kind, speaker_id: at.speaker?.id ?? null, speaker_text: at.speaker?.text ?? null,
      }))],
      ['events', doc.events.map((e, i) => ({
        article_id: 0, idx: i, type: e.type, mode: e.mode,
        actor_id: e.actor?.id ?? null, recipient_id: e.recipient?.id ?? null,
        place_name: e.place?.name ?? null, lat: e.place?.lat ?? null, lon: e.place?.lon ?? null,
        country: e.place?.country ?? null, admin1: e.place?.admin1 ?? null,
        date_start: e.date?.start ?? null, date_end: e.date?.end ?? null, long_span: e.date && isLongSpan(e.date.start, e.date.end) ? 1 : 0, status: e.status,
        killed_min: e.killed?.min ?? null, injured_min: e.injured?.min ?? null, credited_id: e.source?.id ?? null,
        sentence: e.evidence.sentence, start: e.evidence.start, end: e.evidence.end, confidence: e.confidence,
        record: JSON.stringify(e),
      }))],
    ],
  };
}

/**
 * Inside the write transaction: each article not already stored (by content hash, earlier
 * in the batch included) inserted with its near-duplicate link and SimHash bands, one after
 * another (the next one's checks read them); then the batch's layers, a table at a time, in
 * the articles' order (so rows get the ids they would get an article at a time): on
 * PostgreSQL, a few statements a table for the batch instead of one a table an article.
 */
async function insertPrepared(trx: Kysely<Database>, articles: readonly PreparedArticle[], insertRows: DialectHooks['insertRows']): Promise<[number, SaveResult][]> {
  const out: [number, SaveResult][] = [];
  const layers = new Map<LayerTable, { article_id: number }[]>();
  for (const p of articles) {
    const existing = await trx.selectFrom('articles').select('id').where('content_hash', '=', p.contentHash).executeTakeFirst();
    if (existing) {
      out.push([p.slot, { status: 'unchanged', articleId: existing.id }]);
      continue;
    }
    // Linked before it is inserted: an update afterwards would index its text twice (FTS5).
    const duplicate = await nearDuplicateOf(trx, p.simhash);
    const { id } = await trx
      .insertInto('articles')
      .values({ ...p.article, duplicate_of: duplicate?.id ?? null, duplicate_similarity: duplicate?.similarity ?? null, ingested_at: new Date().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (p.simhash) await insertRows(trx, 'simhash_bands', bands(p.simhash).map(([band, value]) => ({ band, value, article_id: id })));
    for (const [table, rows] of p.layers) {
      for (const r of rows) r.article_id = id;
      if (!layers.has(table)) layers.set(table, []);
      const all = layers.get(table)!;
      for (const r of rows) all.push(r);
    }
    out.push([p.slot, { status: 'stored', articleId: id }]);
  }
  for (const [table, rows] of layers) await insertRows(trx, table, rows);
  return out;
}

async function insertChunked<T extends keyof Database>(trx: Kysely<Database>, table: T, rows: unknown[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx.insertInto(table).values(rows.slice(i, i + CHUNK) as never).execute();
  }
}

function toArticle(row: Selectable<ArticlesTable>): Article {
  return {
    sourceId: row.source_id,
    url: row.url,
    outlet: row.outlet,
    title: row.title,
    byline: row.byline,
    origin: row.origin,
    published: row.published,
    publishedBasis: row.published_basis as PublishedBasis,
    publishedGuess: row.published_guess ? (JSON.parse(row.published_guess) as PublicationGuess) : null,
    language: row.language,
    text: row.text,
    contentHash: row.content_hash,
    simhash: row.simhash,
  };
}
