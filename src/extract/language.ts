// Language identification: Google's CLD3 (the cld3-asm WebAssembly build), which says how
// sure it is (`reliable`), reported as ISO 639-1. When the WebAssembly module cannot be
// loaded, character trigram statistics (franc-min) stand in, with the same interface.
// Short or unclear texts come back `und`.
import { franc } from 'franc-min';

/** What the detector says about a text. */
export interface LanguageGuess {
  /** ISO 639-1 (or CLD3's code where there is none), `und` when undetermined. */
  language: string;
  /** The detector's own judgement that the answer can be trusted. */
  reliable: boolean;
  /** 0..1; for the fallback, 1 when reliable, else 0.5 (franc gives no probability). */
  probability: number;
  /** Which rule decided: CLD3, the English function-word test, or franc. */
  detector: 'cld3' | 'english-words' | 'franc';
}

/**
 * Characters of a text looked at: the start of an article says enough, and CLD3's time
 * grows with the length (about 1 ms for 2,000 characters, twice that for 4,000). On the
 * 1,627 texts of the shared data (the Guardian sample, FA-KES dev, the AEB and WCXB pages,
 * extracted), 1,000 characters gave the stored language of 2,000 on all but one (a page
 * in Indonesian or Malay, a pair CLD3 confuses), in 2.3-2.6 s against 3.9-5.1 s for all of
 * them; 700 changed 3 and 500 changed 7. At 2,000, CLD3 was 9 % of a pipeline thread's CPU
 * in an ingest of Guardian articles (bench/README.md).
 */
const SAMPLE_CHARS = 1000;
/**
 * Letters (counted in UTF-8 bytes, so that a CJK character weighs as much as the three or
 * so Latin letters it stands for) below which a text is not judged at all, and below which
 * no answer is reliable: CLD3 calls "Zzz" Luxembourgish with 0.72 and says it is sure.
 */
const MIN_LETTER_BYTES = 12;
const RELIABLE_LETTER_BYTES = 60;

interface Cld3 {
  findLanguage(text: string): { language: string; probability: number; is_reliable: boolean };
}

/**
 * The CLD3 identifier, or null when its WebAssembly module cannot be loaded (then franc is
 * used). Loaded once, when this module is first imported (about 30 ms).
 */
const cld3: Cld3 | null = await (async () => {
  try {
    const mod = await import('cld3-asm');
    const factory = await mod.loadModule();
    // Minimum 0 bytes: short texts are judged too, and flagged unreliable by CLD3 itself.
    return factory.create(0, SAMPLE_CHARS * 2);
  } catch {
    return null;
  }
})();

/** Whether CLD3 is the detector (false: it could not be loaded and franc stands in). */
export const cld3Loaded = cld3 !== null;

/** CLD3's codes that are not ISO 639-1 where one exists. */
const CLD3_ISO1: Record<string, string> = { iw: 'he', fil: 'tl' };

const FRANC_ISO1: Record<string, string> = {
  eng: 'en', arb: 'ar', rus: 'ru', tur: 'tr', fra: 'fr', deu: 'de', spa: 'es', por: 'pt', ita: 'it', nld: 'nl',
  ukr: 'uk', pes: 'fa', urd: 'ur', heb: 'he', cmn: 'zh', jpn: 'ja', kor: 'ko', hin: 'hi', pol: 'pl', swe: 'sv',
  ell: 'el', ron: 'ro', hun: 'hu', ces: 'cs', bul: 'bg', srp: 'sr', hrv: 'hr', azj: 'az', kaz: 'kk', uzn: 'uz',
  ind: 'id', zlm: 'ms', vie: 'vi', tha: 'th', ben: 'bn', amh: 'am', som: 'so', swh: 'sw', hau: 'ha', kmr: 'ku',
};

/** English function words: frequent in any English sentence, rare as whole words elsewhere. */
const ENGLISH = new Set(['the', 'of', 'and', 'to', 'in', 'is', 'was', 'were', 'are', 'for', 'with', 'on', 'that', 'by', 'at', 'from', 'said', 'has', 'have', 'had', 'it', 'its', 'his', 'their', 'which', 'after', 'will', 'would', 'been', 'an', 'as', 'this', 'who', 'they', 'he', 'she', 'not']);

