// Versioned schema migrations, applied in name order by Kysely's Migrator. Never edit a
// migration that has shipped: add the next one.
import { sql, type Kysely, type Migration } from 'kysely';

function layerTable(db: Kysely<any>, name: string) {
  return db.schema
    .createTable(name)
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull());
}

const initial: Migration = {
  async up(db) {
    await db.schema
      .createTable('articles')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('source_id', 'text', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull().unique())
      .addColumn('url', 'text')
      .addColumn('outlet', 'text')
      .addColumn('title', 'text')
      .addColumn('byline', 'text')
      .addColumn('published', 'text')
      .addColumn('published_basis', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('ingested_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('articles_source_id').on('articles').column('source_id').execute();
    await db.schema.createIndex('articles_published').on('articles').column('published').execute();

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
      .addColumn('lat', 'real', (c) => c.notNull())
      .addColumn('lon', 'real', (c) => c.notNull())
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
      .addColumn('min', 'real', (c) => c.notNull())
      .addColumn('max', 'real')
      .addColumn('unit', 'text')
      .addPrimaryKeyConstraint('quantities_pk', ['article_id', 'idx'])
      .execute();

    await db.schema
      .createTable('events')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('idx', 'integer', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('recipient_id', 'text')
      .addColumn('place_name', 'text')
      .addColumn('lat', 'real')
      .addColumn('lon', 'real')
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
      .addColumn('confidence', 'real', (c) => c.notNull())
      .addColumn('record', 'text', (c) => c.notNull())
      .addUniqueConstraint('events_article_idx', ['article_id', 'idx'])
      .execute();
    await db.schema.createIndex('events_type_date').on('events').columns(['type', 'date_start']).execute();
    await db.schema.createIndex('events_actor').on('events').column('actor_id').execute();
    await db.schema.createIndex('events_latlon').on('events').columns(['lat', 'lon']).execute();
  },
  async down(db) {
    for (const t of ['events', 'quantities', 'times', 'places', 'entities', 'sentences', 'articles']) {
      await db.schema.dropTable(t).ifExists().execute();
    }
  },
};

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

/** Migrations by name; the names sort in the order they apply. */
export const sqliteMigrations: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_fulltext': sqliteFullText,
};
