// Explicit calendar dates in bylines, datelines and metadata ("September 26 2021",
// "26 Sept. 2021", "2021-09-26T10:00:00Z"). Relative dates belong to the times stage.

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d{2})';

const ISO = /\b((?:19|20)\d{2})-(\d{2})-(\d{2})(?![\d])/;
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'i');
const DAY_MONTH_YEAR = new RegExp(`\\b${DAY}\\s+${MONTH},?\\s+${YEAR}\\b`, 'i');

/** The first explicit full date in `s` as YYYY-MM-DD, or null. */
export function findExplicitDate(s: string): string | null {
  let m = ISO.exec(s);
  if (m) return toIso(+m[1]!, +m[2]!, +m[3]!);
  m = MONTH_DAY_YEAR.exec(s);
  if (m) return toIso(+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!);
  m = DAY_MONTH_YEAR.exec(s);
  if (m) return toIso(+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!);
  return null;
}

/** YYYY-MM-DD when the day exists in the calendar, else null. */
export function toIso(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}
