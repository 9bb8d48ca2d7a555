// Recognition: which stretches of text name places. Candidates come only from capitalised
// runs ("Jabal al-Zawiya", "New York", "al-Tanf"), matched longest-first against the
// gazetteer's keys; the words around a candidate (cue phrases) say what kind of place it
// is and how the sentence relates to it. Free text is never scanned for lower-case words.
import { memoize } from '../memo.js';
import type { PlaceKnowledge } from './gazetteer.js';
import lexicon from './lexicon.json' with { type: 'json' };
import { looseKey as looseOf, nameKey, SPELLED_OUT } from './names.js';

export const NOT_PLACES: ReadonlySet<string> = new Set(lexicon.notPlaces);
export const FIRST_NAMES: ReadonlySet<string> = new Set(lexicon.firstNames);
const SPEECH_VERBS: ReadonlySet<string> = new Set(lexicon.speechVerbs);
const PLACE_HEADS: ReadonlySet<string> = new Set(lexicon.placeHeads);
const TITLES: ReadonlySet<string> = new Set(lexicon.titles);
const AP_STATES: Readonly<Record<string, string>> = lexicon.apStates;
/** Words that follow a place opening an institution's name: "Gainesville Police", "Aleppo University". */
const AFTER_PLACE: ReadonlySet<string> = new Set(lexicon.afterPlace);
/** The last word of a named feature the gazetteer lacks ("Royal Street", "Neches River"): its GeoNames class and code. */
const FEATURE_HEADS = lexicon.featureHeads as unknown as Readonly<Record<string, readonly string[] | string>>;

/** How the sentence relates to the place: in it, near it (around, outskirts, countryside), or a direction off it. */
export type Relation = 'in' | 'near' | 'direction' | 'none';
/** The kind of place a cue asks for: a division ("X province") or a settlement ("the town of X"). */
export type TypeHint = 'A' | 'P' | null;

export interface Candidate {
  start: number;
  end: number;
  text: string;
  key: string;
  entries: readonly number[];
  loose: boolean;
  sentence: number;
  /** The candidate covers its whole capitalised run. */
  wholeRun: boolean;
  /** Other capitalised words of the run are names, not place words ("Greg" in "Greg Abbott"). */
  inName: boolean;
  /** The candidate opens a longer name ("Gainesville Police", "Charleston Gold Dome Lions Club"). */
  prefix: boolean;
  /** The candidate opens a longer run of capitalised words ("Dublin Historical Society", "Paris-Henry County"). */
  leads: boolean;
  sentenceInitial: boolean;
  hint: TypeHint;
  relation: Relation;
  /** For relation 'direction': the compass word ("northwest"). */
  bearing?: string;
  /** Inside a Title Case headline opening the text ("Free Clinic Opens In New Building"), where capitals say little. */
  inTitle: boolean;
  /** A member of a list of divisions ("Douglas and Wyandotte counties"): the division word, singular ("county"). */
  listedDivision?: string;
  /** A cue phrase or a locative word introduces it. */
  cued: boolean;
  /** Followed by a speech or agency verb with no locative before it: "Ankara said". */
  actorLike: boolean;
  /** Said-from: "told reporters in New York", "speaking in Sochi". */
  speechPlace: boolean;
  /** Where people met: "negotiating in Ankara", "talks in Sochi". */
  meetingPlace: boolean;
  /** An AP state abbreviation after a place ("Ga.", "W.Va."), or dotted capitals naming a US state or city ("S.C.", "D.C."). */
  ap?: boolean;
  /** A named feature found by its last word, not in the gazetteer ("Royal Street"): its GeoNames class and code. */
  feature?: { featureClass: string; featureCode: string };
  /** The gazetteer entries of the name after the comma ("Texas" in "Paris, Texas"). */
  containerEntries?: readonly number[];
  /** Index of the candidate that contains it ("Paris, Texas" -> Texas; "Milis in Idlib province" -> Idlib). */
  container: number | null;
  /** How the container was given: after a comma (also how lists are written), or as a province after "in". */
  containerBy?: Containment;
}

export type Containment = 'comma' | 'in';

interface Token {
  start: number;
  end: number;
  text: string;
  cap: boolean;
}

