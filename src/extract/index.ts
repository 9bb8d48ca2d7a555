// RawDocument -> Article: clean text and metadata. HTML goes through Readability on
// linkedom (./html.ts), plain text through line normalisation (./text.ts). Caller-given
// metadata (JSONL fields) wins over what is read off the page.
import { createHash } from 'node:crypto';
import { fail, ok, type Article, type PublishedBasis, type RawDocument, type Result } from '../model/index.js';
import { inferPublication } from '../analyze/times/index.js';
import { extractHtml } from './html.js';
import { identifyLanguage, storedLanguage, type LanguageGuess } from './language.js';
import type { DroppedLine } from './boilerplate.js';
import { simhash } from './simhash.js';
import { extractText, readTextHead } from './text.js';

export { extractHtml } from './html.js';
export { extractText, normaliseText } from './text.js';

/** sha256 of the text with white space folded: the same story text is stored once. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex');
}

/** An article as extracted, with the lines dropped as page furniture (for --explain). */
export interface Extraction {
  article: Article;
  dropped: DroppedLine[];
  /** The language detector's answer with its reliability flag (the article keeps the code). */
  language: LanguageGuess;
}

interface Extracted {
  title: string | null;
  byline: string | null;
  published: string | null;
  publishedBasis: PublishedBasis;
  outlet?: string | null;
  origin?: string | null;
  language?: string | null;
  text: string;
}

export function extractDocument(raw: RawDocument): Result<Article> {
  const r = extractExplained(raw);
  return r.ok ? ok(r.value.article) : r;
}

/** Metadata a caller may give, none of which may hold a NUL character (no store keeps one). */
const GIVEN = ['sourceId', 'url', 'outlet', 'title', 'published'] as const;

export function extractExplained(raw: RawDocument): Result<Extraction> {
  const withNul = GIVEN.find((field) => raw[field]?.includes('\u0000'));
  if (withNul) return fail(`its ${withNul} holds a NUL character`);
  let page: Extracted;
  let dropped: DroppedLine[] = [];
  if (raw.kind === 'html') {
    const html = extractHtml(raw.content, raw.url ? { url: raw.url } : {});
    if (!html.ok) return html;
    page = html.value;
  } else if (raw.clean === false) {
    // Analyse the text exactly as given, so that gold offsets line up: then a NUL cannot be
    // taken out either.
    if (raw.content.includes('\u0000')) return fail('the text holds a NUL character, which no store keeps (without "clean": false it would be removed)');
    page = { ...readTextHead(raw.content), text: raw.content };
  } else {
    const text = extractText(raw.content);
    page = text;
    dropped = text.dropped;
  }
  if (page.text.trim() === '') return fail('no article text found');
  const published = raw.published ?? page.published;
  const guess = published ? null : inferPublication(page.text, { notAfter: new Date().toISOString().slice(0, 10) });
  // The text's own statistics beat a page's declared language, which templates often get
  // wrong; an unsure detector leaves the page's word or `und` (stored, not analysed as English).
  const lang = identifyLanguage(page.text);
  const detected = storedLanguage(lang);
  const article: Article = {
    sourceId: raw.sourceId,
    url: raw.url ?? null,
    outlet: raw.outlet ?? page.outlet ?? null,
    title: raw.title ?? page.title,
    byline: page.byline,
    origin: page.origin ?? null,
    published,
    publishedBasis: raw.published ? 'given' : published ? page.publishedBasis : 'none',
    publishedGuess: guess
      ? { date: guess.date, precision: guess.precision, ...(guess.earliest ? { earliest: guess.earliest } : {}), ...(guess.latest ? { latest: guess.latest } : {}), basis: guess.basis, confidence: guess.confidence }
      : null,
    language: detected !== 'und' ? detected : page.language ?? 'und',
    text: page.text,
    contentHash: contentHash(page.text),
    simhash: simhash(page.text),
  };
  return ok({ article, dropped, language: lang });
}
