// The story tables (migration 0004): what clustering reads and writes inside its write
// transaction, and what the story commands read. The clustering logic is in src/stories;
// this file only moves its records in and out of the database.
import { sql, type Kysely } from 'kysely';
import type { AnalyzedArticle, PublicationGuess } from '../model/index.js';
import type { Database } from './schema.js';

/** A story as clustering keeps it (src/stories/cluster.ts). */
export interface StoryRecord {
  id: number;
  title: string | null;
  firstDate: string | null;
  lastDate: string | null;
  /** Members that are not near-duplicates of another member. */
  articles: number;
  /** Key -> summed weight of the members' vectors. */
  centroid: Map<string, number>;
  outlets: Record<string, number>;
}

/** An article waiting to be clustered. */
export interface PendingArticle {
  id: number;
  duplicateOf: number | null;
}

/** The story tables as one clustering transaction sees them. */
export interface StoryTables {
  /** Up to `limit` stored articles not yet in a story, in id order. */
  pending(limit: number): Promise<PendingArticle[]>;
  load(articleId: number): Promise<AnalyzedArticle | null>;
  /** Number of articles counted in the document frequencies. */
  documents(): Promise<number>;
  /**
   * Counts one more article holding these (distinct) keys; answers each key's document
   * frequency from before (absent: 0), in the same statement.
   */
  countDocument(keys: readonly string[]): Promise<Map<string, number>>;
  /**
   * Stories holding any of `keys`, seen within `window` (inclusive days; null: any time),
   * at most `perKey` a key, newest first: story id -> the keys it shares.
   */
  candidates(keys: readonly string[], window: { from: string; to: string } | null, perKey: number): Promise<Map<number, string[]>>;
  stories(ids: readonly number[]): Promise<StoryRecord[]>;
  /** A new story; its id is assigned here. */
  create(story: Omit<StoryRecord, 'id'>): Promise<number>;
  update(story: StoryRecord): Promise<void>;
  /** Moves the members and keys of `from` into `into`; the `from` rows point at `into`. */
  merge(into: number, from: readonly number[]): Promise<void>;
  addMember(member: { articleId: number; storyId: number; similarity: number; duplicateOf: number | null }): Promise<void>;
  /** The story an article is in, or null. */
  storyOf(articleId: number): Promise<number | null>;
  /** Indexes the story under `keys`, seen on `day`. */
  post(storyId: number, keys: readonly string[], day: string | null): Promise<void>;
  /** The members of a story, in article id order. */
  members(storyId: number): Promise<PendingArticle[]>;
  /** The document frequency of each key (absent: 0), without counting anything. */
  frequencies(keys: readonly string[]): Promise<Map<string, number>>;
  /** Moves articles (members of a story being split) into the story `to`. */
  move(articleIds: readonly number[], to: number): Promise<void>;
}

/** A story as the commands list it. */
export interface StoredStory {
  id: number;
  title: string | null;
  firstDate: string | null;
  lastDate: string | null;
  articles: number;
  outlets: Record<string, number>;
}

export interface StoryMember {
  articleId: number;
  sourceId: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
  publishedGuess: PublicationGuess | null;
  similarity: number;
  /** The member article it copies (near-duplicate), or null. */
  duplicateOf: number | null;
}

const CHUNK = 400;

export class KyselyStoryTables implements StoryTables {
  /**
   * `lookback`: how many ids below the watermark are looked at again, for articles committed
   * after an article with a later id (PostgreSQL assigns ids before commit; SQLite's writers
   * take turns, so there it is 0).
   */
  constructor(
    private readonly db: Kysely<Database>,
    readonly load: (articleId: number) => Promise<AnalyzedArticle | null>,
    private readonly lookback: number,
    private readonly index: StoryIndex,
  ) {}

  /** The counters as read or written in this transaction: no other writes them while it holds the story tables. */
  private readonly counters = new Map<string, number>();
  /** Counters changed and not yet written: written once, at the end of the transaction (`flush`). */
  private readonly changed = new Set<string>();

