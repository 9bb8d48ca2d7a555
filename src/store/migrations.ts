// Versioned schema migrations, applied in name order by Kysely's Migrator, for both
// dialects: the tables are the same; ids and full-text search differ. Never edit a
// migration that has shipped: add the next one.
import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

function layerTable(db: Kysely<any>, name: string) {
  return db.schema
    .createTable(name)
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    // A stage's fields beyond the columns (a time's tense, say), as JSON, so records round-trip.
    .addColumn('extra', 'text');
}

/** A table with a generated integer id: an identity column on PostgreSQL, AUTOINCREMENT on SQLite. */
function withId(dialect: Dialect, t: ReturnType<Kysely<any>['schema']['createTable']>) {
  return dialect === 'postgres'
    ? t.addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

const initial = (dialect: Dialect): Migration => ({
  async up(db) {
    const id = (t: ReturnType<Kysely<any>['schema']['createTable']>) => withId(dialect, t);
    await id(db.schema.createTable('articles'))
      .addColumn('source_id', 'text', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull().unique())
      .addColumn('url', 'text')
      .addColumn('outlet', 'text')
      .addColumn('title', 'text')
      .addColumn('byline', 'text')
      .addColumn('origin', 'text')
      .addColumn('published', 'text')
      .addColumn('published_basis', 'text', (c) => c.notNull())
      .addColumn('published_guess', 'text') // JSON PublicationGuess
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      // In UTF-16 code units, as layer offsets are: checks need not read the text.
      .addColumn('text_length', 'integer', (c) => c.notNull())
      .addColumn('simhash', 'text')
      // A near-duplicate (syndicated or lightly edited copy) of an earlier article.
      .addColumn('duplicate_of', 'integer', (c) => c.references('articles.id'))
      .addColumn('duplicate_similarity', 'double precision')
      .addColumn('ingested_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('articles_source_id').on('articles').column('source_id').execute();
    await db.schema.createIndex('articles_published').on('articles').column('published').execute();

    // The four 16-bit bands of each SimHash: a near-duplicate shares at least one.
    await db.schema
      .createTable('simhash_bands')
      .addColumn('band', 'integer', (c) => c.notNull())
      .addColumn('value', 'integer', (c) => c.notNull())
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('simhash_bands_pk', ['band', 'value', 'article_id'])
      .execute();

    await layerTable(db, 'sentences').addPrimaryKeyConstraint('sentences_pk', ['article_id', 'idx']).execute();
    await layerTable(db, 'entities')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('labels', 'text')
      .addPrimaryKeyConstraint('entities_pk', ['article_id', 'idx'])
      .execute();
    await db.schema.createIndex('entities_actor').on('entities').column('actor_id').execute();
    await layerTable(db, 'places')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('geonameid', 'integer')
      .addColumn('lat', 'double precision', (c) => c.notNull())
      .addColumn('lon', 'double precision', (c) => c.notNull())
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('admin1', 'text')
      .addColumn('precision', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('places_pk', ['article_id', 'idx'])
      .execute();
    await layerTable(db, 'times')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('precision', 'text', (c) => c.notNull())
      .addColumn('range_start', 'text')
      .addColumn('range_end', 'text')
      .addPrimaryKeyConstraint('times_pk', ['article_id', 'idx'])
      .execute();
    await layerTable(db, 'quantities')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('min', 'double precision', (c) => c.notNull())
      .addColumn('max', 'double precision')
      .addColumn('unit', 'text')
      .addPrimaryKeyConstraint('quantities_pk', ['article_id', 'idx'])
      .execute();

    await layerTable(db, 'attributions')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('speaker_id', 'text')
      .addColumn('speaker_text', 'text')
      .addPrimaryKeyConstraint('attributions_pk', ['article_id', 'idx'])
      .execute();
    await db.schema.createIndex('attributions_speaker').on('attributions').column('speaker_id').execute();

    await id(db.schema.createTable('events'))
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('idx', 'integer', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('recipient_id', 'text')
      .addColumn('place_name', 'text')
      .addColumn('lat', 'double precision')
      .addColumn('lon', 'double precision')
      .addColumn('country', 'text')
      .addColumn('admin1', 'text')
      .addColumn('date_start', 'text')
      .addColumn('date_end', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('killed_min', 'integer')
      .addColumn('injured_min', 'integer')
      .addColumn('credited_id', 'text')
      .addColumn('sentence', 'integer', (c) => c.notNull())
      .addColumn('start', 'integer', (c) => c.notNull())
      .addColumn('end', 'integer', (c) => c.notNull())
      .addColumn('confidence', 'double precision', (c) => c.notNull())
      .addColumn('record', 'text', (c) => c.notNull())
      .addUniqueConstraint('events_article_idx', ['article_id', 'idx'])
      .execute();
    await db.schema.createIndex('events_type_date').on('events').columns(['type', 'date_start']).execute();
    await db.schema.createIndex('events_actor').on('events').column('actor_id').execute();
    await db.schema.createIndex('events_latlon').on('events').columns(['lat', 'lon']).execute();
  },
  async down(db) {
    for (const t of ['simhash_bands', 'events', 'attributions', 'quantities', 'times', 'places', 'entities', 'sentences', 'articles']) {
      await db.schema.dropTable(t).ifExists().execute();
    }
  },
});

/** Full-text search over title and text, kept in step with `articles` by triggers. */
const sqliteFullText: Migration = {
  async up(db) {
    await sql`CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`.execute(db);
    await sql`CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
      INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END`.execute(db);
    await sql`CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
      INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); END`.execute(db);
    await sql`CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
      INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
      INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END`.execute(db);
  },
  async down(db) {
    await sql`DROP TABLE IF EXISTS articles_fts`.execute(db);
  },
};

/**
 * Full-text search over title and text: a generated tsvector with a GIN index. Accents
 * are folded (Erdoğan finds Erdogan) as SQLite's `remove_diacritics` does; unaccent() is
 * not immutable, so an immutable wrapper is what the generated column calls.
 */
const postgresFullText: Migration = {
  async up(db) {
    await sql`CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public`.execute(db);
    await sql`CREATE FUNCTION sitrep_unaccent(text) RETURNS text
      AS $$ SELECT public.unaccent('public.unaccent', $1) $$
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT`.execute(db);
    await sql`ALTER TABLE articles ADD COLUMN fts tsvector GENERATED ALWAYS AS
      (to_tsvector('simple', sitrep_unaccent(coalesce(title, '') || ' ' || text))) STORED`.execute(db);
    await sql`CREATE INDEX articles_fts ON articles USING GIN (fts)`.execute(db);
  },
  async down(db) {
    await sql`ALTER TABLE articles DROP COLUMN IF EXISTS fts`.execute(db);
    await sql`DROP FUNCTION IF EXISTS sitrep_unaccent(text)`.execute(db);
  },
};

/** What `sitrep watch` remembers of each feed: validators for conditional GETs, items seen. */
const feeds: Migration = {
  async up(db) {
    await db.schema
      .createTable('feeds')
      .addColumn('url', 'text', (c) => c.primaryKey())
      .addColumn('etag', 'text')
      .addColumn('last_modified', 'text')
      .addColumn('checked_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('feed_items')
      .addColumn('feed_url', 'text', (c) => c.notNull())
      .addColumn('item_key', 'text', (c) => c.notNull())
      .addColumn('seen_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('feed_items_pk', ['feed_url', 'item_key'])
      .execute();
  },
  async down(db) {
    await db.schema.dropTable('feed_items').ifExists().execute();
    await db.schema.dropTable('feeds').ifExists().execute();
  },
};

/**
 * Stories (src/stories): the stories, which story each article is in, the inverted index
 * that finds candidate stories for a new article, the document frequencies of the
 * clustering keys, and the clustering's counters. Story ids are the older story's when
 * two merge; the younger row stays, pointing at it.
 */
const stories = (dialect: Dialect): Migration => ({
  async up(db) {
    await withId(dialect, db.schema.createTable('stories'))
      .addColumn('title', 'text')
      .addColumn('first_date', 'text')
      .addColumn('last_date', 'text')
      .addColumn('articles', 'integer', (c) => c.notNull())
      .addColumn('centroid', 'text', (c) => c.notNull())
      .addColumn('outlets', 'text', (c) => c.notNull())
      .addColumn('merged_into', 'integer', (c) => c.references('stories.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('stories_last_date').on('stories').column('last_date').execute();
    await db.schema
      .createTable('story_articles')
      .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
      .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id'))
      .addColumn('similarity', 'double precision', (c) => c.notNull())
      .addColumn('duplicate_of', 'integer', (c) => c.references('articles.id'))
      .addColumn('added_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('story_articles_story').on('story_articles').column('story_id').execute();
    await db.schema
      .createTable('story_keys')
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id'))
      .addColumn('first_day', 'text')
      .addColumn('last_day', 'text')
      .addPrimaryKeyConstraint('story_keys_pk', ['key', 'story_id'])
      .execute();
    // Candidates are a key's stories seen lately: the index is read newest first.
    await db.schema.createIndex('story_keys_key_day').on('story_keys').columns(['key', 'last_day']).execute();
    await db.schema.createIndex('story_keys_story').on('story_keys').column('story_id').execute();
    await db.schema
      .createTable('story_terms')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('df', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('story_state')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'integer', (c) => c.notNull())
      .execute();
  },
  async down(db) {
    for (const t of ['story_state', 'story_terms', 'story_keys', 'story_articles', 'stories']) {
      await db.schema.dropTable(t).ifExists().execute();
    }
  },
});

/** Indexes for the API's event queries: sorted by date or toll, filtered by a minimum killed. */
const eventIndexes: Migration = {
  async up(db) {
    await db.schema.createIndex('events_date').on('events').columns(['date_start', 'id']).execute();
    await db.schema.createIndex('events_killed').on('events').columns(['killed_min', 'id']).execute();
  },
  async down(db) {
    await db.schema.dropIndex('events_killed').ifExists().execute();
    await db.schema.dropIndex('events_date').ifExists().execute();
  },
};

/**
 * An event is found by type and an overlapping date range: the index carries both ends of
 * the range, so the range test runs on the index alone and only matching rows are read
 * (10.7 ms -> 1.0 ms a query on 40,000 events, measured on SQLite).
 */
const eventSpans: Migration = {
  async up(db) {
    await db.schema.dropIndex('events_type_date').ifExists().execute();
    await db.schema.createIndex('events_type_span').on('events').columns(['type', 'date_start', 'date_end']).execute();
  },
  async down(db) {
    await db.schema.dropIndex('events_type_span').ifExists().execute();
    await db.schema.createIndex('events_type_date').on('events').columns(['type', 'date_start']).execute();
  },
};

/** Longest date span, in days, of an event that counts as short (see `eventWindows`). */
export const SHORT_SPAN_DAYS = 31;

/**
 * Events in a date window. An event overlaps [from, to] when it starts by `to` and ends
 * from `from`; a B-tree can bound only one of the two, so a window late in the record
 * read every earlier event of the type (88,000 index entries for a two-month window at
 * the end of four years). Events are split by their span: a short one (up to
 * SHORT_SPAN_DAYS) that overlaps the window starts no earlier than `from` minus that span,
 * which bounds the index range on both sides; the few long ones are read apart.
 * An actor's events are indexed in date order too. A type or a province alone is
 * indexed with the id, so its latest events come straight from the index: without it,
 * "the latest ASSAULTs with 5 killed" read every ASSAULT and sorted them (200 -> 1 ms on
 * 200,000 events in SQLite).
 */
const eventWindows = (dialect: Dialect): Migration => ({
  async up(db) {
    await db.schema.alterTable('events').addColumn('long_span', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    const days = dialect === 'sqlite'
      ? sql`julianday(date_end) - julianday(date_start) <= ${sql.lit(SHORT_SPAN_DAYS)}`
      : sql`(CASE WHEN date_start ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND date_end ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
          THEN date_end::date - date_start::date <= ${sql.lit(SHORT_SPAN_DAYS)} ELSE false END)`;
    // Undated events are short (no window selects them); a span that cannot be read is long.
    await sql`UPDATE events SET long_span = CASE WHEN date_start IS NULL OR date_end IS NULL THEN 0 WHEN ${days} THEN 0 ELSE 1 END`.execute(db);
    await db.schema.dropIndex('events_type_span').ifExists().execute();
    await db.schema.createIndex('events_type_window').on('events').columns(['type', 'long_span', 'date_start', 'date_end']).execute();
    await db.schema.createIndex('events_window').on('events').columns(['long_span', 'date_start', 'date_end']).execute();
    await db.schema.dropIndex('events_actor').ifExists().execute();
    await db.schema.createIndex('events_actor_date').on('events').columns(['actor_id', 'date_start']).execute();
    await db.schema.createIndex('events_type_id').on('events').columns(['type', 'id']).execute();
    await db.schema.createIndex('events_admin1_id').on('events').columns(['admin1', 'id']).execute();
  },
  async down(db) {
    await db.schema.dropIndex('events_admin1_id').ifExists().execute();
    await db.schema.dropIndex('events_type_id').ifExists().execute();
    await db.schema.dropIndex('events_actor_date').ifExists().execute();
    await db.schema.createIndex('events_actor').on('events').column('actor_id').execute();
    await db.schema.dropIndex('events_window').ifExists().execute();
    await db.schema.dropIndex('events_type_window').ifExists().execute();
    await db.schema.createIndex('events_type_span').on('events').columns(['type', 'date_start', 'date_end']).execute();
    await db.schema.alterTable('events').dropColumn('long_span').execute();
  },
});

/**
 * SQLite: an R*Tree of the placed events, kept in step with `events` by triggers, so a
 * bounding box (or the box around a radius) reads only the events inside it instead of a
 * whole band of latitude (2.4 -> 0.8 ms to pick a page of a 1-degree box among 200,000
 * events). The R*Tree stores 32-bit floats rounded outwards, so it is a coarse filter: the
 * exact test stays on `events.lat` and `events.lon`. PostgreSQL keeps its B-tree on
 * (lat, lon); PostGIS is not required.
 */
const eventBoxes = (dialect: Dialect): Migration => ({
  async up(db) {
    if (dialect !== 'sqlite') return;
    await sql`CREATE VIRTUAL TABLE events_rtree USING rtree(id, lat0, lat1, lon0, lon1)`.execute(db);
    await sql`INSERT INTO events_rtree SELECT id, lat, lat, lon, lon FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL`.execute(db);
    await sql`CREATE TRIGGER events_rtree_insert AFTER INSERT ON events WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL BEGIN
      INSERT INTO events_rtree VALUES (new.id, new.lat, new.lat, new.lon, new.lon); END`.execute(db);
    await sql`CREATE TRIGGER events_rtree_delete AFTER DELETE ON events BEGIN
      DELETE FROM events_rtree WHERE id = old.id; END`.execute(db);
    await sql`CREATE TRIGGER events_rtree_update AFTER UPDATE OF id, lat, lon ON events BEGIN
      DELETE FROM events_rtree WHERE id = old.id;
      INSERT INTO events_rtree SELECT new.id, new.lat, new.lat, new.lon, new.lon WHERE new.lat IS NOT NULL AND new.lon IS NOT NULL; END`.execute(db);
  },
  async down(db) {
    if (dialect !== 'sqlite') return;
    for (const t of ['events_rtree_insert', 'events_rtree_delete', 'events_rtree_update']) await sql`DROP TRIGGER IF EXISTS ${sql.id(t)}`.execute(db);
    await sql`DROP TABLE IF EXISTS events_rtree`.execute(db);
  },
});

/**
 * A province's latest events straight from the index (27 -> 0.9 ms for a page of one
 * province's events, latest first, among 200,000 in SQLite). The same index by type made
 * date windows sorted by date choose it and walk the type's whole history (0.7 -> 150 ms),
 * so a type's latest events with a toll filter stay a sort (see the scale bench).
 */
const eventProvinceDates: Migration = {
  async up(db) {
    await db.schema.createIndex('events_admin1_date').on('events').columns(['admin1', 'date_start']).execute();
  },
  async down(db) {
    await db.schema.dropIndex('events_admin1_date').ifExists().execute();
  },
};

/**
 * A type's events that have a toll, by date: "the latest ASSAULTs with 5 killed" read every
 * ASSAULT and sorted them, or walked every event by date (p95 112 ms at 100,000 analysed
 * articles in the scale bench). A partial index, so that only a query with a toll filter can
 * choose it: date windows without one keep their own index, and a window's long events
 * are kept off it in the query (src/store: `events`). PostgreSQL's carries the order the
 * queries ask for (latest first, undated last), which a plain index read backwards does not give.
 */
const eventTolls = (dialect: Dialect): Migration => ({
  async up(db) {
    const order = dialect === 'postgres' ? sql.raw('date_start DESC NULLS LAST, id DESC') : sql.raw('date_start');
    await sql`CREATE INDEX events_type_counted_date ON events (type, ${order}) WHERE killed_min IS NOT NULL`.execute(db);
  },
  async down(db) {
    await db.schema.dropIndex('events_type_counted_date').ifExists().execute();
  },
});

/**
 * Clustering's two hot tables, lighter to write and read (clustering one article upserts its
 * hundred-odd keys in `story_terms` and looks as many up in `story_keys`, all while the other
 * writers wait). SQLite: `story_terms` without a rowid, so a key is one B-tree entry instead
 * of a table row and an index entry. Both: the candidates' lookup (a key's stories in a
 * window, newest first, then by id) read from one index that holds every column it needs and
 * is in its order, where the old one (key, last_day) sent each row to the table and sorted
 * the ties.
 */
const storyLookups = (dialect: Dialect): Migration => ({
  async up(db) {
    if (dialect === 'sqlite') {
      await sql`CREATE TABLE story_terms_compact (key text PRIMARY KEY NOT NULL, df integer NOT NULL) WITHOUT ROWID`.execute(db);
      await sql`INSERT INTO story_terms_compact (key, df) SELECT key, df FROM story_terms WHERE key IS NOT NULL`.execute(db);
      await sql`DROP TABLE story_terms`.execute(db);
      await sql`ALTER TABLE story_terms_compact RENAME TO story_terms`.execute(db);
    }
    await db.schema.createIndex('story_keys_lookup').on('story_keys').columns(['key', 'last_day', 'story_id', 'first_day']).execute();
    await db.schema.dropIndex('story_keys_key_day').execute();
  },
  async down(db) {
    await db.schema.createIndex('story_keys_key_day').on('story_keys').columns(['key', 'last_day']).execute();
    await db.schema.dropIndex('story_keys_lookup').execute();
    if (dialect === 'sqlite') {
      await sql`CREATE TABLE story_terms_rowid (key text PRIMARY KEY, df integer NOT NULL)`.execute(db);
      await sql`INSERT INTO story_terms_rowid (key, df) SELECT key, df FROM story_terms`.execute(db);
      await sql`DROP TABLE story_terms`.execute(db);
      await sql`ALTER TABLE story_terms_rowid RENAME TO story_terms`.execute(db);
    }
  },
});

/**
 * PostgreSQL: a province's or an actor's events latest first ("Idlib, newest first", "what
 * SYR.MIL did lately") read in that order off an index, a page at most. The indexes of
 * migrations 0009 and 0007, (admin1, date_start) and (actor_id, date_start), read backwards
 * give undated events first, which the order (latest first, undated last) does not want, so
 * PostgreSQL read every event of the province or actor and sorted them: a province p50 5.1
 * ms at 100,000 scale articles, 19.1 ms at 500,000 (p95 128.5); at 785,000 events, Idlib's
 * latest 50 of 36,211 43.5 -> 0.3 ms, SYR.MIL's of 45,918 50.1 -> 0.4 ms. SQLite, whose
 * NULLs sort first, reads the old indexes backwards (a province 0.7 ms at 1,000,000).
 */
const eventLatest = (dialect: Dialect): Migration => postgresIndexes(dialect, {
  events_admin1_latest: sql`CREATE INDEX events_admin1_latest ON events (admin1, date_start DESC NULLS LAST, id DESC)`,
  events_actor_latest: sql`CREATE INDEX events_actor_latest ON events (actor_id, date_start DESC NULLS LAST, id DESC)`,
});

/**
 * PostgreSQL: a type's undated events in id order, the last of the three pages that make "a
 * type's latest events" (migration 0007: its dated, its long and its undated ones). The
 * window index holds them but not by id (SQLite's ends in the rowid), so PostgreSQL read every
 * undated event of the type and sorted them: "the latest ASSAULTs", p50 7.0 ms at 100,000
 * scale articles, 17.4 ms at 1,000,000, of which 19 ms (one run, 21.8 ms in all) went to
 * reading and sorting 16,351 undated ASSAULTs. Partial: undated events are a few in a hundred.
 */
const eventUndated = (dialect: Dialect): Migration => postgresIndexes(dialect, {
  events_type_undated: sql`CREATE INDEX events_type_undated ON events (type, long_span, id) WHERE date_start IS NULL`,
});

/** A migration that only PostgreSQL needs: these indexes (name: its CREATE statement), created in order and dropped on the way down. */
function postgresIndexes(dialect: Dialect, indexes: Record<string, RawBuilder<unknown>>): Migration {
  return {
    async up(db) {
      if (dialect !== 'postgres') return;
      for (const create of Object.values(indexes)) await create.execute(db);
    },
    async down(db) {
      if (dialect !== 'postgres') return;
      for (const name of Object.keys(indexes)) await db.schema.dropIndex(name).ifExists().execute();
    },
  };
}

/** Migrations by name; the names sort in the order they apply. */
export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001_initial': initial(dialect),
    '0002_fulltext': dialect === 'postgres' ? postgresFullText : sqliteFullText,
    '0003_feeds': feeds,
    '0004_stories': stories(dialect),
    '0005_event_indexes': eventIndexes,
    '0006_event_spans': eventSpans,
    '0007_event_windows': eventWindows(dialect),
    '0008_event_boxes': eventBoxes(dialect),
    '0009_event_province_dates': eventProvinceDates,
    '0010_event_tolls': eventTolls(dialect),
    '0011_story_lookups': storyLookups(dialect),
    '0012_event_latest': eventLatest(dialect),
    '0013_event_undated': eventUndated(dialect),
  };
}
