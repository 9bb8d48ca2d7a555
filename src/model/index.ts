// The one vocabulary every part of sitrep shares. Types are derived from zod schemas so
// that data crossing a boundary (JSONL input, API bodies, files read from disk) is
// validated by the same definition the code is typed by.
import { z } from 'zod';
import type { FramingEvidence } from './framing.js';

export type * from './framing.js';

/** ISO calendar day, `YYYY-MM-DD`. */
export const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

// ---------------------------------------------------------------------------
// Input: what an ingest adapter hands to extraction.

export const rawDocumentKind = z.enum(['text', 'html']);

/** Bytes turned into a string by an ingest adapter, before any cleaning. */
export const rawDocumentSchema = z.object({
  /** The input's own id: `id` from JSONL, else the file path. */
  sourceId: z.string().min(1),
  kind: rawDocumentKind,
  content: z.string(),
  url: z.string().optional(),
  outlet: z.string().optional(),
  title: z.string().optional(),
  published: isoDay.optional(),
  /** Analyse `content` exactly as given (no cleaning), so gold spans line up. */
  clean: z.boolean().optional(),
});
export type RawDocument = z.infer<typeof rawDocumentSchema>;

/** One line of `sitrep analyze --jsonl` / `sitrep ingest x.jsonl` (INTERFACE.md). */
export const jsonlDocumentSchema = z
  .object({
    id: z.string().min(1).optional(),
    text: z.string().optional(),
    html: z.string().optional(),
    url: z.string().optional(),
    title: z.string().optional(),
    outlet: z.string().optional(),
    published: isoDay.optional(),
    clean: z.boolean().optional(),
  })
  .refine((d) => d.text !== undefined || d.html !== undefined, {
    message: 'a document needs "text" or "html"',
  });
export type JsonlDocument = z.infer<typeof jsonlDocumentSchema>;

// ---------------------------------------------------------------------------
// The article: clean text plus metadata. Every layer's offsets point into `text`.

/** How the publication date was found. */
export const publishedBasis = z.enum(['given', 'byline', 'dateline', 'metadata', 'none']);
export type PublishedBasis = z.infer<typeof publishedBasis>;

/**
 * The publication date read from the text of an undated article (weekday-date pairs,
 * years named, "today, February 17"), with how it was found and how sure it is. It anchors
 * relative dates; the article's own `published` stays null.
 */
export interface PublicationGuess {
  date: string;
  precision: 'day' | 'month' | 'year';
  earliest?: string;
  latest?: string;
  basis: string[];
  /** 0..1 */
  confidence: number;
}

export interface Article {
  sourceId: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  byline: string | null;
  /** Where the story was first published, when the page says it is a repost ("Continue this report at …"). */
  origin: string | null;
  published: string | null;
  publishedBasis: PublishedBasis;
  /** When `published` is null: the date inferred from the text, else null. */
  publishedGuess: PublicationGuess | null;
  /** ISO 639-1 code, or `und` when undetermined. */
  language: string;
  text: string;
  /** sha256 of the normalised clean text: the same story text is stored once. */
  contentHash: string;
  /** 64-bit SimHash (16 hex digits) of the text, for near-duplicates; null for very short texts. */
  simhash: string | null;
}

// ---------------------------------------------------------------------------
// Stand-off layers. `start`/`end` are UTF-16 offsets into `Article.text`, end exclusive.

export interface Span {
  start: number;
  end: number;
}

export type Sentence = Span;

export type EntityType = 'person' | 'organization' | 'country' | 'group' | 'other';

export interface EntityMention extends Span {
  text: string;
  type: EntityType;
  /** Canonical actor id (`RUS.MIL`, `PER.LAVROV`), when the actor is known. */
  id?: string;
  /** The words the outlet uses for the actor ("Russian foreign Minister", "terrorists"). */
  labels?: string[];
}

/** 1 town or site, 2 district or near a town, 3 province, region, feature or country. */
export type PlacePrecision = 1 | 2 | 3;

