// Sentence splitting: one pass of a regex over the text finds candidate boundaries
// (terminal punctuation followed by white space, and line breaks); each candidate is
// decided from the word before it and the word after it. The abbreviation lexicon is data
// (abbreviations.json); see README.md for the rules and their limits.
import type { Sentence } from '../../model/index.js';
import lexicon from './abbreviations.json' with { type: 'json' };

/** How an abbreviation behaves before a following word. */
type AbbreviationKind = 'title' | 'month' | 'number' | 'other' | 'initialism';

interface Abbreviation {
  kind: AbbreviationKind;
  /** Listed with a capital ("Gen", "Ms"): matches only a capitalised word, so "ms" is not "Ms". */
  capital: boolean;
}
const ABBREVIATIONS = new Map<string, Abbreviation>();
function addAbbreviations(words: readonly string[], kind: AbbreviationKind): void {
  for (const word of words) {
    const capital = word[0] !== word[0]!.toLowerCase();
    ABBREVIATIONS.set(word.toLowerCase().replace(/\.$/, ''), { kind, capital });
  }
}
addAbbreviations(lexicon.titles, 'title');
addAbbreviations(lexicon.months, 'month');
addAbbreviations(lexicon.numberPrefixes, 'number');
addAbbreviations(lexicon.other, 'other');
addAbbreviations(lexicon.initialisms, 'initialism');

const STARTERS: ReadonlySet<string> = new Set(lexicon.sentenceStarters);
const CONTINUATIONS: ReadonlySet<string> = new Set(lexicon.continuationWords);
const CREDITS: ReadonlySet<string> = new Set(lexicon.creditWords);

// A decision about one candidate boundary.
const SPLIT = 0;
/** No split, unless a line break separates the two words and the next one is not lower case. */
const WEAK = 1;
/** No split within a paragraph, even across a line break. */
const JOIN = 2;
type Decision = typeof SPLIT | typeof WEAK | typeof JOIN;

// Alternative 1: a run of terminal punctuation (matched from the start of the run only),
// its closing quotes and brackets, then white space or the end, which is consumed.
// Alternative 2: CJK full stops, which need no white space after them.
// Alternative 3: a line break and the white space after it.
// Alternative 4: a closing parenthesis before white space and a capital: a boundary only
// after a photo or wire credit ("… near the border (TRT World and Agencies) A bomb killed").
// Each character is looked at once by the scan; the lookbehind keeps a long run of
// punctuation from being retried at every position.
const TERMINAL = '.!?\u2026\u3002\uff01\uff1f\u061f\u06d4';
const CJK_TERMINAL = '\u3002\uff01\uff1f';
const CANDIDATE = new RegExp(
  `(?<![${TERMINAL}])([${TERMINAL}]+)(["'\u201d\u2019\u00bb)\\]}]*)(?=\\s|$)\\s*` +
    `|([${CJK_TERMINAL}]+)([\u300d\u300f\u201d\u2019\uff09]*)\\s*` +
    `|(?:\\r\\n?|[\\n\\u2028\\u2029])\\s*` +
    `|(\\))[ \\t]+(?=[A-Z])`,
  'g',
);
const OPENERS = '"\'\u201c\u2018\u00ab([{';
/** Line-final characters after which the sentence runs on to the next line. */
const LINE_CONTINUATION = ',;:(-\u2013\u2014/&';
const WORD = /[\p{L}\p{M}]+/uy;
const INITIALISM = /^(?:\p{L}\.)+\p{L}$/u;
const CAPITAL = /^\p{Lu}$/u;
/** The longest word worth looking up as an abbreviation. */
const MAX_TOKEN = 24;

