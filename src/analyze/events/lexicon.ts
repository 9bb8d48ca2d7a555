// The events stage's knowledge: trigger phrases per PLOVER type and mode
// (data/events/triggers/*.json) and mode cues (data/events/modes.json), compiled once.
import type { EventType } from '../../model/index.js';
import { dataJsonFiles, parseJson, readDataJson, readDataText } from '../../data-files.js';

export interface Trigger {
  type: EventType; mode: string; phrase: string;
  /** Criticism said about someone ("… is unacceptable"): an event only inside reported speech. */
  predicate?: boolean;
  /** A consequence announced on a condition ("if ..., we will shut down ..."): a threat only inside reported speech. */
  conditional?: boolean;
}
export interface ModeCue { mode: string; phrase: string }
/**
 * A phrase list indexed by the first word of each phrase: matching looks up each word of the
 * text and tries only the phrases that start with it (longest first), each as a sticky regex,
 * so the cost grows with the text, not with the size of the lexicon.
 */
/**
 * A phrase of a set, its expression, and what the phrase has right after its first word (a
 * character, after white space or not): a test the text must pass for the expression to
 * match there, cheaper than running it.
 */
export interface Candidate<T> { item: T; re: RegExp; gate?: { space: boolean; char: number } }
export interface PhraseSet<T> {
  items: T[];
  byFirst: Map<string, Candidate<T>[]>;
  /** The keys of `byFirst` letter by letter (null when some key is not ASCII letters and digits): matching walks it along the lower-cased text, with no string made per word. */
  firstTrie: KeyTrie<FirstWord<T>> | null;
}
/** A trie over ASCII digits and lower-case letters: `next[code - 48]`. */
interface KeyTrie<V> { next: (KeyTrie<V> | undefined)[]; value?: V }
/**
 * The phrases of one first word, and their expressions as one sticky alternation in the same
 * order, each a capture group: the group that matched is the first phrase that matches there,
 * as trying them one by one would find, in one run of one expression.
 */
interface FirstWord<T> { list: Candidate<T>[]; any: RegExp }
const TRIE_SPAN = 123 - 48;
export interface EventKnowledge {
  triggers: PhraseSet<Trigger>;
  cues: PhraseSet<ModeCue>;
  /** Ids that report or suffer violence but never carry it out (data/events/roles.json). */
  reporter: (id: string) => boolean;
  civilian: (id: string) => boolean;
  /** The state a person serves (`PER.LAVROV` -> `RUS`), from the roles in data/actors/people.json. */
  stateOf: (id: string) => string | undefined;
  /**
   * From the `holders` of data/events/roles.json ("backed", "controlled", "held" …): `heldBefore`
   * tests the text before an actor ("a neighbourhood controlled by (Syria's) "), `agentBy` finds
   * the "by" of a nominal trigger's agent in the text after it, not one after a holder.
   */
  heldBefore: RegExp;
  agentBy: RegExp;
}
export interface PeopleFile { id: string; roles?: { of: string; to?: number | null }[] }
export interface RolesFile { reporters: string[]; civilians: string[]; holders?: string[] }

export interface TriggerFile { triggers: { type: EventType; mode: string; roles?: 'predicate' | 'conditional'; patterns: string[] }[] }
export interface ModeFile { modes: Record<string, string[]> }

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A lexicon phrase as a global, case-insensitive regular expression on word boundaries.
 * Spaces match any run of white space; " … " matches up to six intervening words.
 */
export function phraseSource(phrase: string): string {
  return phrase.trim().toLowerCase().split(/\s+…\s+/).map((part) => esc(part).replace(/ +/g, '\\s+')).join('\\s+(?:[^\\s.;:!?]+\\s+){0,6}?');
}

