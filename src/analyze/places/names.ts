// How a place name becomes a lookup key. Two keys: the exact key (case, accents, dots and
// apostrophes folded: "Dar‘ā" and "Dar'a" -> "dara") and a loose key for Arabic
// transliterations ("Deraa" / "Daraa", "Zawiya" / "Zawya"), which folds vowels and
// doubled letters and drops the article ("al-", "el-", "ad-"...). The loose key is only
// consulted when the exact key finds nothing, and only for places in countries where such
// spellings vary (LOOSE_COUNTRIES).

/** Exact key: lower case, no accents, no dots or apostrophes, hyphens and runs of spaces as one space. */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`ʻʼ´.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Abbreviated words GeoNames spells out: "Mt. Pleasant" is also Mount Pleasant, "Ft. Worth" Fort Worth. */
export const SPELLED_OUT: Readonly<Record<string, string>> = { mt: 'mount', ft: 'fort', st: 'saint', pt: 'point' };

/** A key with its first word spelt out and its spaces dropped: "mt pleasant" and "mount pleasant", "desoto" and "de soto" agree. */
export function fullKey(key: string): string {
  const words = key.split(' ');
  if (words.length > 1 && SPELLED_OUT[words[0]!]) words[0] = SPELLED_OUT[words[0]!]!;
  return words.join('');
}

const ARTICLE = /(^| )(?:al|el|ad|an|ar|as|ash|at|az|ed|ez|es|ul|un)(?= )/g;

/** Loose key over an exact key: article dropped, vowels (and y, w between vowels) folded, doubled letters single. */
export function looseKey(key: string): string {
  return key
    .replace(ARTICLE, ' ')
    .replace(/ou/g, 'u')
    .replace(/[aeiouy]+/g, 'a')
    .replace(/kh/g, 'k')
    .replace(/q/g, 'k')
    .replace(/(.)\1+/g, '$1')
    .replace(/ /g, '');
}

/** Countries whose place names reach English through Arabic, Persian, Turkish or Kurdish transliteration. */
export const LOOSE_COUNTRIES: ReadonlySet<string> = new Set([
  'SY', 'IQ', 'LB', 'JO', 'PS', 'IL', 'YE', 'SA', 'LY', 'EG', 'TN', 'DZ', 'MA', 'SD', 'AF', 'IR', 'TR', 'KW', 'QA', 'AE', 'OM', 'BH',
]);

/** A name written in Latin letters (GeoNames alternate names include many scripts). */
export const isLatinName = (name: string): boolean => /^[\p{Script=Latin}\p{M}0-9 '’‘`ʻʼ´.\-()]+$/u.test(name) && /\p{L}/u.test(name);
