// The contract between the analysis stages. Each stage is a pure, synchronous function
// `(doc, knowledge) => layer`: it reads the clean text, the article's metadata and the
// layers of the stages before it, and returns its own layer. It never edits another
// stage's layer and does no I/O; its knowledge is loaded once and passed in.
import type { Attribution, EntityMention, PlaceMention, Quantity, Sentence, TimeMention } from '../model/index.js';

/** What a stage sees. Layers of stages that have not run yet are empty. */
export interface Doc {
  readonly text: string;
  /** Publication date (YYYY-MM-DD), the anchor for relative dates; null when unknown. */
  readonly published: string | null;
  /** ISO 639-1 language code or `und`. */
  readonly language: string;
  readonly title: string | null;
  readonly sentences: readonly Sentence[];
  readonly entities: readonly EntityMention[];
  readonly places: readonly PlaceMention[];
  readonly times: readonly TimeMention[];
  readonly quantities: readonly Quantity[];
  readonly attributions: readonly Attribution[];
}

/** A stage: a pure function of the document so far and its knowledge. */
export type Stage<K, L> = (doc: Doc, knowledge: K) => L[];

/**
 * A Doc for `text` with no layers yet, unless given: how tests, evaluation and the
 * pipeline start one. Sentences are not split here (the sentence stage does that).
 */
export function docOf(text: string, fields: Partial<Omit<Doc, 'text'>> = {}): Doc {
  return {
    text, published: null, language: 'en', title: null,
    sentences: [], entities: [], places: [], times: [], quantities: [], attributions: [],
    ...fields,
  };
}

interface Span { readonly start: number; readonly end: number }

/**
 * The items inside each sentence (`start >= s.start && end <= s.end`), in their own order:
 * the same arrays as filtering the items once per sentence, in one pass over both. Falls
 * back to that filtering when the sentences are not in order, empty or overlapping, or an
 * item is empty (it could lie in two sentences that touch).
 */
export function bySentence<T extends Span>(items: readonly T[], sentences: readonly Span[]): T[][] {
  const out: T[][] = sentences.map(() => []);
  let ordered = true;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    if (s.start >= s.end || (i > 0 && s.start < sentences[i - 1]!.end)) { ordered = false; break; }
  }
  if (ordered) for (const x of items) if (x.start >= x.end) { ordered = false; break; }
  if (!ordered) return sentences.map((s) => items.filter((x) => x.start >= s.start && x.end <= s.end));
  for (const x of items) {
    // the last sentence that starts at or before the item: the only one that can hold it
    let lo = 0, hi = sentences.length - 1, at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid]!.start <= x.start) { at = mid; lo = mid + 1; } else hi = mid - 1;
    }
    if (at >= 0 && x.end <= sentences[at]!.end) out[at]!.push(x);
  }
  return out;
}

const placesBySentence = new WeakMap<readonly Span[], { sentences: readonly Span[]; by: Span[][] }>();

/** `bySentence(doc.places, doc.sentences)`, computed once per document (the layers are never edited). */
export function placesIn(doc: Doc): readonly (readonly PlaceMention[])[] {
  const got = placesBySentence.get(doc.places);
  if (got && got.sentences === doc.sentences) return got.by as PlaceMention[][];
  const by = bySentence(doc.places, doc.sentences);
  placesBySentence.set(doc.places, { sentences: doc.sentences, by });
  return by;
}