const WORD = /([\p{L}\p{N}]+)[\p{L}\p{N}'’.-]*/gu;
const firstKey = (word: string) => (/^[\p{L}\p{N}]+/u.exec(word.toLowerCase())?.[0] ?? '');

/** Longest phrase first; at one position the first phrase that matches wins. */
export function phraseSet<T extends { phrase: string }>(items: T[]): PhraseSet<T> {
  const sorted = [...items].sort((a, b) => b.phrase.length - a.phrase.length);
  const byFirst = new Map<string, Candidate<T>[]>();
  for (const item of sorted) {
    const key = firstKey(item.phrase.trim());
    if (!key) continue;
    const list = byFirst.get(key) ?? [];
    const gate = /^( +)?([a-z0-9'’-])/.exec(item.phrase.trim().toLowerCase().slice(key.length));
    list.push({ item, re: new RegExp(`${phraseSource(item.phrase)}(?![\\w-])`, 'iy'), ...(gate ? { gate: { space: !!gate[1], char: gate[2]!.charCodeAt(0) } } : {}) });
    byFirst.set(key, list);
  }
  let firstTrie: PhraseSet<T>['firstTrie'] = { next: new Array(TRIE_SPAN).fill(undefined) };
  for (const [key, list] of byFirst) {
    if (!/^[a-z0-9]+$/.test(key)) { firstTrie = null; break; }
    let node = firstTrie;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i) - 48;
      let child = node.next[c];
      if (!child) node.next[c] = child = { next: new Array(TRIE_SPAN).fill(undefined) };
      node = child;
    }
    node.value = { list, any: new RegExp(list.map((c) => `(${phraseSource(c.item.phrase)}(?![\\w-]))`).join('|'), 'iy') };
  }
  return { items: sorted, byFirst, firstTrie };
}

/** `RUS.MED` matches `*.MED`, `NGO.HRW` matches `NGO.*`, `SOHR` matches `SOHR`. */
export function idMatcher(patterns: readonly string[]): (id: string) => boolean {
  const exact = new Set(patterns.filter((p) => !p.includes('*')));
  const prefixes = patterns.filter((p) => p.endsWith('*')).map((p) => p.slice(0, -1));
  const suffixes = patterns.filter((p) => p.startsWith('*')).map((p) => p.slice(1));
  return (id) => exact.has(id) || prefixes.some((p) => id.startsWith(p)) || suffixes.some((s) => id.endsWith(s));
}

export function compileEventKnowledge(data: TriggerFile, modes: ModeFile = { modes: {} }, roles: RolesFile = { reporters: [], civilians: [] }, people: PeopleFile[] = []): EventKnowledge {
  const states = new Map<string, string>();
  // the latest role names the person's state (an open role, else the last listed)
  for (const p of people) {
    const r = p.roles?.find((x) => x.to == null) ?? p.roles?.[p.roles.length - 1];
    if (r && /^[A-Z]{3}\.(GOV|MIL|POL|JUD|LEG)$/.test(r.of)) states.set(p.id, r.of.slice(0, 3)); // a state's office, not a group's
  }
  const triggers: Trigger[] = [];
  for (const t of data.triggers) for (const p of t.patterns) triggers.push({ type: t.type, mode: t.mode, phrase: p, ...(t.roles === 'predicate' ? { predicate: true } : t.roles === 'conditional' ? { conditional: true } : {}) });
  const cues: ModeCue[] = [];
  for (const [mode, phrases] of Object.entries(modes.modes)) for (const p of phrases) cues.push({ mode, phrase: p });
  const holders = (roles.holders ?? []).map(esc).join('|') || '(?!)';
  return { triggers: phraseSet(triggers), cues: phraseSet(cues), reporter: idMatcher(roles.reporters), civilian: idMatcher(roles.civilians),
    heldBefore: new RegExp(`\\b(?:${holders})\\s+(?:by\\s+)?(?:the\\s+)?(?:\\w+['’]?s\\s+)?$|\\bsupport\\s+of\\s+(?:the\\s+)?$`, 'i'),
    agentBy: new RegExp(`^[^.;]{0,60}?(?<!\\b(?:${holders})\\s)\\bby\\s+(?:the\\s+)?`, 'i'),
    stateOf: (id) => (id.startsWith('PER.') ? states.get(id) : /^[A-Z]{3}(\.|$)/.test(id) ? id.slice(0, 3) : undefined) };
}

/** Every lexicon file in data/events/triggers/ (one per family of types) and the mode cues. */
export function loadEventKnowledge(): EventKnowledge {
  const triggers: TriggerFile['triggers'] = [];
  for (const f of dataJsonFiles('events/triggers')) triggers.push(...readDataJson<TriggerFile>(`events/triggers/${f}`).triggers);
  const read = <T>(name: string) => readDataJson<T>(`events/${name}`);
  const people = readDataJson<{ entries: PeopleFile[] }>('actors/people.json');
  return compileEventKnowledge({ triggers }, read<ModeFile>('modes.json'), read<RolesFile>('roles.json'), people.entries);
}

/** A file of closed word lists (data/events/words.json, data/events/status.json): where the words come from, and the lists. */
export interface WordListsFile {
  _source: string;
  lists: Record<string, { words: string[] }>;
}

/**
 * `raw` (the parsed text of `file`) as a word-list file: a `_source` (where the words come
 * from, and their licence) and `lists`, each with a non-empty `words` array of words or
 * phrases, none twice. Anything else is an error that names the file and what is wrong.
 */
export function checkWordLists(raw: unknown, file: string): WordListsFile {
  const fail = (what: string): never => { throw new Error(`${file}: ${what}`); };
  const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
  if (!isObject(raw)) return fail('not a JSON object');
  if (typeof raw['_source'] !== 'string' || !raw['_source'].trim()) fail('no "_source" (where the words come from, and their licence)');
  const lists = raw['lists'];
  if (!isObject(lists)) return fail('no "lists" object');
  for (const [name, list] of Object.entries(lists)) {
    const ws = isObject(list) ? list['words'] : undefined;
    if (!Array.isArray(ws) || !ws.length) fail(`list "${name}" has no "words" array of words`);
    const seen = new Set<string>();
    for (const w of ws as unknown[]) {
      if (typeof w !== 'string' || !w.trim()) fail(`list "${name}" holds ${JSON.stringify(w)}, not a word`);
      const key = (w as string).trim().toLowerCase().replace(/\s+/g, ' ');
      if (seen.has(key)) fail(`list "${name}" holds "${key}" twice`);
      seen.add(key);
    }
  }
  return raw as unknown as WordListsFile;
}

/** The text of `file` as a word-list file (see checkWordLists); text that is not JSON is an error naming the file. */
export function parseWordLists(text: string, file: string): WordListsFile {
  return checkWordLists(parseJson<unknown>(text, file), file);
}

/** A word-list file of data/events/ (`name`: "status.json"), read and checked. */
export function readWordLists(name: string): WordListsFile {
  return parseWordLists(readDataText(`events/${name}`), `data/events/${name}`);
}

/** Words as the source of one non-capturing alternation, longest first; a space matches any run of white space. */
export const alternation = (words: readonly string[]): string =>
  `(?:${[...words].sort((a, b) => b.length - a.length).map((w) => esc(w.trim().toLowerCase()).replace(/ +/g, '\\s+')).join('|')})`;

/** The lists of a word-list file by name, each as an alternation (see `alternation`); a list the file lacks is an error naming it. */
export function wordLists(lists: WordListsFile, file: string): (name: string) => string {
  return (name) => {
    const list = Object.hasOwn(lists.lists, name) ? lists.lists[name] : undefined;
    if (!list) throw new Error(`${file} has no list "${name}"`);
    return alternation(list.words);
  };
}

/** The closed word lists of the stage's rules (data/events/words.json). */
export interface WordsFile extends WordListsFile {
  qualifiers: Record<'atLeast' | 'upTo' | 'about', string[]>;
  numbers: Record<string, number>;
  vague: Record<string, number>;
  victimKinds: Record<string, string[]>;
}
export const WORDS = readWordLists('words.json') as WordsFile;

/** One list of data/events/words.json as an alternation (see `alternation`). */
export const words = wordLists(WORDS, 'data/events/words.json');

/** The cue words of an event's status (data/events/status.json). */
export const statusWords = wordLists(readWordLists('status.json'), 'data/events/status.json');

export interface PhraseMatch<T> { item: T; start: number; end: number }

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** `[\p{L}\p{N}]` for one UTF-16 unit that is not a surrogate. */
const letterOrDigit = (c: number): boolean =>
  c < 128 ? ((c | 32) >= 97 && (c | 32) <= 122) || (c >= 48 && c <= 57) : LETTER_OR_DIGIT.test(String.fromCharCode(c));
/** The rest of a WORD: `[\p{L}\p{N}'’.-]`. */
const wordPart = (c: number): boolean => c === 39 || c === 0x2019 || c === 46 || c === 45 || letterOrDigit(c);
/** `/\s/`: JavaScript's white space and line terminators. */
const whiteSpace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
/** `/[\w-]/` (ASCII word characters and the hyphen). */
const asciiWordOrHyphen = (c: number): boolean => c === 45 || c === 95 || (c < 128 && letterOrDigit(c));

/** Non-overlapping matches of a phrase set in `text`, leftmost first, in text order. */
export function matchPhrases<T>(text: string, set: PhraseSet<T>): PhraseMatch<T>[] {
  const lower = text.toLowerCase();
  // (the scan below reads the words as WORD does, one UTF-16 unit at a time: not across surrogate
  // pairs, nor where lower-casing changes the text's length)
  if (set.firstTrie && lower.length === text.length && !/[\uD800-\uDFFF]/.test(text)) return scanPhrases(text, lower, set, set.firstTrie);
  const found: PhraseMatch<T>[] = [];
  const words = new RegExp(WORD.source, WORD.flags);
  let from = 0;
  for (let w = words.exec(text); w; w = words.exec(text)) {
    if (w.index < from) continue;
    if (w.index > 0 && /[\w-]/.test(text[w.index - 1]!)) continue; // inside a word ("non-attack")
    const candidates = set.byFirst.get(w[1]!.toLowerCase());
    if (!candidates) continue;
    for (const c of candidates) {
      c.re.lastIndex = w.index;
      const m = c.re.exec(text);
      if (!m) continue;
      found.push({ item: c.item, start: w.index, end: w.index + m[0].length });
      from = w.index + m[0].length;
      words.lastIndex = from;
      break;
    }
  }
  return found;
}

/** matchPhrases over words read as WORD reads them, their first words looked up in the trie along `lower`. */
function scanPhrases<T>(text: string, lower: string, set: PhraseSet<T>, trie: KeyTrie<FirstWord<T>>): PhraseMatch<T>[] {
  const found: PhraseMatch<T>[] = [];
  const n = text.length;
  let p = 0;
  while (p < n) {
    while (p < n && !letterOrDigit(text.charCodeAt(p))) p++;
    if (p >= n) break;
    const start = p;
    let node: KeyTrie<FirstWord<T>> | undefined = trie;
    for (; p < n && letterOrDigit(text.charCodeAt(p)); p++) if (node) { const c = lower.charCodeAt(p) - 48; node = c >= 0 && c < TRIE_SPAN ? node.next[c] : undefined; }
    const keyEnd = p;
    while (p < n && wordPart(text.charCodeAt(p))) p++;
    if (start > 0 && asciiWordOrHyphen(text.charCodeAt(start - 1))) continue; // inside a word ("non-attack")
    const first = node?.value;
    if (!first) continue;
    // (the first character after white space, for the gates: the phrases' spaces are \s+)
    let next = keyEnd;
    while (next < n && whiteSpace(text.charCodeAt(next))) next++;
    // no phrase whose gate the text passes: none can match here
    let open = false;
    for (const c of first.list) {
      if (!c.gate || (c.gate.space ? next !== keyEnd && lower.charCodeAt(next) === c.gate.char : lower.charCodeAt(keyEnd) === c.gate.char)) { open = true; break; }
    }
    if (!open) continue;
    first.any.lastIndex = start;
    const m = first.any.exec(text);
    if (!m) continue;
    let g = 1;
    while (m[g] === undefined) g++;
    found.push({ item: first.list[g - 1]!.item, start, end: start + m[0].length });
    p = start + m[0].length;
  }
  return found;
}
