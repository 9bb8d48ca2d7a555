// Language identification by character trigram statistics (franc-min: 82 languages),
// reported as ISO 639-1. Short or mixed texts come back `und`.
import { franc } from 'franc-min';

const ISO1: Record<string, string> = {
  eng: 'en', arb: 'ar', rus: 'ru', tur: 'tr', fra: 'fr', deu: 'de', spa: 'es', por: 'pt', ita: 'it', nld: 'nl',
  ukr: 'uk', pes: 'fa', urd: 'ur', heb: 'he', cmn: 'zh', jpn: 'ja', kor: 'ko', hin: 'hi', pol: 'pl', swe: 'sv',
  ell: 'el', ron: 'ro', hun: 'hu', ces: 'cs', bul: 'bg', srp: 'sr', hrv: 'hr', azj: 'az', kaz: 'kk', uzn: 'uz',
  ind: 'id', zlm: 'ms', vie: 'vi', tha: 'th', ben: 'bn', amh: 'am', som: 'so', swh: 'sw', hau: 'ha', kmr: 'ku',
};

export function detectLanguage(text: string): string {
  const code = franc(text.slice(0, 4000), { minLength: 20 });
  return ISO1[code] ?? 'und';
}
