// The places stage: finds the places an article names and resolves each to a gazetteer
// entry (recognize.ts, resolve.ts), and picks where the action of a sentence happened
// (locateEvent). Pure and synchronous; the gazetteer is loaded once by loadPlaceKnowledge().
import type { EntityMention, PlaceMention, PlacePrecision, PlaceRef } from '../../model/index.js';
import { placesIn, type Doc, type Stage } from '../types.js';
import type { FeatureClass, PlaceEntry, PlaceKnowledge } from './gazetteer.js';
import { looseKey, nameKey } from './names.js';
import lexicon from './lexicon.json' with { type: 'json' };
import { candidatesOf, contains, FIRST_NAMES, NOT_PLACES, type Candidate, type Relation } from './recognize.js';
import { km, ownName as isOwnName, resolveAll, type Resolution } from './resolve.js';
import { MONTH_NAMES, WEEKDAY_NAMES } from '../times/names.js';

import { createRequire } from 'node:module';

export { buildGazetteerCache, defaultCachePath, loadPlaceKnowledge, type PlaceEntry, type PlaceKnowledge } from './gazetteer.js';
export { km } from './resolve.js';

/** A place mention with what the stage knows beyond the shared record. */
export interface ResolvedPlace extends PlaceMention {
  featureClass: FeatureClass;
  featureCode: string;
  /** 0..1: how sure the stage is of this reading. */
  confidence: number;
  /** How the sentence relates to the place: in it, near it, a direction off it. */
  relation: Relation;
  /** For relation 'direction': the compass word ("northwest"). */
  bearing?: string;
  /** Names an actor rather than a location ("Ankara said"). */
  actorLike: boolean;
  /** Where someone spoke from ("told reporters in New York"). */
  speechPlace: boolean;
  /** Where people met ("negotiating in Ankara"). */
  meetingPlace: boolean;
  sentence: number;
  /** A nationality adjective the sentence makes a location ("on Turkish soil"): names the country, not by its name. */
  adjectival?: true;
}

/** Nationality and language adjectives world-countries does not list ("English", "Kurdish", "Arab"). */
const MORE_DEMONYMS: ReadonlySet<string> = new Set(lexicon.moreDemonyms);

/** Capitalised abbreviations that name places. */
const ABBREVIATIONS: ReadonlySet<string> = new Set(['us', 'usa', 'uk', 'uae', 'drc', 'prc', 'dprk', 'ksa', 'eu', 'dc', 'nyc', 'la']);