// A party letter before a state or town ("D-S.C.", "R-London", "DFL-Cook") is a token of its own, and so
// is a capitalised word before a hyphen ("London-based", "Armenia-Italy", "Winston-Salem":
// a run joins the parts again, so hyphenated names are still looked up whole).
const TOKEN = /(?<![\p{L}\p{N}])(?:[DRI]|DFL)(?=-\p{Lu})|(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}\p{M}\p{N}]+(?=-[\p{L}\p{N}])|[\p{L}\p{M}\p{N}]+(?:[-'’‘ʻʼ`][\p{L}\p{M}\p{N}]+)*/gu;
const ARTICLE_PREFIX = /^(?:al|el|ad|an|ar|as|ash|at|az|ed|ez|es|ul|um)[-'’‘]\p{Lu}/u;
const CONNECTORS = new Set(['al', 'el', 'ad', 'an', 'ar', 'as', 'ash', 'at', 'az', 'ez', 'es', 'ed', 'of', 'de', 'del', 'della', 'la', 'le', 'les', 'du', 'da', 'dos', 'das', 'do', 'upon', 'y', 'di', 'van', 'von', 'der', 'den', 'bin', 'ibn', 'sur', 'en', 'am', 'im', 'bei']);
/** Connectors that are also English words: between spaces they end a run ("Terry Foegler as Dublin's city manager"). */
const ENGLISH_CONNECTORS = new Set(['as', 'at', 'an']);
/** Words that open a run without being part of a name ("The", "A Charleston man", "Three Eastland County residents"). */
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'another', 'every', 'each', 'some', 'many', 'several', 'most', 'all', 'both', 'only', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'former', 'no']);
const ABBREVIATED = new Set(['St', 'Ft', 'Mt', 'Pt', 'Co']);

function tokenize(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = from;
  const slice = text.slice(0, to);
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    let end = m.index + m[0].length;
    let word = m[0];
    // Possessives: "Syria's" is Syria.
    if (word.length >= 2 && word.charCodeAt(word.length - 1) === 115 && (word[word.length - 2] === "'" || word[word.length - 2] === '’')) {
      end -= 2;
      word = word.slice(0, -2);
    }
    // ("ST. LOUIS" in a dateline in capitals too)
    if (text[end] === '.' && (ABBREVIATED.has(word) || ABBREVIATED.has(word.charAt(0) + word.slice(1).toLowerCase()))) end += 1;
    // A party letter ("R-Marshall") is no capitalised word of a name.
    const party = text[end] === '-' && /^(?:[DRI]|DFL)$/.test(word);
    const c0 = word.charCodeAt(0);
    // (by character code for an ASCII first letter: ARTICLE_PREFIX opens with "a", "e" or "u")
    const cap = ((c0 < 128 ? c0 >= 65 && c0 <= 90 : /^\p{Lu}/u.test(word)) && !party) || ((c0 === 97 || c0 === 101 || c0 === 117) && ARTICLE_PREFIX.test(word));
    out.push({ start: m.index, end, text: text.slice(m.index, end), cap });
  }
  return out;
}

/**
 * Only spaces (or a hyphen) between two tokens of one run: no comma, no line break. An
 * initial's full stop ("Tyrise M. Bell"), an ampersand ("Stevens & Wilkinson") and a plural
 * possessive's apostrophe ("Governors’ Parkway") join too.
 */
const joined = (text: string, a: Token, b: Token): boolean => {
  const gap = text.slice(a.end, b.start);
  return /^[ \u00a0-]{1,2}$/.test(gap) || gap === ' & ' || (/^\p{Lu}$/u.test(a.text) && /^\.[ \u00a0]$/.test(gap)) ||
    (/s$/.test(a.text) && /^['’][ \u00a0]$/.test(gap));
};

const MAX_WORDS = 6;
const MODIFIERS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'greater', 'upper', 'lower', 'old', 'downtown', 'northeast', 'northwest', 'southeast', 'southwest', 'north-east', 'north-west', 'south-east', 'south-west', 'north-eastern', 'north-western', 'south-eastern', 'south-western', 'northeastern', 'northwestern', 'southeastern', 'southwestern', 'rural', 'metro', 'inner', 'outer', 'coastal', 'n.', 's.', 'e.', 'w.', 'n.e.', 'n.w.', 's.e.', 's.w.']);

export interface Recognition {
  candidates: Candidate[];
  /** Words seen as part of a person's name in this text ("Carter" in "Jimmy Carter", "Gov. Perry"). */
  personWords: Set<string>;
  /** Named features the gazetteer lacks, by their last word ("Main Street", "Neches River"). */
  features: Candidate[];
}

