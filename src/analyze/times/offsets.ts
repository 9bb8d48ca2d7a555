// Offsets between two events: "N days after/before". One side's time is known, the other is
// counted from it; which one depends on what the text dates.
//  - The main clause is dated, the clause after the signal is not: "arrived on February 8, a
//    few days after eight soldiers died", "These airstrikes come just two days after Putin
//    met ...". The duration stays a DURATION, as TimeML has it, and `placed` gives the days of
//    the event in the clause. The main clause's time is a date set beside the offset in the
//    same sentence or, in the news idiom "X comes/came (just) two days after Y", where X is the
//    event just reported, the last past day the text gave (else, for "comes", the article's
//    date: the present of the idiom is the time of writing).
//  - The signal governs an anaphoric event, "Days before this meeting, Lavrov told media":
//    "this meeting" is the last event the text dated, and the offset dates the main clause. The
//    mention is then a DATE (as TimeML has "10 days before the shooting"), whose days are
//    counted from that event.
// "Two days after the attack, police arrested him" names its event without a demonstrative:
// which attack the text means is not known here, so nothing is counted.
import { type Day, FIRST_DAY, isoDay, isoMonth, LAST_DAY, ymd } from './calendar.js';
import type { Reading } from './grammar.js';

export interface Offset {
  /** `clause`: the days of the event after the signal (the mention stays a duration);
   *  `main`: the days of the main clause, which the mention itself dates. */
  dates: 'clause' | 'main';
  range: [Day, Day];
  precision: 'day' | 'week' | 'month';
  /** Where the known time came from. */
  anchor: 'sentence' | 'text' | 'published';
}

/** What may stand between a date and an offset set beside it: ", a few days after". */
const BESIDE_DATE = /^\s*,\s*(?:just|only|barely|some|about|nearly|almost)?\s*$/i;
/** "comes just", "came only": the idiom whose subject is the event just reported. */
const COMES = /\b(come|comes|came)\s+(?:just\s+|only\s+|barely\s+|mere\s+|some\s+|about\s+|nearly\s+|almost\s+)?$/i;
const SIGNAL = /^\s+(after|before)\b/i;
/** "before this meeting", "after that attack": an event the text has just told. */
const DEMONSTRATIVE = /^\s+(?:after|before)\s+(?:this|that|these|those)\s+[a-z]/i;

export interface OffsetContext {
  /** The sentence up to the mention, and the text after it (within the sentence). */
  before: string;
  after: string;
  /** The last dated mention of the same sentence before this one, and the text between. */
  besideDate?: { range: [Day, Day]; between: string };
  /** Whether the sentence dates anything before the mention. */
  sentenceDated: boolean;
  /** The last past day the text gave before this sentence. */
  lastDate?: [Day, Day];
  /** The days of the last event the text dated (a past day or an event an offset placed). */
  lastEvent?: [Day, Day];
  ref: Day | null;
}

/** Count `reading` (a duration) from the known side of an after/before offset, or null. */
export function countOffset(reading: Reading, c: OffsetContext): Offset | null {
  if (reading.k !== 'duration') return null;
  const signal = SIGNAL.exec(c.after);
  if (!signal) return null;
  const after = signal[1]!.toLowerCase() === 'after';
  let known: [Day, Day] | undefined;
  let anchor: Offset['anchor'] = 'sentence';
  let dates: Offset['dates'] = 'clause';
  if (c.besideDate && BESIDE_DATE.test(c.besideDate.between)) known = c.besideDate.range;
  else if (COMES.test(c.before) && !c.sentenceDated) {
    if (c.lastDate) { known = c.lastDate; anchor = 'text'; }
    else if (c.ref !== null && !/\bcame\s+\S*\s*$/i.test(c.before)) { known = [c.ref, c.ref]; anchor = 'published'; }
  } else if (DEMONSTRATIVE.test(c.after) && c.lastEvent) {
    known = c.lastEvent;
    anchor = 'text';
    dates = 'main';
  }
  if (!known || known[1] - known[0] > 6) return null; // a month or a year gives no day to count from
  // The clause after "after" came first; a main clause "after this meeting" came later.
  const later = dates === 'clause' ? !after : after;
  const { unit, n } = reading;
  const count = (lo: number, hi: number, precision: Offset['precision']): Offset | null => {
    const range: [Day, Day] = later ? [known![1] + lo, known![1] + hi] : [known![0] - hi, known![0] - lo];
    return range[0] >= FIRST_DAY && range[1] <= LAST_DAY ? { dates, range, precision, anchor } : null;
  };
  if (unit === 'day') {
    // "a few days", "days": within the week on that side.
    if (n === null) return count(1, 7, 'week');
    if (!Number.isInteger(n) || known[0] !== known[1]) return null;
    return count(n, n, 'day');
  }
  if (unit === 'week') {
    if (n === null) return count(14, 42, 'month');
    // "two weeks": give or take half a week.
    return count(Math.max(1, Math.round(7 * n) - 3), Math.round(7 * n) + 3, 'week');
  }
  return null;
}

/** The TIMEX3 value of days an offset dates: the day, else the month that holds them, else the year they start in. */
export function offsetValue([a, b]: [Day, Day]): string {
  if (a === b) return isoDay(a);
  const x = ymd(a), y = ymd(b);
  if (x.y === y.y && x.m === y.m) return isoMonth(x.y, x.m);
  return isoDay(a).slice(0, 4);
}