/** How many of a text's words are English function words, and how many different ones. */
function englishWords(sample: string): { words: number; share: number; different: number } {
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return { words: 0, share: 0, different: 0 };
  const hits = words.filter((w) => ENGLISH.has(w));
  return { words: words.length, share: hits.length / words.length, different: new Set(hits).size };
}

/** Whether a text's words are at least a fifth English function words, several of them different. */
function readsAsEnglish(sample: string): boolean {
  const e = englishWords(sample);
  return e.share >= 0.2 && e.different >= 3;
}

/**
 * Whether a text is English beyond doubt, without asking CLD3: 30 words or more, a quarter
 * of them English function words, five of them different. On the 5,171 texts of the shared
 * data and the scale corpus (bench/scale.ts), no text of 30 words or more that CLD3 calls
 * another language has a tenth, except three English AP wires of LGL that CLD3 calls Greek,
 * Afrikaans and Indonesian "reliably" (0.30-0.35, now English); 87 % of the texts pass, and CLD3 was a tenth of an ingest thread's
 * CPU on the scale corpus (bench/README.md).
 */
function clearlyEnglish(sample: string): boolean {
  const e = englishWords(sample);
  return e.words >= 30 && e.share >= 0.25 && e.different >= 5;
}

const UNDETERMINED: LanguageGuess = { language: 'und', reliable: false, probability: 0, detector: 'cld3' };

/**
 * The text's language, with CLD3's reliability flag. A text that is clearly English (see
 * clearlyEnglish) is not given to CLD3 at all. Statistics misread short English texts
 * full of foreign names ("Putin met with Erdogan in Sochi" as German, unreliably): when the
 * detector is unsure, a text whose words are at least a fifth English function words,
 * several of them different, is English, and reliably so. A reliable answer is never
 * overruled.
 */
export function identifyLanguage(text: string): LanguageGuess {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const letterBytes = Buffer.byteLength((sample.match(/\p{L}/gu) ?? []).join(''));
  if (letterBytes < MIN_LETTER_BYTES) return UNDETERMINED;
  const longEnough = letterBytes >= RELIABLE_LETTER_BYTES;
  if (clearlyEnglish(sample)) return { language: 'en', reliable: true, probability: 1, detector: 'english-words' };
  if (cld3) {
    const r = cld3.findLanguage(sample);
    if (r.is_reliable && longEnough && r.language !== 'und') {
      return { language: cld3Code(r.language), reliable: true, probability: r.probability, detector: 'cld3' };
    }
    if (readsAsEnglish(sample)) return { language: 'en', reliable: true, probability: 1, detector: 'english-words' };
    // a short text CLD3 is unsure of ("Gen. Smith arrived on Sept. 29." as Danish) is undetermined
    if (!longEnough) return { ...UNDETERMINED, probability: r.probability };
    return { language: r.language === 'und' ? 'und' : cld3Code(r.language), reliable: false, probability: r.probability, detector: 'cld3' };
  }
  if (readsAsEnglish(sample)) return { language: 'en', reliable: true, probability: 1, detector: 'english-words' };
  const code = FRANC_ISO1[franc(sample, { minLength: 20 })] ?? 'und';
  // franc gives no confidence; a determined answer on a text of some length is taken as reliable.
  const reliable = code !== 'und' && longEnough;
  return { language: code, reliable, probability: reliable ? 1 : 0.5, detector: 'franc' };
}

/** CLD3's code as ISO 639-1: romanised variants ("ru-Latn") keep their language. */
function cld3Code(code: string): string {
  const base = code.split('-')[0]!;
  return CLD3_ISO1[base] ?? base;
}

/**
 * The language an article is stored under: the detector's answer when reliable; an
 * unreliable answer only when it is more likely than not; else `und`, so that an unclear
 * text is stored and flagged rather than analysed as English.
 */
export function storedLanguage(g: LanguageGuess): string {
  return g.reliable || g.probability >= 0.5 ? g.language : 'und';
}

/** The code an article with this text is stored under (see storedLanguage). */
export function detectLanguage(text: string): string {
  return storedLanguage(identifyLanguage(text));
}
