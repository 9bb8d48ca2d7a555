// The actor dictionary, read once from data/actors/ (plus the world-countries package) and
// compiled into token tries, so recognition walks each word once instead of trying a
// pattern per entry.
import { readDataJson } from '../../data-files.js';
import { createRequire } from 'node:module';
import type { EntityType } from '../../model/index.js';
import { tokenize } from './tokens.js';

export interface Role {
  /** The actor id the role belongs to (`RUS.GOV`). */
  of: string;
  /** Role name: `president`, `foreign minister`, `spokesperson`… */
  title: string;
  from: number;
  to: number | null;
}

export interface ActorEntry {
  id: string;
  type: EntityType;
  /** The state the actor belongs to or fights in (ISO 3166-1 alpha-3). */
  country?: string;
  names: string[];
  /** Forms used alone (surnames). */
  short?: string[];
  /** Case-sensitive abbreviations. */
  acronyms?: string[];
  roles?: Role[];
  /** A coalition's lead state, as the sector it acts through (`USA.MIL` for the US-led coalition). */
  ledBy?: string;
  source: string;
}

export interface CountrySeed {
  iso3: string;
  names: string[];
  acronyms?: string[];
  demonyms: string[];
  capitals: string[];
}

export interface LabelsFile {
  defaultTheater?: string;
  sectors: Record<string, string[]>;
  neutral: string[];
  modifiersOnly: string[];
  backedWords: string[];
  backed: Record<string, Record<string, string>>;
  titles: Record<string, string[]>;
  roleNouns: Record<string, string[]>;
  speechVerbs: string[];
  orgSuffixes: string[];
  orgHeads: string[];
  personCueAfter: string[];
  notNames: string[];
  /** Adjectives a noun phrase mention takes in ("innocent civilians", "the moderate opposition"). */
  premodifiers?: string[];
  /** Words that name a dictionary actor in lower case before an actor noun ("coalition" -> its id). */
  lowerCaseActors?: Record<string, string>;
  /** A people's forces per theatre ("kurdish": {"SYR": "SDF.YPG"}). */
  peopleForces?: Record<string, Record<string, string>>;
  /** Heads that are a mention without an owner ("our partners", "the victims"): no id. */
  collectives?: { words: string[]; afterAnd?: string[] };
  unarmed?: { words: string[] };
  rivalBodies?: { words: string[] };
  /** Things an actor owns or does, after an actor word that then only modifies them ("enemy fire", "ISIL military targets"). */
  things?: { words: string[] };
  /** Singular unit nouns that refer back to a named unit after a determiner ("the squadron", "each unit"). */
  unitNouns?: { words: string[] };
  /** Peoples (ethnic and religious groups without a state of their own) that modify a people noun ("Yazidi community", "Kurdish and Yezidi fighters"). */
  peoples?: { words: string[] };
}

/** Everything the knowledge is compiled from; tests may pass a small one. */
export interface ActorData {
  countries: CountrySeed[];
  entries: ActorEntry[];
  labels: LabelsFile;
}

export type AliasKind = 'name' | 'short' | 'acronym' | 'country' | 'demonym' | 'capital';

export interface Alias {
  entry: ActorEntry;
  kind: AliasKind;
  /** For case-sensitive forms: the token texts that must appear exactly (dots removed). */
  exact?: string;
  /** The form has capitals, so the text must have at least one. */
  needsUpper: boolean;
  /** Number of key tokens. */
  length: number;
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  values?: Alias[];
}

/** Phrase tries keyed by token keys whose values are category names. */
export interface PhraseNode {
  next: Map<string, PhraseNode>;
  value?: string;
}

export interface EntityKnowledge {
  names: TrieNode;
  titles: PhraseNode;
  roleNouns: PhraseNode;
  sectorOf: Map<string, string>;
  neutral: Set<string>;
  /** Neutral heads that name no armed body: a country alone before one is the actor ("Lebanese parties" LBN). */
  unarmed: Set<string>;
  /** Words that make a state-like body's name a rival's ("Interim", "Salvation"): not the state's branch. */
  rivalBodies: Set<string>;
  modifiersOnly: Set<string>;
  backedWords: Set<string>;
  backed: Record<string, Record<string, string>>;
  speechVerbs: Set<string>;
  orgSuffixes: Set<string>;
  orgHeads: Set<string>;
  personCueAfter: Set<string>;
  notNames: Set<string>;
  lowerCaseActors: Map<string, ActorEntry>;
  premodifiers: Set<string>;
  collectives: Set<string>;
  /** Words that join a collective only after "and" ("allies and friends"). */
  collectivesAfterAnd: Set<string>;
  /** Nouns after an actor word that make it a modifier, not a mention ("enemy fire"). */
  things: Set<string>;
  /** Unit nouns as phrases ("task force"). */
  unitNouns: PhraseNode;
  peopleForces: Record<string, Record<string, string>>;
  /** Keys of peoples that modify a people noun, capitalised anywhere ("commend Yazidi fighters"). */
  peoples: Set<string>;
  defaultTheater: string | undefined;
  byId: Map<string, ActorEntry>;
  persons: ActorEntry[];
  /** Keys of demonyms (`russian`), for telling nationality from country mentions. */
  demonymKeys: Set<string>;
  stats: { entries: number; aliases: number };
}

