// The entity stage: who is named or described in the text, with canonical actor ids.
// Three passes over the word tokens: (1) dictionary names from the compiled trie,
// (2) a left-to-right phrase reader that turns "Turkish-backed rebel positions",
// "Russian President Vladimir Putin", "the Russian diplomat" or an unknown "Maj. X" into
// mentions, (3) in-document coreference for surnames, role descriptions and pronouns.
import type { EntityMention, EntityType } from '../../model/index.js';
import type { Doc, Stage } from '../types.js';
import type { ActorEntry, Alias, EntityKnowledge, PhraseNode, Role, TrieNode } from './knowledge.js';
import { tokenize, words, type Token } from './tokens.js';

interface Unit {
  i: number;
  /** Exclusive token index. */
  j: number;
  alias: Alias;
}

/** A mention while the document is read, with what coreference needs to know. */
interface Draft extends EntityMention {
  sentence: number;
  /** A description to resolve to a person ("the Russian diplomat"). */
  role?: { country: string | undefined; category: string; counterpart: boolean; indefinite?: boolean };
  /** he/she/him (third), I/me (first: the speaker), we/us (the speaker's institution). */
  pronoun?: 'third' | 'first' | 'we';
  /** A generic "the militants" that may refer to a group named just before. */
  definiteGeneric?: boolean;
}

// Closed word lists (what each is for: data/entities/words.json, reviewed data), compiled once.
const set = (list: { words: string[] }): Set<string> => new Set(list.words);
const DETERMINERS = set(words.determiners);
const ARTICLES = set(words.articles);
const PLACE_NOUNS = set(words.placeNouns);
const REBEL_PERSONS = set(words.rebelPersons);
/** Singular nouns for one person ("service member", "soldier"), the rebel words among them. */
const PERSON_NOUNS = new Set([...words.personNouns.words, ...REBEL_PERSONS]);
const CLAUSE_WORDS = set(words.clauseWords);
const HELD = set(words.held);
const KUNYA = set(words.kunya);
const MINISTERS = set(words.ministers);
const AUXILIARIES = set(words.auxiliaries);
const NP_DETERMINERS = set(words.npDeterminers);
const RESOLUTION = /^\s+Resolutions?\s+\d/;
const MEETINGS = set(words.meetings);
const TEMPORAL = set(words.temporal);
const CAPITAL_AS_NAME = set(words.capitalAsName);
const BODIES = set(words.bodies);
const ACTIVITIES = set(words.activities);
const GROUP_HEADS = set(words.groupHeads);
const UNIT_FOLLOWERS = set(words.unitFollowers);
const PLACE_COLLECTIVES = set(words.placeCollectives);
const IN_PLACE = set(words.inPlace);
const NAMED_UNDERTAKINGS = set(words.namedUndertakings);
const COMPOUND_OPENERS = set(words.compoundOpeners);
const NOT_NOUNS = set(words.notNouns);
const ADJECTIVE_OR_VERB = new RegExp(`(${words.adjectiveOrVerbEndings.words.join('|')})$`);
const CARDINAL = new RegExp(`^(\\d[\\d,]*|${words.cardinals.words.join('|')})$`, 'i');
const DEMONSTRATIVES = set(words.demonstratives);
const POSSESSIVE_DETS = set(words.possessiveDets);
const TITLE_SECTOR: Record<string, string> = words.titleSector.map;
const OFFICE_TITLES = set(words.officeTitles);
const LOCATIVE = set(words.locative);
const NAME_PARTICLES = set(words.nameParticles);
const GENERATIONAL = set(words.generational);
const RUN_CONNECTORS = set(words.runConnectors);
const NUMBERED_UNITS = set(words.numberedUnits);
const UNIT_NUMBERS = set(words.unitNumbers);
const PRONOUNS = new Map(Object.entries(words.pronouns.map) as [string, 'third' | 'first' | 'we' | 'they'][]);
const ACRONYM_STOP = set(words.acronymStop);
const KIND_RANK: Record<Alias['kind'], number> = { name: 6, acronym: 5, short: 4, country: 3, capital: 2, demonym: 1 };

/** Per dictionary: the keys that end a name (`assad`, `syria`), and every key of every name. */
const nameKeys = new WeakMap<TrieNode, { last: Set<string>; all: Set<string> }>();
function keysOfNames(root: TrieNode): { last: Set<string>; all: Set<string> } {
  let got = nameKeys.get(root);
  if (got) return got;
  got = { last: new Set(), all: new Set() };
  const walk = (n: TrieNode): void => {
    for (const [key, child] of n.next) {
      got!.all.add(key);
      if (child.values?.some((a) => a.kind !== 'demonym')) got!.last.add(key);
      walk(child);
    }
  };
  walk(root);
  nameKeys.set(root, got);
  return got;
}

/**
 * A possessive whose apostrophe a scrape lost ("Assads forces", "Syrias President"): a
 * capitalised word that no name has, whose stem without the final s ends a name, before another
 * word of its sentence, is that name and a possessive "s" (not after "the": "the Americas").
 */
export function splitLostPossessives(toks: Token[], root: TrieNode): Token[] {
  const { last, all } = keysOfNames(root);
  const out: Token[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!, next = toks[i + 1];
    if (t.upper && !t.caps && !t.possessive && t.key.length > 4 && t.key.endsWith('s') && !all.has(t.key) && last.has(t.key.slice(0, -1)) &&
      next && next.sentence === t.sentence && !next.possessive && /^\s+$/.test(next.gap) && toks[i - 1]?.key !== 'the') {
      out.push({ ...t, end: t.end - 1, text: t.text.slice(0, -1), key: t.key.slice(0, -1) });
      out.push({ ...t, start: t.end - 1, text: 's', key: 's', upper: false, possessive: true, first: false, joined: true, hyphenBefore: false, gap: '' });
      continue;
    }
    out.push(t);
  }
  return out;
}

export const findEntities: Stage<EntityKnowledge, EntityMention> = (doc: Doc, k: EntityKnowledge) => {
  const toks = splitLostPossessives(tokenize(doc.text, doc.sentences), k.names);
  const units = dictionaryUnits(toks, k);
  const theater = pickTheater(toks, units);
  const year = doc.published ? Number(doc.published.slice(0, 4)) : null;
  const reader = new Reader(doc.text, toks, units, k, theater);
  const drafts = reader.read();
  resolveCoreference(drafts, doc.text, k, year);
  bareHeads(drafts);
  return drafts
    .filter((d) => !(d.pronoun === 'third' && d.type !== 'person'))
    // "Security Council Resolution 2254": a document named after its author, not the author acting.
    .filter((d) => !(d.type === 'organization' && RESOLUTION.test(doc.text.slice(d.end, d.end + 24))))
    .map(({ start, end, text, type, id, labels }) => ({
      start, end, text, type,
      ...(id !== undefined ? { id } : {}),
      ...(labels && labels.length > 0 ? { labels } : {}),
    }));
};

/** Whether a mention is a bare nationality adjective ("Syrian"), as opposed to a country name. */
export function isNationality(k: EntityKnowledge, m: EntityMention): boolean {
  return m.type === 'country' && k.demonymKeys.has(tokenize(m.text).map((t) => t.key).join(' '));
}

// ---------------------------------------------------------------------------
// Pass 1: the longest dictionary name starting at each token.

function dictionaryUnits(toks: Token[], k: EntityKnowledge): (Unit | undefined)[] {
  const units: (Unit | undefined)[] = new Array(toks.length);
  for (let i = 0; i < toks.length; i++) {
    if (toks[i]!.possessive) continue;
    let node: TrieNode | undefined = k.names.next.get(toks[i]!.key);
    let best: Unit | undefined;
    for (let j = i + 1; node; j++) {
      for (const a of node.values ?? []) {
        if (!aliasFits(a, toks, i, j)) continue;
        if (!best || j > best.j || (j === best.j && KIND_RANK[a.kind] > KIND_RANK[best.alias.kind])) best = { i, j, alias: a };
      }
      if (j >= toks.length || !toks[j]!.joined) break;
      node = node.next.get(toks[j]!.key);
    }
    units[i] = best;
  }
  return units;
}

function aliasFits(a: Alias, toks: Token[], i: number, j: number): boolean {
  if (a.exact !== undefined) return toks.slice(i, j).map((t) => t.text.replace(/\./g, '')).join(' ') === a.exact;
  if (!a.needsUpper) return true;
  let upper = false;
  for (let x = i; x < j && !upper; x++) upper = toks[x]!.upper;
  if (!upper) return false;
  // A name written in lower case mid-sentence is a common word ("wagner", "turkey").
  return !((a.kind === 'short' || a.kind === 'country' || a.kind === 'capital' || a.kind === 'demonym') && !toks[i]!.upper);
}

/**
 * The country the fighting is in, for labels that do not say whose they are ("rebels",
 * "the regime"): armed groups count most, then the country named as a place ("in Syria",
 * "Syria's northwest"), then any mention.
 */