/** All place candidates of the text, sentence by sentence, in order. */
export function candidatesOf(text: string, sentences: readonly { start: number; end: number }[], k: PlaceKnowledge): Recognition {
  const out: Candidate[] = [];
  const features: Candidate[] = [];
  const personWords = new Set<string>();
  const titleSentences = new Set<number>();
  sentences.forEach((s, si) => {
    const tokens = tokenize(text, s.start, s.end);
    const longWords = tokens.filter((t) => t.text.length >= 4 && /^\p{L}/u.test(t.text));
    // A headline in Title Case: nearly every long word capitalised, none but a few short connectives in lower case.
    const lowerLong = longWords.filter((t) => !t.cap && !/^(with|from|into|over|than|that|upon|onto)$/.test(t.text));
    const inTitle = longWords.length >= 3 && lowerLong.length === 0;
    if (inTitle && si === 0) titleSentences.add(si);
    let i = 0;
    while (i < tokens.length) {
      if (!tokens[i]!.cap) {
        i++;
        continue;
      }
      // A run: capitalised tokens, joined by spaces/hyphens, with connectors inside.
      let j = i + 1;
      while (j < tokens.length) {
        const t = tokens[j]!;
        if (!joined(text, tokens[j - 1]!, t)) break;
        if (t.cap) j++;
        // "Bosnia and Herzegovina", "Trinidad and Tobago": "and" inside a name the gazetteer has.
        else if (t.text === 'and' && j + 1 < tokens.length && tokens[j + 1]!.cap && joined(text, t, tokens[j + 1]!) &&
          [tokens[i]!, tokens[j - 1]!].some((from) => k.lookup(nameKey(text.slice(from.start, tokens[j + 1]!.end))).length > 0)) j += 2;
        else if (CONNECTORS.has(t.text.toLowerCase()) && j + 1 < tokens.length && tokens[j + 1]!.cap && joined(text, t, tokens[j + 1]!) && !(ENGLISH_CONNECTORS.has(t.text) && /^ /.test(text.slice(tokens[j - 1]!.end, t.start)))) j += 2;
        else break;
      }
      const before = out.length;
      matchRun(text, tokens, i, j, si, i === 0 || /^["'“‘(\[]$/.test(text.slice(s.start, tokens[i]!.start).trim()), k, out);
      notePerson(text, tokens, i, j, out.slice(before), k, personWords);
      const feature = featureOf(text, tokens, DETERMINERS.has(tokens[i]!.text.toLowerCase()) ? i + 1 : i, j, si);
      if (feature) features.push(feature);
      i = j;
    }
  });
  addStateAbbreviations(text, sentences, out, k);
  for (const c of out) c.inTitle = titleSentences.has(c.sentence);
  annotate(text, sentences, out);
  features.sort((a, b) => a.start - b.start);
  annotate(text, sentences, features);
  return { candidates: out, personWords, features };
}

function featureCandidate(text: string, start: number, end: number, sentence: number, kind: readonly string[]): Candidate {
  const span = text.slice(start, end);
  return {
    start, end, text: span, key: nameKey(span), entries: [], loose: false, sentence, wholeRun: true, inName: false, prefix: false, leads: false,
    sentenceInitial: false, hint: null, relation: 'none', cued: false, inTitle: false, actorLike: false, speechPlace: false, meetingPlace: false, container: null,
    feature: { featureClass: kind[0]!, featureCode: kind[1]! },
  };
}

/** A compass word that may follow a street's name ("Fifth Avenue South", "Seventh Street N.W."). */
const COMPASS_SUFFIX = /^(?:north|south|east|west|northwest|northeast|southwest|southeast|n\.?w\.?|n\.?e\.?|s\.?w\.?|s\.?e\.?)$/i;
/** The first word of a capitalised name that makes it a named feature ("Lake Lanier", "River Lune", "Camp Lejeune"). */
const FEATURE_PREFIXES = lexicon.featurePrefixes as unknown as Readonly<Record<string, readonly string[] | string>>;

/**
 * A run of capitalised words ending in a feature word ("Royal Street", "Neches River",
 * "Hmeimim Air Base"), with a name before it, names a feature the gazetteer lacks. Not
 * before "of" or "for" ("Tower of London" is looked up whole; "Center for ..."). A street
 * takes a compass word after it ("Fifth Avenue South", "Seventh Street N.W."); numbered
 * streets ("42nd Street") are left out: LGL annotates few of them (measured: recall +0.001,
 * precision -0.002). A short run opening with a feature word ("Lake Lanier", "River Lune",
 * "Camp Lejeune") is one too.
 */
function featureOf(text: string, tokens: Token[], from: number, to: number, sentence: number): Candidate | null {
  if (from >= to) return null;
  const prefix = prefixFeature(text, tokens, from, to, sentence);
  if (prefix) return prefix;
  let headAt = to - 1;
  // "Avenue South", "Street N.W.": the compass word closes the street's name.
  if (to - from >= 2 && COMPASS_SUFFIX.test(tokens[to - 1]!.text) && streetHead(text, tokens[to - 2]!)) headAt = to - 2;
  if (headAt - from < 1) return null;
  const last = tokens[headAt]!;
  const word = last.text.toLowerCase();
  const dotted = text[last.end] === '.' && !word.endsWith('.') ? `${word}.` : null;
  const kind = (dotted && FEATURE_HEADS[dotted]) || FEATURE_HEADS[word];
  if (!Array.isArray(kind) || !last.cap) return null;
  const close = headAt < to - 1 ? tokens[to - 1]! : last;
  if (/^\s+(?:of|for)\b/.test(text.slice(close.end, close.end + 6))) return null;
  const end = close === last ? (dotted && FEATURE_HEADS[dotted] ? last.end + 1 : last.end) : close.end + (text[close.end] === '.' && /\.\p{Lu}$/u.test(close.text) ? 1 : 0);
  return featureCandidate(text, tokens[from]!.start, end, sentence, kind);
}

/** Whether a token is the last word of a street's name ("Street", "Ave."). */
function streetHead(text: string, t: Token): boolean {
  const word = t.text.toLowerCase();
  const kind = (text[t.end] === '.' && FEATURE_HEADS[`${word}.`]) || FEATURE_HEADS[word];
  return t.cap && Array.isArray(kind) && kind[0] === 'R';
}

/** "Lake Lanier", "River Lune", "Camp Lejeune": a feature word opening a run of two or three capitalised words that are no institution's. */
function prefixFeature(text: string, tokens: Token[], from: number, to: number, sentence: number): Candidate | null {
  const kind = FEATURE_PREFIXES[tokens[from]!.text.toLowerCase()];
  if (!Array.isArray(kind) || to - from < 2 || to - from > 3) return null;
  const rest = tokens.slice(from + 1, to);
  if (!rest.every((t) => t.cap && !AFTER_PLACE.has(t.text.toLowerCase()) && !TITLES.has(t.text.toLowerCase()) && !FEATURE_HEADS[t.text.toLowerCase()] && !FEATURE_PREFIXES[t.text.toLowerCase()])) return null;
  return featureCandidate(text, tokens[from]!.start, tokens[to - 1]!.end, sentence, kind);
}

/**
 * "Jimmy Carter", "Gov. Rick Perry", "Mr Hammad": the later words of a run that starts with
 * a given name or follows a title are a person's name wherever they recur in the text.
 */
function notePerson(text: string, tokens: Token[], from: number, to: number, found: Candidate[], k: PlaceKnowledge, personWords: Set<string>): void {
  // "James Tauber of Nelson", "Terry Foegler as Dublin": a name ends at an English connector.
  const cut = tokens.slice(from, to).findIndex((t) => t.text === 'of' || ENGLISH_CONNECTORS.has(t.text));
  let words = tokens.slice(from, cut < 0 ? to : from + cut).filter((t) => t.cap);
  // Acronyms ("EU", "US") are not names of people.
  if (words.some((w) => /^[^\p{Ll}]+$/u.test(w.text))) return;
  const plain = (w: string) => !MODIFIERS.has(w) && !PLACE_HEADS.has(w) && !NOT_PLACES.has(w) && !k.demonyms.has(w) && !TITLES.has(w) && !AFTER_PLACE.has(w);
  // "Municipal Court Judge Haywood Turner": the name is what follows the last title.
  const lastTitle = words.map((w) => TITLES.has(w.text.toLowerCase().replace(/\.$/, ''))).lastIndexOf(true);
  const prev = tokens[from - 1];
  // (not a rank that is also an adjective, in lower case: "a major Aleppo offensive")
  const titled = lastTitle >= 0 || (prev !== undefined && TITLES.has(prev.text.toLowerCase()) && !/^(?:major|private)$/.test(prev.text) && /^[ .\u00a0]{1,2}$/.test(text.slice(prev.end, tokens[from]!.start)));
  if (lastTitle >= 0) words = words.slice(lastTitle + 1);
  // "Director of Pupil Personnel Rhonda Welch": after a title, a long run ends with the name.
  if (lastTitle >= 0 && words.length > 3) words = words.slice(-2);
  // "... Relations Manager Janet Cooper": a given name inside a long run starts the name.
  const given = words.map((w) => FIRST_NAMES.has(w.text.toLowerCase())).lastIndexOf(true);
  if (given > 0 && words.length - given <= 3) words = words.slice(given);
  if (words.length === 0 || words.length > 3) return;
  if (titled) {
    for (const w of words) if (plain(w.text.toLowerCase())) personWords.add(nameKey(w.text));
    return;
  }
  if (words.length < 2) return;
  // "Desmond Demetrius Clark": a given name first, or a first word that is no well-known
  // place and no well-known place after it ("Distinctly Dublin" is not a person).
  const first = words[0]!.text;
  // A word inside a place name found in this run ("Jabal" in "Jabal al-Zawiya") is no given name.
  const placeAt = (t: Token) => found.some((c) => c.start <= t.start && t.end <= c.end);
  const wellKnownName = (w: string) => k.lookup(nameKey(w)).some((i) => k.entry(i).population >= 50_000 || k.entry(i).featureClass !== 'P');
  const unknownFirst = !wellKnownName(first) && plain(first.toLowerCase()) && !/^\p{Lu}+$/u.test(first) && !placeAt(words[0]!);
  const isPerson = FIRST_NAMES.has(first.toLowerCase()) || (unknownFirst && !words.slice(1).some((w) => wellKnownName(w.text)));
  if (isPerson && words.slice(1).every((w) => plain(w.text.toLowerCase()))) for (const w of words.slice(1)) personWords.add(nameKey(w.text));
}

/**
 * Whether `outer`, the candidate right after `c`, names a place containing it, and how:
 * "Paris, Texas", "Homs, Syria", or a province after "in" ("the town of Milis in Idlib
 * province").
 */
export function contains(text: string, c: Candidate, outer: Candidate): Containment | null {
  if (outer.sentence !== c.sentence) return null;
  const between = text.slice(c.end, outer.start);
  if (/^,\s*$/.test(between)) return 'comma';
  return outer.hint === 'A' && /^\s+in\s+(?:the\s+)?$/.test(between) ? 'in' : null;
}

const AP_AFTER = /^,\s*(W\.\s?Va\.|[A-Z]\.[A-Z]\.|[A-Z][a-z]{1,4}\.)/;
const AP_ALONE = /(?<![\p{L}\p{N}.'’-])((?:[DRI]|DFL)-)?(W\.\s?Va\.|[A-Z][a-z]{1,4}\.(?![\p{L}])|(?<=-)[A-Z][a-z]{1,4}(?![\p{L}.]))/gu;

/** "Rome, Ga.", "Charleston, W.Va.": AP state abbreviations after a place name, or on their own where they can be nothing else. */
function addStateAbbreviations(text: string, sentences: readonly { start: number; end: number }[], cands: Candidate[], k: PlaceKnowledge): void {
  const added: Candidate[] = [];
  for (const c of cands) {
    const m = AP_AFTER.exec(text.slice(c.end, c.end + 12));
    const state = m ? AP_STATES[m[1]!.replace(/\s/g, '')] ?? AP_STATES[m[1]!] : undefined;
    if (!m || !state) continue;
    const entries = k.lookup(nameKey(state)).filter((i) => k.entry(i).country === 'US' && k.entry(i).featureClass === 'A');
    if (!entries.length) continue;
    const start = c.end + m[0].length - m[1]!.length;
    added.push({ ...c, start, end: start + m[1]!.length, text: m[1]!, key: nameKey(state), entries, loose: false, wholeRun: true, inName: false, prefix: false, leads: false, sentenceInitial: false, hint: 'A', ap: true });
  }
  // On their own: after a party letter ("D-Pa.", "D-W. Va.", "D-Calif"), in brackets ("Walker
  // County (Ga.)"), or before a lower-case word ("a Ga. pastor", "Ill. man", "Neb. jail").
  for (const m of text.matchAll(AP_ALONE)) {
    const party = m[1] !== undefined;
    const abbr = party && !m[2]!.endsWith('.') ? `${m[2]!}.` : m[2]!;
    const state = AP_STATES[abbr.replace(/\s/g, '')] ?? AP_STATES[abbr];
    const start = m.index + (m[1]?.length ?? 0);
    const after = text.slice(start + m[2]!.length, start + m[2]!.length + 3);
    if (!state || !(party || (text[m.index - 1] === '(' && after[0] === ')') || /^ \p{Ll}/u.test(after))) continue;
    if (added.some((a) => a.start < start + m[2]!.length && a.end > start)) continue;
    const entries = k.lookup(nameKey(state)).filter((i) => k.entry(i).country === 'US' && k.entry(i).featureClass === 'A');
    const sentence = sentences.findIndex((x) => x.start <= start && start < x.end);
    if (!entries.length || sentence < 0) continue;
    added.push({
      start, end: start + m[2]!.length, text: m[2]!, key: nameKey(state), entries, loose: false, sentence, wholeRun: true, inName: false, prefix: false, leads: false,
      sentenceInitial: false, hint: 'A', relation: 'none', cued: false, inTitle: false, actorLike: false, speechPlace: false, meetingPlace: false, container: null, ap: true,
    });
  }
  for (const a of added) {
    for (let n = cands.length - 1; n >= 0; n--) if (cands[n]!.start < a.end && cands[n]!.end > a.start) cands.splice(n, 1);
    const at = cands.findIndex((c) => c.start > a.start);
    cands.splice(at < 0 ? cands.length : at, 0, a);
  }
}


/**
 * Other spellings of a key that name the same places: abbreviations spelt out ("Mt." ->
 * "Mount", "Loudon Co." -> "Loudon County") and a particle written together ("DeSoto" -> "De Soto", "LaGrange" -> "La Grange").
 */
function spellings(span: string, key: string): string[] {
  const out: string[] = [];
  const words = key.split(' ');
  if (words.length > 1 && SPELLED_OUT[words[0]!]) out.push([SPELLED_OUT[words[0]!], ...words.slice(1)].join(' '));
  // "Loudon Co.": a county (by another name than its own, so only where a bare county name
  // would be one: "a Loudon Co. man", not "Crane Co., of Chicago").
  if (words.length > 1 && words[words.length - 1] === 'co' && /^[^&]+ Co\.$/.test(span)) out.push([...words.slice(0, -1), 'county'].join(' '));
  const split = span.replace(/\b(De|La|Le|Du)(?=\p{Lu}\p{Ll})/gu, '$1 ');
  if (split !== span) out.push(nameKey(split));
  return out;
}

/** US cities news writes with dotted capitals anywhere in a sentence. */
const DOTTED_CITIES: Readonly<Record<string, string>> = { 'D.C.': 'Washington', 'L.A.': 'Los Angeles' };

/**
 * "S.C.", "N.Y.", "D.C.": dotted capitals that abbreviate a US state or city name a place
 * wherever they stand ("D-S.C.", "the S.C. Highway Patrol"), not only after a comma.
 */
function dottedPlace(k: PlaceKnowledge, span: string): { key: string; entries: readonly number[]; dotted: true } | null {
  if (!/^(?:\p{Lu}\.){2,}$/u.test(span)) return null;
  const city = DOTTED_CITIES[span];
  const name = city ?? AP_STATES[span];
  if (!name) return null;
  const key = nameKey(name);
  const entries = k.lookup(key).filter((i) => {
    const e = k.entry(i);
    return e.country === 'US' && (city ? e.featureClass === 'P' && nameKey(e.name) === key && e.population >= 500_000 : e.featureCode === 'ADM1');
  });
  return entries.length ? { key, entries, dotted: true } : null;
}

type SpanHit = { key: string; entries: readonly number[]; possessive?: true; dotted?: true } | null;

/** lookupSpan's answers by gazetteer and span: a text's runs are looked up at every length, and names recur across texts. */
const spanMemo = new WeakMap<PlaceKnowledge, (span: string) => SpanHit>();

function lookupSpan(k: PlaceKnowledge, span: string): SpanHit {
  let memo = spanMemo.get(k);
  if (!memo) spanMemo.set(k, (memo = memoize(100_000, (s) => lookupSpanOnce(k, s))));
  return memo(span);
}

function lookupSpanOnce(k: PlaceKnowledge, span: string): SpanHit {
  const dotted = dottedPlace(k, span);
  if (dotted) return dotted;
  const key = nameKey(span);
  if (!key) return null;
  let entries = k.lookup(key);
  for (const other of spellings(span, key)) {
    const more = k.lookup(other);
    if (more.length) entries = [...new Set([...entries, ...more])];
  }
  if (entries.length) return { key, entries };
  const bare = key.replace(/^(?:al|el|ad|an|ar|as|ash|at|az|ed|ez|es|the) /, '');
  if (bare !== key) {
    entries = k.lookup(bare);
    if (entries.length) return { key: bare, entries };
  }
  // A possessive whose apostrophe a scrape lost ("Syrias war", "Aleppos east"): the
  // country, province or city before the s, when it is one of those.
  if (/\p{Ll}s$/u.test(span) && key.length > 4) {
    const stem = key.slice(0, -1);
    entries = k.lookup(stem).filter((i) => {
      const e = k.entry(i);
      return e.featureClass === 'C' || e.featureCode === 'ADM1' || e.population >= 100_000;
    });
    if (entries.length) return { key: stem, entries, possessive: true };
  }
  return null;
}

function matchRun(text: string, tokens: Token[], from: number, to: number, sentence: number, runAtSentenceStart: boolean, k: PlaceKnowledge, out: Candidate[]): void {
  let i = from;
  let afterPossessive = from;
  const made: { c: Candidate; others: Token[] }[] = [];
  const isName = (t: Token) => !MODIFIERS.has(t.text.toLowerCase()) && !PLACE_HEADS.has(t.text.toLowerCase()) && !CONNECTORS.has(t.text.toLowerCase());
  while (i < to) {
    if (!tokens[i]!.cap) {
      i++;
      continue;
    }
    // Longest first; at each length the exact key, then (names of 5+ letters) the loose one,
    // so "Tal Rifaat" (loosely Tall Rif‘at) wins over the exact but shorter "Tal".
    let found: { j: number; key: string; entries: readonly number[]; loose: boolean; possessive?: true; dotted?: true } | null = null;
    for (let j = Math.min(to, i + MAX_WORDS); j > i && !found; j--) {
      if (!tokens[j - 1]!.cap) continue;
      const span = text.slice(tokens[i]!.start, tokens[j - 1]!.end);
      const hit = lookupSpan(k, span);
      if (hit) {
        found = { j, ...hit, loose: false };
        break;
      }
      const key = nameKey(span);
      // Transliteration variants are words: never an abbreviation ("Under U.S." is no Suşehri).
      if (j - i > 4 || key.replace(/ /g, '').length < 5 || span.includes('.')) continue;
      const entries = k.lookupLoose(looseOf(key));
      if (entries.length) found = { j, key, entries, loose: true };
    }
    if (!found) {
      i++;
      continue;
    }
    // "The Paris police": the article is not part of the name unless the gazetteer says so ("The Hague").
    // So is "An" ("An Athens-Clarke police officer"), which the Arabic article rule would otherwise drop from the key.
    if (/^(?:the|an?)$/i.test(tokens[i]!.text) && !found.key.startsWith(`${tokens[i]!.text.toLowerCase()} `) && found.j > i + 1) i++;
    const { j } = found;
    // "A Charleston man", "Three Eastland County residents": a capitalised determiner opening the run is no part of a name.
    const runStart = DETERMINERS.has(tokens[from]!.text.toLowerCase()) ? from + 1 : from;
    const opensRun = i === runStart;
    // After a possessive place ("Syrias Hama") the run starts anew: Hama is no part of a name.
    // "Steven Sachs of Alexandria": the words before an "of" are not part of the place's name.
    let ofAt = -1;
    for (let n = i - 1; n >= runStart && ofAt < 0; n--) if (tokens[n]!.text === 'of') ofAt = n;
    const others = [...tokens.slice(Math.max(runStart, afterPossessive, ofAt + 1), i), ...tokens.slice(j, to)];
    if (found.possessive) afterPossessive = j;
    // "Syrias": the place is "Syria", without the possessive s.
    const end = tokens[j - 1]!.end - (found.possessive ? 1 : 0);
    out.push({
      start: tokens[i]!.start, end, text: text.slice(tokens[i]!.start, end),
      key: found.key, entries: found.entries, loose: found.loose, sentence,
      wholeRun: opensRun && j === to,
      inName: others.some((t) => t.cap && isName(t)),
      leads: opensRun && j < to,
      prefix: opensRun && j < to && (AFTER_PLACE.has(tokens[j]!.text.toLowerCase()) || TITLES.has(tokens[j]!.text.toLowerCase().replace(/\.$/, ''))),
      sentenceInitial: opensRun && runAtSentenceStart,
      hint: null, relation: 'none', cued: false, inTitle: false, actorLike: false, speechPlace: false, meetingPlace: false, container: null,
      ...(found.dotted ? { ap: true } : {}),
    });
    made.push({ c: out[out.length - 1]!, others });
    i = j;
  }
  // "Fargo-Moorhead", "Athens-Clarke", "Paris-Henry County": two places joined by a hyphen
  // are a pair of places, not one longer name.
  for (let n = 0; n + 1 < made.length; n++) {
    const a = made[n]!;
    const b = made[n + 1]!;
    if (text.slice(a.c.end, b.c.start) !== '-') continue;
    const outside = (m: { c: Candidate }, t: Token) => t.end <= m.c.start || t.start >= m.c.end;
    a.c.inName = a.others.some((t) => outside(b, t) && t.cap && isName(t));
    b.c.inName = b.others.some((t) => outside(a, t) && t.cap && isName(t));
  }
}

const SETTLEMENT = '(?:towns?|city|cities|villages?|hamlets?|settlements?|resort|port|capital|suburbs?|outskirts|neighbou?rhoods?|district|districts|province|provinces|governorate|region|county|state|municipality|countryside|island|area|areas|vicinity|direction|edge|surroundings|environs)';
const HINT_BEFORE = new RegExp(`\\b(${SETTLEMENT})\\s+of\\s+(?:the\\s+)?$`, 'i');
const NEAR_BEFORE = new RegExp(`\\b(?:near|nearby|around|outside|close to|(?:outskirts|vicinity|countryside|edge|suburbs?|surroundings|environs|area|direction) of)\\s+(?:the\\s+)?(?:${SETTLEMENT}\\s+of\\s+(?:the\\s+)?)*$`, 'i');
/** "north of X", "south and west of X", "30 km northwest of the town of X": a compass direction off the place. */
const DIRECTION_BEFORE = new RegExp(`\\b(north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)\\s+of\\s+(?:the\\s+)?(?:${SETTLEMENT}\\s+of\\s+(?:the\\s+)?)?$`, 'i');
const LOCATIVE_BEFORE = new RegExp(`\\b(?:${lexicon.locatives.join('|')})\\s+(?:the\\s+)?(?:(?:${[...MODIFIERS].join('|')}|rebel-held|opposition-held|government-held|regime-held|besieged|occupied|war-torn|embattled)\\s+)?(?:${SETTLEMENT}\\s+of\\s+(?:the\\s+)?)?$`, 'i');
const HINT_AFTER = /^\s+(province|provinces|governorate|region|district|county|state|countryside|city|town|village|area|border|crossing|airport|airbase|base|river|valley|mountains?|oblast|prefecture|parish|municipality)\b/i;
/** Said-from: "told reporters in", "speaking at", "said at a news conference in". */
const SPEECH_PLACE_BEFORE = /\b(?:told (?:reporters|journalists|the press|an? (?:news|press) conference|a briefing|an? \w+ (?:conference|briefing|forum|summit|meeting))|speaking|spoke|said|says|remarks|speech|statement|briefing|conference|interview)(?: (?:to|at|before) (?:the |a |an )?[\w ]{1,25}?)?\s+(?:in|at|from)\s+(?:the\s+)?$/i;
/** A news agency right after a place: the place is a dateline ("Moscow AFP", "BEIRUT (Reuters)"). */
const DASH_DATELINE = /^(?:,\s*(?:W\.\s?Va\.|[A-Z]\.[A-Z]\.|[A-Z][a-z]{1,4}\.))?\s+[—–-]/;
const DATELINE_AGENCY = /^\s*,?\s*\(?\s*(?:AFP|Reuters|AP|Xinhua|SANA|TASS|dpa|Anadolu|UPI|IRNA|KUNA|WAFA|ANHA)\b/;
/** A place before "-backed", "-led", "-funded"...: an adjective for an actor. */
const ACTOR_COMPOUND = /^-(?:backed|led|supported|funded|allied|sponsored|aligned|brokered|bashing|friendly|leaning|based|headquartered|registered)\b/;
/** "came to Ankara to discuss", "flew to Sochi for talks": the place people went to meet. */
const MEETING_PLACE_AFTER = /^\s+(?:to\s+(?:discuss|negotiate|hold\s+talks|meet|attend)|for\s+(?:talks|negotiations|a\s+meeting|a\s+summit|consultations))\b/i;
const MEETING_PLACE_BEFORE = /\b(?:negotiat\w*|talks|meeting|meetings|met|meet|summit|conference|visit\w*|arrived|hosted|gathered|held)\b[^.;,]{0,50}\b(?:in|at)\s+(?:the\s+)?$/i;
/** "under the control of Ankara", "backed by Moscow": a place standing for its government. */
// "under the control of Ankara" is an actor; "took control of the M5 highway" a place taken.
// "a ceasefire between Turkey-backed Azerbaijan and Armenia", "talks between Ankara and Moscow",
// "working with Ankara": the parties, not where.
const ACTOR_BEFORE = /\b(?:(?:ceasefire|cease-fire|truce|deal|agreement|accord|treaty|talks|negotiations|war|conflict|fighting|clashes|tensions|rivalry|dispute)\s+between(?:\s+[^.;:]{0,60}?\s+and)?(?:\s+[\w-]+)?|(?:work|works|working|worked|cooperat\w*|coordinat\w*|partner\w*|deal|agreement|alliance)\s+with|under\s+(?:the\s+)?(?:[\w-]+\s+)?control of|controlled by|backed by|supported by|loyal to|allied (?:with|to)|ties (?:with|to)|relations with|pressure (?:from|on)|accused|blamed|urged|warned|asked|told)\s+(?:the\s+)?$/i;
const LIST_GAP = /^\s*(?:,|and|or|, and|, or|\/)\s*$/;
const PLURAL_DIVISION_AFTER = /^\s+(counties|parishes|townships|provinces|governorates|districts|oblasts)\b/i;

function annotate(text: string, sentences: readonly { start: number; end: number }[], cands: Candidate[]): void {
  cands.forEach((c, n) => {
    const s = sentences[c.sentence]!;
    const before = text.slice(Math.max(s.start, c.start - 80), c.start);
    const after = text.slice(c.end, Math.min(s.end, c.end + 40));
    const hb = HINT_BEFORE.exec(before);
    if (hb) {
      const w = hb[1]!.toLowerCase();
      c.hint = /^(towns?|city|cities|villages?|hamlets?|settlements?|resort|port|capital|suburbs?|outskirts|neighbou?rhoods?)$/.test(w) ? 'P'
        : /^(district|districts|province|provinces|governorate|region|county|state|municipality)$/.test(w) ? 'A' : null;
      c.cued = true;
      c.relation = 'in';
    }
    const dir = DIRECTION_BEFORE.exec(before);
    if (dir) {
      c.relation = 'direction';
      c.bearing = dir[1]!.toLowerCase().replace('-', '');
      c.cued = true;
    } else if (NEAR_BEFORE.test(before)) {
      c.relation = 'near';
      c.cued = true;
    } else if (LOCATIVE_BEFORE.test(before)) {
      if (c.relation === 'none') c.relation = 'in';
      c.cued = true;
    }
    const ha = HINT_AFTER.exec(after);
    if (ha) {
      const w = ha[1]!.toLowerCase();
      c.cued = true;
      if (/^(province|provinces|governorate|region|district|county|state|oblast|prefecture|parish|municipality)$/.test(w)) c.hint = 'A';
      else if (/^(city|town|village)$/.test(w)) c.hint = 'P';
      if (w === 'countryside' || w === 'area') c.relation = 'near';
    }
    // Lists inherit the cue of their first member: "the towns of A, B and C".
    const prev = cands[n - 1];
    if (prev && prev.sentence === c.sentence && LIST_GAP.test(text.slice(prev.end, c.start))) {
      if (!c.cued && prev.cued) {
        c.cued = true;
        c.hint = c.hint ?? prev.hint;
        c.relation = c.relation === 'none' ? prev.relation : c.relation;
      }
    }
    const by = prev ? contains(text, prev, c) : null;
    if (by) {
      c.container = n;
      c.containerBy = by;
    }
    // (a dateline, "Moscow AFP Saturday", "BEIRUT (Reuters) -": where the report was filed)
    c.speechPlace = SPEECH_PLACE_BEFORE.test(before) || DATELINE_AGENCY.test(text.slice(c.end, c.end + 20));
    // A dateline in capitals opening a line or a sentence ("BLOOMFIELD — ", "ROCKY HILL - ",
    // "HURRICANE, W.Va. -") is a place whatever else the word means.
    if (c.sentenceInitial && !/\p{Ll}/u.test(c.text) && c.text.length >= 4 && DASH_DATELINE.test(text.slice(c.end, c.end + 16))) c.cued = true;
    c.meetingPlace = MEETING_PLACE_BEFORE.test(before) || MEETING_PLACE_AFTER.test(text.slice(c.end, c.end + 40));
    // "Ankara said", "Russia joined", "Moscow has warned": the place stands for its government.
    const nextWord = /^\s+(?:has\s+|have\s+|had\s+|is\s+|was\s+|will\s+|would\s+|also\s+|eventually\s+|then\s+)*(\p{Ll}+)/u.exec(text.slice(c.end, c.end + 40));
    const verb = nextWord?.[1] ?? '';
    // "Turkey-backed Azerbaijan", "Iran-led militias": the place stands for whoever backs or leads;
    // "pro-Damascus media", "anti-Ankara groups": for the side taken.
    c.actorLike = ACTOR_COMPOUND.test(text.slice(c.end, c.end + 16)) || ACTOR_BEFORE.test(before) || /\b(?:pro|anti)-$/i.test(before) || !c.cued && (SPEECH_VERBS.has(verb) || (/^\p{Ll}{3,}ed$/u.test(verb) && !/^(based|backed|led|held|controlled|occupied|located|owned|funded|armed)$/.test(verb)));
  });
  // "Douglas and Wyandotte counties", "the Hama, Idlib and Latakia provinces": a plural
  // division word after a list makes every member a division.
  for (let n = cands.length - 1; n >= 0; n--) {
    const c = cands[n]!;
    const s = sentences[c.sentence]!;
    const plural = PLURAL_DIVISION_AFTER.exec(text.slice(c.end, Math.min(s.end, c.end + 20)));
    if (!plural) continue;
    const word = plural[1]!.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
    for (let m = n; m >= 0; m--) {
      const d = cands[m]!;
      d.hint = 'A';
      d.cued = true;
      d.listedDivision = word;
      const prev = cands[m - 1];
      if (!prev || prev.sentence !== d.sentence || !LIST_GAP.test(text.slice(prev.end, d.start))) break;
    }
  }
  // Containers point back: mark the earlier candidate with the index of its container.
  cands.forEach((c, n) => {
    if (c.container === n) {
      c.container = null;
      cands[n - 1]!.container = n;
      cands[n - 1]!.containerEntries = c.entries;
      if (c.containerBy) cands[n - 1]!.containerBy = c.containerBy;
      delete c.containerBy;
    }
  });
}
