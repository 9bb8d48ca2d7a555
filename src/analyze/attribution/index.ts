// The attribution stage: who says what. Direct quotes and reported speech are linked to
// the entity mention that says them ("X said", "said X", "according to X", "X told
// reporters that", "X noted: “…”", "quoted X as saying"). The cue lexicon is data
// (cues.json); see README.md for the rules and their limits.
import type { Attribution, EntityType, Span } from '../../model/index.js';
import type { Doc, Stage } from '../types.js';
import { MONTH_NAMES, MONTHS, WEEKDAY_NAMES } from '../times/names.js';
import cues from './cues.json' with { type: 'json' };

interface VerbCue {
  lemma: string;
  /** A clause may follow without "that" ("he said the army advanced"). */
  bare: boolean;
  /** Takes an object before the clause ("told reporters", "warned Turkey", "accused Russia of"). */
  object: boolean;
}

export interface AttributionKnowledge {
  verbs: ReadonlyMap<string, VerbCue>;
  /** One regex over the text finding every cue word or phrase. */
  cue: RegExp;
  according: ReadonlySet<string>;
  quoted: ReadonlySet<string>;
  citing: ReadonlySet<string>;
  asSaying: RegExp;
  addressee: RegExp;
  setting: RegExp;
  adverb: RegExp;
  passive: ReadonlySet<string>;
  pronouns: ReadonlyMap<string, readonly EntityType[]>;
  role: RegExp;
  /** A trailing attribution that ends reported content: ", he added", ", the agency reported, citing". */
  trailing: RegExp;
}

