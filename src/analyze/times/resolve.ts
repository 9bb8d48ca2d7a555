// Resolution: a Reading (what the words say) becomes a TIMEX3-style value, a precision and
// an inclusive day range, given the reference day (the article's date) and the tense of
// the governing verb. Ambiguous expressions (a weekday, a month-day or a month without a
// year) go to the past for past tense, to the future for future tense, else to the nearest
// candidate (ties to the past: news reports more than it announces).
import {
  addMonths, dayOf, daysInMonth, type Day, isoDay, isoMonth, isoWeekValue, monthRange, quarterRange,
  weekday, weekStart, yearRange, ymd,
  centuryValue, decadeValue, yearValue, FIRST_DAY, LAST_DAY,
} from './calendar.js';
import type { Reading, Season, Unit } from './grammar.js';
import type { Tense } from './tense.js';

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface Resolved {
  value: string;
  precision: 'day' | 'week' | 'month' | 'year' | 'duration';
  range?: [Day, Day];
  type: TimexType;
  /** `explicit`: the words name the calendar date (with its year); `relative`: it was computed from the reference day. */
  basis: 'explicit' | 'relative';
}

/**
 * Choose among candidate days by tense. `candidates` ascend. Beyond `horizon` days the tense
 * no longer decides: a past-tense "Dec. 15" read in November is more likely a slip of the
 * tense reading ("payable Dec. 15") than a date thirteen months back.
 */
function pick(candidates: Day[], ref: Day, tense: Tense, horizon = Infinity): Day {
  const past = candidates.filter((c) => c <= ref);
  const future = candidates.filter((c) => c >= ref);
  const lastPast = past[past.length - 1];
  const firstFuture = future[0];
  if (lastPast === undefined) return firstFuture!;
  if (firstFuture === undefined) return lastPast;
  const back = ref - lastPast, ahead = firstFuture - ref;
  if (tense === 'past' && (back <= horizon || back <= ahead)) return lastPast;
  if (tense === 'future' && (ahead <= horizon || ahead <= back)) return firstFuture;
  return back <= ahead ? lastPast : firstFuture;
}

/** How far (days) the tense may send a month-day or a month before the nearer reading wins. */
const TENSE_HORIZON = 270;
const MONTH_HORIZON = 330;
/** "recently" reaches back at least this many days, even early in a month. */
const NEAR_PAST_DAYS = 14;

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

const dayResult = (day: Day, basis: Resolved['basis'], suffix = '', type: TimexType = 'DATE'): Resolved => ({
  value: isoDay(day) + suffix, precision: 'day', range: [day, day], type, basis,
});

function partOfRange([a, b]: [Day, Day], part: string | undefined, ref: Day): [Day, Day] {
  const span = b - a + 1;
  switch (part) {
    case 'early': return [a, a + Math.floor(span / 3) - 1];
    case 'mid': return [a + Math.floor(span / 3), a + Math.floor((2 * span) / 3) - 1];
    case 'late': return [a + Math.floor((2 * span) / 3), b];
    case 'earlier': return [a, Math.max(a, Math.min(b, ref))];
    case 'later': return [Math.min(b, Math.max(a, ref)), b];
    default: return [a, b];
  }
}

const SEASON_START: Record<Season, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

function seasonRange(y: number, s: Season): [Day, Day] {
  const first = SEASON_START[s];
  const end = addMonths(y, first, 2);
  return [dayOf(y, first, 1), dayOf(end.y, end.m, daysInMonth(end.y, end.m))];
}

const DURATION_LETTER: Record<Unit, string> = {
  day: 'D', week: 'W', weekend: 'D', month: 'M', quarter: 'Q', year: 'Y', decade: 'Y', century: 'Y', hour: 'H', minute: 'M', second: 'S',
};

/** For a fraction ("2 1/2 years", "a minute and a half"): the next smaller unit and how many make one. */
const SMALLER: Partial<Record<Unit, [string, number, boolean]>> = {
  year: ['M', 12, false], day: ['H', 24, true], hour: ['M', 60, true], minute: ['S', 60, true],
};

