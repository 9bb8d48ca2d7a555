// What framing needs to know about a place in one article: its sentence and clause, and
// whose words stand there — the outlet's, a quoted or reported speaker's, words set apart
// by scare quotes, "so-called" or "what X calls", or negated ones.
import type { AnalyzedArticle, EntityMention, FramingEvidence, FramingSpeaker, FramingVoice, Span } from '../../model/index.js';
import { tokenize, type Token } from '../../analyze/entities/tokens.js';
import type { FormIndex, FramingLexicon } from './lexicon.js';

/** A quoted passage: the text between the marks, and who said it when the attribution layer knows. */
interface Passage extends Span {
  voice: 'quoted' | 'reported' | 'distanced';
  speaker: FramingSpeaker | null;
}

/** Words between a naming verb and its label: "calls [the] terrorists", "branded them as". */
const NAMING_GAP = new Set(['them', 'him', 'her', 'it', 'as', 'the', 'a', 'an', 'these', 'those', 'such', 'all']);
const CALL = new Set(['call', 'calls', 'called', 'calling']);
const OBJECTS = new Set(['them', 'him', 'her', 'it', 'as']);
/** Prepositions after which a country is a place, not an actor ("in Syria"). */
const LOCATIVE = new Set(['in', 'into', 'to', 'from', 'across', 'near', 'inside', 'outside', 'throughout', 'around', 'towards', 'toward', 'via', 'at']);
/** Clause edges inside a sentence: strong punctuation, and a comma before a conjunction or relative word. */
const CLAUSE_EDGE = /[;:—–()[\]]|,\s+(?=(?:and|but|while|whereas|which|who|whom|although|though|as|when|after|before|because|since|saying|adding|with|amid|despite)\b)/g;
/** Scare quotes hold a few words; longer quoted passages are someone's speech. */
const SCARE_WORDS = 5;

export interface Judged {
  voice: FramingVoice;
  speaker?: FramingSpeaker | null;
}

export class ArticleContext {
  readonly text: string;
  readonly sourceId: string;
  readonly toks: Token[];
  readonly entities: readonly EntityMention[];
  private readonly sentences: readonly Span[];
  private readonly passages: Passage[];
  private readonly headlines = new Map<number, boolean>();

  constructor(readonly doc: AnalyzedArticle, readonly lex: FramingLexicon) {
    this.text = doc.article.text;
    this.sourceId = doc.article.sourceId;
    this.sentences = doc.sentences.length > 0 ? doc.sentences : [{ start: 0, end: this.text.length }];
    this.toks = tokenize(this.text, this.sentences);
    this.entities = doc.entities;
    this.passages = this.readPassages();
  }

