// Page furniture in scraped plain text: share bars, newsletter and comment widgets, promos,
// captions, and the related-article blocks that end a page. Decided line by line from a
// reviewed lexicon (data/extract/boilerplate.json) and the line's shape; every dropped line
// is recorded with its reason, so that `sitrep extract --explain` shows what went.
import { readDataJson } from '../data-files.js';

type BoilerplateLexicon = typeof import('../../data/extract/boilerplate.json', { with: { type: 'json' } });
const lexicon = readDataJson<BoilerplateLexicon>('extract/boilerplate.json');

export interface DroppedLine {
  /** 1-based line number in the text given. */
  line: number;
  text: string;
  reason: string;
}

interface Rules {
  lines: RegExp[];
  endMarkers: RegExp[];
  socialWords: Set<string>;
}

const RULES: Rules = {
  lines: lexicon.lines.map((p) => new RegExp(`^(?:${p})`, 'u')),
  endMarkers: lexicon.endMarkers.map((p) => new RegExp(`^(?:${p})$`, 'u')),
  socialWords: new Set(lexicon.socialWords),
};

/** A heading that ends the story is short and has no sentence punctuation. */
const HEADING_MAX = 60;
/**
 * After an end marker, a line that reads as a sentence (this many words, closing
 * punctuation) means the story goes on: the marker is dropped alone. Headline lists and
 * widget labels do not read so.
 */
const SENTENCE_WORDS = 10;
const isSentence = (line: string) => /[.!?"”’)]$/.test(line) && line.split(' ').length >= SENTENCE_WORDS;

/** Lower-cased, white space folded: how lines are compared. */
export const fold = (line: string) => line.toLowerCase().replace(/\s+/g, ' ').trim();

function whyJunk(line: string): string | null {
  const f = fold(line);
  if (f === '') return null;
  if (!/\p{L}/u.test(f)) return 'no letters';
  const words = f.split(/[\s|•·/,]+/).filter(Boolean);
  if (words.length > 0 && words.every((w) => RULES.socialWords.has(w))) return 'share bar';
  for (const re of RULES.lines) if (re.test(f)) return `matches "${re.source.slice(4, -1)}"`;
  return null;
}

/** The text without its page furniture, and what was dropped. Line breaks are kept. */
export function dropBoilerplate(text: string): { text: string; dropped: DroppedLine[] } {
  const lines = text.split('\n');
  const dropped: DroppedLine[] = [];
  const keep = lines.map(() => true);
  const seen = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const f = fold(line);
    if (f === '') continue;
    const why = whyJunk(line);
    if (why) {
      keep[i] = false;
      dropped.push({ line: i + 1, text: line, reason: why });
      continue;
    }
    // A short line said twice (a promo repeated) is furniture; a repeated sentence is not.
    if (f.length <= HEADING_MAX && !/[.!?"”]$/.test(f) && seen.has(f)) {
      keep[i] = false;
      dropped.push({ line: i + 1, text: line, reason: 'repeated short line' });
      continue;
    }
    seen.set(f, i);
    if (f.length <= HEADING_MAX && RULES.endMarkers.some((re) => re.test(f))) {
      const tail = lines.slice(i + 1);
      const storyAfter = tail.some((l) => isSentence(fold(l)));
      keep[i] = false;
      dropped.push({ line: i + 1, text: line, reason: storyAfter ? 'section heading' : 'end of story' });
      if (!storyAfter) {
        tail.forEach((l, j) => {
          if (fold(l) === '') return;
          keep[i + 1 + j] = false;
          dropped.push({ line: i + 2 + j, text: l, reason: 'after the end of the story' });
        });
        break;
      }
    }
  }
  return { text: lines.filter((_, i) => keep[i]).join('\n'), dropped };
}