/** What follows a dateline's place: "BEIRUT (Reuters) -", "CHARLESTON, W.Va. -". */
const DATELINE = /^(?:\s*(?:\(|:|--|—|–)|\s+-\s)/;

const CIVIL_CLASSES: ReadonlySet<FeatureClass> = new Set(['A', 'C', 'L', 'S', 'T', 'R', 'H']);

/** Words of the text written in lower case somewhere: a capitalised one at a sentence start is then a common word. */
function lowerWords(text: string): Set<string> {
  return new Set(text.match(/(?<![\p{L}\p{M}])\p{Ll}[\p{Ll}\p{M}]+/gu) ?? []);
}

/** "Mobile, Ala.", "Paris, Texas": the candidate is followed by a province or country. */
function containerIsRegion(c: Candidate, k: PlaceKnowledge): boolean {
  return c.containerEntries !== undefined && c.containerEntries.some((i) => ['A', 'C'].includes(k.entry(i).featureClass));
}

/** "northern province", "eastern region": a division named only by its compass side. */
const COMPASS_DIVISION = /^(?:north|south|east|west|central|northern|southern|eastern|western|north[- ]?(?:east|west)(?:ern)?|south[- ]?(?:east|west)(?:ern)?) (?:province|region|governorate|district|division|state|territory)$/;

/**
 * "the Northern Province of Aleppo", "Aleppo's Northern Province", "the Eastern Province of
 * Saudi Arabia": a division named by its compass side and owned by a place is looked up
 * only within that place. Sri Lanka's Northern Province is no reading of Aleppo's north:
 * when the owner has no such division, the phrase names the owner's part and the owner
 * stands for it, read as a division (narrows `c.entries` and hints the owner; a reason to
 * drop `c` otherwise).
 */
function compassPart(c: Candidate, all: readonly Candidate[], text: string, k: PlaceKnowledge): string | null {
  if (!COMPASS_DIVISION.test(c.key)) return null;
  const after = /^\s+of\s+(?:the\s+)?(?=\p{Lu})/u.exec(text.slice(c.end, c.end + 40));
  const owner = after ? all.find((o) => o.start === c.end + after[0].length)
    : all.find((o) => o.end <= c.start && /^['’]s?\s+(?:the\s+)?$/.test(text.slice(o.end, c.start)));
  if (!owner) return after ? 'compass part of a named place' : null;
  const owners = owner.entries.map((i) => k.entry(i)).filter((e) => e.featureClass === 'C' || e.featureClass === 'A');
  // (what has provinces is a country or a province: "Aleppo's Northern Province" is not the city's)
  if (owner.hint === null && owners.some((e) => e.featureClass === 'A')) owner.hint = 'A';
  const inside = c.entries.filter((i) => owners.some((o) => within(k.entry(i), o)));
  if (!inside.length) return 'compass part of a named place';
  c.entries = inside;
  return null;
}

/** Before resolution: drops candidates that are words, names or actors whatever the gazetteer says. */
function implausible(c: Candidate, text: string, lower: () => Set<string>, personWords: Set<string>, entities: readonly EntityMention[], k: PlaceKnowledge): string | null {
  const single = !c.key.includes(' ');
  // (a demonym that is also its country's own name is the country: "Gibraltar", "the Vatican";
  // not an adjective the gazetteer lists as another name: "Saudi", "Thai")
  const countryName = (i: number) => k.entry(i).featureClass === 'C' && [c.key, `${c.key} city`].includes(nameKey(k.entry(i).name));
  if ((k.demonyms.has(c.key) || MORE_DEMONYMS.has(c.key)) && !c.entries.some(countryName)) return 'demonym';
  if (/['’](?:re|ve|ll|d|t|m)$/i.test(c.text)) return 'contraction';
  // All capitals: an acronym ("NATO", "BA"), unless a country's ("US", "UAE"), a dateline at a
  // line start, or a name in capitals too long or spaced for an acronym ("NEW JERSEY", "CINCINNATI").
  if (!c.ap && /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u.test(c.text) && !/^\p{Lu}+(?: \p{Lu}+)+$|^\p{Lu}{7,}$/u.test(c.text) && !ABBREVIATIONS.has(c.key) && !DATELINE.test(text.slice(c.end, c.end + 4)) && !(c.sentenceInitial && /^,/.test(text.slice(c.end, c.end + 1))) && !/(^|\n)[ \t]*$/.test(text.slice(0, c.start).slice(-20))) return 'acronym';
  const region = containerIsRegion(c, k);
  if (single && NOT_PLACES.has(c.key) && !(c.cued && c.hint) && !region) return 'not-place word';
  if (single && FIRST_NAMES.has(c.key) && !c.cued && !region) return 'given name';
  // One- and two-letter matches are abbreviations ("US", "UK") only when written in capitals.
  if (!c.ap && c.text.replace(/\./g, '').length <= 3 && c.text !== c.text.toUpperCase()) return 'short word';
  // (a word in capitals is no common word however the text writes it in lower case: "US employers", "us")
  if (c.sentenceInitial && single && !c.cued && /\p{Ll}/u.test(c.text) && lower().has(c.text.toLowerCase())) return 'sentence-initial common word';
  for (const e of entities) {
    if (e.end <= c.start || e.start >= c.end) continue;
    const same = e.start === c.start && e.end === c.end;
    if (!same && (e.type === 'person' || e.type === 'organization' || e.type === 'group')) return 'inside entity name';
    // A place the entities stage read as a government or a force ("Ankara" = TUR.GOV in
    // "Ankara said") is a place only where the sentence makes it one ("in Ankara"). A bare
    // country id ("Syria" = SYR) is the country, a place as much as an actor. (Keeping
    // capitals as places marked `actorLike` instead cost 0.5 points of FA-KES governorate
    // accuracy: more events were put in Damascus.)
    const sector = e.id !== undefined && e.id.includes('.');
    // A known person ("Assad") is a person even after "in" ("in Assad clans hometown").
    if (same && e.type === 'person' && e.id !== undefined) return 'known person';
    // ("the Syrian capital Damascus", "the capital, Damascus": the city, named as a place)
    if (same && (sector || e.type !== 'country') && !(c.cued && c.relation !== 'none') && !afterCapital(text, c.start)) return 'entity (actor)';
  }
  return null;
}

interface Article {
  /** By candidate index: the entry each candidate resolved to (a container is looked up here). */
  resolved: readonly (PlaceEntry | null)[];
  personWords: ReadonlySet<string>;
  commonWords: ReadonlySet<string>;
  /** Names found outside a Title Case headline. */
  bodyKeys: ReadonlySet<string>;
  focus: string;
  /** The share of the article's resolved names that lie in `focus`, and how many they are. */
  focusShare: number;
  focusCount: number;
  /** By country: the names of the article resolved there. */
  countryKeys: ReadonlyMap<string, ReadonlySet<string>>;
  text: string;
  /** Names kept as places standing on their own (not inside a longer name), with the entry they resolved to. */
  standalone: ReadonlyMap<string, number>;
}

/** A bare county name is one before a noun ("Gwinnett police", "Henrico schools"), not before a verb ("Travis was"). */
const BARE_COUNTY_AFTER = /^\s+(?:(?!(?:was|is|has|had|said|says|will|would|did|does|and|or|who|to)\b)\p{Ll}|Sheriff\b)/u;
/** A legislator's party letter before a county ("Clif Moore, D-McDowell"): the county they stand for. */
const PARTY_BEFORE = /(?:^|[\s(])(?:[DRI]|DFL)-$/;

/** A division's name that says it is one: "Laurel County", "Pointe Coupee Parish". */
const DIVISION_WORD = / (?:county|parish|township|borough|province|governorate|district|oblast)$/;

/** Whether `e` lies in `container`: its country, or its province (by admin1 or name). */
function within(e: PlaceEntry, container: PlaceEntry): boolean {
  if (container.featureClass === 'C') return e.country === container.country;
  if (container.featureClass === 'A') return e.country === container.country && (e.admin1 === container.admin1 || e.admin1 === container.name);
  return true;
}

/** After resolution: whether the reading is good enough to report, given how the text put it. */
function dropReason(c: Candidate, r: Resolution, e: PlaceEntry, a: Article): string | null {
  const single = !c.key.includes(' ');
  const ownName = isOwnName(e, c.key);
  const big = e.population >= 100_000 || e.featureClass === 'C' || e.featureCode === 'ADM1';
  const countryOrProvince = e.featureClass === 'C' || e.featureClass === 'L' || e.featureCode === 'ADM1';
  const civil = CIVIL_CLASSES.has(e.featureClass);
  // Inside a longer name ("Khayyat Tahrir al-Sham", "Major Youssef Hamoud"): only a
  // country, a province or a large place under its own name ("Texas Department of ...").
  // A place opening a longer name ("Dublin Historical Society", "Charleston Gold Dome Lions
  // Club") is one when the article names that very place on its own elsewhere.
  // So is a place named elsewhere on its own ("Rodeo Gainesville" after "in Gainesville"), a
  // division named with its word ("Laurel County Adult Education"), and a place opening a
  // longer name among the article's other places ("Henderson County Crimestoppers" near Athens, Texas).
  const namedAlone = c.leads && ownName && a.standalone.get(c.key) === r.entry;
  const namedDivision = e.featureClass === 'A' && ownName && DIVISION_WORD.test(c.key);
  if (c.inName && !c.prefix && !c.cued && !(countryOrProvince || (big && ownName) || namedAlone || namedDivision)) return 'inside a longer name';
  // A place opening an institution's name ("Gainesville Police") is one if the article is around it.
  if (c.inName && c.prefix && !c.cued && !(countryOrProvince || r.supported || (big && ownName) || namedAlone || namedDivision)) return 'opens an institution name';
  if (c.inName && single && FIRST_NAMES.has(c.key)) return 'given name in a name';
  // "Nadia Moayyad" where the text also says "Ms. Moayyad": a word before a known surname
  // (no common word: "the Manchester Marine") is a given name.
  const next = nameKey(/^[ \u00a0]+(\p{Lu}[\p{L}\p{M}'’-]*)/u.exec(a.text.slice(c.end, c.end + 40))?.[1] ?? '');
  if (c.inName && c.leads && single && !c.cued && a.personWords.has(next) && !a.commonWords.has(next)) return 'given name before a surname';
  // A county by its bare name ("Gwinnett" for Gwinnett County) only in a story set around it,
  // before a noun ("Gwinnett police", "DuPage Sheriff") or after a party letter ("D-McDowell"),
  // and never a word or a given name ("Garden", "Travis"), unless the text lists it among
  // counties ("Cooke, Grayson and Love counties").
  if (e.featureCode === 'ADM2' && !ownName && !c.listedDivision && (!r.local || a.commonWords.has(c.key) || FIRST_NAMES.has(c.key) || c.actorLike || !(c.cued || BARE_COUNTY_AFTER.test(a.text.slice(c.end, c.end + 20)) || PARTY_BEFORE.test(a.text.slice(Math.max(0, c.start - 5), c.start))))) return 'bare county name';
  // A single word that is only another name of the place ("Sunny" for Sanaa) needs a cue or company.
  if (single && e.featureClass === 'P' && !ownName && !ABBREVIATIONS.has(c.key) && !c.cued && !r.supported && c.container === null) return 'alternate name, no cue';
  // "Brown said" after "Sherrod Brown": a surname, unless the place is a country or province.
  if (single && a.personWords.has(c.key) && !(c.cued && c.hint) && c.container === null && e.featureClass !== 'C' && e.featureCode !== 'ADM1') return 'surname';
  // In a Title Case headline a capital proves nothing: a word there is a place if the body says so too.
  if (c.inTitle && single && !c.cued && !countryOrProvince && !a.bodyKeys.has(c.key)) return 'title-case headline';
  // A small foreign town nothing else in the article points to ("Emerald" in an Ohio story).
  if (!c.cued && !r.supported && c.container === null && e.featureClass === 'P' && e.population < 100_000 && e.country !== a.focus) return 'small foreign town';
  if (!c.cued && !r.supported && !civil && e.population < 15_000) return 'small non-civil entry';
  // A place its province rules out: "the town of Milis in Idlib province" is no Milis in
  // Sardinia. (A comma proves less: "London, Paris and Berlin" is a list.)
  if (c.containerBy === 'in' && c.container !== null && a.resolved[c.container] && !within(e, a.resolved[c.container]!)) return 'outside its container';
  // A small foreign place read through a spelling variant or another of its names ("Russeifa"
  // for "al-Rasafa", "Haan" for "Khan"), with no container to place it: not in this story.
  if (e.featureClass === 'P' && e.population < 100_000 && e.country !== a.focus && (c.loose || !ownName) && c.container === null) return 'foreign variant';
  // A town abroad in a story set in one country, which nothing else in the article places in
  // its own country ("Safi" for the village of Aqareb es-Safi in a Syrian story, "Castello
  // Road" in Aleppo): not this story's place, however it was introduced. World cities and
  // capitals stay ("a London-based monitor").
  if (a.focusCount >= 3 && a.focusShare >= 0.6 && e.country !== a.focus && e.featureClass === 'P' && e.population < 1_000_000 && e.featureCode !== 'PPLC' &&
    !(c.cued && e.featureCode === 'PPLA' && e.population >= 100_000 && !a.commonWords.has(c.key)) &&
    c.container === null && ![...(a.countryKeys.get(e.country) ?? [])].some((key) => key !== c.key)) return 'town abroad, story elsewhere';
  // A common English word ("Nearly", "Seven", "Capital"), capitalised at a sentence start or
  // in a headline, names a place only when a cue introduces it or the place is a country, a
  // province or a large place under that very name ("Turkey", "Nice").
  if (single && a.commonWords.has(c.key) && !c.cued && !countryOrProvince && !(big && ownName)) return 'common English word';
  // A transliteration variant ("Deraa" for "Daraa") needs a cue or a neighbour: "Nearly" is not Narlı.
  if (c.loose && (c.sentenceInitial || !r.supported || !r.local)) return 'loose variant unsupported';
  // A capitalised word at a sentence start, unannounced: a place only if a notable one.
  if (c.sentenceInitial && single && !c.cued && !civil && e.population < 100_000 && !r.supported) return 'sentence-initial small place';
  return null;
}

/** A candidate the stage looked at and did not report, and why (for reading misses). */
export interface DroppedCandidate {
  start: number;
  end: number;
  text: string;
  reason: string;
}

/** Finds and resolves the places of `doc`. */
export const findPlaces: Stage<PlaceKnowledge, ResolvedPlace> = (doc: Doc, k: PlaceKnowledge): ResolvedPlace[] => places(doc, k);

/** The places of `doc`, and the candidates it dropped with the reason (for the evaluation's list of misses). */
export function explainPlaces(doc: Doc, k: PlaceKnowledge): { places: ResolvedPlace[]; dropped: DroppedCandidate[] } {
  const dropped: DroppedCandidate[] = [];
  return { places: places(doc, k, dropped), dropped };
}

function places(doc: Doc, k: PlaceKnowledge, dropped?: DroppedCandidate[]): ResolvedPlace[] {
  const drop = (c: Candidate, reason: string | null): boolean => {
    if (reason !== null && dropped) dropped.push({ start: c.start, end: c.end, text: c.text, reason });
    return reason !== null;
  };
  const sentences = doc.sentences.length ? doc.sentences : [{ start: 0, end: doc.text.length }];
  // (read only when a candidate needs it: a sentence-initial single word with no cue)
  let lowerSet: Set<string> | undefined;
  const lower = () => (lowerSet ??= lowerWords(doc.text));
  const { candidates, personWords, features } = candidatesOf(doc.text, sentences, k);
  const cands = candidates.filter((c) => !drop(c, implausible(c, doc.text, lower, personWords, doc.entities, k) ?? compassPart(c, candidates, doc.text, k)));
  // Container links index the unfiltered list: rebuild them over the kept candidates.
  relinkContainers(doc.text, cands);
  // "Deraa governorate", "Hasakeh province": the division may be spelt otherwise than the town.
  for (const c of cands) {
    // "Douglas and Wyandotte counties": listed as divisions, they are no towns.
    if (c.listedDivision) {
      const named = k.lookup(`${c.key} ${c.listedDivision}`);
      if (named.length) c.entries = named;
      else if (c.entries.some((i) => k.entry(i).featureClass === 'A')) c.entries = c.entries.filter((i) => k.entry(i).featureClass === 'A');
    }
    if (c.hint !== 'A' || c.entries.some((i) => k.entry(i).featureClass === 'A')) continue;
    const divisions = k.lookupLoose(looseKey(c.key)).filter((i) => k.entry(i).featureClass === 'A');
    if (divisions.length) c.entries = [...c.entries, ...divisions];
  }
  // Surnames, given names and common words are too likely no place to draw other names near them.
  const weak = new Set(cands.filter((c) => !c.cued && (personWords.has(c.key) || FIRST_NAMES.has(c.key) || k.commonWords.has(c.key))).map((c) => c.key));
  const res = resolveAll(k, cands, weak);
  const focus = focusCountry(k, res);
  const bodyKeys = new Set(cands.filter((c) => !c.inTitle).map((c) => c.key));
  const resolved = cands.map((_, n) => (res[n] ? k.entry(res[n]!.entry) : null));
  const standalone = new Map<string, number>();
  const countryKeys = new Map<string, Set<string>>();
  cands.forEach((c, n) => { const e = resolved[n]; if (e) (countryKeys.get(e.country) ?? countryKeys.set(e.country, new Set()).get(e.country)!).add(c.key); });
  const named = resolved.filter((e) => e !== null).length;
  const focusCount = resolved.filter((e) => e?.country === focus).length;
  const focusShare = named ? focusCount / named : 0;
  const article: Article = { text: doc.text, resolved, personWords, commonWords: k.commonWords, bodyKeys, focus, focusShare, focusCount, countryKeys, standalone };
  const kept = cands.map((c, n) => !c.inName && res[n] !== null && dropReason(c, res[n]!, k.entry(res[n]!.entry), article) === null);
  cands.forEach((c, n) => {
    if (kept[n]) standalone.set(c.key, res[n]!.entry);
  });
  const out: ResolvedPlace[] = [];
  cands.forEach((c, n) => {
    const r = res[n];
    if (!r) return void drop(c, 'no reading');
    const e = k.entry(r.entry);
    if (c.inName ? drop(c, dropReason(c, r, e, article)) : !kept[n]) {
      if (!c.inName) drop(c, dropReason(c, r, e, article) ?? 'dropped');
      return;
    }
    const confidence = Math.max(0.05, Math.min(0.99, 0.5 + 0.12 * r.margin + (c.cued ? 0.1 : 0) + (r.supported ? 0.1 : 0) - (c.loose ? 0.2 : 0)));
    const m: ResolvedPlace = {
      start: c.start, end: c.end, text: c.text, name: e.name, lat: round(e.lat), lon: round(e.lon), country: e.country,
      precision: e.precision as PlacePrecision, featureClass: e.featureClass, featureCode: e.featureCode,
      confidence: Math.round(confidence * 100) / 100, relation: c.relation, actorLike: (c.actorLike && !afterCapital(doc.text, c.start)) || (e.featureCode === 'PPLC' && governmentPossessive(doc.text, c.end)), speechPlace: c.speechPlace, meetingPlace: c.meetingPlace, sentence: c.sentence,
    };
    if (e.geonameid) m.geonameid = e.geonameid;
    if (e.admin1) m.admin1 = e.admin1;
    if (c.bearing) m.bearing = c.bearing;
    out.push(m);
  });
  // (the country named inside "Syria's capital" stays a mention of its own: the capital, a town, is the more specific)
  const found = [...out, ...capitalPhrases(doc, k)];
  return placeFeatures(doc, features, [...found, ...adjectivalPlaces(doc, k, found)].sort((a, b) => a.start - b.start));
}

/** Nouns that make a nationality adjective before them a location: "Turkish soil", "the Georgian town of Gori". */
const LOCATION_NOUN = /^[ -]+(?:territory|territories|soil|land|lands|border|borders|frontier|capital|city|cities|town|towns|village|villages|port|ports|coast|coastline|waters|airspace|mainland|countryside|province|provinces|enclave|island|islands|side of the border)\b/;

/**
 * A demonym the sentence makes a location ("on Turkish soil", "the Georgian town of Gori",
 * "the Syrian-Turkish border", "the Palestinian territories") names its country: a mention
 * of its own kind (`adjectival`), at the country's entry. Every other demonym ("Russian
 * officials", "the Russians") is an actor's, left to the entities stage.
 */
function adjectivalPlaces(doc: Doc, k: PlaceKnowledge, named: readonly ResolvedPlace[]): ResolvedPlace[] {
  const out: ResolvedPlace[] = [];
  const sentences = doc.sentences.length ? doc.sentences : [{ start: 0, end: doc.text.length }];
  for (const m of doc.text.matchAll(/(?<![\p{L}\p{M}-])(\p{Lu}\p{Ll}+)(?:-(\p{Lu}\p{Ll}+))?(?=[ -]\p{Ll})/gu)) {
    if (!LOCATION_NOUN.test(doc.text.slice(m.index + m[0].length, m.index + m[0].length + 24))) continue;
    // "the Syrian-Turkish border": both members.
    const parts = m[2] ? [{ word: m[1]!, start: m.index }, { word: m[2], start: m.index + m[1]!.length + 1 }] : [{ word: m[1]!, start: m.index }];
    for (const { word, start } of parts) {
      const end = start + word.length;
      const country = capitalOf(word);
      if (!country?.demonym || !k.demonyms.has(nameKey(word))) continue;
      if (named.some((p) => p.start < end && p.end > start)) continue;
      const entry = countryEntry(k, country.cc);
      if (!entry) continue;
      const sentence = Math.max(0, sentences.findIndex((x) => x.start <= start && x.end >= end));
      const p: ResolvedPlace = {
        start, end, text: word, name: entry.name, lat: round(entry.lat), lon: round(entry.lon), country: entry.country,
        precision: entry.precision as PlacePrecision, featureClass: entry.featureClass, featureCode: entry.featureCode, confidence: 0.5,
        relation: 'none', actorLike: false, speechPlace: false, meetingPlace: false, sentence, adjectival: true,
      };
      if (entry.geonameid) p.geonameid = entry.geonameid;
      out.push(p);
    }
  }
  return out;
}

/** A country's ISO2 code and common name by its ISO2 or ISO3 code (world-countries). */
let countryCodes: Map<string, { cca2: string; name: string }> | undefined;

/** A country's gazetteer entry (its representative point) by its ISO2 ("SY") or ISO3 ("SYR") code. */
export function countryEntry(k: PlaceKnowledge, code: string): PlaceEntry | undefined {
  if (!countryCodes) {
    const list = createRequire(import.meta.url)('world-countries/countries.json') as { name: { common: string }; cca2: string; cca3: string }[];
    countryCodes = new Map(list.flatMap((c) => [[c.cca2, { cca2: c.cca2, name: c.name.common }], [c.cca3, { cca2: c.cca2, name: c.name.common }]]));
  }
  const c = countryCodes.get(code);
  if (!c) return undefined;
  return k.lookup(nameKey(c.name)).map((i) => k.entry(i)).find((e) => e.country === c.cca2 && e.featureClass === 'C');
}

/** A name right after "capital" ("the Syrian capital Damascus", "the capital, Damascus") is the city, named as a place. */
const afterCapital = (text: string, at: number) => /\bcapital,?\s+$/i.test(text.slice(Math.max(0, at - 10), at));

/** Country name or demonym (name keys) -> the country's ISO2 code and its capital's name, from world-countries. */
let capitals: Map<string, { cc: string; capital: string; demonym: boolean }> | undefined;
function capitalOf(word: string): { cc: string; capital: string; demonym: boolean } | undefined {
  if (!capitals) {
    capitals = new Map();
    const list = createRequire(import.meta.url)('world-countries/countries.json') as
      { name: { common: string }; cca2: string; capital?: string[]; demonyms?: Record<string, { f: string; m: string }> }[];
    for (const c of list) {
      const capital = c.capital?.[0];
      if (!capital) continue;
      const eng = c.demonyms?.['eng'];
      for (const n of [c.name.common, eng?.m, eng?.f]) if (n && !capitals.has(nameKey(n))) capitals.set(nameKey(n), { cc: c.cca2, capital, demonym: n !== c.name.common });
    }
  }
  return capitals.get(nameKey(word.replace(/['’]?s$/, ''))) ?? capitals.get(nameKey(word));
}

/** "the Syrian capital", "Syria's capital" (or "Syrias capital"), "the capital of Syria", with no name after it. */
// (a day or month after it is no name: "near Syria's capital Saturday", AP style)
const CAPITAL_PHRASE = new RegExp(String.raw`\b(?:[Tt]he\s+([A-Z][a-z]+)\s+capital|([A-Z][a-z]+)(?:['’]s|s)\s+capital|[Tt]he\s+capital\s+of\s+([A-Z][a-z]+))\b(?![-\w])(?!,?\s+(?:of\s+)?(?:the\s+)?(?!(?:${[...WEEKDAY_NAMES, ...MONTH_NAMES].join('|')})\b)[A-Z])`, 'g');

/**
 * A country's capital named by a phrase, not by its name: "near the Syrian capital", "Syria's
 * capital" (not before the name itself: "the capital Damascus" is read as Damascus; not an
 * apposition: "Tbilisi, the capital of Georgia"). One mention each, at the capital's
 * gazetteer entry (a town: more specific than the country the phrase may also name).
 */
function capitalPhrases(doc: Doc, k: PlaceKnowledge): ResolvedPlace[] {
  if (!/\bcapital\b/.test(doc.text)) return [];
  const out: ResolvedPlace[] = [];
  const sentences = doc.sentences.length ? doc.sentences : [{ start: 0, end: doc.text.length }];
  for (const m of doc.text.matchAll(CAPITAL_PHRASE)) {
    const country = capitalOf(m[1] ?? m[2] ?? m[3]!);
    if (!country) continue;
    const entry = k.lookup(nameKey(country.capital)).map((i) => k.entry(i)).find((e) => e.country === country.cc && e.featureCode === 'PPLC');
    if (!entry) continue;
    const start = m.index, end = m.index + m[0].length;
    // "Tbilisi, the capital of Georgia": an apposition describes the place just named
    if (/,\s*$/.test(doc.text.slice(Math.max(0, start - 3), start))) continue;
    const sentence = Math.max(0, sentences.findIndex((x) => x.start <= start && x.end >= end));
    const before = doc.text.slice(Math.max(0, start - 12), start);
    const relation: Relation = /\b(?:near|outside|around|outskirts\s+of)\s+$/i.test(before) ? 'near' : /\b(?:in|at|on|into|across)\s+$/i.test(before) ? 'in' : 'none';
    const p: ResolvedPlace = {
      start, end, text: m[0], name: entry.name, lat: round(entry.lat), lon: round(entry.lon), country: entry.country,
      precision: entry.precision as PlacePrecision, featureClass: entry.featureClass, featureCode: entry.featureCode, confidence: 0.7,
      relation, actorLike: false, speechPlace: false, meetingPlace: false, sentence,
    };
    if (entry.geonameid) p.geonameid = entry.geonameid;
    if (entry.admin1) p.admin1 = entry.admin1;
    out.push(p);
  }
  return out;
}


/**
 * Named features the gazetteer lacks ("Royal Street", "Neches River", "Hmeimim Air Base"):
 * each stands at the town or district the text names right after it ("Main Street,
 * Dublin", "Front Street in Dublin"), else the nearest one before it, else after it, else
 * the province: precision 2 at best, low confidence. A feature replaces the places inside
 * its name ("Baghdad Street" is no mention of Baghdad) unless one of them is itself a
 * feature of the gazetteer ("the Euphrates River"); a place covering it wins.
 */
function placeFeatures(doc: Doc, features: readonly Candidate[], places: ResolvedPlace[]): ResolvedPlace[] {
  if (!features.length) return places;
  let out = places;
  for (const f of features) {
    if (out.some((p) => p.start < f.end && p.end > f.start)) continue;
    if (doc.entities.some((e) => e.type === 'person' && e.start < f.end && e.end > f.start)) continue;
    const anchor = anchorOf(doc.text, f, out);
    if (!anchor) continue;
    const m: ResolvedPlace = {
      start: f.start, end: f.end, text: f.text, name: f.text, lat: anchor.lat, lon: anchor.lon, country: anchor.country, precision: 2,
      featureClass: f.feature!.featureClass as FeatureClass, featureCode: f.feature!.featureCode, confidence: 0.3,
      relation: f.relation, actorLike: false, speechPlace: f.speechPlace, meetingPlace: f.meetingPlace, sentence: f.sentence,
    };
    if (anchor.admin1) m.admin1 = anchor.admin1;
    out = [...out, m].sort((a, b) => a.start - b.start);
  }
  return out;
}

/**
 * The town or district a feature lies in: named right after it, else the nearest before,
 * else after; else a province. Rivers, lakes, islands and parks reach further than a street:
 * a place of their own sentence first, else the article's nearest (measured on LGL: recall
 * +0.004, accuracy over recognised -0.001; a province is too coarse for them).
 */
function anchorOf(text: string, f: Candidate, places: readonly ResolvedPlace[]): ResolvedPlace | null {
  const wide = ['H', 'T', 'L'].includes(f.feature!.featureClass);
  const local = places.filter((p) => p.precision <= 2 && (p.featureClass === 'P' || p.featureClass === 'A'));
  const pick = (among: readonly ResolvedPlace[]): ResolvedPlace | null => {
    const next = among.find((p) => p.start >= f.end);
    if (next && next.sentence === f.sentence && /^(?:,\s*|\s+in\s+(?:the\s+)?(?:(?:town|city|village) of\s+)?)$/.test(text.slice(f.end, next.start))) return next;
    return among.filter((p) => p.end <= f.start).pop() ?? next ?? null;
  };
  if (!wide) return pick(local) ?? places.find((p) => p.featureCode === 'ADM1') ?? null;
  return pick(local.filter((p) => p.sentence === f.sentence)) ?? pick(local);
}

/** What a capital's possessive can own as a place: "Damascus's old city", "Kabul's airport". */
const PLACE_PARTS = /^(?:old|city|centre|center|downtown|outskirts|suburbs?|streets?|districts?|neighbou?rhoods?|quarters?|countryside|north\w*|south\w*|east\w*|west\w*|airport|port|residents|people|inhabitants|population|main|central|largest|biggest|mayor|governor|hospitals?|markets?|mosques?|schools?)$/;

/**
 * "Ankara's obligation", "Moscow's support": a national capital's possessive before anything
 * but a part of the city names its government, not a location.
 */
function governmentPossessive(text: string, end: number): boolean {
  const m = /^['’]s\s+(\p{Ll}+)/u.exec(text.slice(end, end + 40));
  return m !== null && !PLACE_PARTS.test(m[1]!);
}

/** The country most of the article's places fall in. */
function focusCountry(k: PlaceKnowledge, res: readonly (Resolution | null)[]): string {
  const count = new Map<string, number>();
  for (const r of res) if (r) count.set(k.entry(r.entry).country, (count.get(k.entry(r.entry).country) ?? 0) + 1);
  let best = '';
  for (const [cc, n] of count) if (n > (count.get(best) ?? 0)) best = cc;
  return best;
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

function relinkContainers(text: string, cands: Candidate[]): void {
  cands.forEach((c, n) => {
    const next = cands[n + 1];
    const by = next ? contains(text, c, next) : null;
    c.container = by ? n + 1 : null;
    if (by) c.containerBy = by;
    else delete c.containerBy;
  });
}

// ---------------------------------------------------------------------------
// Event location.

/**
 * What kind of event is being placed:
 * - `action` (default: ASSAULT, MOBILIZE, RETREAT...): where it happened, never where
 *   someone spoke from, and not where people met when another place is named;
 * - `meeting` (CONSULT, AGREE): where people met or spoke first, else where the sentence
 *   puts things;
 * - `statement` (ACCUSE, REJECT, THREATEN, REQUEST...): only where the words were spoken or
 *   the talks held, never the places the words are about ("presence in al-Tanf").
 */
export type EventKind = 'action' | 'meeting' | 'statement';

export interface LocateOptions {
  kind?: EventKind;
  /** The event's own words (e.g. its trigger clause): places inside it come first. */
  span?: { start: number; end: number };
  /**
   * When the sentence names no usable place, look back this many sentences ("The campaign
   * is accompanied by shelling" after "the campaign began in Jabal al-Zawiya"; a statement
   * after "Lavrov told reporters in New York"). Default 0.
   */
  lookBack?: number;
  /** Only places inside `span` (or named as where a meeting or statement happened) count. */
  strictSpan?: boolean;
  /** Keep a province the sentence names even when the next sentence narrows it (used for that look-ahead itself). */
  noRefine?: boolean;
}

type Located = PlaceMention & Partial<ResolvedPlace>;

const BEARING: Record<string, [number, number]> = {
  north: [1, 0], south: [-1, 0], east: [0, 1], west: [0, -1],
  northeast: [0.7071, 0.7071], northwest: [0.7071, -0.7071], southeast: [-0.7071, 0.7071], southwest: [-0.7071, -0.7071],
};
/** How far "north of X" is taken to be from X when the text gives no distance. */
const OFF_KM = 15;

/** The point a mention stands for: "west of Idlib" is some way west of Idlib. */
function pointOf(p: Located): [number, number] {
  const b = p.relation === 'direction' && p.bearing ? BEARING[p.bearing] : undefined;
  if (!b) return [p.lat, p.lon];
  const dLat = (b[0] * OFF_KM) / 111.2;
  const dLon = (b[1] * OFF_KM) / (111.2 * Math.cos((p.lat * Math.PI) / 180));
  return [round(p.lat + dLat), round(p.lon + dLon)];
}

/**
 * Where the event of sentence `sentenceIndex` happened, from the places the stage found in
 * it (`doc.places`), by the event's `kind` (above). Never a place that stands for an actor
 * ("Ankara said", "under the control of Ankara"). Places inside `span` first, then the
 * most specific (towns before provinces before countries), and among those the ones the
 * sentence puts the event in ("in", "near", "north of", "the town of"). Several towns
 * within 30 km ("the towns of A, B and C") become their midpoint; "near X", "north of X",
 * "X countryside" give precision 2; "west of X" moves the point 15 km west. Null when
 * neither the sentence nor the `lookBack` sentences before it name a usable place.
 */
export function locateEvent(doc: Doc, sentenceIndex: number, options: LocateOptions = {}): PlaceRef | null {
  const s = doc.sentences[sentenceIndex] ?? (doc.sentences.length === 0 && sentenceIndex === 0 ? { start: 0, end: doc.text.length } : null);
  if (!s) return null;
  const kind = options.kind ?? 'action';
  const own = doc.sentences[sentenceIndex] ? placesIn(doc)[sentenceIndex]! as readonly Located[] : (doc.places as readonly Located[]).filter((p) => p.start >= s.start && p.end <= s.end);
  const inSentence = own.filter((p) => !p.actorLike);
  const spoken = (p: Located) => p.speechPlace === true || p.meetingPlace === true;
  let usable = kind === 'statement' ? inSentence.filter(spoken)
    : kind === 'meeting' ? (inSentence.some(spoken) ? inSentence.filter(spoken) : inSentence)
    : inSentence.filter((p) => !p.speechPlace);
  // A national capital the sentence does not put anything in stands for its government when
  // another place is where things are ("Ankara and Moscow were rivals in Nagorno-Karabakh").
  if (usable.some((p) => p.relation !== undefined && p.relation !== 'none')) usable = usable.filter((p) => !(p.featureCode === 'PPLC' && p.relation === 'none'));
  const span = options.span;
  // An action told in its own words is not where people met outside them ("Representatives
  // arrived in Ankara, a few days after eight soldiers died in shelling").
  if (kind === 'action' && span) usable = usable.filter((p) => !p.meetingPlace || (p.start >= span.start && p.end <= span.end));
  if (usable.length === 0) {
    const back = options.lookBack ?? 0;
    if (back <= 0) return null;
    // Sentences that name no place at all say nothing of where things are: they do not count.
    let prev = sentenceIndex - 1;
    while (prev >= 0 && !namesPlace(doc, prev)) prev--;
    return prev >= 0 ? locateEvent(doc, prev, { kind, lookBack: back - 1 }) : null;
  }
  if (span) {
    const inside = usable.filter((p) => p.start >= span.start && p.end <= span.end);
    if (inside.length) usable = inside;
    else if (options.strictSpan) usable = kind === 'action' ? [] : usable.filter(spoken);
    if (usable.length === 0) return null;
  }
  // The ends of a route ("the M-5 highway (Aleppo-Damascus)", "the Amsterdam-London leg") are not where things happened.
  const notEnds = usable.filter((p) => !routeEnd(doc, p));
  if (notEnds.length) usable = notEnds;
  // An action is not where the talks were ("while negotiating in Ankara, an incident occurred in Idlib").
  const notMeeting = usable.filter((p) => !p.meetingPlace);
  if (kind === 'action' && notMeeting.length) usable = notMeeting;
  // The most specific first (towns, then districts, provinces, countries last) ...
  const rank = (p: Located) => p.precision * 2 + (p.featureClass === 'C' ? 1 : 0);
  const best = Math.min(...usable.map(rank));
  let chosen = usable.filter((p) => rank(p) === best);
  // ... and among those, the ones the sentence puts the action in ("in", "near", "north of").
  const located = chosen.filter((p) => p.relation !== undefined && p.relation !== 'none');
  if (located.length) chosen = located;
  const first = chosen[0]!;
  const near = (p: Located) => p.relation === 'near' || p.relation === 'direction';
  if (chosen.length > 1) {
    const points = chosen.map(pointOf);
    const lat = points.reduce((a, p) => a + p[0], 0) / points.length;
    const lon = points.reduce((a, p) => a + p[1], 0) / points.length;
    const radius = chosen.every(near) ? 100 : 30;
    if (points.every((p) => km(lat, lon, p[0], p[1]) <= radius)) {
      const precision: PlacePrecision = first.precision === 1 ? 2 : first.precision;
      return refOf({ ...first, name: chosen.map((p) => p.text).join(', '), lat: round(lat), lon: round(lon) }, precision);
    }
  }
  // "Forces made strides in the province of Aleppo. They advanced west of Aleppo.": an action
  // put in a province only is where the next sentence narrows it to, inside that province.
  if (kind === 'action' && first.featureClass === 'A' && first.precision === 3 && !options.noRefine) {
    const next = doc.sentences[sentenceIndex + 1];
    const narrower = next ? locateEvent(doc, sentenceIndex + 1, { kind, noRefine: true }) : null;
    if (narrower && narrower.precision < 3 && narrower.country === first.country && narrower.admin1 !== undefined && narrower.admin1 === (first.admin1 ?? first.name) &&
      (placesIn(doc)[sentenceIndex + 1] as readonly Located[]).some((p) => p.relation !== undefined && p.relation !== 'none' && p.admin1 === narrower.admin1)) return narrower;
  }
  const [lat, lon] = pointOf(first);
  return refOf({ ...first, lat, lon }, near(first) && first.precision === 1 ? 2 : first.precision);
}

/** Whether `p` is one end of a hyphenated pair of places ("Aleppo-Damascus"). */
function routeEnd(doc: Doc, p: PlaceMention): boolean {
  return doc.places.some((q) => (q.start === p.end + 1 && doc.text[p.end] === '-') || (q.end === p.start - 1 && doc.text[q.end] === '-'));
}

/** Whether sentence `i` names any place. */
function namesPlace(doc: Doc, i: number): boolean {
  return placesIn(doc)[i]!.length > 0;
}

/** A place mention as the place of an event, at the given precision. */
export function refOf(p: PlaceMention, precision: PlacePrecision = p.precision): PlaceRef {
  const ref: PlaceRef = { name: p.name, lat: p.lat, lon: p.lon, country: p.country, precision };
  if (p.geonameid) ref.geonameid = p.geonameid;
  if (p.admin1) ref.admin1 = p.admin1;
  return ref;
}

/** The name key the stage uses, for callers that compare place names. */
export const placeKey = nameKey;
