// Word tokens with the facts the entity rules need: a spelling-insensitive key, case,
// sentence, and whether the token joins the one before it inside a name (only spaces,
// hyphens or an abbreviation dot between them).
import { readDataJson } from '../../data-files.js';
import { memoize } from '../memo.js';

/** The entity rules' closed word lists (data/entities/words.json), shaped as that file is. */
export type EntityWords = typeof import('../../../data/entities/words.json', { with: { type: 'json' } });
export const words: EntityWords = readDataJson<EntityWords>('entities/words.json');

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Accent-, apostrophe- and case-free key: "Erdoğan" -> "erdogan", "Hay'at" -> "hayat". */
  key: string;
  /** First letter is upper case. */
  upper: boolean;
  /** Two or more letters, all upper case ("HTS", "U.S."). */
  caps: boolean;
  /** The possessive ending split off a word ("Moscow’s" -> "Moscow" + "’s"). */
  possessive: boolean;
  sentence: number;
  /** First word token of its sentence. */
  first: boolean;
  /** The text between the previous token and this one is only spaces, hyphens or dots. */
  joined: boolean;
  /** A hyphen directly before this token ("Turkish-backed"). */
  hyphenBefore: boolean;
  /** The raw text between the previous word token and this one. */
  gap: string;
}

const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’ʼ`][\p{L}\p{M}]+)*/gu;
/** A pronoun's contracted verb ("We've", "they’re", "I'm"): the pronoun is the token. */
const CONTRACTED = /^(i|we|they|you|he|she|it)['’](ve|re|ll|d|m)$/i;
const SUN_LETTER_ARTICLES = new Set(words.sunLetterArticles.words);

/** Abbreviated titles (written as in the text): a sentence splitter may end a sentence at "Spc." before the name. */
const ABBREVIATED_TITLES = new Set(words.abbreviatedTitles.words);

/** Spellings of one Arabic word in English press, read as one ("Jaish" = "Jaysh" al-Islam). */
const TRANSLITERATIONS = new Map(Object.entries(words.transliterations.map));

/** The key of a word that is not plain ASCII letters and digits (accents, apostrophes, dots folded), kept: words recur. */
const foldedKey = memoize(200_000, (word) => {
  const key = word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i')
    .replace(/['’ʼ`ʻ.]/g, '')
    .toLowerCase();
  return TRANSLITERATIONS.get(key) ?? key;
});

/** The comparison key of a written form: accents, apostrophes, dots and case removed. */
export function keyOf(word: string): string {
  // (letters and digits of ASCII, most words: lower case is the key; quicker than the cache's lookup)
  if (asciiAlnum(word)) {
    const lower = word.toLowerCase();
    return TRANSLITERATIONS.get(lower) ?? lower;
  }
  return foldedKey(word);
}

/** `/^[A-Za-z0-9]*$/.test(word)`, without the expression. */
function asciiAlnum(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}

/** `/^\p{Lu}/u.test(t)`, without the expression for an ASCII first letter. */
function upperFirst(t: string): boolean {
  const c = t.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(t);
}

/** Two or more letters, all upper case, dots allowed (`/^[\p{Lu}.]+$/u` and two letters): by character code for ASCII. */
function allCaps(t: string): boolean {
  let letters = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 128) return /^[\p{Lu}.]+$/u.test(t) && t.replace(/\./g, '').length >= 2;
    if (c === 46) continue;
    if (c < 65 || c > 90) return false;
    letters++;
  }
  return letters >= 2;
}

export function tokenize(text: string, sentences: readonly { start: number; end: number }[] = []): Token[] {
  const spans = sentences.length > 0 ? sentences : [{ start: 0, end: text.length }];
  const out: Token[] = [];
  let s = 0;
  let prevEnd = 0;
  let prevSentence = -1;
  /** Sentence breaks undone after an abbreviated title. */
  let merged = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    let word = m[0];
    let poss: string | null = null;
    const n = word.length;
    if (n > 3 && (word[n - 1] === 's' || word[n - 1] === 'S') && (word[n - 2] === "'" || word[n - 2] === '’')) {
      poss = word.slice(n - 2);
      word = word.slice(0, n - 2);
    } else if (n <= 7 && CONTRACTED.test(word)) word = word.slice(0, word.search(/['’]/));
    // "the victims’ families": a plural's possessive apostrophe before the next word.
    const after = start + n;
    if (!poss && n > 3 && /[a-z]s$/.test(word) && (text[after] === '’' || text[after] === "'") && /^[ \t\u00a0]\p{L}/u.test(text.slice(after + 1, after + 3)) && !/['‘]\S*$/.test(text.slice(Math.max(0, start - 40), start))) {
      poss = text[after]!;
    }
    while (s < spans.length - 1 && start >= spans[s]!.end) s++;
    const push = (tStart: number, t: string, possessive: boolean): void => {
      const gap = text.slice(prevEnd, tStart);
      let sentence = s - merged;
      const prev = out[out.length - 1];
      if (sentence !== prevSentence && prev && ABBREVIATED_TITLES.has(prev.text) && /^\.[ \t\u00a0]+$/.test(gap) && /^\p{Lu}/u.test(t)) {
        merged++;
        sentence--;
      }
      let key = possessive ? 's' : keyOf(t);
      if (SUN_LETTER_ARTICLES.has(key) && /^[-‐]/.test(text.slice(tStart + t.length, tStart + t.length + 1))) key = 'al';
      out.push({
        start: tStart,
        end: tStart + t.length,
        text: t,
        key,
        upper: upperFirst(t),
        caps: allCaps(t),
        possessive,
        sentence,
        first: sentence !== prevSentence,
        // A hyphen with spaces around it is a dash between phrases ("Task Force - Operation X").
        joined: out.length > 0 && sentence === prevSentence && (gap === ' ' || gap === '' || (/^[ \t\u00a0\u200e\u200f\-‐.]*$/.test(gap) && !/\s[-‐]+\s/.test(gap))),
        hyphenBefore: gap.length > 0 && (gap.charCodeAt(gap.length - 1) === 45 || gap.charCodeAt(gap.length - 1) === 0x2010),
        gap,
      });
      prevEnd = tStart + t.length;
      prevSentence = sentence;
    };
    push(start, word, false);
    if (poss) push(start + word.length, poss, true);
  }
  return out;
}
