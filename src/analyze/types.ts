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
