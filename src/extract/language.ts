// Language identification by character trigram statistics (franc-min: 82 languages),
// reported as ISO 639-1. Short or mixed texts come back `und`.
import { franc } from 'franc-min';

const ISO1: Record<string, string> = {
  eng: 'en', arb: 'ar', rus: 'ru', tur: 'tr', fra: 'fr', deu: 'de', spa: 'es', por: 'pt', ita: 'it', nld: 'nl',
  ukr: 'uk', pes: 'fa', urd: 'ur', heb: 'he', cmn: 'zh', jpn: 'ja', kor: 'ko', hin: 'hi', pol: 'pl', swe: 'sv',
  ell: 'el', ron: 'ro', hun: 'hu', ces: 'cs', bul: 'bg', srp: 'sr', hrv: 'hr', azj: 'az', kaz: 'kk', uzn: 'uz',
  ind: 'id', zlm: 'ms', vie: 'vi', tha: 'th', ben: 'bn', amh: 'am', som: 'so', swh: 'sw', hau: 'ha', kmr: 'ku',
};

/** English function words: frequent in any English sentence, rare as whole words elsewhere. */
const ENGLISH = new Set(['the', 'of', 'and', 'to', 'in', 'is', 'was', 'were', 'are', 'for', 'with', 'on', 'that', 'by', 'at', 'from', 'said', 'has', 'have', 'had', 'it', 'its', 'his', 'their', 'which', 'after', 'will', 'would', 'been', 'an', 'as', 'this', 'who', 'they', 'he', 'she', 'not']);

/** Share of English function words among a Latin-script text's words, and how many distinct ones. */
function englishShare(text: string): { share: number; distinct: number } {
  const words = text.slice(0, 4000).toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return { share: 0, distinct: 0 };
  const hits = words.filter((w) => ENGLISH.has(w));
  return { share: hits.length / words.length, distinct: new Set(hits).size };
}

/**
 * The text's language. Trigram statistics misread short English texts full of foreign names
 * ("Putin met with Erdogan in Sochi" as Dutch): a text whose words are at least a fifth
 * English function words, several of them different, is English whatever the trigrams say.
 * That test is asked first: it is cheap, and the trigrams (a quarter of the time of
 * extracting and analysing an English article) are then needed only for the rest.
 */
export function detectLanguage(text: string): string {
  const { share, distinct } = englishShare(text);
  if (share >= 0.2 && distinct >= 3) return 'en';
  return ISO1[franc(text.slice(0, 4000), { minLength: 20 })] ?? 'und';
}