function durationValue(unit: Unit, n: number | null): string {
  const scale = unit === 'decade' ? 10 : unit === 'century' ? 100 : 1;
  const timeUnit = unit === 'hour' || unit === 'minute' || unit === 'second';
  const smaller = SMALLER[unit];
  // "2 1/2 years" = P2Y6M, "5 1/2 hours" = PT5H30M, "a day and a half" = P1DT12H.
  if (n !== null && !Number.isInteger(n) && smaller && Number.isInteger((n % 1) * smaller[1])) {
    const whole = Math.floor(n), part = (n % 1) * smaller[1];
    const head = whole > 0 ? `${whole}${DURATION_LETTER[unit]}` : '';
    return `P${timeUnit ? 'T' : ''}${head}${smaller[2] && !timeUnit ? 'T' : ''}${part}${smaller[0]}`;
  }
  const count = n === null ? 'X' : String(n * scale);
  return `P${timeUnit ? 'T' : ''}${count}${DURATION_LETTER[unit]}`;
}

/**
 * Resolve a reading; null when it needs a reference day and there is none. `last` is the
 * range of the last day-, week-, month- or year-precise date the text gave (for anaphora).
 */
export function resolve(r: Reading, ref: Day | null, tense: Tense, last?: { range: [Day, Day]; precision: string }, strongTense = false): Resolved | null {
  const resolved = resolveReading(r, ref, tense, last, strongTense);
  // "9999 years ago" lands before the calendar this layer writes (four-digit years): no date.
  return resolved?.range && !(resolved.range[0] >= FIRST_DAY && resolved.range[1] <= LAST_DAY) ? null : resolved;
}

