// Publication date of an article that carries no dated byline, inferred from its own text:
//   1. a short dated line near the top (a byline such as "By News Desk - September 26 2021");
//   2. the year: not before the latest year the text names (a year used as a modifier, "a
//      2020 agreement", means a later year), restricted by weekday–date pairs ("Monday,
//      February 10" fell on a Monday in 2014, 2020 and 2025), and preferring years in which
//      a weekday and a month-day told in the same tense fall on the same day ("due to meet
//      on September 29" … "on Wednesday");
//   3. the day: "today, February 17" when written; else after the latest past-tense date and
//      a few days before the earliest upcoming one.
// Every step records its basis; the story layer can refine the date from other articles.
import { splitSentences } from '../sentences/index.js';
import { type Day, dayOf, daysInMonth, isoDay, parseIsoDay, weekday, ymd } from './calendar.js';
import { recognise, type Reading } from './grammar.js';
import { tenseAt, type Tense } from './tense.js';

export type PublicationBasis =
  | 'byline' | 'today' | 'weekday-date' | 'weekday-coincidence' | 'explicit-years' | 'latest-event' | 'upcoming-event' | 'not-after';

export interface InferredPublication {
  /** Best single guess, YYYY-MM-DD (mid-year or mid-month when only the year or month is known). */
  date: string;
  precision: 'day' | 'month' | 'year';
  /** Inclusive bounds the evidence allows, when known. */
  earliest?: string;
  latest?: string;
  basis: PublicationBasis[];
  /** 0..1, how sure. */
  confidence: number;
}

export interface InferPublicationOptions {
  /**
   * The article cannot be newer than this day (when it was fetched; pass today's date).
   * Without it, a text that names no year gives no year.
   */
  notAfter?: string;
}

interface Dated {
  reading: Reading;
  tense: Tense;
  start: number;
  end: number;
}

const BYLINE_LINES = 12;
const BYLINE_MAX_LENGTH = 80;
const UPCOMING_LEAD_DAYS = 3;

/** A short line near the top holding a full date (not a photo caption). */
function bylineDate(text: string): string | null {
  for (const line of text.split('\n').slice(0, BYLINE_LINES)) {
    if (line.trim().length === 0 || line.length > BYLINE_MAX_LENGTH || /photo|credit|image/i.test(line)) continue;
    for (const m of recognise(line)) {
      const r = m.reading;
      if (r.k === 'date' && r.y !== undefined && r.m >= 1 && r.m <= 12 && r.d <= daysInMonth(r.y, r.m)) return isoDay(dayOf(r.y, r.m, r.d));
    }
  }
  return null;
}