  private async counter(name: string): Promise<number> {
    const known = this.counters.get(name);
    if (known !== undefined) return known;
    const row = await this.db.selectFrom('story_state').select('value').where('name', '=', name).executeTakeFirst();
    this.counters.set(name, row?.value ?? 0);
    return row?.value ?? 0;
  }

  private async setCounter(name: string, value: number): Promise<void> {
    this.counters.set(name, value);
    this.changed.add(name);
  }

  /**
   * Writes the counters changed in this transaction: once a transaction instead of twice an
   * article. Called by the store before it commits (nothing outside the transaction sees
   * them before then, and inside it they are read from `counters`).
   */
  async flush(): Promise<void> {
    for (const name of this.changed) {
      const value = this.counters.get(name)!;
      await this.db.insertInto('story_state').values({ name, value })
        .onConflict((oc) => oc.column('name').doUpdateSet({ value })).execute();
    }
    this.changed.clear();
  }

  async pending(limit: number): Promise<PendingArticle[]> {
    const watermark = await this.counter('watermark');
    const rows = await this.db
      .selectFrom('articles')
      .leftJoin('story_articles', 'story_articles.article_id', 'articles.id')
      .select(['articles.id as id', 'articles.duplicate_of as duplicate_of'])
      .where('articles.id', '>', watermark - this.lookback)
      .where('story_articles.article_id', 'is', null)
      .orderBy('articles.id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, duplicateOf: r.duplicate_of }));
  }

  documents = () => this.counter('documents');

  async countDocument(keys: readonly string[]): Promise<Map<string, number>> {
    const before = new Map<string, number>();
    for (const r of await this.index.count(keys)) if (r.df > 1) before.set(r.key, r.df - 1);
    await this.setCounter('documents', (await this.documents()) + 1);
    return before;
  }

  async candidates(keys: readonly string[], window: { from: string; to: string } | null, perKey: number): Promise<Map<number, string[]>> {
    const byKey = new Map<string, number[]>();
    for (const r of await this.index.postings(keys, window, perKey)) {
      if (!byKey.has(r.key)) byKey.set(r.key, []);
      byKey.get(r.key)!.push(r.story_id);
    }
    const out = new Map<number, string[]>();
    for (const key of keys) {
      for (const story of byKey.get(key) ?? []) {
        if (!out.has(story)) out.set(story, []);
        out.get(story)!.push(key);
      }
    }
    return out;
  }

  async stories(ids: readonly number[]): Promise<StoryRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('stories').selectAll().where('id', 'in', [...ids]).execute();
    return rows.map((r) => ({
      id: r.id, title: r.title, firstDate: r.first_date, lastDate: r.last_date, articles: r.articles,
      centroid: new Map(JSON.parse(r.centroid) as [string, number][]), outlets: JSON.parse(r.outlets) as Record<string, number>,
    }));
  }

  async create(story: Omit<StoryRecord, 'id'>): Promise<number> {
    const now = new Date().toISOString();
    const { id } = await this.db.insertInto('stories').values({ ...columns(story), merged_into: null, created_at: now })
      .returning('id').executeTakeFirstOrThrow();
    return id;
  }

  async update(story: StoryRecord): Promise<void> {
    await this.db.updateTable('stories').set(columns(story)).where('id', '=', story.id).execute();
  }

  async merge(into: number, from: readonly number[]): Promise<void> {
    if (from.length === 0) return;
    const ids = [...from];
    await this.db.updateTable('story_articles').set({ story_id: into }).where('story_id', 'in', ids).execute();
    const keys = await this.db.selectFrom('story_keys').select(['key', 'first_day', 'last_day']).where('story_id', 'in', ids).execute();
    await this.upsertKeys(into, keys);
    await this.db.deleteFrom('story_keys').where('story_id', 'in', ids).execute();
    await this.db.updateTable('stories').set({ merged_into: into, updated_at: new Date().toISOString() })
      .where((eb) => eb.or([eb('id', 'in', ids), eb('merged_into', 'in', ids)])).execute();
  }