function pickTheater(toks: Token[], units: (Unit | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  const add = (c: string, w: number) => counts.set(c, (counts.get(c) ?? 0) + w);
  for (const u of units) {
    if (!u) continue;
    const e = u.alias.entry;
    const c = e.country;
    if (!c || e.type === 'person') continue;
    if (e.type === 'group') add(c, 3);
    else if (u.alias.kind === 'country') {
      const before = toks[u.i - 1]?.key ?? '';
      const poss = toks[u.j]?.possessive === true;
      add(c, LOCATIVE.has(before) || before === 'of' || before === 'across' || poss ? 3 : 1);
    } else if (u.alias.kind !== 'demonym') add(c, u.alias.kind === 'capital' && LOCATIVE.has(toks[u.i - 1]?.key ?? '') ? 3 : 1);
    // "the Syrian city of Aleppo", "Syrian border town": a place in that country.
    else if (PLACE_NOUNS.has(toks[u.j]?.key ?? '') || PLACE_NOUNS.has(toks[u.j + 1]?.key ?? '')) add(c, 3);
  }
  let best: string | undefined;
  let n = 1;
  for (const [c, v] of counts) if (v > n) (best = c), (n = v);
  return best;
}

// ---------------------------------------------------------------------------
// Pass 2: phrases.

type Item =
  | { kind: 'country'; i: number; j: number; iso: string; alias: Alias }
  | { kind: 'entity'; i: number; j: number; entry: ActorEntry }
  | { kind: 'backer'; i: number; j: number; iso: string; led?: boolean }
  | { kind: 'label'; i: number; j: number; key: string }
  | { kind: 'and'; i: number; j: number };

class Reader {
  private readonly out: Draft[] = [];
  /** Surname key -> the person it names in this document. */
  private readonly surnames = new Map<string, { id?: string }>();

  constructor(
    private readonly text: string,
    private readonly toks: Token[],
    private readonly units: (Unit | undefined)[],
    private readonly k: EntityKnowledge,
    private readonly theater: string | undefined,
  ) {}

  read(): Draft[] {
    let i = 0;
    while (i < this.toks.length) {
      const next = this.meeting(i) ?? this.unitNoun(i) ?? this.phrase(i) ?? this.pronoun(i) ?? this.capitalisedRun(i);
      i = next !== null && next > i ? next : i + 1;
    }
    this.out.sort((a, b) => a.start - b.start || b.end - a.end);
    return this.joinAdjacentNames();
  }

  /**
   * "U.S. Air Forces Central Command": two capitalised organisation names with one space
   * between them are one longer name (the second, more specific one's id).
   */
  private joinAdjacentNames(): Draft[] {
    const out: Draft[] = [];
    for (const d of this.out) {
      const a = out[out.length - 1];
      if (a && d.type === 'organization' && (a.type === 'organization' || a.type === 'group') && !a.pronoun && !d.pronoun && !d.labels?.length
        && this.text.slice(a.end, d.start) === ' ' && /\p{Lu}\p{Ll}*$/u.test(a.text) && /^\p{Lu}/u.test(d.text) && a.sentence === d.sentence) {
        a.end = d.end;
        a.text = this.text.slice(a.start, a.end);
        a.type = 'organization';
        if (d.id) a.id = d.id;
        continue;
      }
      out.push(d);
    }
    return out;
  }

  // -- helpers --------------------------------------------------------------

  private emit(i: number, j: number, type: EntityType, id: string | undefined, labels: string[] = [], extra: Partial<Draft> = {}): Draft {
    const start = this.toks[i]!.start;
    const end = this.toks[j - 1]!.end;
    const d: Draft = { start, end, text: this.text.slice(start, end), type, sentence: this.toks[i]!.sentence, ...(id ? { id } : {}), labels, ...extra };
    this.out.push(d);
    return d;
  }

  private slice(i: number, j: number): string {
    return this.text.slice(this.toks[i]!.start, this.toks[j - 1]!.end);
  }

  /** Tokens i..j are one phrase: same sentence, separated by spaces or hyphens only. */
  private joined(j: number): boolean {
    return j < this.toks.length && this.toks[j]!.joined;
  }

  private phraseAt(root: PhraseNode, i: number): { j: number; value: string } | null {
    let node = root.next.get(this.toks[i]?.key ?? '');
    let best: { j: number; value: string } | null = null;
    for (let j = i + 1; node; j++) {
      if (node.value) best = { j, value: node.value };
      if (!this.joined(j)) break;
      node = node.next.get(this.toks[j]!.key);
    }
    return best;
  }

  /** A title, with a capitalised office after it: "Minister for the Middle East", "Prime Minister". */
  private titleAt(p: number): { j: number; value: string } | null {
    // "HE Dr X": His/Her Excellency, written in capitals.
    const t = this.phraseAt(this.k.titles, p) ?? this.portfolioAt(p) ?? (this.toks[p]?.text === 'HE' && this.joined(p + 1) && this.toks[p + 1]!.upper ? { j: p + 1, value: 'honorific' } : null);
    if (!t) return null;
    // "a major Aleppo offensive", "a private Damascus clinic": ranks that are also adjectives,
    // in lower case, are adjectives (the rank before a name is capitalised: "Major Hamoud")
    if (!this.toks[p]!.upper && (this.toks[p]!.key === 'major' || this.toks[p]!.key === 'private')) return null;
    let j = t.j;
    // Chains: "Brig. Gen.", "Deputy Foreign Minister".
    for (let more = this.phraseAt(this.k.titles, j); more && this.joined(j); more = this.phraseAt(this.k.titles, j)) j = more.j;
    // "President-elect", "Prime Minister-designate": the office before it is taken up.
    if (this.joined(j) && this.toks[j]!.hyphenBefore && (this.toks[j]!.key === 'elect' || this.toks[j]!.key === 'designate')) j++;
    const first = this.toks[p]!;
    if (first.upper) j = this.officeOf(j, false)?.j ?? j;
    return { j, value: t.value };
  }

  /**
   * "of U.S. Central Command", "for the Middle East" after a title at j: where the office's
   * name ends and the organisation named in it. `connectors` lets "of", "and"… join the name.
   */
  private officeOf(j: number, connectors: boolean): { j: number; org?: string } | null {
    if (!this.joined(j) || (this.toks[j]!.key !== 'for' && this.toks[j]!.key !== 'of')) return null;
    let x = j + 1;
    if (this.toks[x]?.key === 'the' && this.joined(x)) x++;
    let y = x;
    let org: string | undefined;
    while (y < this.toks.length && this.joined(y) && (this.toks[y]!.upper || (connectors && RUN_CONNECTORS.has(this.toks[y]!.key) && this.toks[y + 1]?.upper))) {
      const u = this.units[y];
      if (u?.alias.entry.type === 'person') break;
      if (u && connectors) {
        org ??= u.alias.entry.id;
        y = Math.max(u.j, y + 1);
      } else y++;
    }
    return y > x ? { j: y, ...(org ? { org } : {}) } : null;
  }

  /** "Trade Minister", "Planning and Investment Minister": capitalised portfolio words before a minister's title. */
  private portfolioAt(p: number): { j: number; value: string } | null {
    for (let q = p; q < p + 4 && q < this.toks.length; q++) {
      const w = this.toks[q]!;
      if (q > p && !this.joined(q)) return null;
      if (q > p && MINISTERS.has(this.phraseAt(this.k.titles, q)?.value ?? '')) return this.phraseAt(this.k.titles, q);
      if (this.units[q] || this.k.notNames.has(w.text) || !(w.upper || (q > p && w.key === 'and'))) return null;
    }
    return null;
  }

  /** "of Armenia" / "of the United States" at j: the country and the token after it. */
  private ofCountry(j: number, leaders = false): { iso: string; j: number } | null {
    if (this.toks[j]?.key !== 'of' || !this.joined(j + 1)) return null;
    const u = this.units[j + 1];
    // "the regime of Assad": a leader's country.
    const led = leaders && u ? this.countryLed(u.alias.entry) : undefined;
    if (led) return { iso: led, j: u!.j };
    if (!u || (u.alias.kind !== 'country' && u.alias.kind !== 'capital')) return null;
    return { iso: u.alias.entry.country!, j: u.j };
  }

  /** The country a person leads or serves (their latest role's), if they hold one. */
  private countryLed(e: ActorEntry): string | undefined {
    if (e.type !== 'person') return undefined;
    const of = e.roles?.[e.roles.length - 1]?.of;
    return of && /^[A-Z]{3}\.(GOV|MIL)$/.test(of) ? of.slice(0, 3) : undefined;
  }

  /** A dictionary organisation whose name ends in a title ("UN envoy"), then a name: that person, with the organisation as office. */
  private titledEntity(u: Unit, items: Item[]): number | null {
    if (u.alias.entry.type === 'person') return null;
    let q = u.i + 1;
    while (q < u.j && this.phraseAt(this.k.titles, q)?.j !== u.j) q++;
    const name = q < u.j ? this.nameAt(u.j) : null;
    if (!name) return null;
    const from = items.length > 0 ? items[0]!.i : u.i;
    return this.personName(name, [this.slice(from, u.j)], u.alias.entry.id);
  }

  private isLabel(key: string): boolean {
    return this.k.sectorOf.has(key) || this.k.neutral.has(key) || this.k.modifiersOnly.has(key);
  }

  /** A person's name starting at p: a dictionary person or a run of capitalised words. */
  private nameAt(p: number, afterComma = false): { i: number; j: number; entry?: ActorEntry } | null {
    const t = this.toks[p];
    if (!t || !(t.joined || (afterComma && this.comma(p)))) return null;
    const u = this.units[p];
    if (u) return u.alias.entry.type === 'person' ? { i: p, j: u.j, entry: u.alias.entry } : null;
    let j = p;
    while (j < this.toks.length && j - p < 5) {
      const w = this.toks[j]!;
      // A quoted nickname: John “J.D.” Dorrian.
      if (j > p && !w.joined && /^\s+[“"]$/.test(w.gap) && w.upper && /^[”"]\s+$/.test(this.toks[j + 1]?.gap ?? '') && this.toks[j + 1]!.upper && this.toks[j + 1]!.sentence === w.sentence) {
        j += 2;
        continue;
      }
      if (j > p && !w.joined) break;
      if (w.possessive) break;
      if (this.units[j]) {
        // "de Mistura": particles before a known surname.
        const u = this.units[j]!;
        if (j > p && u.alias.entry.type === 'person' && this.toks.slice(p, j).every((x) => NAME_PARTICLES.has(x.key))) return { i: p, j: u.j, entry: u.alias.entry };
        break;
      }
      const initial = /^\p{Lu}$/u.test(w.text);
      const particle = NAME_PARTICLES.has(w.key) && j + 1 < this.toks.length && this.toks[j + 1]!.upper && this.toks[j + 1]!.joined;
      if (!(w.upper || particle)) break;
      if (!initial && !particle && (this.k.notNames.has(w.text) || this.k.orgSuffixes.has(w.key) || this.isLabel(w.key))) break;
      // A title word starts a new title ("… Minister Ellwood") unless it ends the name ("Tom King").
      const inner = j > p ? this.phraseAt(this.k.titles, j) : null;
      if (inner && inner.j < this.toks.length && this.toks[inner.j]!.joined && this.toks[inner.j]!.upper) break;
      if (j === p && this.phraseAt(this.k.titles, j)) break;
      j++;
    }
    if (j === p || !this.toks[j - 1]!.upper || /^\p{Lu}$/u.test(this.toks[j - 1]!.text)) return null;
    return { i: p, j };
  }

  /**
   * A person. `roleId` is the office a title gives a person the dictionary does not know
   * ("Iraqi President X" -> `IRQ.GOV`): the actor the events need, without a person id.
   */
  private personName(name: { i: number; j: number; entry?: ActorEntry }, labels: string[], roleId?: string): number {
    // "Charles Keating IV" is "Keating"; "de Mistura" is the surname "Mistura" seen before.
    let l = name.j - 1;
    if (l > name.i && GENERATIONAL.has(this.toks[l]!.key)) l--;
    const last = this.toks[l]!.key;
    let core = 0;
    for (let x = name.i; x < name.j; x++) if (!NAME_PARTICLES.has(this.toks[x]!.key)) core++;
    let id = name.entry?.id;
    if (!id && core === 1) id = this.surnames.get(last)?.id;
    id ??= roleId;
    if (core >= 2 || name.entry) this.surnames.set(last, id ? { id } : {});
    // "Abu Jandal al-Kuwaiti" is later "Abu Jandal": the kunya is a short form too.
    if (core >= 2 && name.j - name.i >= 3 && KUNYA.has(this.toks[name.i]!.key)) this.surnames.set(`${this.toks[name.i]!.key} ${this.toks[name.i + 1]!.key}`, id ? { id } : {});
    this.emit(name.i, name.j, 'person', id, labels);
    return this.roleAfterName(name.j, id);
  }

  /** "the Iraqi Foreign Minister, Ibrahim al-Jaafari, said": the name in apposition after an office. */
  private nameAfterRole(end: number, iso: string | undefined, category: string): number {
    if (!this.comma(end)) return end;
    const name = this.nameAt(end, true);
    if (!name || !this.closes(name.j)) return end;
    const sector = TITLE_SECTOR[category];
    return this.personName(name, [], iso && sector ? `${iso}.${sector}` : undefined);
  }

  /** Only a comma between token p and the one before, in one sentence. */
  private comma(p: number): boolean {
    const t = this.toks[p];
    return !!t && p > 0 && t.sentence === this.toks[p - 1]!.sentence && /^\s*,\s*$/.test(t.gap);
  }

  /** Where a description may end: before a comma, a full stop, a speech verb or the sentence end. */
  private closes(j: number): boolean {
    const t = this.toks[j];
    return !t || t.sentence !== this.toks[j - 1]!.sentence || /^\s*[,.;:)]/.test(t.gap) || (this.joined(j) && (this.k.personCueAfter.has(t.key) || AUXILIARIES.has(t.key)));
  }

  /**
   * "John Smith, the CJTF-OIR spokesperson," / "X, commander of U.S. Central Command, said":
   * a description in apposition after a name is a mention of that person (id: the person's,
   * else the organisation the description names).
   */
  private roleAfterName(j: number, id: string | undefined): number {
    if (!this.comma(j)) return j;
    let q = j;
    if (ARTICLES.has(this.toks[q]!.key)) q++;
    const start = q;
    let org: string | undefined;
    for (let r = q; r < Math.min(q + 7, this.toks.length) && (r === start ? r === j || this.joined(r) : this.joined(r)); ) {
      const w = this.toks[r]!;
      const title = this.phraseAt(this.k.titles, r);
      if (title && TITLE_SECTOR[title.value] !== undefined) {
        let end = title.j;
        // "commander of U.S. Central Command", "Minister for the Middle East"
        const office = this.officeOf(end, true);
        if (office) {
          end = office.j;
          org ??= office.org;
        }
        // A bare "commander," between a name and its unit ("X, commander, U.S. Central Command") is no mention.
        if (!this.closes(end) || (end - start === 1 && !this.toks[start]!.upper)) return j;
        this.emit(start, end, 'person', id ?? org, [this.slice(start, end)]);
        return end;
      }
      const u = this.units[r];
      if (u && u.alias.entry.type !== 'person') {
        org ??= u.alias.entry.id;
        r = u.j;
        continue;
      }
      // Names, ordinals and a few lower-case words ("an artillery crew chief") may come first.
      if (!(w.upper || /^\d+(st|nd|rd|th)$/.test(w.text) || (/^\p{Ll}+$/u.test(w.text) && !this.k.personCueAfter.has(w.key) && !DETERMINERS.has(w.key) && w.key !== 'and' && w.key !== 'of'))) return j;
      r++;
    }
    return j;
  }

  // -- readers: each returns the token index after what it consumed, or null --

  private pronoun(i: number): number | null {
    const t = this.toks[i]!;
    const kind = PRONOUNS.get(t.key);
    // "US" is the country; "I" must be the word, not a numeral in "World War I".
    if (!kind || t.text === 'US' || (t.key === 'i' && t.text !== 'I') || (t.text === 'I' && /War\s*$/.test(t.gap))) return null;
    // "they": a plural subject, kept without an id (too often people, not an actor, to guess one).
    if (kind === 'they') this.emit(i, i + 1, 'other', undefined);
    else this.emit(i, i + 1, kind === 'we' ? 'organization' : 'person', undefined, [], { pronoun: kind });
    return i + 1;
  }

  /**
   * "the Manama Dialogue", "the UK-France Summit", "the G-20 Interfaith Conference": a named
   * meeting is one mention without an id (type other); the capital or the countries in its
   * name are not actors there.
   */
  private meeting(i: number): number | null {
    const toks = this.toks;
    let p = i;
    if (ARTICLES.has(toks[p]!.key) && this.joined(p + 1)) p++;
    const t = toks[p]!;
    if (!t.upper || t.possessive || (p > 0 && p === i && this.joined(p) && toks[p - 1]!.upper)) return null;
    let j = p + 1;
    while (j < toks.length && this.joined(j) && !toks[j]!.possessive && (toks[j]!.upper || (toks[j]!.hyphenBefore && /^\d+$/.test(toks[j]!.text)))) j++;
    // "a G8 summit", "the NATO summit": a meeting named after its members.
    const u = this.units[p];
    if (u && j === u.j && u.alias.entry.type === 'organization' && this.joined(u.j) && !toks[u.j]!.upper && MEETINGS.has(toks[u.j]!.key)) j = u.j + 1;
    else if (j - p < 2 || !MEETINGS.has(toks[j - 1]!.key) || u?.alias.entry.type === 'person') return null;
    this.emit(p, j, 'other', undefined);
    return j;
  }

  /**
   * "The squadron will accompany", "the command intends", "each unit": a singular unit noun
   * after a determiner refers to a unit named before; one mention without an id. Not a
   * compound ("the unit commander"), nor "the division of …", nor a name ("the Wing Commander").
   */
  private unitNoun(i: number): number | null {
    const d = this.toks[i]!;
    if (!(DEMONSTRATIVES.has(d.key) || d.key === 'each' || POSSESSIVE_DETS.has(d.key)) || !this.joined(i + 1)) return null;
    const u = this.phraseAt(this.k.unitNouns, i + 1);
    if (!u || this.toks.slice(i + 1, u.j).some((t) => t.upper && !t.first)) return null;
    const next = this.toks[u.j];
    if (next && this.joined(u.j) && (next.upper || next.key === 'of' || next.hyphenBefore || this.isLabel(next.key) || this.k.things.has(next.key) || this.k.orgSuffixes.has(next.key) || this.phraseAt(this.k.titles, u.j))) return null;
    // What follows is a verb or starts a clause ("will", "intends", "trained", "while"), not a noun it modifies ("the wing structure").
    if (next && this.joined(u.j) && !(CLAUSE_WORDS.has(next.key) || AUXILIARIES.has(next.key) || UNIT_FOLLOWERS.has(next.key) || /[a-z](s|ed)$/.test(next.key))) return null;
    this.emit(d.key === 'each' ? i + 1 : i, u.j, 'organization', undefined, [this.slice(i + 1, u.j)]);
    return u.j;
  }

  private phrase(i0: number): number | null {
    const toks = this.toks;
    let det: string | undefined;
    let p = i0;
    // A name that starts with its article ("the West") is read as the name.
    const named = this.units[p];
    if (DETERMINERS.has(toks[p]!.key) && this.joined(p + 1) && !(named && named.alias.entry.type !== 'country' && named.alias.entry.type !== 'person' && named.j >= (this.units[p + 1]?.j ?? 0))) {
      det = toks[p]!.key;
      p++;
    }
    const start = p;
    const items: Item[] = [];
    while (p < toks.length) {
      if (p > start && !toks[p]!.joined && !(toks[p]!.possessive)) break;
      if (toks[p]!.possessive) {
        if (items.length === 0) break;
        p++;
        // "Turkey’s democratically elected government", "the UK’s brave Armed Forces": the owner's adjectives.
        const q = this.adjectivesFrom(p);
        if (q > p && this.isLabel(toks[q]!.key)) p = q;
        continue;
      }
      // "Russian President Vladimir Putin", "Maj. Youssef Hamoud"
      const title = this.titleAt(p);
      if (title) {
        const name = this.nameAt(title.j);
        if (name) {
          // "in Turkey Minister X": the country belongs to the place before, not to the title.
          while (items.length > 0 && items[0]!.kind === 'country' && items[0]!.alias.kind !== 'demonym' && LOCATIVE.has(toks[items[0]!.i - 1]?.key ?? '')) {
            const c = items.shift()!;
            this.bareNames([c]);
          }
          const from = items.length > 0 ? items[0]!.i : p;
          const owner = [...items].reverse().find((x) => x.kind === 'country' || x.kind === 'entity');
          const iso = owner?.kind === 'country' ? owner.iso : owner?.kind === 'entity' ? owner.entry.country : undefined;
          const sector = TITLE_SECTOR[title.value];
          // "King Hassan of Morocco": the country may follow the name.
          const isoAfter = iso ?? (name.entry ? undefined : this.ofCountry(name.j)?.iso);
          const roleId = owner?.kind === 'entity' && !owner.entry.id.startsWith(`${iso}.`) && owner.entry.type !== 'country' ? owner.entry.id : isoAfter && sector ? `${isoAfter}.${sector}` : undefined;
          return this.personName(name, [this.text.slice(this.toks[from]!.start, this.toks[name.i]!.start).trim()], roleId);
        }
      }
      // "a Foreign Office spokesman said": an office of a named organisation, without its holder.
      const owner = items[items.length - 1];
      if (title && owner?.kind === 'entity' && owner.entry.type !== 'person' && OFFICE_TITLES.has(title.value) && this.closes(title.j)) {
        const from = items[0]!.i;
        this.emit(from, title.j, 'person', owner.entry.id, [this.slice(from, title.j)]);
        return title.j;
      }
      // "the Foreign Secretary", "The Prime Minister": an office named without its holder.
      // "the Iraqi Trade Minister, Omar Haddad": the same with the country before the title.
      const before = items.length > 0 && items.every((x) => x.kind === 'country' && x.alias.kind !== 'capital') ? (items[items.length - 1] as Extract<Item, { kind: 'country' }>) : undefined;
      // "a new Prime Minister-designate": a dating word may come first.
      const dated = items.length > 0 && items.every((x) => x.kind === 'label' && TEMPORAL.has(x.key));
      if (title && (items.length === 0 || dated || (before && title.value === 'minister')) && OFFICE_TITLES.has(title.value) && (det === 'the' || toks[p]!.upper) && (toks[p]!.upper || toks[title.j - 1]!.key !== 'general')) {
        if (!this.joined(title.j) || !this.units[title.j] || this.units[title.j]!.alias.entry.type !== 'person') {
          // "the president of Armenia": the country after "of".
          const of = this.ofCountry(title.j);
          const end = of?.j ?? title.j;
          const iso = before?.iso ?? of?.iso;
          const from = items.length > 0 ? items[0]!.i : p;
          this.emit(from, end, 'person', undefined, [this.slice(from, end)], { role: { country: iso, category: title.value, counterpart: false } });
          return this.nameAfterRole(end, iso, title.value);
        }
      }
      // "the Russian diplomat", "his Turkish counterpart"
      const role = this.phraseAt(this.k.roleNouns, p);
      if (role) {
        const country = [...items].reverse().find((x) => x.kind === 'country' || x.kind === 'entity');
        const iso = country?.kind === 'country' ? country.iso : country?.kind === 'entity' ? country.entry.country : undefined;
        const counterpart = role.value === 'counterpart';
        if ((iso && items.every((x) => x.kind === 'country' || x.kind === 'entity')) || (counterpart && det && POSSESSIVE_DETS.has(det))) {
          const from = items.length > 0 ? items[0]!.i : p;
          // "their French counterparts", "all Iraqi leaders": a country's officials, not one person.
          if (this.toks[role.j - 1]!.key.endsWith('s') && iso) {
            const at = from > 0 && NP_DETERMINERS.has(this.toks[from - 1]!.key) && this.joined(from) ? from - 1 : from;
            this.emit(at, role.j, 'organization', `${iso}.GOV`, [this.slice(from, role.j)]);
            return role.j;
          }
          // ("a Russian diplomat" is some diplomat of Russia's, not its foreign minister)
          const indefinite = det === 'a' || det === 'an';
          this.emit(from, role.j, 'person', undefined, [this.slice(from, role.j)], { role: { country: iso, category: role.value, counterpart, ...(indefinite ? { indefinite } : {}) } });
          return counterpart ? role.j : this.nameAfterRole(role.j, iso, role.value);
        }
      }
      const u = this.units[p];
      if (u) {
        const a = u.alias;
        if (a.entry.type === 'person') {
          // "Assad’s brutal regime", "Putin's forces": the leader's government or military.
          const iso = this.countryLed(a.entry);
          let q = u.j + 1;
          if (iso && toks[u.j]?.possessive) {
            while (q < toks.length && this.joined(q) && this.k.premodifiers.has(toks[q]!.key)) q++;
            const sector = this.joined(q) ? this.k.sectorOf.get(toks[q]!.key) : undefined;
            if (sector === 'GOV' || sector === 'MIL') {
              const from = items.length > 0 ? items[0]!.i : p;
              this.emit(from, q + 1, 'organization', `${iso}.${sector}`, [this.slice(from, q + 1)]);
              return q + 1;
            }
          }
          break;
        }
        if (a.kind === 'country' || a.kind === 'demonym' || a.kind === 'capital') {
          if (a.kind === 'capital' && items.length === 0 && (LOCATIVE.has(toks[p - 1]?.key ?? '') || det)) return null;
          // "the London conference", "the Minsk agreements", "the Damascus suburbs": a capital naming
          // a meeting, a document or a place, not its government.
          if (a.kind === 'capital' && items.length === 0 && this.joined(u.j) && !toks[u.j]!.upper && CAPITAL_AS_NAME.has(toks[u.j]!.key)) return u.j;
          // "London-based": a place, not an actor.
          if (this.joined(u.j) && toks[u.j]!.hyphenBefore && toks[u.j]!.key === 'based') return u.j + 1;
          const iso = a.entry.country!;
          // "Turkish-backed", "Russia-led"
          if (this.joined(u.j) && toks[u.j]!.hyphenBefore && this.k.backedWords.has(toks[u.j]!.key)) {
            items.push({ kind: 'backer', i: p, j: u.j + 1, iso, led: toks[u.j]!.key === 'led' });
            p = u.j + 1;
            continue;
          }
          items.push({ kind: 'country', i: p, j: u.j, iso, alias: a });
        } else {
          // "UN envoy Staffan de Mistura": a dictionary name that ends in a title, before a person.
          const titled = this.titledEntity(u, items);
          if (titled !== null) return titled;
          // "ISIL-held buildings": who holds a place, not an actor in the sentence.
          if (items.length === 0 && this.joined(u.j) && toks[u.j]!.hyphenBefore && HELD.has(toks[u.j]!.key)) return u.j + 1;
          items.push({ kind: 'entity', i: p, j: u.j, entry: a.entry });
        }
        p = u.j;
        continue;
      }
      // "pro-Turkey", "pro-government", "pro-Assad"
      if (toks[p]!.key === 'pro' && this.joined(p + 1) && toks[p + 1]!.hyphenBefore) {
        const v = this.units[p + 1];
        const w = toks[p + 1]!.key;
        if (v) {
          const iso = v.alias.entry.country ?? v.alias.entry.roles?.[0]?.of.split('.')[0];
          if (iso) {
            items.push({ kind: 'backer', i: p, j: v.j, iso: iso === this.theater ? 'SELF' : iso });
            p = v.j;
            continue;
          }
        } else if (w === 'government' || w === 'regime') {
          items.push({ kind: 'backer', i: p, j: p + 2, iso: 'SELF' });
          p += 2;
          continue;
        }
      }
      const t = toks[p]!;
      // "coalition warplanes", "the coalition said": a known actor named in lower case.
      const lower = !t.upper ? this.k.lowerCaseActors.get(t.key) : undefined;
      if (lower) {
        // "the global coalition", "our international coalition": adjectives after the article.
        const adj = p === start && det === undefined ? this.premodifiersBefore(p) : p;
        const article = adj < p && adj > 0 && this.joined(adj) ? this.toks[adj - 1]!.key : undefined;
        const from = article && NP_DETERMINERS.has(article) ? adj - 1 : adj;
        const named = this.k.sectorOf.get(toks[p + 1]?.key ?? '') === 'MIL' || ACTIVITIES.has(toks[p + 1]?.key ?? '') ? this.joined(p + 1)
          : toks[p + 1]?.key !== 'of' && ((det === 'the' && p === start) || (article !== undefined && (article === 'the' || POSSESSIVE_DETS.has(article))));
        if (named) {
          items.push({ kind: 'entity', i: from, j: p + 1, entry: lower });
          p++;
          continue;
        }
      }
      // "a team of", "a number of": a body named by its members after "of" (read in actorPhrase).
      if (BODIES.has(t.key) && !t.upper && !this.isLabel(t.key) && toks[p + 1]?.key === 'of' && items.every((x) => x.kind === 'label')) {
        items.push({ kind: 'label', i: p, j: p + 1, key: t.key });
        p++;
        continue;
      }
      // "the Organization of African Unity": a capitalised head before "of" and a name is a name.
      const nameHead = items.length === 0 && t.upper && this.k.orgHeads.has(t.key) && toks[p + 1]?.key === 'of' && this.joined(p + 2) && toks[p + 2]!.upper;
      if (this.isLabel(t.key) && !nameHead && (!t.upper || t.first || items.length > 0 || (det !== undefined && p === start) || this.k.peopleForces[t.key] !== undefined || (this.k.peoples.has(t.key) && !(this.joined(p + 1) && toks[p + 1]!.upper))
        // "welcomed Soldiers visiting": military style capitalises a plural of its people nouns mid-sentence.
        || (p === start && det === undefined && t.upper && !t.caps && t.joined && !toks[p - 1]!.upper && this.k.sectorOf.get(t.key) === 'MIL' && /s$/.test(t.key) && !(this.joined(p + 1) && toks[p + 1]!.upper)))) {
        items.push({ kind: 'label', i: p, j: p + 1, key: t.key });
        p++;
        continue;
      }
      // "the Lebanese religious communities", "Syrian moderate rebels": adjectives between a country and its label.
      const lastItem = items[items.length - 1];
      if (lastItem && (lastItem.kind === 'country' || lastItem.kind === 'entity') && lastItem.j === p && !t.upper) {
        const q = this.adjectivesFrom(p);
        if (q > p && this.isLabel(toks[q]!.key) && !toks[q]!.upper) {
          p = q;
          continue;
        }
      }
      // "Iraqi counter-terrorism forces", "Peshmerga counter-attack brigades": a hyphenated
      // compound between an actor word and its label names the kind of forces.
      if (lastItem && lastItem.j === p && !t.upper && this.joined(p + 1) && toks[p + 1]!.hyphenBefore) {
        let q = p + 1;
        while (this.joined(q + 1) && toks[q + 1]!.hyphenBefore) q++;
        q++;
        if (toks.slice(p, q).every((w) => !w.upper) && this.joined(q) && !toks[q]!.upper && !toks[q]!.hyphenBefore && this.isLabel(toks[q]!.key) && !this.k.modifiersOnly.has(toks[q]!.key)) {
          p = q;
          continue;
        }
      }
      // "Kurdish and Yezidi fighters": coordinated peoples before one people noun.
      const lastPeople = items[items.length - 1];
      if (t.key === 'and' && lastPeople?.kind === 'label' && this.k.peoples.has(lastPeople.key) && this.joined(p + 1) && this.k.peoples.has(toks[p + 1]!.key) && toks[p + 1]!.upper) {
        p++;
        continue;
      }
      if ((t.key === 'and' || t.text === '&') && items.length > 0 && items[items.length - 1]!.kind === 'country' && this.units[p + 1]?.alias.kind === 'demonym') {
        items.push({ kind: 'and', i: p, j: p + 1 });
        p++;
        continue;
      }
      break;
    }
    if (items.length === 0) return null;
    return this.actorPhrase(items, det);
  }

  /** Turns the items of one noun phrase into mentions; returns the token after them. */
  private actorPhrase(items: Item[], det: string | undefined): number | null {
    let h = -1;
    for (let x = items.length - 1; x >= 0; x--) {
      const it = items[x]!;
      if (it.kind === 'label' && !this.k.modifiersOnly.has(it.key)) {
        h = x;
        break;
      }
    }
    // "an Albanian rebel", "a British militant": a rebel word ending the phrase is its head.
    const tail = items[items.length - 1]!;
    const after = this.toks[tail.j];
    if (h < 0 && items.length > 1 && tail.kind === 'label' && REBEL_PERSONS.has(tail.key) && (!after || !this.joined(tail.j) || CLAUSE_WORDS.has(after.key) || this.k.personCueAfter.has(after.key))) h = items.length - 1;
    if (h < 0) return this.bareNames(items);
    const np = items.slice(0, h + 1);
    const words = np.filter((x): x is Extract<Item, { kind: 'label' }> => x.kind === 'label').map((x) => x.key);
    const countries = np.filter((x): x is Extract<Item, { kind: 'country' }> => x.kind === 'country');
    const entity = np.find((x): x is Extract<Item, { kind: 'entity' }> => x.kind === 'entity')?.entry;
    const backerItem = np.find((x): x is Extract<Item, { kind: 'backer' }> => x.kind === 'backer');
    const backer = backerItem?.iso;
    const head = words[words.length - 1]!;
    // "heavy enemy fire", "ISIL military targets", "UN convoy requests": a singular actor word
    // before a thing only modifies it; a named actor or country before it stays a mention.
    const thing = this.toks[np[h]!.j];
    if (thing && this.joined(np[h]!.j) && !thing.upper && this.k.things.has(thing.key) && !head.endsWith('s')) {
      const names = np.filter((x) => x.kind === 'entity' || x.kind === 'country');
      return names.length > 0 ? this.bareNames(names) : np[h]!.j;
    }
    // "the coalition campaign", "ISIL's campaign": what a named actor does; the actor is the mention.
    // (A government's "regime airstrikes" stay the military's mention: SYR.MIL, not SYR.GOV.)
    if (ACTIVITIES.has(head) && entity && !entity.id.endsWith('.GOV') && np.every((x) => x.kind === 'entity' || (x.kind === 'label' && (x.i === np[h]!.i || this.k.modifiersOnly.has(x.key))))) return this.bareNames(np.filter((x) => x.kind === 'entity'));
    let sector = sectorOf(words, head, this.k);
    const first = np[0]!.i;

    const resolve = (iso: string | undefined): { id?: string; type: EntityType } | null => {
      if (!entity && !iso && (sector === 'SPOTTERS' || sector === 'NGO' || sector === 'WST' || sector === 'FOREIGN.MIL')) return { id: sector, type: 'other' };
      // (an owned monitoring body is that country's NGO, as in CAMEO: "Lebanese rights organisations" LBN.NGO)
      if (sector === 'SPOTTERS' || sector === 'WST' || sector === 'FOREIGN.MIL') sector = 'MIL';
      // "Vietnamese-led forces", "US-led troops": the leader's own forces.
      if (backerItem?.led && backer !== 'SELF' && (sector === 'MIL' || sector === undefined)) return { id: `${backer}.MIL`, type: 'organization' };
      if (backer && (sector === 'REB' || sector === 'MIL' || sector === undefined)) {
        const table = this.k.backed[backer === 'SELF' ? 'SELF' : backer];
        const t = this.theater ?? this.k.defaultTheater ?? 'SYR';
        const pattern = table?.[t] ?? table?.['*'] ?? `{T}.REB.${backer}`;
        return { id: pattern.replace('{T}', t), type: 'group' };
      }
      if (entity) {
        const c = entity.country;
        if (entity.id.endsWith('.GOV') && c && sector && sector !== 'GOV') return { id: `${c}.${sector === 'REB' ? 'MIL' : sector}`, type: 'organization' };
        if (sector === 'UNK' && entity.type !== 'group') return { id: 'UNK', type: 'other' };
        return { id: entity.id, type: entity.type };
      }
      // "a source of income" is no actor; "a military source" is.
      if (sector === 'UNK') return head === 'source' && words.length === 1 ? null : { id: 'UNK', type: 'other' };
      const c = iso ?? this.theater;
      // "Kurdish fighters": the Kurdish forces of the theatre (YPG in Syria, Peshmerga in Iraq);
      // "Syrian Kurdish fighters": those of the country named (the people is the narrower word)
      const people = words.find((w) => this.k.peopleForces[w]);
      if (people && c && (sector === 'REB' || sector === 'MIL' || sector === undefined)) {
        const id = this.k.peopleForces[people]![c];
        if (id) return { id, type: 'group' };
      }
      if (iso) {
        // "Turkish units" are its military; "Lebanese parties", "UK organisations" the state.
        if (!sector) return { id: this.k.unarmed.has(head) ? iso : `${iso}.MIL`, type: 'organization' };
        return { id: `${iso}.${sector}`, type: sector === 'REB' ? 'group' : sector === 'CVL' ? 'other' : 'organization' };
      }
      // No country named: only labels that say whose they are by themselves.
      if (sector === 'REB') return { ...(c ? { id: `${c}.REB` } : {}), type: 'group' };
      if (sector === 'CVL' && head !== 'people' && head !== 'population') return { ...(c ? { id: `${c}.CVL` } : {}), type: 'other' };
      if (sector === 'MED' && words.includes('state')) return { ...(c ? { id: `${c}.MED` } : {}), type: 'organization' };
      if (sector === 'GOV' && head === 'regime') {
        // "the regime" after "the Assad regime" is that regime, whatever the theatre.
        const named = lastWhere(this.out, (m) => m.id !== undefined && m.id.endsWith('.GOV') && /regime/i.test(m.text));
        const id = named?.id ?? (c ? `${c}.GOV` : undefined);
        return { ...(id ? { id } : {}), type: 'organization' };
      }
      if (sector === 'MIL' && (words.includes('regime') || words.includes('government'))) return { ...(c ? { id: `${c}.MIL` } : {}), type: 'organization' };
      // "the group", "this barbaric group" (not "a group", nor "the group of …"): a group named
      // before, resolved by coreference; a mention without an id when none was.
      if (sector === undefined && GROUP_HEADS.has(head) && detBefore !== undefined && DEMONSTRATIVES.has(detBefore) && np.every((x) => x.kind === 'label') && this.toks[np[h]!.j]?.key !== 'of' && !this.heldAfter(np[h]!.j)) return { type: 'group' };
      // "the government and people of Iraq", "Abadi and his government": a definite or owned
      // government is the theatre's (not "a government", nor "the government-held areas").
      if (head === 'government' && words.length === 1 && det !== undefined && (DEMONSTRATIVES.has(det) || POSSESSIVE_DETS.has(det)) && !this.heldAfter(np[h]!.j) && this.toks[np[h]!.j]?.key !== 'of') {
        // "his government": the country of the leader just named.
        const leader = det === 'his' || det === 'her' ? lastWhere(this.out, (m) => m.type === 'person' && m.id !== undefined && !m.pronoun) : undefined;
        const led = leader && this.toks[np[0]!.i]!.sentence - leader.sentence <= 1 ? this.k.byId.get(leader.id!) : undefined;
        const own = led ? this.countryLed(led) : leader && /^[A-Z]{3}\.GOV$/.test(leader.id!) ? leader.id!.slice(0, 3) : undefined;
        const iso2 = own ?? c;
        return { ...(iso2 ? { id: `${iso2}.GOV` } : {}), type: 'organization' };
      }
      return null;
    };

    // "the Turkish and Russian military": one mention per country.
    if (countries.length > 1 && np.some((x) => x.kind === 'and')) {
      const end = np[h]!.j;
      const label = this.slice(first, end);
      for (const c of countries.slice(0, -1)) {
        const r = resolve(c.iso);
        if (r) this.emit(c.i, c.j, r.type, r.id, [label]);
      }
      const last = countries[countries.length - 1]!;
      const r = resolve(last.iso);
      if (r) this.emit(last.i, end, r.type, r.id, [label]);
      return end;
    }
    let iso = countries.length > 0 ? countries[countries.length - 1]!.iso : undefined;
    // "Iraqi police and security forces": a state's force or office right after "and" and that
    // state's own mention is the state's too (not a rebel or an unowned word: "Russian jets and rebels").
    if (!iso && !entity && !backer && (sector === 'MIL' || sector === 'GOV')) iso = this.stateBeforeAnd(this.premodifiersBefore(first));
    let end = np[h]!.j;
    // "the delegations of Russia", "the people of Syria": the country after "of".
    const of = !iso && !entity && !backer && sector && sector !== 'UNK' ? this.ofCountry(end, sector === 'GOV' || sector === 'MIL') : null;
    if (of) {
      iso = of.iso;
      end = of.j;
    } else if (this.toks[end - 1]!.upper && !this.toks[end - 1]!.first) {
      // "the Iraqi Ministry of Culture": a capitalised head with its name after "of".
      end = this.officeOf(end, false)?.j ?? end;
    }
    // "innocent civilians", "these brutal terrorists": the whole noun phrase, its adjectives in the label.
    const adjectives = this.premodifiersBefore(first);
    // The determiner before the phrase, adjectives included ("this | barbaric group").
    const detBefore = det ?? (adjectives < first && adjectives > 0 && this.joined(adjectives) ? this.toks[adjectives - 1]!.key : undefined);
    let from = adjectives;
    // "the Syrian side of the border" is a place.
    if (head === 'side' && this.toks[end]?.key === 'of') return end;
    // "a group of Syrians", "a team of Iraqi preservationists": a body of people named by its members.
    if (words.length === 1 && BODIES.has(head) && !iso && !entity && !backer) {
      const members = this.membersOf(end);
      if (members) {
        this.emit(first, members.j, members.id && !members.id.endsWith('.CVL') ? 'organization' : 'other', members.id, [this.slice(first, members.j)]);
        return members.j;
      }
    }
    let r = resolve(iso);
    // An unknown name before them ("Yoruba leaders", "War Council members") owns them: no guess.
    const before = adjectives > 0 && this.joined(adjectives) ? this.toks[adjectives - 1]! : undefined;
    const named = !!before && before.upper && !this.k.notNames.has(before.text) && !NP_DETERMINERS.has(before.key);
    // Civilians the theatre is guessed for ("residents") still take an "of" complement ("residents of Mosul").
    // So do unknown people ("translators and linguists", id UNK).
    const guessed = r !== null && (sector === 'CVL' || (r.id === 'UNK' && !iso && !entity && !backer));
    if ((!r || guessed) && !iso && !entity && !backer && !named && np.every((x) => x.kind === 'label') && this.k.collectives.has(head)) {
      // "our partners", "the enemy", "the families of the victims", "senior officials of the EU":
      // a body of people no country or group owns is a mention without an id, or with the id
      // of the organisation it belongs to.
      // "allies and partners", "family and friends of the victims": coordinated people nouns are one body.
      let and = end;
      if (this.toks[and]?.key === 'and' && this.joined(and) && this.joined(and + 1)) {
        and++;
        while (this.joined(and + 1) && this.k.premodifiers.has(this.toks[and]!.key)) and++;
        const w = this.toks[and]?.key ?? '';
        if ((this.k.collectives.has(w) || this.k.collectivesAfterAnd.has(w)) && !this.toks[and]!.upper) end = and + 1;
      }
      const of = end === np[h]!.j || end !== and ? this.ofComplement(end) : null;
      // "security forces in Guinea", "militias in Tripoli": unowned, they are that country's.
      const inCountry = !of && this.toks[end]?.key === 'in' && this.joined(end + 1) ? this.units[end + 1] : undefined;
      // (Not a people's: "Yazidi fighters in Iraq" are no Iraqi forces.)
      const there = inCountry && (inCountry.alias.kind === 'country' || inCountry.alias.kind === 'capital') && !words.some((w) => this.k.peoples.has(w)) ? inCountry.alias.entry.country : undefined;
      // "in the neighbouring countries", "across Arab nations": countries after "in" are a place.
      if (PLACE_COLLECTIVES.has(head) && !of) {
        let b = from;
        while (b > 0 && from - b < 3 && this.joined(b) && !this.toks[b - 1]!.upper && !IN_PLACE.has(this.toks[b - 1]!.key) && (ARTICLES.has(this.toks[b - 1]!.key) || /^\p{Ll}+$/u.test(this.toks[b - 1]!.text)) && !CLAUSE_WORDS.has(this.toks[b - 1]!.key) && !AUXILIARIES.has(this.toks[b - 1]!.key)) b--;
        if (b > 0 && this.joined(b) && IN_PLACE.has(this.toks[b - 1]!.key)) return end;
      }
      // A named armed group after "of" stays its own mention ("fighters of X" is read below).
      const merge = of && of.entry?.type !== 'group';
      r = merge && of.entry ? { id: of.entry.id, type: of.entry.type } : (there ? resolve(there) : null) ?? (guessed ? r : null) ?? { type: 'other' };
      if (merge) end = of.j;
      // "the two leaders", "our 2 countries": a number after a determiner belongs to the phrase.
      const det = this.toks[from - 2];
      if (det && this.joined(from) && this.joined(from - 1) && CARDINAL.test(this.toks[from - 1]!.text) && (ARTICLES.has(det.key) || NP_DETERMINERS.has(det.key))) from--;
      // "two mortar teams", "between subject matter experts": nouns before a plural head name its kind.
      if (from === first && /s$/.test(head)) from = this.compoundBefore(from);
      // "the camp’s residents", "the city’s people": a common noun's possessive is part of the phrase.
      const owner = this.toks[from - 2];
      if (owner && this.toks[from - 1]!.possessive && this.joined(from) && this.joined(from - 1) && !owner.upper && /^\p{Ll}{3,}$/u.test(owner.text) && !DETERMINERS.has(owner.key) && !NP_DETERMINERS.has(owner.key) && !PRONOUNS.has(owner.key)) from -= 2;
    }
    if (!r) return this.bareNames(np.slice(0, h)) ?? end;
    if (from > 0 && NP_DETERMINERS.has(this.toks[from - 1]!.key) && this.joined(from)) from--;
    const label = this.slice(adjectives, end);
    // "the militants of the Islamist alliance "X"": the group named after "of".
    if (!entity && (sector === 'REB' || sector === undefined) && this.toks[end]?.key === 'of') {
      for (let q = end + 1; q < Math.min(end + 8, this.toks.length) && this.toks[q]!.sentence === this.toks[end]!.sentence; q++) {
        const u = this.units[q];
        if (u && u.alias.entry.type === 'group') {
          r = { id: u.alias.entry.id, type: 'group' };
          break;
        }
      }
    }
    // "the militants", "this terrorist group": labels only, to be read as a group named before.
    const generic = detBefore !== undefined && DEMONSTRATIVES.has(detBefore) && np.every((x) => x.kind === 'label');
    // "the American service member", "a Turkish soldier": one person of the actor, its id the role.
    if (r.type !== 'person' && r.type !== 'country' && end === np[h]!.j && this.personHead(end)) r = { ...r, type: 'person' };
    this.emit(from, end, r.type, r.id, [label], generic && (sector === 'REB' || (r.type === 'group' && GROUP_HEADS.has(head))) ? { definiteGeneric: true } : {});
    return end;
  }

  /** The country of the state mention ("Iraqi police" -> IRQ) that "and" right before token i joins to it. */
  private stateBeforeAnd(i: number): string | undefined {
    const and = this.toks[i - 1];
    const prev = this.out[this.out.length - 1];
    if (!and || and.key !== 'and' || !this.joined(i) || !this.joined(i - 1) || !prev || prev.end !== this.toks[i - 2]?.end) return undefined;
    return /^([A-Z]{3})\.(?:MIL|GOV)$/.exec(prev.id ?? '')?.[1];
  }

  /**
   * Whether the words ending at token j name one person ("service member", "soldier") and end
   * the noun phrase there: before punctuation, a clause word or a verb ("was", "said",
   * "died"), not before another noun ("a foreign terrorist fighter network").
   */
  private personHead(j: number): boolean {
    const last = this.toks[j - 1]!;
    const before = this.toks[j - 2];
    if (!PERSON_NOUNS.has(last.key) && !(before && this.joined(j - 1) && PERSON_NOUNS.has(`${before.key} ${last.key}`))) return false;
    const next = this.toks[j];
    return this.closes(j) || (!!next && (CLAUSE_WORDS.has(next.key) || /\p{Ll}ed$/u.test(next.text)));
  }

  /**
   * "of the victims", "of the Security Council", "of Mosul" after a collective head at j: where
   * the complement ends, and the organisation it names (not a person, nor a nationality).
   */
  private ofComplement(j: number): { j: number; entry?: ActorEntry } | null {
    if (this.toks[j]?.key !== 'of' || !this.joined(j + 1)) return null;
    let x = j + 1;
    if (ARTICLES.has(this.toks[x]!.key) && this.joined(x + 1)) x++;
    const u = this.units[x];
    if (u) return u.alias.entry.type === 'person' || u.alias.kind === 'demonym' ? null : { j: u.j, entry: u.alias.entry };
    let y = x;
    while (y < this.toks.length && (y === x || this.joined(y)) && y - x < 4) {
      const w = this.toks[y]!;
      // "supporters of former President X": a person, read as such.
      if (this.phraseAt(this.k.titles, y)) return null;
      if (w.possessive || (w.upper ? this.k.notNames.has(w.text) : !(this.isLabel(w.key) || this.k.premodifiers.has(w.key)))) break;
      y++;
    }
    const last = this.toks[y - 1];
    // "the Al bu Nimr tribe": a name that goes on is not read in part.
    if (this.joined(y) && this.joined(y + 1) && this.toks[y + 1]!.upper && (!CLAUSE_WORDS.has(this.toks[y]!.key) || this.toks[y]!.key === 'of')) return null;
    return y > x && last && (last.upper || this.k.collectives.has(last.key) || this.k.sectorOf.has(last.key)) ? { j: y } : null;
  }

  /**
   * "of Syrians", "of Iraqi preservationists", "of Reserve Airmen", "of Ministers and senior
   * officials" after a body noun at j: where the members end, and their country. Not things
   * ("a group of buildings") nor a named organisation ("a group of the EU").
   */
  private membersOf(j: number): { j: number; id?: string } | null {
    if (this.toks[j]?.key !== 'of' || !this.joined(j + 1)) return null;
    let y = j + 1;
    let iso: string | undefined;
    let people = false;
    let sector = 'CVL';
    /** An unknown name before a lower-case noun owns them ("Yoruba leaders"): no guess. */
    let unknown = false;
    while (y < this.toks.length && this.joined(y) && y - j <= 6) {
      const w = this.toks[y]!;
      const u = this.units[y];
      if (u) {
        if (u.alias.kind !== 'demonym') return null;
        iso = u.alias.entry.country;
        // "Syrians": a plural demonym is the members themselves.
        people = /s$/.test(this.toks[u.j - 1]!.key) && this.k.demonymKeys.has(this.toks[u.j - 1]!.key.slice(0, -1));
        y = u.j;
        continue;
      }
      const after = this.toks[y + 1];
      if (w.key === 'and' && people && this.joined(y + 1) && after && (after.upper || this.k.premodifiers.has(after.key) || this.k.collectives.has(after.key))) {
        people = false;
        y++;
        continue;
      }
      const noun = this.k.collectives.has(w.key) || (this.k.sectorOf.has(w.key) && /s$/.test(w.key)) || (w.upper && !this.k.notNames.has(w.text) && /(s|men)$/.test(w.key));
      if (noun) {
        if (unknown && !w.upper) return null;
        people = true;
        const s = this.k.sectorOf.get(w.key);
        if (s && s !== 'UNK') sector = s;
        y++;
        continue;
      }
      // An adjective or a name word before the members' noun ("Iraqi preservationists" takes an unknown plural after a demonym).
      if (this.k.premodifiers.has(w.key) || CARDINAL.test(w.text) || (w.upper && !this.k.notNames.has(w.text))) {
        if (w.upper && !this.k.premodifiers.has(w.key)) unknown = true;
        y++;
        continue;
      }
      if (iso && !people && /[a-z]{3,}(ists|ers|ians|ors)$/.test(w.key)) {
        people = true;
        y++;
      }
      break;
    }
    // Civilians no country owns are the theatre's, as "civilians" alone are.
    const owner = iso ?? (sector === 'CVL' ? this.theater : undefined);
    return people ? { j: y, ...(owner ? { id: `${owner}.${sector}` } : {}) } : null;
  }

  /**
   * "two mortar | teams", "between subject matter | experts", "of international heritage |
   * experts": up to three lower-case nouns before token `first` that name the kind of people,
   * when what precedes them opens a noun phrase (a number, a determiner, a preposition, an
   * adjective or a list comma), so that a verb before its object ("to kill civilians") is not
   * read as one. Adjectives by their ending ("important", "civil") and verbs ("-ed", "-ing")
   * are not nouns here. Returns where the phrase starts (`first` if there are no such nouns).
   */
  private compoundBefore(first: number): number {
    const noun = (x: number) => {
      const w = this.toks[x];
      return !!w && x > 0 && this.joined(x + 1) && !w.upper && !w.possessive && /^\p{Ll}[\p{Ll}-]{2,}$/u.test(w.text) && !ADJECTIVE_OR_VERB.test(w.key) && !CARDINAL.test(w.text)
        && !DETERMINERS.has(w.key) && !NP_DETERMINERS.has(w.key) && !CLAUSE_WORDS.has(w.key) && !AUXILIARIES.has(w.key) && !PRONOUNS.has(w.key) && !COMPOUND_OPENERS.has(w.key)
        && !UNIT_FOLLOWERS.has(w.key) && !NOT_NOUNS.has(w.key) && !this.isLabel(w.key) && !this.k.premodifiers.has(w.key) && !this.k.speechVerbs.has(w.key);
    };
    let s = first;
    while (first - s < 3 && noun(s - 1)) s--;
    if (s === first) return first;
    const before = this.toks[s - 1]!;
    const opens = (this.joined(s) && (CARDINAL.test(before.text) || this.opensPhrase(s - 1) || this.k.premodifiers.has(before.key)))
      || (before.sentence === this.toks[s]!.sentence && /^\s*,\s*$/.test(this.toks[s]!.gap));
    return opens ? this.premodifiersBefore(s) : first;
  }

  /**
   * Adjectives from token p on, in one phrase: premodifiers ("brave"), an adverb and the
   * participle it modifies ("democratically elected"). Returns the token after them (p if none).
   */
  private adjectivesFrom(p: number): number {
    let q = p;
    while (q < this.toks.length && this.joined(q) && q - p < 4) {
      const w = this.toks[q]!;
      if (w.upper) break;
      if (this.k.premodifiers.has(w.key)) q++;
      else if (/[a-z]{3,}ly$/.test(w.key) && this.joined(q + 1) && /[a-z]{2,}ed$/.test(this.toks[q + 1]!.key)) q += 2;
      else break;
    }
    return q < this.toks.length && this.joined(q) ? q : p;
  }

  /** Where the adjectives before token `first` begin ("the moderate | opposition"): `first` if none. */
  private premodifiersBefore(first: number): number {
    let s = first;
    const adjective = (x: number) => x >= 0 && this.joined(x + 1) && (!this.toks[x]!.upper || this.toks[x]!.first) && this.k.premodifiers.has(this.toks[x]!.key) && !this.out.some((m) => m.end > this.toks[x]!.start && m.start < this.toks[x]!.end);
    for (;;) {
      if (adjective(s - 1)) s--;
      // "regional and international partners", "religious and civic leaders"
      else if (s < first && this.toks[s - 1]?.key === 'and' && adjective(s - 2)) s -= 2;
      // "local, legitimate ground forces": coordinated adjectives with a comma, after what opens a noun phrase.
      else if (s < first && this.comma(s) && this.joined(s - 1) && !this.toks[s - 1]!.upper && this.k.premodifiers.has(this.toks[s - 1]!.key) && this.opensPhrase(s - 2)) s--;
      else return s;
    }
  }

  /** Token x opens a noun phrase: an article, a determiner or a preposition that takes one. */
  private opensPhrase(x: number): boolean {
    const w = this.toks[x];
    return !!w && (ARTICLES.has(w.key) || NP_DETERMINERS.has(w.key) || COMPOUND_OPENERS.has(w.key));
  }

  /** "-held", "-controlled" right after token j-1 ("government-held areas"): who holds a place. */
  private heldAfter(j: number): boolean {
    return this.joined(j) && this.toks[j]!.hyphenBefore && HELD.has(this.toks[j]!.key);
  }

  /** Names without an actor noun after them: each country and entity on its own. */
  private bareNames(items: Item[]): number | null {
    let last: number | null = null;
    for (let x = 0; x < items.length; x++) {
      const it = items[x]!;
      const next = items[x + 1];
      // "Turkey-backed Azerbaijan": the state, with its backer as the label.
      if (it.kind === 'backer' && next?.kind === 'country' && next.alias.kind === 'country') {
        this.emit(it.i, next.j, 'country', next.iso, [this.slice(it.i, it.j)]);
        last = next.j;
        x++;
        continue;
      }
      if (it.kind === 'country') {
        const a = it.alias;
        // "Syrians", "the Iraqis": the people, not the state.
        const plural = a.kind === 'demonym' && /s$/.test(this.toks[it.j - 1]!.key) && this.k.demonymKeys.has(this.toks[it.j - 1]!.key.slice(0, -1));
        // "all Syrians", "these Iraqis": the determiner belongs to the people's mention.
        const from = plural && x === 0 && it.i > 0 && this.joined(it.i) && NP_DETERMINERS.has(this.toks[it.i - 1]!.key) ? it.i - 1 : it.i;
        this.emit(from, it.j, plural ? 'group' : 'country', a.kind === 'capital' ? a.entry.id : it.iso);
        last = it.j;
      } else if (it.kind === 'entity') {
        // "Assad regime", "Syrian army": a descriptive word the outlet chose is a label; a proper name is not.
        const descriptive = this.toks.slice(it.i, it.j).some((t) => !t.upper && this.isLabel(t.key));
        // "the moderate Syrian Opposition", "our international coalition": adjectives and a
        // determiner before the name belong to its mention (and to its label).
        let from = x === 0 ? this.premodifiersBefore(it.i) : it.i;
        if (x === 0 && from > 0 && this.joined(from) && POSSESSIVE_DETS.has(this.toks[from - 1]!.key) && (from < it.i || !this.toks[it.i]!.upper)) from--;
        this.emit(from, it.j, it.entry.type, it.entry.id, descriptive || from < it.i ? [this.slice(from, it.j)] : []);
        last = it.j;
      } else if (it.kind === 'backer') {
        this.emit(it.i, it.j, 'country', it.iso === 'SELF' ? this.theater : it.iso, [this.slice(it.i, it.j)]);
        last = it.j;
      } else if (it.kind === 'label') {
        // "the Kurdish YPG": a modifier before a named actor belongs to its mention.
        if (this.k.modifiersOnly.has(it.key) && !TEMPORAL.has(it.key) && next?.kind === 'entity') {
          this.emit(it.i, next.j, next.entry.type, next.entry.id, [this.slice(it.i, next.j)]);
          last = next.j;
          x++;
          continue;
        }
        break;
      }
    }
    return last;
  }

  /** Capitalised words not in the dictionary: a person or an organisation when a cue says so. */
  private capitalisedRun(i: number): number | null {
    const toks = this.toks;
    const t = toks[i]!;
    if (this.units[i]) {
      // A dictionary person: "Vladimir Putin", "Lavrov".
      const u = this.units[i]!;
      if (u.alias.entry.type === 'person') return this.personName({ i, j: u.j, entry: u.alias.entry }, []);
      return null;
    }
    const ordinal = /^\d+(st|nd|rd|th)$/.test(t.text) && this.joined(i + 1) && toks[i + 1]!.upper;
    if ((!t.upper && !ordinal) || t.possessive) return null;
    if (this.k.notNames.has(t.text) && t.text !== 'May') return null;
    // A surname seen earlier in full ("Hamoud" after "Youssef Hamoud").
    const known = this.surnames.get(t.key);
    if (known && !(this.joined(i + 1) && toks[i + 1]!.upper)) {
      this.emit(i, i + 1, 'person', known.id);
      return i + 1;
    }
    const kunya = KUNYA.has(t.key) && this.joined(i + 1) ? this.surnames.get(`${t.key} ${toks[i + 1]!.key}`) : undefined;
    if (kunya && !(this.joined(i + 2) && toks[i + 2]!.upper)) {
      this.emit(i, i + 2, 'person', kunya.id);
      return i + 2;
    }
    let j = i + 1;
    while (j < toks.length && toks[j]!.joined && !toks[j]!.possessive) {
      const w = toks[j]!;
      if (w.upper) {
        j++;
        continue;
      }
      if (RUN_CONNECTORS.has(w.key) && j + 1 < toks.length && toks[j + 1]!.joined && (toks[j + 1]!.upper || (toks[j + 1]!.key === 'the' && toks[j + 2]?.upper))) {
        j++;
        continue;
      }
      break;
    }
    const n = j - i;
    const lastKey = toks[j - 1]!.key;
    // "Membership of the European Union": a capitalised first word of a sentence before a known
    // organisation is no part of its name.
    if (t.first && !this.k.orgHeads.has(t.key) && !this.k.orgSuffixes.has(t.key) && toks.slice(i + 2, j).some((_, x) => this.units[i + 2 + x]?.j === j && this.units[i + 2 + x]!.alias.kind !== 'demonym' && RUN_CONNECTORS.has(toks[i + 1 + x]!.key) && !NAME_PARTICLES.has(toks[i + 1 + x]!.key))) return null;
    // Organisations: "Free Idlib Army", "Ministry of Defence", "CENTCOM".
    // "Mobile Unit Two", "Task Force 50": a unit's number belongs to its name.
    if (n > 2 && UNIT_NUMBERS.has(lastKey) && NUMBERED_UNITS.has(toks[j - 2]!.key) && this.k.orgSuffixes.has(toks[j - 2]!.key)) return this.emitOrg(i, j);
    if (this.k.orgSuffixes.has(lastKey) && (n > 1 || !t.first)) return this.emitOrg(i, NUMBERED_UNITS.has(lastKey) && this.joined(j) && /^\d{1,3}$/.test(toks[j]!.text) && toks[j]!.gap === ' ' ? j + 1 : j);
    // "Ministry of Defence", "State Board of Antiquities": an organisation's head word before "of".
    if (n > 2 && toks.slice(i, j - 2).some((w, x) => this.k.orgHeads.has(w.key) && w.upper && (toks[i + x + 1]!.key === 'of' || toks[i + x + 1]!.key === 'for')) && (this.k.orgHeads.has(t.key) || !t.first)) return this.emitOrg(i, j);
    // "Westminster International University in Tashkent": the organisation ends before a place preposition.
    for (let c = j - 2; c > i; c--) {
      const w = toks[c]!.key;
      if ((w === 'in' || w === 'at' || w === 'on') && this.k.orgSuffixes.has(toks[c - 1]!.key) && (c - i > 1 || !t.first)) return this.emitOrg(i, c);
    }
    if (n === 1 && t.caps && /^[\p{Lu}]{3,5}$/u.test(t.text) && !ACRONYM_STOP.has(t.text) && !this.allCapsSentence(i)) {
      // "CTF 50": a unit's number belongs to its name.
      return this.emitOrg(i, this.joined(j) && /^\d{1,4}$/.test(toks[j]!.text) && /^ $/.test(toks[j]!.gap) ? j + 1 : j);
    }
    // "the 507th ARW": an ordinal and an acronym name a unit.
    if (ordinal && n === 2 && toks[i + 1]!.caps && /^[\p{Lu}]{2,5}$/u.test(toks[i + 1]!.text) && !ACRONYM_STOP.has(toks[i + 1]!.text)) return this.emitOrg(i, j);
    // Persons: "John Smith said", "John Smith, the spokesman".
    const next = toks[j];
    // "Abu Jandal al-Kuwaiti": a nisba ("al-" + demonym) is part of a name, not an actor.
    const hasActor = this.units.slice(i, j).some((u, x) => u !== undefined && !(u.alias.kind === 'demonym' && toks[i + x - 1]?.key === 'al'));
    // "Operation Inherent Resolve, said": a named operation or exercise is no person.
    if (n >= 2 && n <= 4 && !hasActor && !ordinal && !NAMED_UNDERTAKINGS.has(t.key) && !(t.joined && NAMED_UNDERTAKINGS.has(toks[i - 1]?.key ?? '')) && next && next.sentence === t.sentence && !toks.slice(i, j).some((w) => RUN_CONNECTORS.has(w.key) && w.key !== 'al')) {
      const gap = next.gap;
      const saysAfter = this.k.personCueAfter.has(next.key) && /^\s*,?\s*$/.test(gap);
      const apposition = /^\s*,\s*$/.test(gap) && DETERMINERS.has(next.key) && [1, 2, 3, 4].some((x) => (x === 1 || this.joined(j + x)) && !!(this.phraseAt(this.k.titles, j + x) ?? this.phraseAt(this.k.roleNouns, j + x)));
      if (saysAfter || apposition) return this.personName({ i, j }, []);
    }
    // "…,” said Russell.": one unknown capitalised word after a speech verb, ending the clause.
    const verb = toks[i - 1];
    if (n === 1 && !ordinal && !t.caps && !t.first && verb && t.joined && (verb.key === 'said' || verb.key === 'says' || verb.key === 'added') && (!next || next.sentence !== t.sentence || /^\s*[,.]/.test(next.gap))) {
      return this.personName({ i, j }, []);
    }
    return null;
  }

  private emitOrg(i: number, j: number): number {
    const prev = this.out[this.out.length - 1];
    const t = this.toks[i]!;
    // "U.S. Naval Forces Central Command": a known actor followed by the rest of a longer name.
    if (prev && prev.end === this.toks[i - 1]?.end && t.joined && /^ $/.test(t.gap) && (prev.type === 'organization' || prev.type === 'country') && !prev.labels?.length) {
      prev.end = this.toks[j - 1]!.end;
      prev.text = this.text.slice(prev.start, prev.end);
      prev.type = 'organization';
      this.stateBody(prev, i, j);
      return j;
    }
    // "the Coalition’s Small Group", "ISIL's War Committee": an organisation's own body is one
    // organisation, a part of its owner (the owner's id).
    const owner = this.toks[i - 1]?.possessive && this.toks[i - 1]!.sentence === t.sentence && /^ $/.test(t.gap) ? prev : undefined;
    if (owner && owner.end === this.toks[i - 2]?.end && (owner.type === 'organization' || owner.type === 'group' || (owner.type === 'country' && !this.k.demonymKeys.has(this.toks[i - 2]!.key))) && !owner.labels?.length && !owner.pronoun) {
      owner.end = this.toks[j - 1]!.end;
      owner.text = this.text.slice(owner.start, owner.end);
      owner.type = 'organization';
      this.stateBody(owner, i, j);
      return j;
    }
    // "(XYZ)" right after an organisation: the same actor.
    const id = prev && /\(\s*$/.test(t.gap) && this.text.slice(prev.end, t.start).trim() === '(' ? prev.id : undefined;
    this.emit(i, j, 'organization', id);
    return j;
  }

  /**
   * "the Latvian Constitutional Court", "Israel's Supreme Court", "the Iraqi Interior
   * Ministry": a country's mention that took in the name of one of its courts, legislatures
   * or ministries (tokens i..j, named by the last word) is that branch of the state
   * (LVA.JUD, ISR.JUD, IRQ.GOV), not the country alone. Not a rival body ("the Syrian Interim
   * Government": `labels.json` rivalBodies), nor an armed one ("Kosovo Liberation Army").
   */
  private stateBody(m: Draft, i: number, j: number): void {
    if (!m.id || !/^[A-Z]{3}$/.test(m.id)) return;
    const sector = this.k.sectorOf.get(this.toks[j - 1]!.key);
    if (sector !== 'JUD' && sector !== 'LEG' && sector !== 'GOV') return;
    if (this.toks.slice(i, j).some((w) => this.k.rivalBodies.has(w.key) || this.k.sectorOf.get(w.key) === 'REB')) return;
    m.id = `${m.id}.${sector}`;
  }

  private allCapsSentence(i: number): boolean {
    const s = this.toks[i]!.sentence;
    let lower = 0;
    let all = 0;
    for (let x = Math.max(0, i - 6); x < Math.min(this.toks.length, i + 6); x++) {
      const w = this.toks[x]!;
      if (w.sentence !== s || !/\p{L}/u.test(w.text)) continue;
      all++;
      if (!w.caps) lower++;
    }
    return all >= 4 && lower <= 1;
  }
}

function sectorOf(words: string[], head: string, k: EntityKnowledge): string | undefined {
  const has = (s: string) => words.some((w) => k.sectorOf.get(w) === s);
  const any = (...ws: string[]) => ws.some((w) => words.includes(w));
  const own = k.sectorOf.get(head);
  if (any('spotters')) return 'SPOTTERS';
  if (any('monitoring', 'monitors', 'rights') && any('organizations', 'organisations', 'groups', 'monitors', 'organization', 'organisation')) return 'NGO';
  if (any('western') && any('powers', 'countries', 'governments', 'nations', 'states')) return 'WST';
  if (own === 'UNK') return any('opposition', 'rebel', 'rebels', 'islamic', 'islamist', 'jihadist') ? 'REB' : 'UNK';
  if (any('foreign') && has('MIL') && !has('REB')) return 'FOREIGN.MIL';
  // "British armed forces", "the Armed Forces": a state's military, not armed rebels.
  if (has('REB') && !(head === 'forces' && words.every((w) => w === 'armed' || k.sectorOf.get(w) !== 'REB'))) return 'REB';
  if (has('MED') && (any('state') || own === 'MED')) return 'MED';
  // A legislature or court named for its people ("the People's Assembly") is that body.
  if (own === 'LEG' || own === 'JUD') return own;
  if (has('CVL')) return 'CVL';
  if (has('BUS')) return 'BUS';
  if (has('MIL')) return 'MIL';
  if (has('LEG')) return 'LEG';
  if (has('JUD')) return 'JUD';
  if (has('GOV')) return 'GOV';
  return undefined;
}

// ---------------------------------------------------------------------------
// Pass 3: coreference inside the document.

const ROLE_FAMILY: Record<string, string[]> = words.roleFamily.map;

function roleScore(e: ActorEntry, country: string | undefined, category: string, year: number | null): number {
  let best = 0;
  for (const r of e.roles ?? []) {
    if (country && !(r.of === country || r.of.startsWith(`${country}.`))) continue;
    const family = ROLE_FAMILY[category] ?? [category];
    const idx = family.indexOf(r.title);
    if (idx < 0) continue;
    let s = 10 - idx;
    if (year !== null) s += r.from <= year && (r.to === null || r.to >= year) ? 10 : 0;
    else if (r.to === null) s += 10;
    best = Math.max(best, s);
  }
  return best;
}

function categoryOf(e: ActorEntry, year: number | null): string {
  const now = roleIn(e, year);
  if (!now) return 'president';
  for (const [cat, family] of Object.entries(ROLE_FAMILY)) if (family[0] === now.title) return cat;
  return ROLE_FAMILY['leader']!.includes(now.title) ? 'leader' : now.title;
}

function nearestPerson(drafts: Draft[], d: Draft): Draft | undefined {
  let best: Draft | undefined;
  let dist = Infinity;
  for (const p of drafts) {
    if (p.type !== 'person' || p.pronoun || Math.abs(p.sentence - d.sentence) > 1) continue;
    // The same sentence first ("We are ready," Lavrov said), then the next, then the previous.
    const x = (p.start > d.start ? p.start - d.end : d.start - p.end) + 1e6 * (p.sentence === d.sentence ? 0 : p.sentence > d.sentence ? 1 : 2);
    if (x < dist) (dist = x), (best = p);
  }
  return best;
}

/** The last item that fits, scanning back from the end. */
function lastWhere<T>(xs: readonly T[], fits: (x: T) => boolean): T | undefined {
  for (let i = xs.length - 1; i >= 0; i--) if (fits(xs[i]!)) return xs[i];
  return undefined;
}

/** The role a person holds in the publication year (else their latest). */
function roleIn(e: ActorEntry | undefined, year: number | null): Role | undefined {
  const roles = e?.roles ?? [];
  return roles.find((r) => year !== null && r.from <= year && (r.to === null || r.to >= year)) ?? roles[roles.length - 1];
}

/**
 * "The Syrian Coalition condemned ... The Coalition said": a bare capitalised head word names
 * the body the article named in full before with that word last, not the dictionary's other
 * body of that word, unless the article also names that other body in full.
 */
function bareHeads(drafts: Draft[]): void {
  for (const d of drafts) {
    if (d.type !== 'organization' || d.id === undefined || d.pronoun || !/^(?:the\s+)?[A-Z][a-z]+$/.test(d.text)) continue;
    const head = d.text.replace(/^the\s+/, '').toLowerCase();
    const full = drafts.find((e) => e.start < d.start && e.id !== undefined && e.id !== d.id && /\s/.test(e.text) &&
      e.text.toLowerCase().split(/\s+/).pop() === head);
    if (!full || drafts.some((e) => e.id === d.id && e !== d && /\s/.test(e.text.replace(/^the\s+/i, '')))) continue;
    d.id = full.id;
  }
}

function resolveCoreference(drafts: Draft[], text: string, k: EntityKnowledge, year: number | null): void {
  const persons: Draft[] = [];
  const named = (p: Draft) => !p.pronoun && p.id !== undefined;
  for (let n = 0; n < drafts.length; n++) {
    const d = drafts[n]!;
    // "the Iranian president, Hassan Rouhani": the name in apposition says who.
    const next = drafts[n + 1];
    if (d.role && next?.type === 'person' && next.id !== undefined && !next.role && !next.pronoun && /^\s*,\s*$/.test(text.slice(d.end, next.start))) {
      d.id = next.id;
    } else if (d.role) {
      const { country, counterpart } = d.role;
      let category = d.role.category;
      if (counterpart) {
        // "his Turkish counterpart": the same office as the person just named, in the other country.
        const other = lastWhere(persons, (p) => named(p) && p.sentence >= d.sentence - 1 && !(country && p.id!.startsWith(country)));
        const e = other?.id ? k.byId.get(other.id) : undefined;
        category = e ? categoryOf(e, year) : 'president';
      }
      // Someone already named in the article, else the office holder of the year (not for "a
      // Russian diplomat": an indefinite description names no one in particular, only the office).
      const holds = (p: Draft) => named(p) && k.byId.has(p.id!) && roleScore(k.byId.get(p.id!)!, country, category, null) > 0;
      let id = d.role.indefinite ? undefined : lastWhere(persons, (p) => holds(p) && (country !== undefined || p.sentence >= d.sentence - 1))?.id;
      if (!id && country && !d.role.indefinite) {
        let bestScore = 9;
        for (const e of k.persons) {
          const s = roleScore(e, country, category, year);
          if (s > bestScore) (bestScore = s), (id = e.id);
        }
      }
      // Nobody known holds it: the office itself ("Montenegro's prime minister" -> MNE.GOV).
      if (!id && country && !counterpart) id = `${country}.${TITLE_SECTOR[category] ?? 'GOV'}`;
      if (id) d.id = id;
    } else if (d.pronoun === 'third') {
      const ante = lastWhere(persons, (p) => !p.pronoun && p.sentence >= d.sentence - 2);
      if (ante?.id) d.id = ante.id;
      else if (!ante) d.type = 'other';
    } else if (d.pronoun) {
      // The speaker: the nearest named person in this sentence, else the next, else the previous.
      const speaker = nearestPerson(drafts, d);
      if (d.pronoun === 'first') {
        if (speaker?.id) d.id = speaker.id;
      } else if (speaker?.id) {
        // "we" is the speaker's institution (Lavrov's "we" -> RUS.GOV).
        const e = k.byId.get(speaker.id);
        const id = e ? roleIn(e, year)?.of : speaker.id;
        if (id) d.id = id;
      }
    } else if (d.definiteGeneric) {
      // A named group ("Islamic State militants", "the YPG"), not another generic "rebels".
      const named = (g: Draft) => !g.labels?.length || tokenize(g.labels[0]!).some((t) => k.sectorOf.get(t.key) === 'REB');
      const group = lastWhere(drafts, (g) => g.end <= d.start && g.type === 'group' && g.id !== undefined && !g.definiteGeneric && g.sentence >= d.sentence - 2 && !g.id.endsWith('.REB') && named(g));
      if (group?.id) d.id = group.id;
    }
    if (d.type === 'person') persons.push(d);
  }
}
