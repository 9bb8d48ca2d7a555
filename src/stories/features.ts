// What an article brings to story clustering: counts of keys in five blocks — words of its
// clean text (`w:`), words of its title and lead (`l:`: where every outlet puts the same
// facts, whatever else it adds), canonical actors (`a:`), resolved places (`p:`) and the
// days its events happened on (`d:`) — and its date. Weighting by document frequency happens later,
// against the frequencies the store keeps (./cluster.ts).
import type { AnalyzedArticle } from '../model/index.js';
import { keyOf } from '../analyze/entities/tokens.js';
import stopwordFile from './stopwords.json' with { type: 'json' };

export type Block = 'w' | 'l' | 'a' | 'p' | 'd';
export const BLOCKS: readonly Block[] = ['w', 'l', 'a', 'p', 'd'];

export interface ArticleFeatures {
  /** Raw counts; each key starts with its block letter and a colon (`w:airstrike`, `a:RUS.MIL`). */
  counts: Map<string, number>;
  /** The article's date: its publication date, else the day guessed from its text, else null. */
  date: string | null;
  title: string | null;
  outlet: string | null;
}

const STOPWORDS: ReadonlySet<string> = new Set(stopwordFile.words);
const WORD = /[\p{L}][\p{L}\p{M}'’-]*/gu;
/** A title word counts as much as this many words of the body: headlines name the story. */
const TITLE_WEIGHT = 3;
/** Sentences of the body that make the lead. */
const LEAD_SENTENCES = 3;
/** Places nearer than a cell of this many degrees share a key, so "villages around X" meets "X". */
const CELL_DEGREES = 0.5;

export const blockOf = (key: string): Block => key[0] as Block;

/** The content words of a text, accent- and case-folded, lightly stemmed, stopwords dropped. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) {
    for (const part of m[0].split('-')) {
      const w = stem(keyOf(part.replace(/['’]s$/u, '')));
      if (w.length >= 3 && !STOPWORDS.has(w)) out.push(w);
    }
  }
  return out;
}

/** Plural and possessive endings only: enough for "airstrikes" to meet "airstrike". */
function stem(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

/**
 * Features already worked out, by article: a pipeline thread works them out before it takes
 * its turn to write, and clustering, handed the same article, finds them here.
 */
const known = new WeakMap<AnalyzedArticle, ArticleFeatures>();

export function featuresOf(doc: AnalyzedArticle): ArticleFeatures {
  let features = known.get(doc);
  if (!features) known.set(doc, (features = countFeatures(doc)));
  return features;
}

function countFeatures(doc: AnalyzedArticle): ArticleFeatures {
  const counts = new Map<string, number>();
  const add = (key: string, n = 1) => counts.set(key, (counts.get(key) ?? 0) + n);
  const a = doc.article;
  if (a.title) for (const w of words(a.title)) add(`w:${w}`, TITLE_WEIGHT);
  for (const w of words(a.text)) add(`w:${w}`);
  const lead = [a.title ?? '', ...doc.sentences.slice(0, LEAD_SENTENCES).map((s) => a.text.slice(s.start, s.end))].join(' ');
  for (const w of words(lead)) add(`l:${w}`);
  for (const e of doc.entities) if (e.id) add(`a:${e.id}`);
  for (const p of doc.places) {
    add(p.geonameid !== undefined ? `p:${p.geonameid}` : `p:${p.country}:${keyOf(p.name)}`);
    if (p.precision < 3) add(`p:@${cell(p.lat)},${cell(p.lon)}`);
  }
  // A guess of only the year is a mid-year placeholder, not a day: too loose to place a story in time.
  const guess = a.publishedGuess?.precision === 'day' ? validDay(a.publishedGuess.date) : null;
  // Nor are the days counted from it ("on Sunday" in an undated text): only dates the text
  // writes in full place the article's events then.
  const anchored = !!validDay(a.published) || !!guess;
  for (const e of doc.events) {
    if (e.date?.precision !== 'day' || e.status === 'background' || !validDay(e.date.start)) continue;
    if (anchored || e.date.basis === 'explicit') add(`d:${e.date.start}`);
  }
  return { counts, date: validDay(a.published) ?? guess, title: a.title, outlet: a.outlet };
}

/** The day if it is a real calendar day (a stage's guess can be malformed), else null. */
export function validDay(d: string | null | undefined): string | null {
  return d && /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) ? d : null;
}

const cell = (deg: number) => Math.floor(deg / CELL_DEGREES) * CELL_DEGREES;
