// Month and weekday names, one list for every reader of dates: the times stage's grammar
// (./grammar.ts) and datelines (./clauses.ts), extraction's date readers (src/extract/dates.ts,
// text.ts, html.ts), the events stage's tolls (a figure before a month is a date, not a toll)
// and the places stage (a date after "the Syrian capital" is no name). Each reader builds the
// forms it accepts from these lists; what it accepts around them stays with it.

export interface MonthName {
  /** As written: "September". */
  name: string;
  /** Its abbreviations as written, the longer first: "Sept", "Sep". */
  abbr: readonly string[];
  /**
   * The abbreviations that are also words, names or a typo alone ("Mar", "Apr", "Jun", "Jul",
   * "Sep"): the times grammar reads them without a dot only between a day and a year.
   */
  wordLike?: readonly string[];
}

/** The months in order (January is 1). */
export const MONTHS: readonly MonthName[] = [
  { name: 'January', abbr: ['Jan'] },
  { name: 'February', abbr: ['Feb'] },
  { name: 'March', abbr: ['Mar'], wordLike: ['Mar'] },
  { name: 'April', abbr: ['Apr'], wordLike: ['Apr'] },
  { name: 'May', abbr: [] },
  { name: 'June', abbr: ['Jun'], wordLike: ['Jun'] },
  { name: 'July', abbr: ['Jul'], wordLike: ['Jul'] },
  { name: 'August', abbr: ['Aug'] },
  { name: 'September', abbr: ['Sept', 'Sep'], wordLike: ['Sep'] },
  { name: 'October', abbr: ['Oct'] },
  { name: 'November', abbr: ['Nov'] },
  { name: 'December', abbr: ['Dec'] },
];

/** The weekdays in order, Monday first. */
export const WEEKDAY_NAMES: readonly string[] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export const MONTH_NAMES: readonly string[] = MONTHS.map((m) => m.name);

/** Every name and abbreviation of every month, lower case, with its number: "january" 1, "jan" 1, "sept" 9. */
export const MONTH_NUMBERS: Readonly<Record<string, number>> = Object.fromEntries(
  MONTHS.flatMap((m, i) => [m.name, ...m.abbr].map((w) => [w.toLowerCase(), i + 1])));

const first3 = (w: string) => w.slice(0, 3).toLowerCase();

/**
 * A word that starts as a month does ("jan", "January", "Sept", "Decembre"): the source of a
 * non-capturing group, lower case (for expressions with the `i` flag).
 */
export const MONTH_PREFIX = `(?:${MONTHS.map((m) => first3(m.name)).join('|')})[a-z]*`;

/** A word that starts as a weekday does ("Mon", "Tues", "Sunday"), as MONTH_PREFIX. */
export const WEEKDAY_PREFIX = `(?:${WEEKDAY_NAMES.map(first3).join('|')})[a-z]*`;
