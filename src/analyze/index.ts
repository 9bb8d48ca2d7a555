// The analysis entry point: runs the stages in order over one article. Each stage is a
// pure function of the document so far (./types.ts) that returns its own layer; its
// knowledge (lexicons, dictionaries, gazetteer) is loaded once by loadKnowledge().
import type { AnalyzedArticle, Article, EventMention } from '../model/index.js';
import { findAttributions, loadAttributionKnowledge, type AttributionKnowledge } from './attribution/index.js';
import { findEntities, loadEntityKnowledge, type EntityKnowledge } from './entities/index.js';
import { actorFromHeadline, findEvents, headlineMayHelp, loadEventKnowledge, type EventKnowledge } from './events/index.js';
import { findPlaces, loadPlaceKnowledge, type PlaceKnowledge } from './places/index.js';
import { splitSentences } from './sentences/index.js';
import { findTimes, loadTimeKnowledge, type TimeKnowledge } from './times/index.js';
import { docOf, type Doc } from './types.js';

export { docOf, type Doc, type Stage } from './types.js';

/** Everything the stages know, loaded once and shared by every article analysed. */
export interface Knowledge {
  entities: EntityKnowledge;
  attribution: AttributionKnowledge;
  places: PlaceKnowledge;
  times: TimeKnowledge;
  events: EventKnowledge;
}

/** Languages the stages after sentence splitting can read (`und`: too short to tell). */
export const ANALYSED_LANGUAGES: ReadonlySet<string> = new Set(['en', 'und']);

export function loadKnowledge(): Knowledge {
  return {
    entities: loadEntityKnowledge(),
    attribution: loadAttributionKnowledge(),
    places: loadPlaceKnowledge(),
    times: loadTimeKnowledge(),
    events: loadEventKnowledge(),
  };
}

/**
 * Every stage in order over a document: sentences, then (for a language the stages read)
 * entities, attributions, places, times and events. The one definition of the stage order,
 * used by `analyze` and by evaluations that start from a bare text.
 */
export function runStages(start: Doc, knowledge: Knowledge, context?: Doc): { doc: Doc; events: EventMention[] } {
  let doc: Doc = { ...start, sentences: splitSentences(start.text) };
  // The lexicons, dictionaries and grammars below are English: an article in another
  // language is stored with its sentences only, rather than misread as English.
  if (!ANALYSED_LANGUAGES.has(doc.language)) return { doc, events: [] };
  doc = { ...doc, entities: findEntities(doc, knowledge.entities) };
  // a headline read on its own: a word its article resolves ("regime", "the army") means there what it means in the body
  if (context) doc = { ...doc, entities: doc.entities.map((e) => e.id ? e : { ...e, ...idIn(context, e.text) }) };
  doc = { ...doc, attributions: findAttributions(doc, knowledge.attribution) };
  doc = { ...doc, places: findPlaces(doc, knowledge.places) };
  doc = { ...doc, times: findTimes(doc, knowledge.times) };
  const events = findEvents(doc, knowledge.events);
  // an attacker the headline names and the body does not: the title read on its own (when the
  // text does not open with it), only when some attack of the body lacks its attacker
  const title = doc.title?.trim();
  if (title && headlineMayHelp(events, title, knowledge.events) && !opensWith(doc.text, title)) {
    const headline = runStages(docOf(title, { published: doc.published, language: doc.language }), knowledge, doc);
    return { doc, events: actorFromHeadline(doc, events, { text: title, events: headline.events }) };
  }
  return { doc, events };
}

/** The id the article's body gives the same words ("regime", or "the Syrian regime" for a bare "Regime"), if it gives one ({} otherwise). */
function idIn(context: Doc, text: string): { id?: string } {
  const key = text.toLowerCase().replace(/^the\s+/, '');
  const same = context.entities.find((e) => e.id && e.text.toLowerCase() === key) ??
    (/\s/.test(key) ? undefined : context.entities.find((e) => e.id && e.text.toLowerCase().split(/\s+/).pop() === key));
  return same ? { id: same.id } : {};
}

/** Letters and digits only, lower-cased: how a title and the text's opening are compared. */
const bare = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The clean text repeats the title in its first lines (many outlets print it above the body). */
function opensWith(text: string, title: string): boolean {
  const t = bare(title).slice(0, 60);
  return t.length > 0 && bare(text.slice(0, title.length * 2 + 200)).includes(t);
}

export function analyze(article: Article, knowledge: Knowledge): AnalyzedArticle {
  const { doc, events } = runStages(docOf(article.text, {
    // An undated article's relative dates are read against the date its text implies.
    published: article.published ?? article.publishedGuess?.date ?? null,
    language: article.language,
    title: article.title,
  }), knowledge);
  return {
    article,
    sentences: [...doc.sentences], entities: [...doc.entities], places: [...doc.places],
    times: [...doc.times], quantities: [...doc.quantities], attributions: [...doc.attributions], events,
  };
}
