// Calendar arithmetic on whole days. A day is an integer (days since 1970-01-01, UTC), so
// adding, comparing and stepping by weeks is plain arithmetic and no time zone leaks in.

export type Day = number;

const MS_PER_DAY = 86_400_000;

export function dayOf(year: number, month: number, day: number): Day {
  // setUTCFullYear, not Date.UTC, which reads the years 0-99 as 1900-1999.
  const dt = new Date(0);
  dt.setUTCFullYear(year, month - 1, day);
  return Math.floor(dt.getTime() / MS_PER_DAY);
}

/** The first and last days a date may have: 0001-01-01 and 9999-12-31 (four-digit years). */
export const FIRST_DAY: Day = dayOf(1, 1, 1);
export const LAST_DAY: Day = dayOf(9999, 12, 31);

export function parseIsoDay(iso: string): Day {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return dayOf(y, m, d);
}

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function ymd(day: Day): Ymd {
  const dt = new Date(day * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function isoDay(day: Day): string {
  const { y, m, d } = ymd(day);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** TIMEX3 value of a year (`0970`, `2021`), a decade (`197`, the 1970s) or a century (`19`). */
export function yearValue(y: number): string {
  return pad(y, 4);
}
export function decadeValue(decade: number): string {
  return pad(decade, 3);
}
export function centuryValue(century: number): string {
  return pad(century, 2);
}

export function isoMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

/** 0 = Monday … 6 = Sunday (ISO order). */
export function weekday(day: Day): number {
  return (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** Monday of the ISO week holding `day`. */
export function weekStart(day: Day): Day {
  return day - weekday(day);
}

/** ISO week number and week-year. */
export function isoWeek(day: Day): { year: number; week: number } {
  const thursday = weekStart(day) + 3;
  const year = ymd(thursday).y;
  const week = Math.floor((thursday - dayOf(year, 1, 1)) / 7) + 1;
  return { year, week };
}

export function isoWeekValue(day: Day): string {
  const { year, week } = isoWeek(day);
  return `${pad(year, 4)}-W${pad(week)}`;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Shift a month by `n` months: returns the year and month. */
export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const k = y * 12 + (m - 1) + n;
  return { y: Math.floor(k / 12), m: (k % 12) + 1 };
}

export function monthRange(y: number, m: number): [Day, Day] {
  return [dayOf(y, m, 1), dayOf(y, m, daysInMonth(y, m))];
}

export function yearRange(y: number): [Day, Day] {
  return [dayOf(y, 1, 1), dayOf(y, 12, 31)];
}

export function quarterRange(y: number, q: number): [Day, Day] {
  const first = (q - 1) * 3 + 1;
  return [dayOf(y, first, 1), dayOf(y, first + 2, daysInMonth(y, first + 2))];
}