  async addMember(m: { articleId: number; storyId: number; similarity: number; duplicateOf: number | null }): Promise<void> {
    await this.db.insertInto('story_articles').values({
      article_id: m.articleId, story_id: m.storyId, similarity: m.similarity, duplicate_of: m.duplicateOf, added_at: new Date().toISOString(),
    }).execute();
    if (m.articleId > (await this.counter('watermark'))) await this.setCounter('watermark', m.articleId);
  }

  async storyOf(articleId: number): Promise<number | null> {
    const row = await this.db.selectFrom('story_articles').select('story_id').where('article_id', '=', articleId).executeTakeFirst();
    return row?.story_id ?? null;
  }

  async members(storyId: number): Promise<PendingArticle[]> {
    const rows = await this.db.selectFrom('story_articles').select(['article_id', 'duplicate_of'])
      .where('story_id', '=', storyId).orderBy('article_id').execute();
    return rows.map((r) => ({ id: r.article_id, duplicateOf: r.duplicate_of }));
  }

  async frequencies(keys: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (let i = 0; i < keys.length; i += CHUNK) {
      const rows = await this.db.selectFrom('story_terms').select(['key', 'df']).where('key', 'in', keys.slice(i, i + CHUNK)).execute();
      for (const r of rows) out.set(r.key, r.df);
    }
    return out;
  }

  async move(articleIds: readonly number[], to: number): Promise<void> {
    for (let i = 0; i < articleIds.length; i += CHUNK) {
      await this.db.updateTable('story_articles').set({ story_id: to }).where('article_id', 'in', articleIds.slice(i, i + CHUNK)).execute();
    }
  }

  post(storyId: number, keys: readonly string[], day: string | null): Promise<void> {
    return this.upsertKeys(storyId, keys.map((key) => ({ key, first_day: day, last_day: day })));
  }

  /** Adds keys to a story's index entries, widening the days of those it has. */
  private async upsertKeys(storyId: number, keys: readonly { key: string; first_day: string | null; last_day: string | null }[]): Promise<void> {
    // One row a key: an INSERT may not update the same row twice (PostgreSQL).
    const rows = new Map<string, { key: string; story_id: number; first_day: string | null; last_day: string | null }>();
    for (const k of keys) {
      const r = rows.get(k.key);
      if (!r) rows.set(k.key, { ...k, story_id: storyId });
      else {
        r.first_day = earlier(r.first_day, k.first_day);
        r.last_day = later(r.last_day, k.last_day);
      }
    }
    await this.index.post(storyId, [...rows.values()]);
  }
}

/**
 * Clustering's three statements over its index tables, run for every article clustered:
 * counting the article's hundred-odd keys in the document frequencies, a key's stories in a
 * window, and the story's keys indexed. Each dialect runs them as statements whose text is
 * fixed (src/store/index.ts): SQLite, statements prepared once on the connection and run a
 * key (a row) at a time; PostgreSQL, one statement a call with the keys as arrays. The
 * multi-row statements Kysely built were new text for every number of keys: compiled anew
 * in JavaScript every time and, on PostgreSQL, parsed and planned anew by the server (a
 * union of a hundred branches), which was most of clustering's cost that was not the index.
 */
export interface StoryIndex {
  /** Counts one more document holding each (distinct) key: each key's frequency after it. */
  count(keys: readonly string[]): Promise<{ key: string; df: number }[]>;
  /** Each key's stories seen within `window` (null: any time), at most `perKey`, key by key in `keys`' order, newest first, then by id descending. */
  postings(keys: readonly string[], window: { from: string; to: string } | null, perKey: number): Promise<{ key: string; story_id: number }[]>;
  /** Adds (distinct) keys to the story's entries, widening the days of those it has. */
  post(storyId: number, keys: readonly { key: string; first_day: string | null; last_day: string | null }[]): Promise<void>;
}

/** Portable min/max that keep a known day over an unknown one (SQLite's min() returns NULL). */
const WIDEN = `first_day = CASE WHEN story_keys.first_day IS NULL OR excluded.first_day < story_keys.first_day THEN excluded.first_day ELSE story_keys.first_day END,
  last_day = CASE WHEN story_keys.last_day IS NULL OR excluded.last_day > story_keys.last_day THEN excluded.last_day ELSE story_keys.last_day END`;
