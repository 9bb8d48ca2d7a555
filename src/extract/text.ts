// Scraped plain text: white space normalised, page furniture dropped (./boilerplate.ts),
// title, byline and dateline found.
import { dropBoilerplate, type DroppedLine } from './boilerplate.js';
import { DATELINE_OPENER, DATELINE_WEEKDAY } from '../analyze/times/clauses.js';
import { MONTH_PREFIX, WEEKDAY_PREFIX } from '../analyze/times/names.js';
import { findExplicitDate, leadingGluedDate, leadingNumericDate } from './dates.js';

export interface ExtractedText {
  title: string | null;
  byline: string | null;
  published: string | null;
  publishedBasis: 'byline' | 'dateline' | 'none';
  /** The outlet named by a trailing "Read more … at: X" house line. */
  outlet: string | null;
  /** Where a repost came from: "Continue this report at X". */
  origin: string | null;
  text: string;
  /** Lines dropped as page furniture, with the reason. */
  dropped: DroppedLine[];
}

/** How far into the text a byline or dateline may stand. */
const HEAD_LINES = 10;
const BYLINE = /^(?:by|written by|reporting by)\s+\S/i;
/** What may stand before a date at the very start of a text, ending where the date begins. */
const LEAD_PREFIX = new RegExp(`^(?:${DATELINE_OPENER})?(?:${DATELINE_WEEKDAY})?`, 'i');
/** A month-name date begins here ("05 Jul 2016", "July 20 2016"). */
const NAMED_DATE_AHEAD = `\\d{1,2}\\s+[a-z]{3}|${MONTH_PREFIX}\\.?\\s+\\d`;
const NAMED_DATE_START = new RegExp(`^(?:${NAMED_DATE_AHEAD})`, 'i');
/** A wire dateline after the headline on one run-on first line: "… Monitor AFP Monday 13 Nov 2017 Air strikes …". */
const WIRE_DATELINE = new RegExp(`\\b(?:AFP|Reuters|AP|Anadolu|SANA|TASS|Sputnik|Xinhua|DPA|Al Jazeera)\\s+(?:${WEEKDAY_PREFIX}\\s+)?(?=${NAMED_DATE_AHEAD})`, 'i');

/** The date a text starts with, after an optional "Posted on", "Last updated at" or weekday. */
function leadDate(text: string): string | null {
  const rest = text.slice(LEAD_PREFIX.exec(text)![0].length, 200);
  if (NAMED_DATE_START.test(rest)) return findExplicitDate(rest.slice(0, 24)) ?? leadingGluedDate(rest);
  return leadingNumericDate(rest);
}

/** Normalises scraped text: line ends, no-break and zero-width spaces, blank-line runs. */
export function normaliseText(raw: string): string {
  return raw
    // Control characters other than tabs and line breaks mean nothing in a story (and
    // PostgreSQL cannot store NUL): they go.
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b\u200c\u200d\u2060\ufeff]/g, '')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Metadata read off the head of a text, without changing the text. */
export function readTextHead(text: string): Omit<ExtractedText, 'text' | 'dropped' | 'outlet' | 'origin'> {
  const head = text.split('\n').map((l) => l.trim()).filter((l) => l !== '').slice(0, HEAD_LINES);
  const title = head.find((l) => /\p{L}{2,}/u.test(l) && l.length <= 300 && !BYLINE.test(l)) ?? null;
  const byline = head.find((l) => BYLINE.test(l) && l.length <= 160) ?? null;
  const bylineDate = byline ? findExplicitDate(byline) : null;
  if (bylineDate) return { title, byline, published: bylineDate, publishedBasis: 'byline' };
  for (const line of head) {
    if (line === title || line.length > 120) continue;
    const date = findExplicitDate(line);
    if (date) return { title, byline, published: date, publishedBasis: 'dateline' };
  }
  // A dateline run into the first line: "Tue 05 Jul 2016 Suicide bombing kills ...",
  // "Date of publication 22 June 2016 At least ...", "Posted on July 20 2016 by ...",
  // "26.11.2014 Some 50 ...", "Last updated at Apr 152017 A ..." (comma and space scraped off).
  const date = leadDate(text);
  if (date) return { title, byline, published: date, publishedBasis: 'dateline' };
  // a wire dateline after the headline on one run-on first line: "… Monitor AFP Monday 13 Nov 2017 Air strikes …"
  const wire = WIRE_DATELINE.exec(text.slice(0, 200));
  const wireDate = wire ? findExplicitDate(text.slice(wire.index + wire[0].length, wire.index + wire[0].length + 24)) : null;
  if (wireDate) return { title, byline, published: wireDate, publishedBasis: 'dateline' };
  // a time stamp whose colon was scraped off, then a numeric day: "… Middle East 1730 28.04.2017 …"
  const stamp = /\b(?:[01]\d|2[0-3])[0-5]\d\s+(?=\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d{2}(?!\d))/.exec(text.slice(0, 200));
  const stampDate = stamp ? leadingNumericDate(text.slice(stamp.index + stamp[0].length, 220)) : null;
  if (stampDate) return { title, byline, published: stampDate, publishedBasis: 'dateline' };
  return { title, byline, published: null, publishedBasis: 'none' };
}

export function extractText(raw: string): ExtractedText {
  const { text, dropped } = dropBoilerplate(normaliseText(raw));
  const clean = normaliseText(text);
  // The furniture names the house and the source: "READ MORE … AT: <outlet>",
  // "Continue this report at <origin>".
  const named = (re: RegExp) => dropped.map((d) => re.exec(d.text)?.[1]?.trim()).find((x) => x) ?? null;
  return {
    ...readTextHead(clean),
    outlet: named(/^read more\b.*?\bat:\s*(.+?)\s*$/i),
    origin: named(/^continue (?:reading|this report) (?:at|on)\s+(.+?)\.?\s*$/i),
    text: clean,
    dropped,
  };
}