function resolveReading(r: Reading, ref: Day | null, tense: Tense, last?: { range: [Day, Day]; precision: string }, strongTense = false): Resolved | null {
  const horizon = strongTense ? Infinity : TENSE_HORIZON;
  switch (r.k) {
    case 'anaphor': {
      const base = last ? last.range[0] : ref;
      if (base === null) return null;
      const fromText = last !== undefined;
      if (r.unit === 'day') {
        const day = (fromText && last!.precision === 'day' ? base : ref ?? base) + r.off;
        return dayResult(day, 'relative');
      }
      if (r.unit === 'week') {
        const start = weekStart(base) + 7 * r.off;
        return { value: isoWeekValue(start), precision: 'week', range: [start, start + 6], type: 'DATE', basis: 'relative' };
      }
      const b = ymd(base);
      if (r.unit === 'month') {
        const t = addMonths(b.y, b.m, r.off);
        return { value: isoMonth(t.y, t.m), precision: 'month', range: monthRange(t.y, t.m), type: 'DATE', basis: 'relative' };
      }
      return { value: yearValue(b.y + r.off), precision: 'year', range: yearRange(b.y + r.off), type: 'DATE', basis: 'relative' };
    }
    case 'duration':
      return { value: durationValue(r.unit, r.n), precision: 'duration', type: 'DURATION', basis: 'explicit' };
    case 'set': {
      // "every Friday" = XXXX-WXX-5, "Tuesday nights" = XXXX-WXX-2TNI, "each July" = XXXX-07
      const value = r.wd !== undefined ? `XXXX-WXX-${r.wd + 1}${r.part ? `T${r.part}` : ''}`
        : r.m !== undefined ? `XXXX-${String(r.m).padStart(2, '0')}` : durationValue(r.unit, 1);
      return { value, precision: 'duration', type: 'SET', basis: 'explicit' };
    }
    case 'year': {
      const range = partOfRange(yearRange(r.y), r.part, ref ?? 0);
      return { value: yearValue(r.y), precision: 'year', range, type: 'DATE', basis: 'explicit' };
    }
    case 'century':
      return { value: centuryValue(r.c), precision: 'year', range: [dayOf(r.c * 100, 1, 1), dayOf(r.c * 100 + 99, 12, 31)], type: 'DATE', basis: 'explicit' };
    case 'yearEnd': {
      if (ref === null) return null;
      const y = ymd(ref).y;
      // "since year-end" (past): the last one; "by year-end": this year's.
      return dayResult(dayOf(tense === 'past' && isoDay(ref).slice(5) !== '12-31' ? y - 1 : y, 12, 31), 'relative');
    }
    case 'thanksgiving': {
      if (ref === null) return null;
      // The fourth Thursday of November, this year's or last year's by tense.
      const y0 = ymd(ref).y;
      const days = [y0 - 1, y0, y0 + 1].map((y) => { const first = dayOf(y, 11, 1); return first + ((3 - weekday(first) + 7) % 7) + 21; });
      return dayResult(pick(days, ref, tense, TENSE_HORIZON), 'relative');
    }
    case 'decade':
      return { value: decadeValue(r.y), precision: 'year', range: [dayOf(r.y * 10, 1, 1), dayOf(r.y * 10 + 9, 12, 31)], type: 'DATE', basis: 'explicit' };
    case 'date': {
      if (r.y !== undefined) {
        if (!validDay(r.y, r.m, r.d)) return null;
        return dayResult(dayOf(r.y, r.m, r.d), 'explicit');
      }
      if (ref === null) return null;
      const y0 = ymd(ref).y;
      const years = [y0 - 1, y0, y0 + 1].filter((y) => validDay(y, r.m, r.d));
      let days = years.map((y) => dayOf(y, r.m, r.d));
      if (r.wd !== undefined) {
        const agreeing = days.filter((d) => weekday(d) === r.wd);
        if (agreeing.length > 0) days = agreeing;
      }
      // "last Oct. 23", "next March 3": the direction is written out.
      const direction: Tense = r.rel === -1 ? 'past' : r.rel === 1 ? 'future' : tense;
      return days.length ? dayResult(pick(days, ref, direction, r.rel ? Infinity : horizon), 'relative') : null;
    }
    case 'month': {
      if (r.yearRel !== undefined && ref !== null) {
        const yy = ymd(ref).y + r.yearRel;
        return { value: isoMonth(yy, r.m), precision: 'month', range: partOfRange(monthRange(yy, r.m), r.part, ref), type: 'DATE', basis: 'relative' };
      }
      if (r.y !== undefined) {
        return { value: isoMonth(r.y, r.m), precision: 'month', range: partOfRange(monthRange(r.y, r.m), r.part, ref ?? 0), type: 'DATE', basis: 'explicit' };
      }
      if (ref === null) return null;
      const { y: ry, m: rm } = ymd(ref);
      let y: number;
      if (r.rel === -1) y = r.m < rm ? ry : ry - 1;
      else if (r.rel === 1) y = r.m > rm ? ry : ry + 1;
      else if (r.rel === 0) y = ry;
      else {
        // The month's first day stands for it; the current month counts as both past and future.
        const cands = [ry - 1, ry, ry + 1].map((yy) => dayOf(yy, r.m, 1));
        const cur = dayOf(ry, rm, 1);
        const chosen = pick(cands, cur, tense, strongTense ? Infinity : MONTH_HORIZON);
        y = ymd(chosen).y;
      }
      return { value: isoMonth(y, r.m), precision: 'month', range: partOfRange(monthRange(y, r.m), r.part, ref), type: 'DATE', basis: 'relative' };
    }
    case 'season': {
      if (r.y !== undefined) return { value: `${r.y}-${r.s}`, precision: 'month', range: seasonRange(r.y, r.s), type: 'DATE', basis: 'explicit' };
      if (ref === null) return null;
      const ry = ymd(ref).y;
      const cands = [ry - 2, ry - 1, ry, ry + 1].map((y) => ({ y, range: seasonRange(y, r.s) }));
      let chosen = cands.find((c) => c.range[0] <= ref && ref <= c.range[1]) ?? cands.find((c) => c.y === ry)!;
      if (r.rel === -1) chosen = [...cands].reverse().find((c) => c.range[1] < ref)!;
      if (r.rel === 1) chosen = cands.find((c) => c.range[0] > ref)!;
      return { value: `${chosen.y}-${r.s}`, precision: 'month', range: chosen.range, type: 'DATE', basis: 'relative' };
    }
    case 'quarter': {
      if (r.y !== undefined && r.q !== undefined) return { value: `${r.y}-Q${r.q}`, precision: 'month', range: quarterRange(r.y, r.q), type: 'DATE', basis: 'explicit' };
      if (ref === null) return null;
      const { y: ry, m: rm } = ymd(ref);
      const cq = Math.floor((rm - 1) / 3) + 1;
      let y: number, q: number;
      if (r.q === undefined && r.current) {
        q = cq;
        y = ry;
      } else if (r.q === undefined) {
        // "the quarter", "the latest quarter": the last one completed.
        q = cq === 1 ? 4 : cq - 1;
        y = cq === 1 ? ry - 1 : ry;
      } else if (r.yearRel !== undefined) {
        q = r.q;
        y = ry + r.yearRel;
      } else {
        q = r.q;
        // Quarters are mostly reported after the fact; a future verb moves only a quarter
        // well behind the current one into next year ("in the first quarter", said in October).
        if (tense === 'future' && q < cq - 1) y = ry + 1;
        else y = q <= cq ? ry : ry - 1;
      }
      if (r.y !== undefined) y = r.y;
      y += r.rel ?? 0;
      return { value: `${y}-Q${q}`, precision: 'month', range: quarterRange(y, q), type: 'DATE', basis: 'relative' };
    }
    case 'weekday': {
      if (ref === null) return null;
      const back = (weekday(ref) - r.wd + 7) % 7; // days since the latest such weekday (0 = today)
      const prev = ref - back;
      const next = back === 0 ? ref : prev + 7;
      let day: Day;
      if (r.rel === -1) day = back === 0 ? ref - 7 : prev;
      else if (r.rel === 1) day = back === 0 ? ref + 7 : next;
      else if (r.rel === 0) day = weekStart(ref) + r.wd;
      else day = pick(back === 0 ? [ref] : [prev, next], ref, tense);
      return dayResult(day, 'relative');
    }
    case 'today': {
      if (ref === null) return null;
      // "this morning", "this evening" keep the part of the day (TIMEX3 TMO, TAF, TEV); "tonight" is the day.
      const suffix = r.part && r.part !== 'NI' ? `T${r.part}` : '';
      return dayResult(ref + r.off, 'relative', suffix, suffix ? 'TIME' : 'DATE');
    }
    case 'clock': {
      if (ref === null) return null;
      const day = r.day ? resolve(r.day, ref, tense)?.range?.[0] ?? ref : ref;
      const hhmm = `T${String(r.h).padStart(2, '0')}:${String(r.min).padStart(2, '0')}`;
      return dayResult(day, 'relative', hhmm, 'TIME');
    }
    case 'ref': {
      if (r.v === 'PRESENT_REF') {
        if (ref === null) return null;
        return { value: r.v, precision: 'day', range: [ref, ref], type: 'DATE', basis: 'relative' };
      }
      // "recently", "lately": the value stays PAST_REF (TimeML); the days are those of the
      // reference day's month before it (ACLED's month precision for vaguely timed events),
      // reaching back at least two weeks early in a month, so that an event told with it
      // still lands on the timeline, as vaguely as it was told.
      if (r.near && ref !== null) {
        const { y, m } = ymd(ref);
        return { value: r.v, precision: 'month', range: [Math.min(dayOf(y, m, 1), ref - NEAR_PAST_DAYS), ref - 1], type: 'DATE', basis: 'relative' };
      }
      // The past and the future at large: not on the calendar, so no range.
      return { value: r.v, precision: 'year', type: 'DATE', basis: 'relative' };
    }
    case 'unit':
      return ref === null ? null : resolveUnit(r, ref, tense);
    case 'ago':
      return ref === null ? null : resolveAgo(r, ref);
  }
}