export interface PlaceRef {
  name: string;
  geonameid?: number;
  lat: number;
  lon: number;
  country: string;
  admin1?: string;
  precision: PlacePrecision;
}

export interface PlaceMention extends Span, PlaceRef {
  text: string;
}

export type TimePrecision = 'day' | 'week' | 'month' | 'year';

export interface TimeMention extends Span {
  text: string;
  /** TIMEX3-style value: `2021-09-26`, `2021-09`, `2021-W39`, `2020`, `P8Y`. */
  value: string;
  precision: TimePrecision | 'duration';
  /** Inclusive day range the mention covers; absent for durations. */
  range?: [string, string];
}

export interface Quantity extends Span {
  text: string;
  min: number;
  max: number | null;
  /** What is counted: `killed`, `injured`, `people`, `troops`… */
  unit?: string;
}

/**
 * Who says what: a quoted or reported span (`start`/`end`) and the speaker it is credited
 * to. "X said", "according to X", "X told reporters", direct quotes and reported speech.
 */
export interface Attribution extends Span {
  kind: 'direct' | 'reported';
  /** The words that attribute it: "said", "according to", "told reporters". */
  cue: Span & { text: string };
  /** Who: the mention as written, its canonical actor id when known, and the index of its
   *  entity mention in the entities layer when there is one. Null when unnamed. */
  speaker: (Span & { text: string; id?: string; entity?: number }) | null;
}

export const eventTypes = [
  'ASSAULT', 'MOBILIZE', 'CONSULT', 'AGREE', 'ACCUSE', 'REQUEST', 'THREATEN', 'REJECT',
  'SANCTION', 'AID', 'COERCE', 'RETREAT', 'CONCEDE', 'COOPERATE', 'SUPPORT', 'PROTEST',
] as const;
export type EventType = (typeof eventTypes)[number];

export const eventStatuses = [
  'occurred', 'planned', 'claimed', 'denied', 'hypothetical', 'background',
] as const;
export type EventStatus = (typeof eventStatuses)[number];

export interface ActorRef {
  id: string;
  text: string;
}

export interface EventDate {
  start: string;
  end: string;
  precision: TimePrecision;
  basis: 'explicit' | 'relative' | 'publication' | 'story';
}

export interface Casualties {
  min: number;
  max: number | null;
  who: 'civilians' | 'fighters' | 'soldiers' | 'people';
  text: string;
}

/** One event as one article tells it (EVENTS.md, "One event mention"). */
export interface EventMention {
  type: EventType;
  mode: string;
  actor: ActorRef | null;
  /**
   * When the article names two or more possible attackers and leaves it open which one it was
   * ("carried out by Syrian or Russian warplanes"): each of them, in the order named. `actor`
   * is then null. Absent otherwise.
   */
  actorCandidates?: ActorRef[];
  recipient: ActorRef | null;
  place: PlaceRef | null;
  date: EventDate | null;
  status: EventStatus;
  killed: Casualties | null;
  injured: Casualties | null;
  /** Whom the article credits; null when the outlet speaks in its own voice. */
  source: ActorRef | null;
  evidence: { sentence: number; start: number; end: number };
  confidence: number;
  /**
   * Fields the sentence does not state, taken from the context: `actor` from the nearest
   * clear antecedent, `recipient` from whom the same speaker just criticised, `mode` from a
   * weapon named nearby, `place` from an earlier sentence, the speaker's occasion or the
   * article's lede, `date` from the narrative, an anchoring event or the speaker's occasion.
   * Absent when everything was read from the evidence sentence.
   */
  implied?: ('actor' | 'recipient' | 'mode' | 'place' | 'date')[];
  /**
   * Where a field the body leaves out was read in the article's headline (its title, which is
   * not part of the clean text): character offsets into the title and the fields taken from it
   * (also listed in `implied`). Absent when nothing came from the headline.
   */
  headline?: { start: number; end: number; fields: 'actor'[] };
}