/**
 * Splits `text` into sentences: spans (UTF-16 offsets, end exclusive) that start and end
 * on a non-white-space character, in order, not overlapping, and covering every
 * non-white-space character of the text exactly once.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const re = CANDIDATE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const after = m.index + m[0].length;
    if (after >= text.length) break;
    if (m[5] !== undefined) {
      if (isCredit(text, m.index)) {
        push(sentences, text, start, m.index + 1);
        start = after;
      }
      continue;
    }
    const punct = m[1] ?? m[3];
    const cut = punct === undefined ? m.index : m.index + punct.length + (m[2] ?? m[4])!.length;
    const breaks = lineBreaks(text, cut, after);
    let decision: Decision;
    if (breaks >= 2) decision = SPLIT;
    else if (punct !== undefined) decision = afterPunctuation(text, m.index, punct, after);
    else decision = lineContinues(text, cut) ? JOIN : WEAK;
    if (decision === WEAK && breaks === 1 && !isLower(text, skipOpeners(text, after))) decision = SPLIT;
    if (decision === SPLIT) {
      // A closing quote set off by a space ("the area. ”") still ends this sentence.
      if (breaks === 0 && text.charCodeAt(after) === 0x201d && (after + 1 === text.length || isSpace(text.charCodeAt(after + 1)))) {
        push(sentences, text, start, after + 1);
        start = after + 1;
      } else {
        push(sentences, text, start, cut);
        start = after;
      }
    }
  }
  push(sentences, text, start, text.length);
  return sentences;
}

function push(sentences: Sentence[], text: string, start: number, end: number): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) sentences.push({ start, end });
}

/** Line breaks in the white space `text[from, to)`, counting a paragraph separator as two. */
function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to && n < 2; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 0x2028) n++;
    else if (c === 13) {
      n++;
      if (text.charCodeAt(i + 1) === 10) i++;
    } else if (c === 0x2029) n += 2;
  }
  return n;
}

function afterPunctuation(text: string, at: number, punct: string, next: number): Decision {
  const word = skipOpeners(text, next);
  if (isLower(text, word)) return WEAK;
  if (punct !== '.') return SPLIT; // ? ! … .. and the non-Latin full stops
  const token = tokenBefore(text, at);
  const entry = ABBREVIATIONS.get(token.toLowerCase());
  let kind: AbbreviationKind | 'initial' | undefined =
    entry === undefined || (entry.capital && !isUpper(token, 0)) ? undefined : entry.kind;
  if (kind === undefined) {
    if (INITIALISM.test(token)) kind = 'initialism';
    else if (CAPITAL.test(token)) kind = 'initial';
    else return SPLIT;
  }
  const digit = isDigit(text.charCodeAt(word));
  switch (kind) {
    case 'title':
      return JOIN;
    case 'number':
      return digit ? JOIN : SPLIT;
    case 'month':
      if (digit) return JOIN;
      return word > next || startsSentence(text, word) ? SPLIT : WEAK;
    case 'initial':
      return word > next || startsSentence(text, word) ? SPLIT : JOIN;
    default: // 'other', 'initialism'
      return word > next || startsSentence(text, word) ? SPLIT : WEAK;
  }
}

/** Whether the parenthesis closing at `close` holds a photo or wire credit ("(AFP Photo)"). */
function isCredit(text: string, close: number): boolean {
  const open = text.lastIndexOf('(', close);
  if (open < 0 || close - open > 60) return false;
  const words = text.slice(open + 1, close).trim().split(/\s+/);
  return CREDITS.has(words[words.length - 1]!);
}

/** The non-white-space run ending at `end`, without leading openers; '' when too long. */
function tokenBefore(text: string, end: number): string {
  let i = end;
  while (i > 0 && end - i <= MAX_TOKEN && !isSpace(text.charCodeAt(i - 1))) i--;
  if (end - i > MAX_TOKEN) return '';
  while (i < end && OPENERS.includes(text[i]!)) i++;
  return text.slice(i, end);
}

/** True when the sentence before a line break at `end` plainly runs on to the next line. */
function lineContinues(text: string, end: number): boolean {
  let i = end;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  if (i === 0) return false;
  if (LINE_CONTINUATION.includes(text[i - 1]!)) return true;
  let j = i;
  while (j > 0 && i - j <= MAX_TOKEN && isAsciiLower(text.charCodeAt(j - 1))) j--;
  if (j === i || i - j > MAX_TOKEN) return false;
  if (j > 0 && !isSpace(text.charCodeAt(j - 1))) return false; // not a whole lower-case word
  return CONTINUATIONS.has(text.slice(j, i));
}

/** Whether the word at `at` is a typical sentence starter ("The", "He", "But", ...). */
function startsSentence(text: string, at: number): boolean {
  WORD.lastIndex = at;
  const m = WORD.exec(text);
  if (m === null) return false;
  if (text[at + m[0].length] === '-') return false; // "Under-Secretary"
  return STARTERS.has(m[0]);
}

function skipOpeners(text: string, at: number): number {
  while (at < text.length && OPENERS.includes(text[at]!)) at++;
  return at;
}

/** A cased letter in lower case (Latin, Greek, Cyrillic...); caseless scripts are not. */
function isLower(text: string, at: number): boolean {
  const c = text[at];
  return c !== undefined && c !== c.toUpperCase();
}

function isUpper(text: string, at: number): boolean {
  const c = text[at];
  return c !== undefined && c !== c.toLowerCase();
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAsciiLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** The characters of JavaScript's `\s`. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
