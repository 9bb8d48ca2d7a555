// Table types for Kysely. One interface a table; the migrations in ./migrations.ts create
// exactly these columns. Offsets (`start`, `end`) are UTF-16 offsets into articles.text.
import type { Generated } from 'kysely';

export interface ArticlesTable {
  id: Generated<number>;
  source_id: string;
  content_hash: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  byline: string | null;
  origin: string | null;
  published: string | null;
  published_basis: string;
  published_guess: string | null;
  language: string;
  text: string;
  text_length: number;
  simhash: string | null;
  duplicate_of: number | null;
  duplicate_similarity: number | null;
  ingested_at: string;
}

interface LayerRow {
  article_id: number;
  idx: number;
  start: number;
  end: number;
  /** JSON object of the record's fields that have no column. */
  extra: string | null;
}

export type SentencesTable = LayerRow;

export interface EntitiesTable extends LayerRow {
  text: string;
  type: string;
  actor_id: string | null;
  labels: string | null; // JSON array
}

export interface PlacesTable extends LayerRow {
  text: string;
  name: string;
  geonameid: number | null;
  lat: number;
  lon: number;
  country: string;
  admin1: string | null;
  precision: number;
}

export interface TimesTable extends LayerRow {
  text: string;
  value: string;
  precision: string;
  range_start: string | null;
  range_end: string | null;
}

export interface QuantitiesTable extends LayerRow {
  text: string;
  min: number;
  max: number | null;
  unit: string | null;
}

export interface AttributionsTable extends LayerRow {
  kind: string;
  speaker_id: string | null;
  speaker_text: string | null;
}

/** Events keep their queryable fields as columns and the whole record as JSON. */
export interface EventsTable {
  id: Generated<number>;
  article_id: number;
  idx: number;
  type: string;
  mode: string;
  actor_id: string | null;
  recipient_id: string | null;
  place_name: string | null;
  lat: number | null;
  lon: number | null;
  country: string | null;
  admin1: string | null;
  date_start: string | null;
  date_end: string | null;
  /** 1 when the date spans more than SHORT_SPAN_DAYS (or cannot be read), else 0. */
  long_span: Generated<number>;
  status: string;
  killed_min: number | null;
  injured_min: number | null;
  credited_id: string | null;
  sentence: number;
  start: number;
  end: number;
  confidence: number;
  record: string; // JSON EventMention
}

export interface FeedsTable {
  url: string;
  etag: string | null;
  last_modified: string | null;
  checked_at: string;
}

export interface FeedItemsTable {
  feed_url: string;
  item_key: string;
  seen_at: string;
}

export interface SimhashBandsTable {
  band: number;
  value: number;
  article_id: number;
}

/** One story; a story merged into an older one keeps its row, pointing at the survivor. */
export interface StoriesTable {
  id: Generated<number>;
  title: string | null;
  first_date: string | null;
  last_date: string | null;
  /** Members that are not near-duplicates of another member. */
  articles: number;
  centroid: string; // JSON [key, weight][]
  outlets: string; // JSON { outlet: count }
  merged_into: number | null;
  created_at: string;
  updated_at: string;
}

/** Which story each clustered article is in. */
export interface StoryArticlesTable {
  article_id: number;
  story_id: number;
  /** How well the article fitted the story when it joined (1 for the article that began it). */
  similarity: number;
  /** The member it is a near-duplicate of: it joined that member's story and counts once. */
  duplicate_of: number | null;
  added_at: string;
}

/** The inverted index of stories: a key (a rare word, actor, place or event day) and the days it was seen in the story. */
export interface StoryKeysTable {
  key: string;
  story_id: number;
  first_day: string | null;
  last_day: string | null;
}

/** Document frequency of every clustering key over the clustered articles (duplicates not counted). */
export interface StoryTermsTable {
  key: string;
  df: number;
}

/** Counters of the clustering: `watermark` (highest article id clustered), `documents` (articles counted in story_terms). */
export interface StoryStateTable {
  name: string;
  value: number;
}

export interface Database {
  stories: StoriesTable;
  story_articles: StoryArticlesTable;
  story_keys: StoryKeysTable;
  story_terms: StoryTermsTable;
  story_state: StoryStateTable;
  simhash_bands: SimhashBandsTable;
  feeds: FeedsTable;
  feed_items: FeedItemsTable;
  articles: ArticlesTable;
  sentences: SentencesTable;
  entities: EntitiesTable;
  places: PlacesTable;
  times: TimesTable;
  quantities: QuantitiesTable;
  attributions: AttributionsTable;
  events: EventsTable;
}