/** A key's postings, newest first; undated postings last with no window (PostgreSQL puts NULLs first in a descending order). */
const POSTINGS_ORDER = { window: 'last_day DESC, story_id DESC', any: 'last_day DESC NULLS LAST, story_id DESC' };

/** A statement of the raw SQLite connection, as much of better-sqlite3's as is used here. */
interface SqliteStatement {
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): unknown;
}

/**
 * SQLite: statements prepared once on the connection the transaction runs on (better-sqlite3
 * is synchronous and has one connection, so they run inside it), a key at a time.
 */
export function sqliteStoryIndex(prepare: (sql: string) => SqliteStatement): StoryIndex {
  let statements: { count: SqliteStatement; window: SqliteStatement; any: SqliteStatement; post: SqliteStatement } | null = null;
  const prepared = () => (statements ??= {
    count: prepare('INSERT INTO story_terms (key, df) VALUES (?, 1) ON CONFLICT (key) DO UPDATE SET df = story_terms.df + 1 RETURNING df'),
    window: prepare(`SELECT story_id FROM story_keys WHERE key = ? AND last_day >= ? AND first_day <= ? ORDER BY ${POSTINGS_ORDER.window} LIMIT ?`),
    any: prepare(`SELECT story_id FROM story_keys WHERE key = ? ORDER BY ${POSTINGS_ORDER.any} LIMIT ?`),
    post: prepare(`INSERT INTO story_keys (key, story_id, first_day, last_day) VALUES (?, ?, ?, ?) ON CONFLICT (key, story_id) DO UPDATE SET ${WIDEN}`),
  });
  return {
    async count(keys) {
      const { count } = prepared();
      return keys.map((key) => ({ key, df: (count.get(key) as { df: number }).df }));
    },
    async postings(keys, window, perKey) {
      const s = prepared();
      const out: { key: string; story_id: number }[] = [];
      for (const key of keys) {
        const rows = (window ? s.window.all(key, window.from, window.to, perKey) : s.any.all(key, perKey)) as { story_id: number }[];
        for (const r of rows) out.push({ key, story_id: r.story_id });
      }
      return out;
    },
    async post(storyId, keys) {
      const { post } = prepared();
      for (const k of keys) post.run(k.key, storyId, k.first_day, k.last_day);
    },
  };
}

/** PostgreSQL: one statement a call, its keys (and days) as arrays, so its text never changes. */
export function postgresStoryIndex(db: Kysely<Database>): StoryIndex {
  return {
    async count(keys) {
      if (keys.length === 0) return [];
      const { rows } = await sql<{ key: string; df: number }>`INSERT INTO story_terms (key, df) SELECT k, 1 FROM unnest(${[...keys]}::text[]) AS k
        ON CONFLICT (key) DO UPDATE SET df = story_terms.df + 1 RETURNING key, df`.execute(db);
      return rows;
    },
    async postings(keys, window, perKey) {
      if (keys.length === 0) return [];
      const within = window ? sql`AND p.last_day >= ${window.from} AND p.first_day <= ${window.to}` : sql``;
      const orderText = window ? POSTINGS_ORDER.window : POSTINGS_ORDER.any;
      const order = sql.raw(orderText);
      const { rows } = await sql<{ key: string; story_id: number }>`SELECT k.key, s.story_id
        FROM unnest(${[...keys]}::text[]) WITH ORDINALITY AS k (key, n)
        CROSS JOIN LATERAL (SELECT p.story_id, p.last_day FROM story_keys p WHERE p.key = k.key ${within} ORDER BY ${order} LIMIT ${perKey}) s
        ORDER BY k.n, ${sql.raw(orderText.replace(/(last_day|story_id)/g, 's.$1'))}`.execute(db);
      return rows;
    },
    async post(storyId, keys) {
      if (keys.length === 0) return;
      await sql`INSERT INTO story_keys (key, story_id, first_day, last_day)
        SELECT k, ${storyId}::integer, f, l FROM unnest(${keys.map((k) => k.key)}::text[], ${keys.map((k) => k.first_day)}::text[], ${keys.map((k) => k.last_day)}::text[]) AS u (k, f, l)
        ON CONFLICT (key, story_id) DO UPDATE SET ${sql.raw(WIDEN)}`.execute(db);
    },
  };
}