/** Finds the likely publication date of `text` from the text alone; null when it names no year and no bound is given. */
export function inferPublication(text: string, options: InferPublicationOptions = {}): InferredPublication | null {
  const byline = bylineDate(text);
  if (byline) return { date: byline, precision: 'day', earliest: byline, latest: byline, basis: ['byline'], confidence: 0.9 };

  const sentences = splitSentences(text);
  const found: Dated[] = [];
  for (const m of recognise(text)) {
    const s = sentences.find((x) => x.start <= m.start && m.start < x.end) ?? { start: 0, end: text.length };
    found.push({ reading: m.reading, tense: tenseAt(text.slice(s.start, s.end), m.start - s.start, m.end - s.start), start: m.start, end: m.end });
  }

  // Step 2: the year.
  const basis: PublicationBasis[] = [];
  const notAfter = options.notAfter ? parseIsoDay(options.notAfter) : null;
  let yearLow: number | null = null;
  for (const f of found) {
    const r = f.reading;
    let y: number | undefined;
    if ((r.k === 'date' || r.k === 'month' || r.k === 'season' || r.k === 'quarter') && r.y !== undefined) y = r.y;
    if (r.k === 'year') {
      y = r.y;
      // "a 2020 agreement", "the 2018 offensive": named as a past year's thing.
      if (/\b(?:a|an|the)\s+$/i.test(text.slice(Math.max(0, f.start - 6), f.start)) && /^\s+[a-z]/.test(text.slice(f.end, f.end + 3))) y += 1;
    }
    // a year after the latest possible publication is not a year ("updated 2042" is a clock time)
    if (y !== undefined && notAfter !== null && y > ymd(notAfter).y) continue;
    if (y !== undefined && (yearLow === null || y > yearLow)) yearLow = y;
  }
  const yearHigh = notAfter !== null ? ymd(notAfter).y : yearLow !== null ? yearLow + 1 : null;
  if (yearHigh === null) return null;
  const from = yearLow ?? yearHigh - 40;
  let years: number[] = [];
  for (let y = from; y <= yearHigh; y++) years.push(y);
  if (yearLow !== null) basis.push('explicit-years');
  if (notAfter !== null) basis.push('not-after');

  const undated = found.filter((f) => f.reading.k === 'date' && f.reading.y === undefined) as (Dated & { reading: Extract<Reading, { k: 'date' }> })[];
  const pairs = undated.filter((f) => f.reading.wd !== undefined);
  if (pairs.length > 0) {
    const agreeing = years.filter((y) => pairs.every((p) => p.reading.m >= 1 && p.reading.d <= daysInMonth(y, p.reading.m) && weekday(dayOf(y, p.reading.m, p.reading.d)) === p.reading.wd));
    if (agreeing.length > 0) {
      years = agreeing;
      basis.push('weekday-date');
    }
  }
  // Soft evidence: a weekday and a month-day in the same tense that fall on the same day.
  const weekdays = found.filter((f) => f.reading.k === 'weekday' && f.reading.rel === undefined);
  const coincidences = (y: number): number => {
    let n = 0;
    for (const d of undated) {
      if (d.reading.wd !== undefined || d.tense === 'none') continue;
      if (d.reading.d > daysInMonth(y, d.reading.m)) continue;
      const wd = weekday(dayOf(y, d.reading.m, d.reading.d));
      if (weekdays.some((w) => w.tense === d.tense && w.reading.k === 'weekday' && w.reading.wd === wd)) n++;
    }
    return n;
  };
  const best = Math.max(...years.map(coincidences));
  if (best > 0) {
    years = years.filter((y) => coincidences(y) === best);
    basis.push('weekday-coincidence');
  } else if (yearLow === null && pairs.length === 0) {
    return null; // nothing in the text ties it to a year
  }
  if (years.length === 0) return null;
  // The nearest year the evidence allows: just after the latest year named, else the latest possible.
  const year = yearLow !== null ? years[0]! : years[years.length - 1]!;

  // Step 3: the day.
  const today = found.find((f) => f.reading.k === 'today' && f.reading.off === 0 && !f.reading.part);
  if (today) {
    const next = undated.find((d) => d.start >= today.end && d.start - today.end <= 3);
    if (next && next.reading.d <= daysInMonth(year, next.reading.m)) {
      const day = isoDay(dayOf(year, next.reading.m, next.reading.d));
      return { date: day, precision: 'day', earliest: day, latest: day, basis: ['today', ...basis], confidence: basis.includes('weekday-date') || yearLow !== null ? 0.85 : 0.6 };
    }
  }
  let latestPast: Day | null = null;
  let earliestFuture: Day | null = null;
  for (const f of found) {
    const r = f.reading;
    if (r.k !== 'date') continue;
    const y = r.y ?? year;
    if (r.d > daysInMonth(y, r.m) || y !== year) continue;
    const day = dayOf(y, r.m, r.d);
    if (f.tense === 'future') earliestFuture = earliestFuture === null ? day : Math.min(earliestFuture, day);
    else latestPast = latestPast === null ? day : Math.max(latestPast, day);
  }
  if (notAfter !== null) {
    if (latestPast !== null && latestPast > notAfter) latestPast = null;
  }
  let date: Day;
  let precision: InferredPublication['precision'] = 'day';
  if (earliestFuture !== null) {
    date = Math.max(latestPast ?? -Infinity, earliestFuture - UPCOMING_LEAD_DAYS);
    basis.push('upcoming-event');
    if (latestPast !== null) basis.push('latest-event');
  } else if (latestPast !== null) {
    date = latestPast;
    basis.push('latest-event');
  } else {
    date = dayOf(year, 7, 1);
    precision = 'year';
  }
  const confidence = Math.min(0.8, 0.2 + (basis.includes('weekday-date') ? 0.3 : 0) + (basis.includes('weekday-coincidence') ? 0.2 : 0) + (yearLow !== null ? 0.2 : 0) + (precision === 'day' ? 0.1 : 0));
  return {
    date: isoDay(date), precision,
    ...(latestPast !== null ? { earliest: isoDay(latestPast) } : precision === 'year' ? { earliest: isoDay(dayOf(year, 1, 1)) } : {}),
    ...(earliestFuture !== null ? { latest: isoDay(earliestFuture) } : precision === 'year' ? { latest: isoDay(dayOf(year, 12, 31)) } : {}),
    basis, confidence,
  };
}