  /** The sentence index holding `pos`, or -1. */
  sentenceAt(pos: number): number {
    let lo = 0;
    let hi = this.sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.sentences[mid]!;
      if (pos < s.start) hi = mid - 1;
      else if (pos >= s.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  evidence(span: Span): FramingEvidence {
    const i = this.sentenceAt(span.start);
    const s = this.sentences[i] ?? span;
    return { sourceId: this.sourceId, sentence: i, start: s.start, end: s.end, span: { start: span.start, end: span.end } };
  }

  /** The clause around `pos`: its sentence cut at strong punctuation and at ", and/which/while…". */
  clauseAt(pos: number): Span {
    const s = this.sentences[this.sentenceAt(pos)] ?? { start: 0, end: this.text.length };
    let start = s.start;
    let end = s.end;
    for (const m of this.text.slice(s.start, s.end).matchAll(CLAUSE_EDGE)) {
      const at = s.start + m.index;
      if (at < pos) start = at + 1;
      else {
        end = at;
        break;
      }
    }
    return { start, end };
  }

  /** Index of the first token starting at or after `pos`. */
  tokenAt(pos: number): number {
    let lo = 0;
    let hi = this.toks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.toks[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The longest form of `index` starting at token `i` (its words joined), as the index after it. */
  formAt<T>(index: FormIndex<T>, i: number): { j: number; value: T } | null {
    const first = this.toks[i];
    for (const f of index.get(first?.key ?? '') ?? []) {
      let ok = true;
      for (let n = 1; n < f.keys.length && ok; n++) {
        const t = this.toks[i + n];
        ok = !!t && t.key === f.keys[n] && t.joined;
      }
      if (ok) return { j: i + f.keys.length, value: f.value };
    }
    return null;
  }

  /** A form of `index` that ends right before token `j` (within the same sentence), as its first token index. */
  formEndingAt<T>(index: FormIndex<T>, j: number): number | null {
    for (let i = j - 1; i >= Math.max(0, j - 4); i--) {
      const hit = this.formAt(index, i);
      if (hit && hit.j === j && this.toks[i]!.sentence === this.toks[j]?.sentence) return i;
    }
    return null;
  }

  /**
   * Whose words `span` is. Distanced (inside scare quotes, right after "so-called", or named
   * by someone: "what Moscow calls terrorists") comes first, then quoted and reported speech,
   * then negation; else the outlet's own.
   */
  judge(span: Span): Judged {
    const i = this.tokenAt(span.start);
    const passage = this.passages.find((p) => p.start <= span.start && span.end <= p.end);
    if (passage?.voice === 'distanced') return { voice: 'distanced', speaker: null };
    if (this.formEndingAt(this.lex.distancing, i) !== null) return { voice: 'distanced', speaker: null };
    const named = this.namedBy(i);
    if (named) return { voice: 'distanced', speaker: named };
    if (passage) return { voice: passage.voice, speaker: passage.speaker };
    if (this.negated(i)) return { voice: 'negated' };
    return { voice: 'own' };
  }

  /** Spans of scare quotes inside `span` ("militant ‘opposition’ fighters" -> opposition). */
  scareQuotesIn(span: Span): Span[] {
    return this.passages.filter((p) => p.voice === 'distanced' && span.start <= p.start && p.end <= span.end && (p.start > span.start || p.end < span.end));
  }

  /** "what Moscow calls X", "Damascus branded them X": the subject of the naming verb before token i. */
  private namedBy(i: number): FramingSpeaker | null {
    let j = i;
    while (j > 0 && j > i - 3 && NAMING_GAP.has(this.toks[j - 1]!.key) && this.formEndingAt(this.lex.naming, j) === null) j--;
    const verb = this.formEndingAt(this.lex.naming, j);
    if (verb === null) return null;
    // "so-called" is a distancing word, not the verb "called".
    if (this.toks[verb]!.hyphenBefore) return null;
    const clause = this.clauseAt(this.toks[verb]!.start);
    // "call" names only in "what X calls …" or with an object ("called them …"): "Erdogan called the Russian president" is a phone call.
    const objected = this.toks.slice(j, i).some((t) => OBJECTS.has(t.key));
    if (CALL.has(this.toks[verb]!.key) && !objected && !this.toks.slice(this.tokenAt(clause.start), verb).some((t) => t.key === 'what')) return null;
    const subject = lastOf(this.entities, (e) => e.end <= this.toks[verb]!.start && e.start >= clause.start && e.id !== undefined);
    return subject ? { text: subject.text, ...(subject.id ? { id: subject.id } : {}) } : { text: '' };
  }

  /** A negation word among the three words before token i, in the same clause. */
  private negated(i: number): boolean {
    const t = this.toks[i];
    if (!t) return false;
    const clause = this.clauseAt(t.start);
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
      const w = this.toks[k]!;
      if (w.start < clause.start) break;
      if (/n['’]t$/i.test(w.text) || this.formAt(this.lex.negation, k)) return true;
    }
    return false;
  }

  /** Whether sentence `n` is set in headline case (most longer words capitalised). */
  headline(n: number): boolean {
    let cached = this.headlines.get(n);
    if (cached === undefined) {
      const words = this.toks.filter((t) => t.sentence === n && /^\p{L}{4,}/u.test(t.text));
      cached = words.length >= 3 && words.filter((t) => t.upper).length >= 0.7 * words.length;
      this.headlines.set(n, cached);
    }
    return cached;
  }

  /** Whether the mention is a country named as a place ("in Syria"), not as an actor. */
  isPlace(e: EntityMention): boolean {
    if (e.type !== 'country') return false;
    const before = this.toks[this.tokenAt(e.start) - 1];
    return !!before && LOCATIVE.has(before.key);
  }

  /** Quoted and reported speech from the attribution layer, and quotation marks it does not credit; innermost first. */
  private readPassages(): Passage[] {
    const out: Passage[] = [];
    for (const a of this.doc.attributions) {
      const speaker = a.speaker ? { text: a.speaker.text, ...(a.speaker.id ? { id: a.speaker.id } : {}) } : null;
      out.push({ start: a.start, end: a.end, voice: a.kind === 'direct' ? 'quoted' : 'reported', speaker });
    }
    const direct = out.filter((p) => p.voice === 'quoted');
    for (const q of quotationMarks(this.text)) {
      if (direct.some((p) => p.start < q.end && q.start < p.end)) continue;
      const words = this.text.slice(q.start, q.end).split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
      out.push({ start: q.start, end: q.end, voice: words <= SCARE_WORDS ? 'distanced' : 'quoted', speaker: null });
    }
    return out.sort((a, b) => a.end - a.start - (b.end - b.start));
  }
}

function lastOf<T>(xs: readonly T[], fits: (x: T) => boolean): T | undefined {
  for (let i = xs.length - 1; i >= 0; i--) if (fits(xs[i]!)) return xs[i];
  return undefined;
}

const DOUBLE_OPEN = '“«„"';
const DOUBLE_CLOSE = '”»“"';

/**
 * The text inside quotation marks, paragraph by paragraph: double marks in any mix of curly
 * and straight (“foreign forces"), and single curly or straight marks around a few words
 * (‘opposition’) — never an apostrophe inside a word (Ankara’s).
 */
export function quotationMarks(text: string): Span[] {
  const out: Span[] = [];
  for (const para of text.matchAll(/[^\n]+/g)) {
    const p = para[0];
    const base = para.index;
    let open = -1;
    for (let i = 0; i < p.length; i++) {
      const c = p[i]!;
      const before = p[i - 1] ?? ' ';
      const after = p[i + 1] ?? ' ';
      // An opener inside an open quote (never closed): start again from it.
      if (open >= 0 && c === '“' && p[open] !== '„') open = i;
      else if (open < 0 && DOUBLE_OPEN.includes(c) && (c !== '"' || !/[\p{L}\p{N}]/u.test(before))) open = i;
      else if (open >= 0 && DOUBLE_CLOSE.includes(c) && i > open + 1 && !(c === '“' && p[open] !== '„')) {
        out.push({ start: base + open + 1, end: base + i });
        open = -1;
      } else if (open < 0 && (c === '‘' || c === "'") && !/[\p{L}\p{N}]/u.test(before) && /\p{L}/u.test(after)) {
        const close = singleClose(p, i + 1);
        if (close > 0) {
          out.push({ start: base + i + 1, end: base + close });
          i = close;
        }
      }
    }
  }
  return out;
}

/** The closing single mark of a short quote opened before `from`, or -1. */
function singleClose(p: string, from: number): number {
  for (let j = from; j < p.length && j < from + 80; j++) {
    const c = p[j]!;
    if ((c === '’' || c === "'") && !/\p{L}/u.test(p[j + 1] ?? ' ')) return j;
  }
  return -1;
}
