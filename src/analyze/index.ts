// The analysis entry point: runs the stages in order over one article. Each stage is a
// pure function of the document so far (./types.ts) that returns its own layer; its
// knowledge (lexicons, dictionaries, gazetteer) is loaded once by loadKnowledge().
import type { AnalyzedArticle, Article } from '../model/index.js';
import { splitSentences } from './sentences/index.js';
import type { Doc } from './types.js';

export type { Doc, Stage } from './types.js';

// Empty while the only stage (sentences) carries its small lexicon itself; the entity,
// place, time and event stages add their dictionaries here.
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface Knowledge {}

export function loadKnowledge(): Knowledge {
  return {};
}

export function analyze(article: Article, _knowledge: Knowledge): AnalyzedArticle {
  let doc: Doc = {
    text: article.text, published: article.published, language: article.language, title: article.title,
    sentences: [], entities: [], places: [], times: [], quantities: [],
  };
  doc = { ...doc, sentences: splitSentences(doc.text) };
  return {
    article,
    sentences: [...doc.sentences], entities: [...doc.entities], places: [...doc.places],
    times: [...doc.times], quantities: [...doc.quantities], events: [],
  };
}
