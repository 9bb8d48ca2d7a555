// How a place name becomes a lookup key. Two keys: the exact key (case, accents, dots and
// apostrophes folded: "Dar‘ā" and "Dar'a" -> "dara") and a loose key for Arabic
// transliterations ("Deraa" / "Daraa", "Zawiya" / "Zawya"), which folds vowels and
// doubled letters and drops the article ("al-", "el-", "ad-"...). The loose key is only
// consulted when the exact key finds nothing, and only for places in countries where such
// spellings vary (LOOSE_COUNTRIES).
import { memoize } from '../memo.js';

/**
 * Keys already computed, by name: the stage keys the same spans and gazetteer names again
 * and again (each run's sub-spans, every entry's own name at each resolution pass). Bounded,
 * so that building the gazetteer's index (millions of names) does not keep them all.
 */
const MEMO_SIZE = 100_000;

const foldedKey = memoize(MEMO_SIZE, (n) =>
  n
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`ʻʼ´.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim(),
);

/** Exact key: lower case, no accents, no dots or apostrophes, hyphens and runs of spaces as one space. */
export function nameKey(name: string): string {
  if (plainWords(name)) return name.toLowerCase();
  return foldedKey(name);
}

/** ASCII letters and digits in words with one space between them: the key is the name in lower case. */
function plainWords(name: string): boolean {
  const n = name.length;
  if (n === 0 || name.charCodeAt(0) === 32 || name.charCodeAt(n - 1) === 32) return false;
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) continue;
    if (c !== 32 || name.charCodeAt(i - 1) === 32) return false;
  }
  return true;
}

/** Abbreviated words GeoNames spells out: "Mt. Pleasant" is also Mount Pleasant, "Ft. Worth" Fort Worth. */
export const SPELLED_OUT: Readonly<Record<string, string>> = { mt: 'mount', ft: 'fort', st: 'saint', pt: 'point' };

/** A key with its first word spelt out and its spaces dropped: "mt pleasant" and "mount pleasant", "desoto" and "de soto" agree. */
export const fullKey: (key: string) => string = memoize(MEMO_SIZE, (k) => {
  const words = k.split(' ');
  if (words.length > 1 && SPELLED_OUT[words[0]!]) words[0] = SPELLED_OUT[words[0]!]!;
  return words.join('');
});

const ARTICLE = /(^| )(?:al|el|ad|an|ar|as|ash|at|az|ed|ez|es|ul|un)(?= )/g;

/** Loose key over an exact key: article dropped, vowels (and y, w between vowels) folded, doubled letters single. */
export const looseKey: (key: string) => string = memoize(MEMO_SIZE, (k) =>
  k
    .replace(ARTICLE, ' ')
    .replace(/ou/g, 'u')
    .replace(/[aeiouy]+/g, 'a')
    .replace(/kh/g, 'k')
    .replace(/q/g, 'k')
    .replace(/(.)\1+/g, '$1')
    .replace(/ /g, ''),
);

/** Countries whose place names reach English through Arabic, Persian, Turkish or Kurdish transliteration. */
export const LOOSE_COUNTRIES: ReadonlySet<string> = new Set([
  'SY', 'IQ', 'LB', 'JO', 'PS', 'IL', 'YE', 'SA', 'LY', 'EG', 'TN', 'DZ', 'MA', 'SD', 'AF', 'IR', 'TR', 'KW', 'QA', 'AE', 'OM', 'BH',
]);

/** A name written in Latin letters (GeoNames alternate names include many scripts). */
export const isLatinName = (name: string): boolean => /^[\p{Script=Latin}\p{M}0-9 '’‘`ʻʼ´.\-()]+$/u.test(name) && /\p{L}/u.test(name);