const earlier = (a: string | null, b: string | null) => (a && b ? (a < b ? a : b) : a ?? b);
const later = (a: string | null, b: string | null) => (a && b ? (a > b ? a : b) : a ?? b);

/**
 * Significant digits a centroid's weights are stored with. Full precision (17 digits) made
 * the centroid, a few hundred keys, most of the bytes of a story row and a third of a store
 * of short articles; six digits change a weight by at most 5 parts in a million, far below
 * any difference a clustering threshold tells apart (the stories evaluation and the seeds'
 * stories give the same decisions either way).
 */
const CENTROID_DIGITS = 6;

/** A centroid's JSON, its weights rounded to `CENTROID_DIGITS` significant digits. */
export function centroidJson(centroid: ReadonlyMap<string, number>): string {
  const pairs: [string, number][] = [];
  for (const [k, w] of centroid) pairs.push([k, Number(w.toPrecision(CENTROID_DIGITS))]);
  return JSON.stringify(pairs);
}

function columns(s: Omit<StoryRecord, 'id'>) {
  return {
    title: s.title, first_date: s.firstDate, last_date: s.lastDate, articles: s.articles,
    centroid: centroidJson(s.centroid), outlets: JSON.stringify(s.outlets), updated_at: new Date().toISOString(),
  };
}

/** Follows merges to the story that survives: the id a user holds stays good. */
export async function survivingStory(db: Kysely<Database>, id: number): Promise<number | null> {
  for (let hops = 0, current = id; hops < 100; hops++) {
    const row = await db.selectFrom('stories').select(['id', 'merged_into']).where('id', '=', current).executeTakeFirst();
    if (!row) return null;
    if (row.merged_into === null) return row.id;
    current = row.merged_into;
  }
  return null;
}

/** Stories not merged into another, by id, read a page at a time so the caller may query the store between them. */
export async function* listStories(db: Kysely<Database>): AsyncIterable<StoredStory> {
  for (let after = 0; ;) {
    const page = await db.selectFrom('stories').selectAll().where('merged_into', 'is', null).where('id', '>', after).orderBy('id').limit(500).execute();
    for (const r of page) yield storedStory(r);
    if (page.length < 500) return;
    after = page[page.length - 1]!.id;
  }
}

export async function storyWithMembers(db: Kysely<Database>, requested: number): Promise<(StoredStory & { members: StoryMember[] }) | null> {
  const id = await survivingStory(db, requested);
  if (id === null) return null;
  const row = await db.selectFrom('stories').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const members = await db
    .selectFrom('story_articles')
    .innerJoin('articles', 'articles.id', 'story_articles.article_id')
    .select([
      'articles.id as id', 'articles.source_id as source_id', 'articles.url as url', 'articles.outlet as outlet', 'articles.title as title',
      'articles.published as published', 'articles.published_guess as published_guess',
      'story_articles.similarity as similarity', 'story_articles.duplicate_of as duplicate_of',
    ])
    .where('story_articles.story_id', '=', id)
    .orderBy('articles.id')
    .execute();
  return {
    ...storedStory(row),
    members: members.map((m) => ({
      articleId: m.id, sourceId: m.source_id, url: m.url, outlet: m.outlet, title: m.title, published: m.published,
      publishedGuess: m.published_guess ? (JSON.parse(m.published_guess) as PublicationGuess) : null,
      similarity: m.similarity, duplicateOf: m.duplicate_of,
    })),
  };
}

function storedStory(r: { id: number; title: string | null; first_date: string | null; last_date: string | null; articles: number; outlets: string }): StoredStory {
  return { id: r.id, title: r.title, firstDate: r.first_date, lastDate: r.last_date, articles: r.articles, outlets: JSON.parse(r.outlets) as Record<string, number> };
}