/** An article with every layer the analysis stages added. */
export interface AnalyzedArticle {
  article: Article;
  sentences: Sentence[];
  entities: EntityMention[];
  places: PlaceMention[];
  times: TimeMention[];
  quantities: Quantity[];
  attributions: Attribution[];
  events: EventMention[];
}

// ---------------------------------------------------------------------------
// Story level: one situation across outlets and days.

export interface Claim {
  /** Which field differs: `killed`, `injured`, `date`, `place`, `actor`, `status`. */
  field: string;
  values: { value: unknown; sourceId: string; outlet: string | null; source: ActorRef | null }[];
  disputed: boolean;
}

/** One happening across articles: the merged fields, every mention, and where they differ. */
export interface StoryEvent
  extends Pick<EventMention, 'type' | 'mode' | 'actor' | 'recipient' | 'place' | 'date' | 'status' | 'killed' | 'injured'> {
  id: string;
  mentions: { sourceId: string; event: EventMention; outlet?: string | null }[];
  claims: Claim[];
  /** When the mentions give different tolls: the lowest minimum (the headline `killed`) to the highest figure. */
  killedRange?: { min: number; max: number };
  injuredRange?: { min: number; max: number };
}

/** A sentence of the story's summary, traceable to the article it comes from. */
export interface SummarySentence extends Span {
  sourceId: string;
  text: string;
}

/** An article of a story, with the date it has within the story. */
export interface StoryArticle {
  sourceId: string;
  outlet: string | null;
  title: string | null;
  url: string | null;
  /** The article's date: its own, or (`basis: "story"`) the one its story gives it. */
  date: { date: string; precision: TimePrecision; basis: string; earliest?: string; latest?: string } | null;
  /** The sourceId of the member it is a near-duplicate of (it counts once), or null. */
  duplicateOf: string | null;
}

export interface Story {
  id: string;
  title: string;
  /** `sourceId`s of the articles in the story. */
  articles: string[];
  /** In date order: the story's timeline. */
  events: StoryEvent[];
  firstDate?: string | null;
  lastDate?: string | null;
  /** Outlets and how many of the story's articles each published. */
  outlets?: Record<string, number>;
  members?: StoryArticle[];
  summary?: SummarySentence[];
}

/**
 * How one outlet covers things across all stories, computed from its articles (never from
 * an external rating): its labels for actors, its voices, its loaded terms, its blind spots.
 * Only words in the outlet's own voice count in `labels` and `loaded` (src/stories/framing).
 */
export interface OutletProfile {
  outlet: string;
  articles: number;
  /** Actor id -> label -> uses in the outlet's own voice. */
  labels: Record<string, Record<string, number>>;
  /** Voice key (actor id, else the words) -> times quoted or credited. */
  voices: Record<string, number>;
  /** True when the store names no outlet: the profile is of one article, `outlet` its sourceId. */
  byArticle?: boolean;
  stories?: number;
  words?: number;
  /** Actor id -> label family (terrorist, rebel, regime…) -> own uses. */
  labelTerms?: Record<string, Record<string, number>>;
  /** Voice kind (official, monitor, residents, state media…) -> times credited. */
  voiceKinds?: Record<string, number>;
  /** Side (actor id) of the officials and armed groups it credits -> times. */
  voiceSides?: Record<string, number>;
  loaded?: { own: number; perThousandWords: number; hedges: number; factives: number; terms: Record<string, number> };
  /**
   * Story events in its stories that two or more columns were compared on: how many, how
   * many it reported, how many another outlet reported and it left out.
   */
  coverage?: { events: number; reported: number; missed: number };
  /** The sentences behind the counts above: the same keys, each with its evidence. */
  evidence?: {
    labels: Record<string, Record<string, FramingEvidence[]>>;
    voices: Record<string, FramingEvidence[]>;
    loaded: Record<string, FramingEvidence[]>;
    missed: { story: string; event: string }[];
  };
}

// ---------------------------------------------------------------------------
// Errors at the edges are values: a rejected input says which input and why.

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: string): Result<T> => ({ ok: false, error });