const keysOf = (form: string): string[] => tokenize(form).map((t) => t.key);

function addAlias(root: TrieNode, form: string, alias: Omit<Alias, 'length' | 'needsUpper' | 'exact'>, caseSensitive: boolean): boolean {
  const keys = keysOf(form);
  if (keys.length === 0) return false;
  let node = root;
  for (const k of keys) {
    let n = node.next.get(k);
    if (!n) node.next.set(k, (n = { next: new Map() }));
    node = n;
  }
  const full: Alias = {
    ...alias,
    length: keys.length,
    needsUpper: /\p{Lu}/u.test(form),
    ...(caseSensitive ? { exact: tokenize(form).map((t) => t.text.replace(/\./g, '')).join(' ') } : {}),
  };
  const values = (node.values ??= []);
  const same = values.find((v) => v.entry.id === full.entry.id && v.kind === full.kind);
  if (same) {
    // "Western powers" and "western powers": one alias that may be written either way.
    if (!full.needsUpper && same.exact === undefined) same.needsUpper = false;
    return false;
  }
  values.push(full);
  return true;
}

function addPhrase(root: PhraseNode, form: string, value: string): void {
  let node = root;
  for (const k of keysOf(form)) {
    let n = node.next.get(k);
    if (!n) node.next.set(k, (n = { next: new Map() }));
    node = n;
  }
  node.value ??= value;
}

/** All-capital short forms ("UN", "HTS") only match when written in capitals. */
const looksLikeAcronym = (form: string): boolean => /^[\p{Lu}\d.&-]+$/u.test(form) && form.replace(/[^\p{L}]/gu, '').length <= 6;

export function compileEntityKnowledge(data: ActorData): EntityKnowledge {
  const names: TrieNode = { next: new Map() };
  const byId = new Map<string, ActorEntry>();
  const demonymKeys = new Set<string>();
  let aliases = 0;
  let entries = 0;
  const add = (form: string, entry: ActorEntry, kind: AliasKind, forceCase = false): void => {
    if (addAlias(names, form, { entry, kind }, forceCase || looksLikeAcronym(form))) aliases++;
  };

  for (const c of data.countries) {
    const entry: ActorEntry = { id: c.iso3, type: 'country', country: c.iso3, names: c.names, source: 'world-countries' };
    byId.set(c.iso3, entry);
    entries++;
    for (const n of c.names) add(n, entry, 'country');
    for (const n of c.acronyms ?? []) add(n, entry, 'country', true);
    for (const d of c.demonyms) {
      add(d, entry, 'demonym');
      demonymKeys.add(keysOf(d).join(' '));
    }
    const gov: ActorEntry = { id: `${c.iso3}.GOV`, type: 'country', country: c.iso3, names: c.capitals, source: 'world-countries' };
    for (const cap of c.capitals) add(cap, gov, 'capital');
  }
  for (const e of data.entries) {
    const known = byId.get(e.id);
    // Several files may describe one id (SYR.GOV from groups and institutions): merge names.
    if (!known) {
      byId.set(e.id, e);
      entries++;
    }
    for (const n of e.names) add(n, e, 'name');
    for (const n of e.short ?? []) add(n, e, 'short');
    for (const n of e.acronyms ?? []) add(n, e, 'acronym', true);
  }

  const L = data.labels;
  const titles: PhraseNode = { next: new Map() };
  for (const [cat, forms] of Object.entries(L.titles)) for (const f of forms) addPhrase(titles, f, cat);
  const roleNouns: PhraseNode = { next: new Map() };
  for (const [cat, forms] of Object.entries(L.roleNouns)) for (const f of forms) addPhrase(roleNouns, f, cat);
  const unitNouns: PhraseNode = { next: new Map() };
  for (const f of L.unitNouns?.words ?? []) addPhrase(unitNouns, f, f);
  const sectorOf = new Map<string, string>();
  for (const [sector, words] of Object.entries(L.sectors)) for (const w of words) if (!sectorOf.has(w)) sectorOf.set(w, sector);

  return {
    names, titles, roleNouns, sectorOf,
    neutral: new Set(L.neutral),
    unarmed: neutralSubset(L.unarmed?.words ?? [], L.neutral),
    rivalBodies: new Set(L.rivalBodies?.words ?? []),
    modifiersOnly: new Set(L.modifiersOnly),
    backedWords: new Set(L.backedWords),
    backed: L.backed,
    speechVerbs: new Set(L.speechVerbs),
    orgSuffixes: new Set(L.orgSuffixes),
    orgHeads: new Set(L.orgHeads),
    personCueAfter: new Set(L.personCueAfter),
    notNames: new Set(L.notNames),
    lowerCaseActors: new Map(Object.entries(L.lowerCaseActors ?? {}).flatMap(([w, id]) => (byId.has(id) ? [[w, byId.get(id)!] as const] : []))),
    peopleForces: L.peopleForces ?? {},
    peoples: new Set(L.peoples?.words ?? []),
    premodifiers: new Set(L.premodifiers ?? []),
    collectives: new Set(L.collectives?.words ?? []),
    collectivesAfterAnd: new Set(L.collectives?.afterAnd ?? []),
    things: new Set(L.things?.words ?? []),
    unitNouns,
    defaultTheater: L.defaultTheater,
    byId,
    persons: [...byId.values()].filter((e) => e.type === 'person'),
    demonymKeys,
    stats: { entries, aliases },
  };
}