function resolveUnit(r: Extract<Reading, { k: 'unit' }>, ref: Day, tense: Tense): Resolved | null {
  const { y, m } = ymd(ref);
  switch (r.unit) {
    case 'day':
      return dayResult(ref + r.rel, 'relative');
    case 'week': {
      let start = weekStart(ref) + 7 * r.rel;
      // "to meet during the week", written on a weekend, means the week ahead.
      if (r.bare && tense === 'future' && weekday(ref) >= 5) start += 7;
      // "earlier this week" written on a Monday: no day of this week has gone by, so the
      // writer means the days just before, the week that ended yesterday.
      if (r.part === 'earlier' && r.rel === 0 && ref === start) return { value: isoWeekValue(start - 7), precision: 'week', range: [start - 7, start - 1], type: 'DATE', basis: 'relative' };
      const range = partOfRange([start, start + 6], r.part, ref);
      return { value: isoWeekValue(start), precision: 'week', range, type: 'DATE', basis: 'relative' };
    }
    case 'weekend': {
      const wd = weekday(ref);
      let saturday = weekStart(ref) + 5; // this week's Saturday
      if (r.rel === -1 || (r.rel === 0 && r.bare && tense !== 'future' && wd < 5)) saturday -= 7;
      if (r.rel === 1) saturday += 7;
      return { value: `${isoWeekValue(saturday)}-WE`, precision: 'week', range: [saturday, saturday + 1], type: 'DATE', basis: 'relative' };
    }
    case 'month': {
      const t = addMonths(y, m, r.rel);
      return { value: isoMonth(t.y, t.m), precision: 'month', range: partOfRange(monthRange(t.y, t.m), r.part, ref), type: 'DATE', basis: 'relative' };
    }
    case 'quarter':
      return null;
    case 'year':
      return { value: yearValue(y + r.rel), precision: 'year', range: partOfRange(yearRange(y + r.rel), r.part, ref), type: 'DATE', basis: 'relative' };
    case 'decade':
    case 'century':
      if (r.rel === 0) {
        const size = r.unit === 'decade' ? 10 : 100;
        const first = Math.floor(y / size) * size;
        return { value: r.unit === 'decade' ? decadeValue(first / 10) : centuryValue(first / 100), precision: 'year', range: [dayOf(first, 1, 1), dayOf(first + size - 1, 12, 31)], type: 'DATE', basis: 'relative' };
      }
      return { value: durationValue(r.unit, 1), precision: 'duration', type: 'DURATION', basis: 'relative' };
    default:
      return null;
  }
}

