// Explicit calendar dates in metadata, bylines and datelines ("September 26 2021",
// "26 Sept. 2021", "2021-09-26T10:00:00Z", "Sun, 26 Sep 2021 10:00:00 GMT"), shared by the
// HTML and the plain-text extractors. Relative dates belong to the times stage.

import { MONTH_NUMBERS } from '../analyze/times/names.js';

/** A month's name or abbreviation (src/analyze/times/names.ts), captured, and a dot. */
const MONTH_RE = `(${Object.keys(MONTH_NUMBERS).join('|')})\\.?`;
const MDY = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b`, 'i');
const DMY = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?\\s+${MONTH_RE},?\\s+((?:19|20)\\d{2})\\b`, 'i');
const ISO_DAY = /\b((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/;
const COMPACT = /^((?:19|20)\d{2})(\d{2})(\d{2})(?:$|[T\s])/;
const YMD_TEXT = new RegExp(`^((?:19|20)\\d{2})\\s+${MONTH_RE}\\s+(\\d{1,2})\\b`, 'i');
const GLUED = new RegExp(`^${MONTH_RE}\\s+(\\d{1,2})((?:19|20)\\d{2})(?!\\d)`, 'i');
const NUMERIC_DMY = /\b(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)\d{2})\b/;

function monthNumber(name: string): number {
  return MONTH_NUMBERS[name.toLowerCase()]!;
}

/** YYYY-MM-DD when the day exists, else null. */
function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2100) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A metadata date value as YYYY-MM-DD. ISO timestamps keep the calendar day they state
 * (no time-zone shift: the publisher's local day is the one printed on the page).
 */
export function normaliseDate(value: string): string | null {
  const v = value.trim();
  if (v === '') return null;
  let m = ISO_DAY.exec(v);
  if (m) return isoDate(+m[1]!, +m[2]!, +m[3]!);
  m = COMPACT.exec(v);
  if (m) return isoDate(+m[1]!, +m[2]!, +m[3]!);
  const textual = findExplicitDate(v);
  if (textual) return textual;
  // "2023 Jan 7" (citation metadata).
  m = YMD_TEXT.exec(v);
  if (m) return isoDate(+m[1]!, monthNumber(m[2]!), +m[3]!);
  m = NUMERIC_DMY.exec(v);
  if (m) return numericDay(+m[1]!, +m[2]!, +m[3]!);
  if (/^\d{10}(\d{3})?$/.test(v)) {
    // Unix time in seconds or milliseconds.
    const ms = v.length === 13 ? +v : +v * 1000;
    const d = new Date(ms);
    return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return null;
}

/** Ambiguous d/m/y vs m/d/y: the reading that is a valid day, day-first when both are. */
function numericDay(a: number, b: number, y: number): string | null {
  return a > 12 ? isoDate(y, b, a) : b > 12 ? isoDate(y, a, b) : isoDate(y, b, a);
}

/** A numeric day at the very start of a string: "26.11.2014", "15-09-2013", "04/07/2015". */
export function leadingNumericDate(s: string): string | null {
  const m = /^(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d{2})(?!\d)/.exec(s);
  return m ? numericDay(+m[1]!, +m[3]!, +m[4]!) : null;
}

/**
 * A month-name date whose comma and space a scraper dropped, so the day runs into the year:
 * "Apr 152017", "Jul 012016". Only for a string that starts with it (a dateline), where no
 * other reading of the digits is likely.
 */
export function leadingGluedDate(s: string): string | null {
  const m = GLUED.exec(s);
  return m ? isoDate(+m[3]!, monthNumber(m[1]!), +m[2]!) : null;
}

/** The first explicit calendar date written in running text, as YYYY-MM-DD. */
export function findExplicitDate(s: string): string | null {
  let m = MDY.exec(s);
  const mdy = m ? { at: m.index, date: isoDate(+m[3]!, monthNumber(m[1]!), +m[2]!) } : null;
  m = DMY.exec(s);
  const dmy = m ? { at: m.index, date: isoDate(+m[3]!, monthNumber(m[2]!), +m[1]!) } : null;
  m = ISO_DAY.exec(s);
  const iso = m ? { at: m.index, date: isoDate(+m[1]!, +m[2]!, +m[3]!) } : null;
  let best: { at: number; date: string | null } | null = null;
  for (const c of [mdy, dmy, iso]) if (c && c.date && (!best || c.at < best.at)) best = c;
  return best?.date ?? null;
}