/**
 * The country (ISO3) a country name or demonym written alone names by the dictionary
 * ("Syrian", "Syrians" -> SYR; "Europe-wide" -> null): one walk down the name trie.
 */
export function demonymCountry(k: EntityKnowledge, text: string): string | null {
  const keys = keysOf(text);
  if (keys.length === 0) return null;
  for (const ks of [keys, [...keys.slice(0, -1), keys[keys.length - 1]!.replace(/s$/, '')]]) {
    let node: TrieNode | undefined = k.names;
    for (const key of ks) node = node?.next.get(key);
    const a = node?.values?.find((v) => v.kind === 'demonym' || v.kind === 'country');
    if (a?.entry.country) return a.entry.country;
  }
  return null;
}

// ---------------------------------------------------------------------------
// Loading from disk: data/actors/*.json and the world-countries package (ODbL-1.0).

interface WorldCountry {
  cca3: string;
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms?: { eng?: { f: string; m: string } };
  capital: string[];
  independent?: boolean;
}

interface CountriesExtra {
  countries: Record<string, { names?: string[]; acronyms?: string[]; demonyms?: string[]; capitals?: string[] }>;
}

const LATIN = /^[\p{Script=Latin}\s.'’\-,()&]+$/u;

/** Country names and demonyms from world-countries, plus the hand-kept additions. */
export function countrySeeds(world: WorldCountry[], extra: CountriesExtra): CountrySeed[] {
  // A demonym the additions give to one country is that country's alone ("American" is the
  // United States, not the Northern Mariana Islands); otherwise the first country keeps it.
  const claimed = new Map<string, string>();
  for (const [iso, more] of Object.entries(extra.countries)) for (const d of more.demonyms ?? []) claimed.set(d, iso);
  for (const c of world) {
    const eng = c.demonyms?.eng;
    for (const d of eng ? [eng.m, eng.f] : []) if (!claimed.has(d)) claimed.set(d, c.cca3);
  }
  return world.map((c) => {
    const more = extra.countries[c.cca3] ?? {};
    // Two-letter codes ("SY") and native spellings are not English press usage.
    const alt = c.altSpellings.filter((a) => LATIN.test(a) && a.length > 3 && !a.includes(','));
    const dem = c.demonyms?.eng ? [c.demonyms.eng.m, c.demonyms.eng.f] : [];
    return {
      iso3: c.cca3,
      names: unique([c.name.common, c.name.official, ...alt, ...(more.names ?? [])]),
      acronyms: more.acronyms ?? [],
      demonyms: unique([...dem, ...(more.demonyms ?? [])]).filter((d) => d.length > 2 && claimed.get(d) === c.cca3),
      // Capitals are metonyms for a government only where the press uses them so.
      capitals: more.capitals ?? [],
    };
  });
}

const unique = (xs: string[]): string[] => [...new Set(xs.filter((x) => x && x.trim()))];

export function readActorData(): ActorData {
  const json = <T>(name: string): T => readDataJson<T>(`actors/${name}`);
  const require = createRequire(import.meta.url);
  const world = require('world-countries') as WorldCountry[];
  const entries = [
    ...json<{ entries: ActorEntry[] }>('groups.json').entries,
    ...json<{ entries: ActorEntry[] }>('institutions.json').entries,
    ...json<{ entries: ActorEntry[] }>('people.json').entries,
  ];
  return { countries: countrySeeds(world, json<CountriesExtra>('countries.extra.json')), entries, labels: json<LabelsFile>('labels.json') };
}

let cached: EntityKnowledge | undefined;

/** The compiled actor dictionary; read and compiled once per process. */
export function loadEntityKnowledge(): EntityKnowledge {
  return (cached ??= compileEntityKnowledge(readActorData()));
}

/** The `unarmed` words, each a neutral head too (they narrow what a neutral head means). */
function neutralSubset(words: string[], neutral: string[]): Set<string> {
  const stray = words.filter((w) => !neutral.includes(w));
  if (stray.length) throw new Error(`labels.json: "unarmed" words must be neutral heads too: ${stray.join(', ')}`);
  return new Set(words);
}
