// Offsets between two events: "arrived on February 8, a few days after eight soldiers died",
// "These airstrikes come just two days after Putin met ...". The duration ("a few days",
// "two days") stays a DURATION, as TimeML has it; what it adds is the time of the event in
// the after/before clause, counted back (after) or forward (before) from the time of the
// main clause when that time is known:
//  - a date set beside the offset in the same sentence ("on February 8, a few days after");
//  - for the news idiom "X comes/came (just) two days after Y", where X is the event the
//    text has just reported, the last date the text gave (else, for "comes", the article's
//    date: the present tense of the idiom is the time of writing).
// "Two days after the attack, police arrested him" is the converse (the main clause dated
// from the clause) and is left alone: the clause's event has no date here.
import { type Day, FIRST_DAY, LAST_DAY } from './calendar.js';
import type { Reading } from './grammar.js';

export interface Placed {
  /** Inclusive days of the event in the after/before clause. */
  range: [Day, Day];
  precision: 'day' | 'week' | 'month' | 'year';
  /** Where the main clause's time came from. */
  anchor: 'sentence' | 'text' | 'published';
}

/** What may stand between a date and an offset set beside it: ", a few days after". */
const BESIDE_DATE = /^\s*,\s*(?:just|only|barely|some|about|nearly|almost)?\s*$/i;
/** "comes just", "came only": the idiom whose subject is the event just reported. */
const COMES = /\b(come|comes|came)\s+(?:just\s+|only\s+|barely\s+|mere\s+|some\s+|about\s+|nearly\s+|almost\s+)?$/i;
const SIGNAL = /^\s+(after|before)\b/i;

/**
 * The clause event placed by a duration followed by "after"/"before". `before`: the sentence
 * up to the duration; `after`: the text that follows it; `besideDate`: the range of a dated
 * mention of the same sentence just before it (with the text between), if any; `lastDate`:
 * the last day-precise date the text gave before this sentence; `ref`: the article's date.
 */
export function placeByOffset(
  reading: Reading,
  context: { before: string; after: string; besideDate?: { range: [Day, Day]; between: string }; sentenceDated: boolean; lastDate?: [Day, Day]; ref: Day | null },
): Placed | null {
  if (reading.k !== 'duration') return null;
  const signal = SIGNAL.exec(context.after);
  if (!signal) return null;
  let main: [Day, Day] | undefined;
  let anchor: Placed['anchor'] = 'sentence';
  if (context.besideDate && BESIDE_DATE.test(context.besideDate.between)) main = context.besideDate.range;
  else {
    const comes = COMES.exec(context.before);
    if (!comes || context.sentenceDated) return null;
    if (context.lastDate) { main = context.lastDate; anchor = 'text'; }
    else if (context.ref !== null && comes[1]!.toLowerCase() !== 'came') { main = [context.ref, context.ref]; anchor = 'published'; }
  }
  if (!main || main[1] - main[0] > 6) return null; // a month or a year gives no day to count from
  const sign = signal[1]!.toLowerCase() === 'after' ? -1 : 1;
  const from = sign < 0 ? main[0] : main[1];
  const { unit, n } = reading;
  const span = (lo: number, hi: number, precision: Placed['precision']): Placed | null => {
    const range = [from + sign * hi, from + sign * lo].sort((a, b) => a - b) as [Day, Day];
    return range[0] >= FIRST_DAY && range[1] <= LAST_DAY ? { range, precision, anchor } : null;
  };
  if (unit === 'day') {
    // "a few days", "several days": within the week on that side.
    if (n === null) return span(1, 7, 'week');
    if (!Number.isInteger(n)) return null;
    return main[0] === main[1] ? span(n, n, 'day') : null;
  }
  if (unit === 'week') {
    if (n === null) return span(14, 42, 'month');
    // "two weeks": give or take half a week.
    return span(Math.max(1, Math.round(7 * n) - 3), Math.round(7 * n) + 3, 'week');
  }
  return null;
}