function resolveAgo(r: Extract<Reading, { k: 'ago' }>, ref: Day): Resolved | null {
  if (r.n === null) return { value: r.dir < 0 ? 'PAST_REF' : 'FUTURE_REF', precision: 'year', type: 'DATE', basis: 'relative' };
  const n = r.n * r.dir;
  const { y, m } = ymd(ref);
  switch (r.unit) {
    case 'hour': case 'minute': case 'second': case 'day':
      return dayResult(ref + (r.unit === 'day' ? Math.round(n) : 0), 'relative');
    case 'week': case 'weekend': {
      const start = weekStart(ref + Math.round(7 * n));
      return { value: isoWeekValue(start), precision: 'week', range: [start, start + 6], type: 'DATE', basis: 'relative' };
    }
    case 'month': {
      const t = addMonths(y, m, Math.round(n));
      return { value: isoMonth(t.y, t.m), precision: 'month', range: monthRange(t.y, t.m), type: 'DATE', basis: 'relative' };
    }
    case 'quarter': {
      const t = addMonths(y, m, Math.round(3 * n));
      const q = Math.floor((t.m - 1) / 3) + 1;
      return { value: `${t.y}-Q${q}`, precision: 'month', range: quarterRange(t.y, q), type: 'DATE', basis: 'relative' };
    }
    case 'year': case 'decade': case 'century': {
      const scale = r.unit === 'decade' ? 10 : r.unit === 'century' ? 100 : 1;
      const yy = y + Math.round(n * scale);
      return { value: yearValue(yy), precision: 'year', range: yearRange(yy), type: 'DATE', basis: 'relative' };
    }
  }
}