/** An Attribution with how sure the stage is (0..1) and how the speaker was found. */
export interface ScoredAttribution extends Attribution {
  confidence: number;
  /** 'named': the subject is a mention; 'pronoun' / 'role': resolved to an earlier mention;
   *  'continued': a quote with no cue that follows a quote by the same speaker. */
  basis: 'named' | 'pronoun' | 'role' | 'unnamed' | 'continued';
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alt = (xs: readonly string[]) => [...xs].sort((a, b) => b.length - a.length).map(esc).map((x) => x.replace(/ /g, '\\s+')).join('|');

export function loadAttributionKnowledge(): AttributionKnowledge {
  const verbs = new Map<string, VerbCue>();
  for (const [lemma, v] of Object.entries(cues.verbs)) {
    const info = v as { forms: string[]; bare: boolean; object?: boolean };
    for (const f of info.forms) verbs.set(f, { lemma, bare: info.bare, object: info.object ?? false });
  }
  const phrases = [...cues.according, ...cues.quoted, ...cues.citing];
  // Verbs are matched in lower case only ("States" in "United States" is not a verb);
  // phrases also capitalised ("According to").
  const phraseAlt = phrases.map((p) => `${p[0]!.toUpperCase() === p[0] ? '' : `[${p[0]}${p[0]!.toUpperCase()}]`}${esc(p.slice(1)).replace(/ /g, '\\s+')}`).join('|');
  const cue = new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${phraseAlt}|${alt([...verbs.keys()])})(?![\\p{L}\\p{N}'’-])`, 'gu');
  const pronouns = new Map<string, readonly EntityType[]>();
  for (const [p, types] of Object.entries(cues.pronouns)) pronouns.set(p, types as EntityType[]);
  return {
    verbs,
    cue,
    according: new Set(cues.according),
    quoted: new Set(cues.quoted),
    citing: new Set(cues.citing),
    asSaying: new RegExp(`^\\s*(?:${alt(cues.asSaying)})\\b`, 'i'),
    addressee: new RegExp(`^\\s+(?:${alt(cues.addressees)})\\b`, 'i'),
    setting: new RegExp(`^\\s*,?\\s*(?:${alt(cues.settings)})\\b\\s*,?`, 'i'),
    adverb: new RegExp(`(?:^|\\s)(?:${alt(cues.adverbs)})\\s*$`, 'i'),
    passive: new Set(cues.passive),
    pronouns,
    trailing: new RegExp(`,\\s*(?:[\\p{L}'’.-]+\\s+){0,6}?(?:${alt([...verbs.keys()])})(?:\\s+[\\p{L}\\d'’-]+){0,4}\\s*(?:,\\s*(?:citing|quoting|adding)\\b.*)?[.!?"”’]*\\s*$|,\\s*(?:according\\s+to|citing|quoting|adding)\\b|\\s+(?:while|and|but|whereas)\\s+(?:he|she|they|it|\\p{Lu}[\\p{L}-]+)\\s+(?:also\\s+)?(?:${alt([...verbs.keys()])})\\b`, 'u'),
    role: new RegExp(`(?:^|\\s)(?:the|a|an|its|their|his|her)?\\s*(?:[\\p{L}-]+\\s+){0,3}(?:${alt(cues.roles)})\\s*$`, 'iu'),
  };
}

// ---------------------------------------------------------------------------

interface Quote {
  /** The opening and closing quotation marks. */
  open: number;
  close: number;
}

const OPEN_QUOTES = '“"«„';
const CLOSE_FOR: Record<string, string> = { '“': '”', '"': '"', '«': '»', '„': '“' };

/** Quotation-mark pairs within a paragraph (curly, straight, guillemets). */
/** The next opening quotation mark (one of OPEN_QUOTES). */
const OPENER = new RegExp(`[${OPEN_QUOTES}]`, 'g');

function findQuotes(text: string): Quote[] {
  const quotes: Quote[] = [];
  let i = 0;
  while (i < text.length) {
    OPENER.lastIndex = i;
    const o = OPENER.exec(text);
    if (!o) break;
    i = o.index;
    const closer = CLOSE_FOR[o[0]]!.charCodeAt(0);
    let j = i + 1;
    for (let c = text.charCodeAt(j); j < text.length && c !== closer && !(c === 10 && text.charCodeAt(j + 1) === 10); c = text.charCodeAt(++j)) {
      if (closer === 0x201d && c === 0x201c) break; // an unclosed quote: restart at the next opener
    }
    if (j < text.length && text.charCodeAt(j) === closer) {
      quotes.push({ open: i, close: j });
      i = j + 1;
      continue;
    }
    i = j > i + 1 && text[j] === '“' ? j : i + 1;
  }
  return quotes;
}

const TIME_WORD = `(?:${[...WEEKDAY_NAMES, ...MONTH_NAMES, ...MONTHS.flatMap((m) => m.abbr)].join('|')})\\.?`;
/** Time and place words between a cue and its clause: "on Sunday", "on 1 October", "today", "in Ankara". */
const MODIFIER = new RegExp(
  `^\\s*,?\\s*(?:(?:late|early)\\s+)?(?:on\\s+(?:\\d{1,2}\\s+)?${TIME_WORD}(?:\\s+\\d{1,2})?(?:,?\\s+\\d{4})?|on\\s+(?:the\\s+)?\\d{1,2}(?:st|nd|rd|th)?|today|yesterday|tonight|last\\s+(?:week|night|month)|this\\s+(?:week|morning)|earlier|later|also|in\\s+(?:the\\s+)?\\p{Lu}[\\p{L}-]*(?:\\s+\\p{Lu}[\\p{L}-]*)?|${TIME_WORD}\\s+\\d{1,2})\\b\\s*,?`,
  'u',
);
/** What may stand after a sentence-final cue: punctuation, closing quotes and time words. */
const FINAL_TAIL = /^[\s.!?"”’»)\]]*$/;
/** A dateline before the story: "ALEPPO – ", "MOSCOW, Oct 1 (Reuters) - ". */
const DATELINE = /^\s*\p{Lu}[\p{Lu} .'-]+(?:,[^–—-]{0,40})?\s+[–—-]+\s+/u;
/** What follows "said" but is no clause: a preposition phrase or an object ("said after the call"). */
const NOT_A_CLAUSE = /^(?:after|before|in|on|at|during|following|when|while|as|to|of|with|for|by|from|about|so|nothing|no|this|it\s+was|earlier|later)\b/i;
const BOUNDARY_WORD = /(?:^|[\s])(?:that|while|after|when|but|because|since|before|where|which|who|whereas|although|as)\s+/giu;

interface Speaker {
  span: Span & { text: string };
  id?: string;
  entity?: number;
  basis: ScoredAttribution['basis'];
}

class Finder {
  readonly quotes: Quote[];
  readonly used = new Set<Quote>();
  readonly out: ScoredAttribution[] = [];
  constructor(readonly doc: Doc, readonly k: AttributionKnowledge) {
    this.quotes = findQuotes(doc.text);
  }

  get text(): string {
    return this.doc.text;
  }

  sentenceAt(pos: number): { index: number; start: number; end: number } {
    const ss = this.doc.sentences;
    if (ss.length === 0) return { index: 0, start: 0, end: this.text.length };
    let lo = 0;
    let hi = ss.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ss[mid]!.start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return { index: lo, start: ss[lo]!.start, end: ss[lo]!.end };
  }

  insideQuote(pos: number): Quote | undefined {
    return this.quotes.find((q) => q.open < pos && pos < q.close);
  }

  /** A quote closing right before `pos` (only white space, commas or dashes between). */
  quoteEndingAt(pos: number): Quote | undefined {
    return this.quotes.find((q) => {
      if (q.close >= pos) return false;
      const gap = this.text.slice(q.close + 1, pos);
      if (!/^[\s\u00a0,—–-]*(?:(?:the|a|an)\s+)?$/i.test(gap)) return false;
      // "“…,” X said" / "“…?” X asked": a quote ending in a full stop closes its sentence.
      return gap.includes(',') || !/\.\s*$/.test(this.text.slice(q.open + 1, q.close));
    });
  }

  /** A quote opening right at `pos` (after white space, a colon or comma). */
  quoteOpeningAt(pos: number): Quote | undefined {
    const m = /^[\s,:]*(?:that\s+)?/.exec(this.text.slice(pos, pos + 12));
    const at = pos + (m ? m[0].length : 0);
    return this.quotes.find((q) => q.open === at);
  }

  entityAt(start: number, end: number): number {
    return this.doc.entities.findIndex((e) => e.start >= start && e.end <= end);
  }

  /** The nearest mention before `pos` in the same or previous sentence of one of `types`. */
  antecedent(pos: number, types: readonly EntityType[]): number {
    const s = this.sentenceAt(pos);
    const from = s.index > 0 && this.doc.sentences.length > 0 ? this.doc.sentences[s.index - 1]!.start : s.start;
    let best = -1;
    let bestAny = -1;
    this.doc.entities.forEach((e, i) => {
      if (e.start < from || e.end > pos || !types.includes(e.type)) return;
      if (this.insideQuote(e.start)) return;
      if (e.id && e.id !== 'UNK') best = i;
      bestAny = i;
    });
    return best >= 0 ? best : bestAny;
  }

  fromEntity(i: number, span?: Span & { text: string }, basis: Speaker['basis'] = 'named'): Speaker {
    const e = this.doc.entities[i]!;
    const sp: Speaker = { span: span ?? { start: e.start, end: e.end, text: e.text }, entity: i, basis };
    if (e.id) sp.id = e.id;
    return sp;
  }

  /** The speaker of the last attribution whose cue is in the same or previous sentence:
   *  "“…,” Erdogan said. “…,” he added." keeps the speaker. */
  previousSpeaker(pos: number, types: readonly EntityType[], span: Span & { text: string }): Speaker | null {
    const s = this.sentenceAt(pos);
    const from = s.index > 0 && this.doc.sentences.length > 0 ? this.doc.sentences[s.index - 1]!.start : s.start;
    const prev = this.out
      .filter((a) => a.cue.start >= from && a.cue.end <= pos && a.speaker?.entity !== undefined)
      .sort((a, b) => a.cue.start - b.cue.start)
      .pop();
    if (!prev) return null;
    const e = this.doc.entities[prev.speaker!.entity!]!;
    if (!types.includes(e.type) || !e.id) return null;
    return this.fromEntity(prev.speaker!.entity!, span, 'pronoun');
  }

  /** A mention without an id that is a role word or pronoun: resolve it to an earlier named mention. */
  resolve(i: number, start: number, end: number): Speaker {
    const e = this.doc.entities[i]!;
    const word = this.text.slice(start, end).toLowerCase();
    const types = this.k.pronouns.get(word);
    if (types) {
      const p = this.previousSpeaker(start, types, { start, end, text: this.text.slice(start, end) });
      if (p) return p;
    }
    if (types) {
      // The nearest earlier mention outside quotes, before the entity stage's own guess
      // (which may pick a person named inside the quote the pronoun's owner is saying).
      const a = this.antecedent(start, types);
      if (a >= 0 && this.doc.entities[a]!.id) return this.fromEntity(a, { start, end, text: this.text.slice(start, end) }, 'pronoun');
      if (e.id) return this.fromEntity(i, undefined, 'pronoun');
    }
    if (e.id) return this.fromEntity(i);
    const pronounTypes = this.k.pronouns.get(word);
    if (pronounTypes || this.k.role.test(' ' + this.text.slice(start, end))) {
      const a = this.antecedent(start, pronounTypes ?? ['person', 'organization', 'group']);
      if (a >= 0) return this.fromEntity(a, { start, end, text: this.text.slice(start, end) }, pronounTypes ? 'pronoun' : 'role');
    }
    return this.fromEntity(i);
  }

  /** A bare pronoun or role phrase (not an entity mention) resolved to an antecedent. */
  pronounSpeaker(start: number, end: number): Speaker | null {
    const raw = this.text.slice(start, end);
    const word = raw.toLowerCase();
    const types = this.k.pronouns.get(word) ?? this.k.pronouns.get(word.replace(/^(him|her|them)$/, (w) => (w === 'them' ? 'they' : w === 'him' ? 'he' : 'she')));
    const span = { start, end, text: raw };
    if (types) {
      const p = this.previousSpeaker(start, types, span);
      if (p) return p;
      const a = this.antecedent(start, types);
      return a >= 0 ? this.fromEntity(a, span, 'pronoun') : { span, basis: 'pronoun' };
    }
    if (this.k.role.test(' ' + raw) && /^the\s/i.test(raw) && !/s$/i.test(raw)) {
      const a = this.antecedent(start, ['person', 'organization', 'group']);
      return a >= 0 ? this.fromEntity(a, span, 'role') : { span, basis: 'unnamed' };
    }
    return null;
  }

  /** The subject of a cue at `v`, read leftwards from `v` back to `from`. */
  leftSubject(from: number, v: number): Speaker | null | 'none' {
    let end = v;
    // Adverbs and auxiliaries before the verb: "Lavrov further said", "he has also said".
    for (;;) {
      const m = this.k.adverb.exec(this.text.slice(from, end));
      if (!m || m[0].trim() === '') break;
      end = from + m.index;
    }
    let chunk = this.text.slice(from, end);
    let chunkStart = from;
    let appositivePerson = -1;
    let appositive: Span | null = null;
    const trimmed = chunk.replace(/\s+$/, '');
    if (/^[\s"“”'’,.:;—–-]*$/.test(trimmed)) return 'none';
    if (trimmed.endsWith(',')) {
      // "X, the spokesperson for Y, said" / "Residents, as well as Z, said": the subject is
      // before the opening comma. Without an opening comma the subject follows the verb.
      const inner = trimmed.slice(0, -1);
      const open = inner.lastIndexOf(',');
      if (open < 0) return 'none';
      const appositiveText = inner.slice(open + 1);
      if (appositiveText.split(/\s+/).length > 20 || /[;:"“”]/.test(appositiveText)) return 'none';
      const lead0 = appositiveText.length - appositiveText.trimStart().length;
      appositive = { start: from + open + 1 + lead0, end: from + open + 1 + appositiveText.trimEnd().length };
      appositivePerson = this.doc.entities.findIndex((e) => e.type === 'person' && e.start >= from + open + 1 && e.end <= from + inner.length);
      chunk = inner.slice(0, open);
      const prior = chunk.lastIndexOf(',');
      if (prior >= 0) {
        chunkStart = from + prior + 1;
        chunk = chunk.slice(prior + 1);
      }
    } else {
      const cut = Math.max(chunk.lastIndexOf(','), chunk.lastIndexOf(';'), chunk.lastIndexOf(':'), chunk.lastIndexOf('('));
      if (cut >= 0) {
        chunkStart += cut + 1;
        chunk = chunk.slice(cut + 1);
      }
    }
    // Clause-opening words: "… that the ministry said" — the subject follows them.
    let bm: RegExpExecArray | null;
    let after = 0;
    let boundary = '';
    BOUNDARY_WORD.lastIndex = 0;
    while ((bm = BOUNDARY_WORD.exec(chunk))) {
      after = bm.index + bm[0].length;
      boundary = bm[0].trim().toLowerCase();
    }
    const coordinated = (boundary === 'but' && chunk.slice(after).trim() === '') || /(?:^|\s)and\s*$/i.test(chunk.slice(after));
    if (coordinated) {
      // "X stood by his comments but said …": the subject of the sentence.
      const i = this.doc.entities.findIndex((e) => e.start >= this.sentenceAt(v).start && e.end <= v &&
        (e.type === 'person' || e.type === 'organization' || e.type === 'group'));
      return i >= 0 ? this.resolve(i, this.doc.entities[i]!.start, this.doc.entities[i]!.end) : null;
    }
    if (after > 0 && chunk.slice(after).trim() === '' && (boundary === 'who' || boundary === 'which')) {
      // "…, child welfare advocates, who have said …": the noun before the relative pronoun.
      const at = chunkStart + after - boundary.length - 1;
      const i = this.doc.entities.findIndex((e) => e.end <= at && /^[\s,]*$/.test(this.text.slice(e.end, at)));
      return i >= 0 ? this.resolve(i, this.doc.entities[i]!.start, this.doc.entities[i]!.end) : null;
    }
    chunkStart += after;
    const region = chunk.slice(after);
    const lead = region.length - region.trimStart().length;
    const s0 = chunkStart + lead;
    const s1 = chunkStart + region.trimEnd().length;
    if (s1 <= s0) return null;
    const lastWord = /(?:^|\s)(\p{L}+)$/u.exec(region.trimEnd());
    if (lastWord && /^(?:he|she|they|we|i)$/i.test(lastWord[1]!)) {
      // "On the threat of strikes he said": the pronoun next to the verb is the subject.
      const pe = s1;
      const ps = pe - lastWord[1]!.length;
      const i = this.doc.entities.findIndex((e) => e.start === ps && e.end === pe);
      return i >= 0 ? this.resolve(i, ps, pe) : this.pronounSpeaker(ps, pe);
    }
    const inside = this.doc.entities
      .map((e, i) => ({ e, i }))
      .filter(({ e }) => e.start >= s0 && e.end <= s1);
    if (appositive && !inside.some(({ e }) => e.type === 'person')) {
      // "Syria's UN ambassador, Bashar Ja'afari, has said": the person in the appositive,
      // a mention or a capitalised name the entity stage missed.
      if (appositivePerson >= 0) {
        const e = this.doc.entities[appositivePerson]!;
        return this.resolve(appositivePerson, e.start, e.end);
      }
      const a = appositive;
      if (/^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u.test(this.text.slice(a.start, a.end))) return this.phraseSpeaker(a.start, a.end);
    }
    if (inside.length > 0) {
      // The head of the subject is its first mention ("Local sources in Syria's northwest"),
      // unless the chunk is long, when the mention nearest the verb is taken.
      // Between the mention and the verb: a short modifier ("in Syria's northwest"), never
      // a verb phrase ("Qatar has clashed with other Arab … states").
      const fits = (e: { end: number }) => {
        const gap = this.text.slice(e.end, s1).trim();
        return gap === '' || (gap.split(/\s+/).length <= 5 && !/\b(?:has|have|had|is|was|were|are|will|would|did|does)\b/i.test(gap));
      };
      const pick = [inside[0]!, inside[inside.length - 1]!].find(({ e }) => fits(e));
      if (!pick) return 'none';
      return this.resolve(pick.i, pick.e.start, pick.e.end);
    }
    const word = this.text.slice(s0, s1);
    if (/^\S+$/.test(word) && this.k.pronouns.has(word.toLowerCase())) return this.pronounSpeaker(s0, s1);
    const role = this.k.role.exec(' ' + word);
    if (role && word.split(/\s+/).length <= 5) return this.pronounSpeaker(s0, s1) ?? this.phraseSpeaker(s0, s1);
    return this.phraseSpeaker(s0, s1);
  }

  /** A subject no mention covers: a name the entity stage missed ("Hassan said") or a
   *  description ("Reports said", "a former fighter said"): its text, no id. */
  phraseSpeaker(s0: number, s1: number): Speaker | null {
    const word = this.text.slice(s0, s1);
    const words = word.split(/\s+/).length;
    if (words > 6 || /^(?:it|there|this|that|which|who)$/i.test(word) || !/\p{L}/u.test(word) || /\s[–—-]\s|[–—]/.test(word) ||
        /^(?:in|on|at|of|for|to|from|by|with|after|before|during|its|his|her|their|our|my|however|but|and|so|then|when|while|as)\b/i.test(word)) return null;
    const name = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}$/u.test(word);
    return { span: { start: s0, end: s1, text: word }, basis: name ? 'named' : 'unnamed' };
  }

  /** "said Lavrov", "said he": the subject right after the cue. */
  rightSubject(pos: number): Speaker | null {
    const m = /^\s+(?:the\s+)?/i.exec(this.text.slice(pos, pos + 6));
    if (!m) return null;
    const at = pos + m[0].length;
    // Titles the entity stage leaves outside the mention: "said Major Youssef Hamoud".
    const i = this.doc.entities.findIndex((e) => e.start >= pos && (e.start <= at + 1 ||
      /^\s+(?:the\s+)?(?:\p{Lu}[\p{L}.-]*\s+){1,4}$/u.test(this.text.slice(pos, e.start))));
    if (i >= 0) return this.resolve(i, this.doc.entities[i]!.start, this.doc.entities[i]!.end);
    const w = /^[\p{L}]+/u.exec(this.text.slice(at, at + 10));
    if (w && this.k.pronouns.has(w[0].toLowerCase()) && w[0] !== 'it') return this.pronounSpeaker(at, at + w[0].length);
    // "said Carboni", "said a former member of the group": a name or description up to the punctuation.
    const np = /^\s+((?:(?:the|a|an)\s+)?[\p{L}'’.-]+(?:\s+[\p{L}'’.-]+){0,7}?)(?=\s*(?:[,.;:!?)]|$))/u.exec(this.text.slice(pos, pos + 120));
    if (np && (/^(?:the|a|an)\s/i.test(np[1]!) || /^\p{Lu}/u.test(np[1]!))) {
      const s0 = pos + np[0].length - np[1]!.length;
      return this.phraseSpeaker(s0, s0 + np[1]!.length);
    }
    return null;
  }

  /** Skip objects, settings and time words after a cue; the position where the content begins. */
  skipModifiers(pos: number, object: boolean, end: number): number {
    if (object) {
      const a = this.k.addressee.exec(this.text.slice(pos, end));
      if (a) pos += a[0].length;
      else {
        const i = this.doc.entities.findIndex((e) => e.start >= pos && /^\s*(?:the\s+)?$/i.test(this.text.slice(pos, e.start)));
        if (i >= 0) pos = this.doc.entities[i]!.end;
        else {
          const o = /^\s+(?:him|her|them|us|me|the\s+\p{L}+|\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,3})(?=[\s,:.])/u.exec(this.text.slice(pos, end));
          if (o) pos += o[0].length;
        }
      }
    }
    for (let guard = 0; guard < 6; guard++) {
      const rest = this.text.slice(pos, end);
      const m = this.k.setting.exec(rest) ?? MODIFIER.exec(rest);
      if (!m || m[0].length === 0) break;
      pos += m[0].length;
    }
    return pos;
  }

  /** `[start, end)` trimmed of white space, final punctuation and stray quotation marks. */
  trimSpan(start: number, end: number): Span | null {
    const t = this.text;
    while (start < end && /[\s,:;"“”'‘’«»—–-]/.test(t[start]!)) start++;
    const count = (re: RegExp) => (t.slice(start, end).match(re) ?? []).length;
    while (end > start) {
      const c = t[end - 1]!;
      // A closing quote stays when it closes a quoted phrase inside the content.
      if (c === '”' && count(/“/g) >= count(/”/g)) break;
      if (c === '"' && count(/"/g) % 2 === 0 && t[start - 1] !== '"') break;
      if (!/[\s.,;:!?"“”'‘’«»)—–-]/.test(c)) break;
      end--;
    }
    // Keep a closing bracket or question mark that belongs to the content.
    if (end < t.length && t[end] === '?' ) end++;
    return end - start >= 3 ? { start, end } : null;
  }

  add(content: Span | null, kind: 'direct' | 'reported', cue: Span, speaker: Speaker | null, confidence: number): void {
    if (!content) return;
    const a: ScoredAttribution = {
      start: content.start,
      end: content.end,
      kind,
      cue: { start: cue.start, end: cue.end, text: this.text.slice(cue.start, cue.end) },
      speaker: speaker ? { ...speaker.span, ...(speaker.id ? { id: speaker.id } : {}), ...(speaker.entity !== undefined ? { entity: speaker.entity } : {}) } : null,
      confidence: speaker ? confidence * (speaker.basis === 'named' ? (speaker.id ? 1 : 0.85) : speaker.basis === 'unnamed' ? 0.5 : 0.75) : confidence * 0.5,
      basis: speaker?.basis ?? 'unnamed',
    };
    a.confidence = Math.round(a.confidence * 100) / 100;
    if (this.out.some((o) => o.start === a.start && o.end === a.end && o.speaker?.id === a.speaker?.id && o.speaker?.start === a.speaker?.start)) return;
    this.out.push(a);
  }

  direct(q: Quote, cue: Span, speaker: Speaker | null): void {
    this.used.add(q);
    this.add(this.trimSpan(q.open + 1, q.close), 'direct', cue, speaker, 0.95);
  }

  /** A speech verb at `[v, ve)`. */
  verb(v: number, ve: number, cue: VerbCue): void {
    const t = this.text;
    const s = this.sentenceAt(v);
    const prev = /([\p{L}]+)\s*$/u.exec(t.slice(Math.max(s.start, v - 20), v));
    // "refused to say" is no cue; "went on to say", "continued to say" are (see cues.json adverbs)
    const chained = /\b(?:went|goes|go|continued|continues|proceeded)\s+(?:on\s+)?to\s*$/i.test(t.slice(Math.max(s.start, v - 24), v));
    if (prev && (this.k.passive.has(prev[1]!.toLowerCase()) || (prev[1]!.toLowerCase() === 'to' && !chained))) return;
    if (this.insideQuote(v)) return; // speech within speech
    // The subject: left of the verb, back to the sentence start or the last quote closing.
    let from = s.start;
    for (const q of this.quotes) if (q.close < v && q.close >= from) from = q.close + 1;
    let speaker: Speaker | null = null;
    let subjectStart = v;
    let contentFrom = ve;
    const left = this.leftSubject(from, v);
    if (left === 'none') {
      const right = this.rightSubject(ve);
      if (!right) {
        // "“…,” said the ministry"? Only a quote right before makes an unnamed cue worth keeping.
        if (!this.quoteEndingAt(v)) return;
      } else {
        speaker = right;
        contentFrom = Math.max(ve, right.span.end);
        // "said Major X, the spokesperson for Y." — an appositive after an inverted subject.
        const ap = /^,[^,.;:"“”]{1,80}(?=[.!?]\s*$|,)/.exec(t.slice(contentFrom, s.end));
        if (ap) contentFrom += ap[0].length;
      }
    } else if (left === null) {
      return;
    } else {
      speaker = left;
      subjectStart = Math.min(subjectStart, left.span.start);
    }
    // The cue takes in a generic addressee and a setting: "told reporters", "said in a statement".
    let cueEnd = ve;
    if (contentFrom === ve) {
      const ad = cue.object ? this.k.addressee.exec(t.slice(ve, s.end)) : null;
      if (ad) cueEnd += ad[0].length;
      const st = this.k.setting.exec(t.slice(cueEnd, s.end));
      if (st && /^\s/.test(st[0])) cueEnd += st[0].replace(/[\s,]+$/, '').length;
    }
    const cueSpan = { start: v, end: cueEnd };
    // Direct speech with the quote before: "“…,” Lavrov said" / "“…,” said Lavrov".
    const before = this.quoteEndingAt(Math.min(subjectStart, v));
    // Only a quote that opens its sentence is the speaker's whole utterance; a quoted phrase
    // inside a clause ("… “once and for all”, AP reports.") leaves the clause reported.
    if (before && !this.used.has(before) && /^[\s\u00a0]*$/.test(t.slice(this.sentenceAt(before.open).start, before.open))) {
      this.direct(before, cueSpan, speaker);
      return;
    }
    let pos = this.skipModifiers(contentFrom, cue.object, s.end);
    const opening = this.quoteOpeningAt(pos);
    if (opening && !this.used.has(opening)) {
      this.direct(opening, cueSpan, speaker);
      // Text after the quote in the same sentence is not the cue's content.
      return;
    }
    let rest = t.slice(pos, s.end);
    if (cueEnd > ve) {
      // "said in an interview published in the Arab press that …": the setting runs on to "that".
      const late = /^[^,;:"“”]{0,80}?\s(?=that\b)/.exec(rest);
      if (late) {
        pos += late[0].length;
        rest = t.slice(pos, s.end);
      }
    }
    const that = /^\s*(?:,\s*)?that\b\s*/.exec(rest);
    if (that) {
      const m = that;
      this.add(this.trimSpan(pos + m[0].length, this.clauseEnd(pos + m[0].length, s.end)), 'reported', cueSpan, speaker, 0.9);
      return;
    }
    if (/^\s*:/.test(rest)) {
      const m = /^\s*:\s*/.exec(rest)!;
      // An opening quote that never closes (nested or broken quotes) is still direct speech.
      const kind = /^["“«]/.test(rest.slice(m[0].length)) ? 'direct' : 'reported';
      this.add(this.trimSpan(pos + m[0].length, this.clauseEnd(pos + m[0].length, s.end)), kind, cueSpan, speaker, 0.85);
      return;
    }
    if (cue.lemma === 'accuse' && /^\s+of\b/.test(rest)) {
      // "accused Russia of violating the truce": the accusation, object included.
      this.add(this.trimSpan(contentFrom, this.clauseEnd(contentFrom, s.end)), 'reported', cueSpan, speaker, 0.8);
      return;
    }
    if (FINAL_TAIL.test(rest) || /^\s*,?\s*(?:citing|quoting|adding|according)\b/.test(rest)) {
      // Sentence-final: "The army advanced, Lavrov said." The content ends at the comma
      // before the subject (or before the verb when the subject follows it).
      const head = t.slice(s.start, Math.min(subjectStart, v));
      const comma = head.lastIndexOf(',');
      // The subject's own words after the comma ("Moscow's Foreign Minister") stay short.
      if (comma < 0 || head.slice(comma + 1).trim().split(/\s+/).length > 6) return;
      const dateline = DATELINE.exec(head);
      this.add(this.trimSpan(s.start + (dateline ? dateline[0].length : 0), s.start + comma), 'reported', cueSpan, speaker, 0.85);
      // "…, Lavrov said on Saturday, adding that the process is going slowly."
      const adding = /^\s*,?\s*(adding)(?:\s+that)?\s+/.exec(rest);
      if (adding) {
        const at = pos + adding.index + adding[0].indexOf('adding');
        this.add(this.trimSpan(pos + adding[0].length, this.clauseEnd(pos + adding[0].length, s.end)), 'reported', { start: at, end: at + 6 }, speaker, 0.85);
      }
      return;
    }
    if (cue.bare && speaker !== null && contentFrom === ve || (cue.bare && cue.lemma === 'tell')) {
      const body = t.slice(pos, s.end).trim();
      if (/^[,(]/.test(body) || body.split(/\s+/).length < 3 || NOT_A_CLAUSE.test(body)) return;
      if (!/^\p{Ll}|^\p{Lu}/u.test(body)) return;
      this.add(this.trimSpan(pos, this.clauseEnd(pos, s.end)), 'reported', cueSpan, speaker, 0.75);
    }
  }

  /** Where reported content ends: the sentence end, or a trailing "…, he added" / ", according to". */
  clauseEnd(from: number, end: number): number {
    const body = this.text.slice(from, end);
    const m = this.k.trailing.exec(body);
    return m ? from + m.index : end;
  }

  /** "according to X": content before or after the phrase. */
  according(a: number, ae: number): void {
    const t = this.text;
    const s = this.sentenceAt(a);
    if (this.insideQuote(a)) return;
    let phraseEnd = t.indexOf(',', ae);
    if (phraseEnd < 0 || phraseEnd > s.end) phraseEnd = s.end;
    // "According to Major X, the spokesperson for Y, the campaign began": skip the appositive.
    if (phraseEnd < s.end) {
      const nextComma = t.indexOf(',', phraseEnd + 1);
      if (nextComma > 0 && nextComma < s.end) {
        const seg = t.slice(phraseEnd + 1, nextComma);
        if (/^\s*(?:the|a|an|who|which|a\s+\S+)\s/i.test(seg) && seg.split(/\s+/).length <= 12 &&
            this.doc.entities.some((e) => e.start > phraseEnd && e.end <= nextComma && (e.type === 'person' || e.type === 'organization' || e.type === 'group')) &&
            /\b(?:spokes\w*|head|director|chief|commander|official|minister|leader|founder|monitor|observatory|group|agency|member|analyst|expert|envoy|ambassador|representative)\b/i.test(seg)) {
          phraseEnd = nextComma;
        }
      }
    }
    let speaker: Speaker | null = null;
    const i = this.doc.entities.findIndex((e) => e.start >= ae && e.end <= phraseEnd);
    if (i >= 0) speaker = this.resolve(i, this.doc.entities[i]!.start, this.doc.entities[i]!.end);
    else {
      const w = /^\s+(him|her|them|[\p{L} -]+)/u.exec(t.slice(ae, phraseEnd));
      const word = w?.[1]?.trim() ?? '';
      if (/^(him|her|them)$/i.test(word)) speaker = this.pronounSpeaker(ae + w![0].indexOf(word), ae + w![0].indexOf(word) + word.length);
      else if (word && this.k.role.test(' ' + word)) speaker = this.pronounSpeaker(ae + w![0].indexOf(word), ae + w![0].indexOf(word) + word.length);
    }
    const cue = { start: a, end: ae };
    const beforeText = t.slice(s.start, a);
    const afterText = t.slice(phraseEnd, s.end);
    const atStart = /^[\s"“]*$/.test(beforeText);
    const atEnd = FINAL_TAIL.test(afterText);
    let content: Span | null;
    if (atStart) content = this.trimSpan(phraseEnd, s.end);
    else if (atEnd) content = this.trimSpan(s.start, a);
    else {
      const b = this.trimSpan(s.start, a);
      const c = this.trimSpan(phraseEnd, s.end);
      content = (b && (!c || b.end - b.start >= c.end - c.start)) ? b : c;
    }
    if (content) {
      const q = this.quotes.find((x) => x.open >= content!.start - 1 && x.close <= content!.end + 1 && x.close - x.open > (content!.end - content!.start) * 0.8);
      if (q && !this.used.has(q)) {
        this.direct(q, cue, speaker);
        return;
      }
    }
    this.add(content, 'reported', cue, speaker, 0.9);
  }

  /** "quoted X as saying" / "cited X as saying" / "X was quoted as saying". */
  quoted(c: number, ce: number): void {
    const t = this.text;
    const s = this.sentenceAt(c);
    if (this.insideQuote(c)) return;
    let speaker: Speaker | null = null;
    let asAt: RegExpExecArray | null = this.k.asSaying.exec(t.slice(ce, s.end));
    let cueEnd: number;
    if (asAt) {
      // "X was quoted as saying": the subject is before.
      const left = this.leftSubject(s.start, c);
      const prevWord = /(\p{L}+)\s*$/u.exec(t.slice(s.start, c))?.[1]?.toLowerCase();
      if (prevWord !== 'was' && prevWord !== 'were' && prevWord !== 'been') return;
      const l2 = this.leftSubject(s.start, c - (t.slice(s.start, c).length - t.slice(s.start, c).replace(/\s*(?:was|were|been)\s*$/, '').length));
      speaker = l2 === 'none' ? (left === 'none' ? null : left) : l2;
      cueEnd = ce + asAt[0].length;
    } else {
      const i = this.doc.entities.findIndex((e) => e.start >= ce && e.start - ce <= 6);
      if (i < 0) return;
      const e = this.doc.entities[i]!;
      let after = e.end;
      const ap = /^,[^,.;:]{1,80},/.exec(t.slice(after, s.end));
      if (ap) after += ap[0].length;
      asAt = this.k.asSaying.exec(t.slice(after, s.end));
      if (!asAt) {
        // "…, the agency cited military sources." works like "citing".
        if (t.slice(c, ce).toLowerCase() === 'cited') this.citing(c, ce);
        return;
      }
      speaker = this.resolve(i, e.start, e.end);
      cueEnd = after + asAt[0].length;
    }
    const cue = { start: c, end: cueEnd };
    const pos = this.skipModifiers(cueEnd, false, s.end);
    const q = this.quoteOpeningAt(pos);
    if (q && !this.used.has(q)) {
      this.direct(q, cue, speaker);
      return;
    }
    const m = /^\s*(?:that\s+)?/.exec(t.slice(pos, s.end))!;
    this.add(this.trimSpan(pos + m[0].length, this.clauseEnd(pos + m[0].length, s.end)), 'reported', cue, speaker, 0.85);
  }

  /** "…, the agency reported, citing military sources." */
  citing(c: number, ce: number): void {
    const t = this.text;
    const s = this.sentenceAt(c);
    if (this.insideQuote(c)) return;
    const i = this.doc.entities.findIndex((e) => e.start >= ce && e.start - ce <= 6);
    if (i < 0) return;
    const e = this.doc.entities[i]!;
    if (this.k.asSaying.test(t.slice(e.end, s.end))) {
      this.quoted(c, ce);
      return;
    }
    const speaker = this.resolve(i, e.start, e.end);
    // The content is what the sentence's other attribution reports, else the text before the comma.
    const other = this.out.filter((o) => o.cue.start >= s.start && o.cue.end <= c && o.end <= c).sort((x, y) => x.cue.start - y.cue.start).pop();
    const content = other ? { start: other.start, end: other.end } : this.trimSpan(s.start, t.lastIndexOf(',', c));
    this.add(content, other?.kind ?? 'reported', { start: c, end: ce }, speaker, 0.8);
  }

  /** Quotes with no cue that directly follow a quote by the same speaker. */
  continuations(): void {
    const directs = this.out.filter((a) => a.kind === 'direct');
    for (const q of this.quotes) {
      if (this.used.has(q)) continue;
      const body = this.text.slice(q.open + 1, q.close);
      if (body.trim().split(/\s+/).length < 4) continue;
      const prev = directs.filter((a) => a.end <= q.open).pop();
      if (!prev) continue;
      const between = this.text.slice(Math.max(prev.end, prev.cue.end), q.open);
      if (between.length > 200 || /\n\s*\n/.test(between)) continue;
      if (this.doc.entities.some((e) => e.start >= prev.end && e.end <= q.open && e.type === 'person' && e.id !== prev.speaker?.id)) continue;
      const sq = this.sentenceAt(q.open).index;
      const sp = this.sentenceAt(Math.max(prev.end, prev.cue.end)).index;
      if (sq - sp > 1) continue;
      this.used.add(q);
      const content = this.trimSpan(q.open + 1, q.close);
      if (!content) continue;
      const a: ScoredAttribution = { ...prev, start: content.start, end: content.end, confidence: Math.round(prev.confidence * 0.7 * 100) / 100, basis: 'continued' };
      this.out.push(a);
      directs.push(a);
      directs.sort((x, y) => x.start - y.start);
    }
  }
}

/** The attribution stage: direct quotes and reported speech with their speakers. */
export const findAttributions: Stage<AttributionKnowledge, Attribution> = (doc, k) => {
  const f = new Finder(doc, k);
  const cuesFound: { start: number; end: number; word: string }[] = [];
  k.cue.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = k.cue.exec(doc.text))) cuesFound.push({ start: m.index, end: m.index + m[0].length, word: m[0].toLowerCase().replace(/\s+/g, ' ') });
  // Verbs first (they give the content that "citing X" borrows), phrases after.
  for (const c of cuesFound) {
    const v = k.verbs.get(c.word);
    if (v) f.verb(c.start, c.end, v);
  }
  for (const c of cuesFound) {
    if (k.according.has(c.word)) f.according(c.start, c.end);
    else if (k.quoted.has(c.word)) f.quoted(c.start, c.end);
  }
  for (const c of cuesFound) if (k.citing.has(c.word)) f.citing(c.start, c.end);
  f.continuations();
  return f.out.sort((a, b) => a.start - b.start || a.cue.start - b.cue.start);
};

