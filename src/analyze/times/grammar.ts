// Recognition: regular-expression rules for the time expressions news uses. Each rule
// turns a match into a Reading — what the words say, before any anchoring (a weekday, a
// month and day without a year, "last week", a duration). Resolution (resolve.ts) turns a
// Reading into a calendar value against the article's date and the verb's tense.
// Spans follow TimeML: the preposition is left out ("on Sunday" -> "Sunday"), the article
// and modifiers are kept ("the third quarter", "earlier this month", "two years ago").
import { MONTH_NAMES, MONTH_NUMBERS, MONTHS, WEEKDAY_NAMES } from './names.js';

export type Unit = 'day' | 'week' | 'weekend' | 'month' | 'quarter' | 'year' | 'decade' | 'century' | 'hour' | 'minute' | 'second';
export type Part = 'early' | 'mid' | 'late' | 'earlier' | 'later';
export type DayPart = 'MO' | 'AF' | 'EV' | 'NI';
export type Season = 'SP' | 'SU' | 'FA' | 'WI';

export type Reading =
  /** A month and day, maybe with a year and a weekday ("Monday, February 10"). */
  | { k: 'date'; y?: number; m: number; d: number; wd?: number; rel?: number }
  | { k: 'month'; y?: number; m: number; rel?: number; part?: Part; yearRel?: number }
  | { k: 'year'; y: number; part?: Part }
  | { k: 'decade'; y: number }
  | { k: 'century'; c: number }
  | { k: 'yearEnd' }
  | { k: 'anaphor'; unit: 'day' | 'week' | 'month' | 'year'; off: number }
  | { k: 'thanksgiving' }
  | { k: 'season'; s: Season; y?: number; rel?: number }
  /** A quarter; `q` absent means "the quarter" (the latest one). `rel` counts years back. */
  | { k: 'quarter'; q?: number; y?: number; rel?: number; yearRel?: number; latest?: boolean; current?: boolean }
  | { k: 'weekday'; wd: number; rel?: number; part?: DayPart }
  /** "last week", "this month", "earlier this year", "the week". */
  | { k: 'unit'; unit: Unit; rel: number; part?: Part; bare?: boolean }
  /** "two years ago", "a year earlier"; n null = vague ("several days ago"). */
  | { k: 'ago'; unit: Unit; n: number | null; dir: -1 | 1 }
  /** today (0), yesterday (-1), tomorrow (1), with a part of the day. */
  | { k: 'today'; off: number; part?: DayPart }
  /** `near`: "recently", "lately": a past close to the reference day (the month before it). */
  | { k: 'ref'; v: 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF'; near?: true }
  /** `offset`: bare "days" before "after"/"before", kept only when the offset can be counted. */
  | { k: 'duration'; unit: Unit; n: number | null; offset?: true }
  /** A recurring time: "daily"; a weekday (`wd`, with a part of the day) or a month (`m`) each week or year. */
  | { k: 'set'; unit: Unit; wd?: number; m?: number; part?: DayPart }
  | { k: 'clock'; h: number; min: number; day?: Reading };

export interface Match {
  start: number;
  end: number;
  reading: Reading;
  /** Rule order: the earlier rule wins between two matches of the same length. */
  rank: number;
}

// ---------------------------------------------------------------------------
// Vocabulary

// Month and weekday names: ./names.ts (one list for the times stage, extraction, the events and places stages).
/** A month: its name, an abbreviation with its dot, or one without (the names first, then the dotted forms: "Jan." before "Jan"). */
const MONTH = `(?:${[...MONTH_NAMES, ...MONTHS.flatMap((m) => m.abbr.map((a) => `${a}\\.`)), ...MONTHS.flatMap((m) => m.abbr.filter((a) => !m.wordLike?.includes(a)))].join('|')})`;
/** Abbreviations MONTH leaves out, read only between a day and a year. */
const SHORT_MONTH = `(?:${MONTHS.flatMap((m) => m.wordLike ?? []).join('|')})`;
const WEEKDAYS: Record<string, number> = Object.fromEntries(WEEKDAY_NAMES.map((w, i) => [w.toLowerCase(), i]));
const WEEKDAY = `(?:${WEEKDAY_NAMES.join('|')})`;
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, hundred: 100,
  'a couple of': 2, 'a half': 0.5, half: 0.5,
};
const VAGUE = new Set(['several', 'a few', 'few', 'many', 'some', 'the next few', 'couple of', 'recent']);
const NUM = '(?:\\d+(?:\\.\\d+|\\s+1/2)?|a couple of|a few|several|many|some|few|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|thirty|forty|fifty|sixty|hundred|an|a)';
const UNIT = '(?:days?|weeks?|months?|years?|decades?|centur(?:y|ies)|quarters?|hours?|minutes?)';
const YEAR = '(?:1[89]\\d\\d|20\\d\\d)';
const ORDINAL_Q: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };

function numberOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (VAGUE.has(w)) return null;
  const half = /^(\d+) 1\/2$/.exec(w);
  if (half) return Number(half[1]) + 0.5;
  if (/^\d/.test(w)) return Number(w);
  const compound = /^twenty-(\w+)$/.exec(w);
  if (compound) return 20 + (NUMBER_WORDS[compound[1]!] ?? 0);
  return NUMBER_WORDS[w] ?? null;
}

function unitOf(word: string): Unit {
  const w = word.toLowerCase();
  if (w.startsWith('centur')) return 'century';
  return w.replace(/s$/, '') as Unit;
}

const monthOf = (w: string): number => MONTH_NUMBERS[w.toLowerCase().replace(/\.$/, '')]!;
const weekdayOf = (w: string): number => WEEKDAYS[w.toLowerCase()]!;
const relOf = (w: string | undefined): number => {
  switch ((w ?? '').toLowerCase()) {
    case 'last': case 'past': case 'this past': case 'previous': case 'preceding': return -1;
    case 'next': case 'coming': case 'following': return 1;
    default: return 0;
  }
};
const partOf = (w: string | undefined): Part | undefined => {
  if (!w) return undefined;
  const x = w.toLowerCase().replace(/[\s-]+$/, '');
  if (x === 'early' || x === 'the beginning of' || x === 'the start of') return 'early';
  if (x === 'mid' || x === 'the middle of') return 'mid';
  if (x === 'late' || x === 'the end of') return 'late';
  if (x === 'earlier') return 'earlier';
  if (x === 'later') return 'later';
  return undefined;
};
const dayPartOf = (w: string | undefined): DayPart | undefined => {
  switch ((w ?? '').toLowerCase()) {
    case 'morning': return 'MO';
    case 'afternoon': return 'AF';
    case 'evening': return 'EV';
    case 'night': return 'NI';
    default: return undefined;
  }
};

/** The day written after a clock time: a weekday, today/yesterday/tomorrow, or a month and day. */
function dayAfterClock(dayWord: string | undefined, month: string | undefined, date: string | undefined): Reading | undefined {
  if (!dayWord) return undefined;
  if (month) return { k: 'date', m: monthOf(month), d: +date! };
  if (dayWord.toLowerCase() in WEEKDAYS) return { k: 'weekday', wd: weekdayOf(dayWord) };
  const w = dayWord.toLowerCase();
  return { k: 'today', off: w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0 };
}

// ---------------------------------------------------------------------------
// Rules, in priority order.

interface Rule {
  re: RegExp;
  /**
   * Words (lower case) one of which every match holds: a text without any is not searched with
   * the rule (the cheap test of a long text; the expressions match case-insensitively or in a
   * given case, so a match lower-cased holds the word).
   */
  needs?: readonly string[];
  build: (m: RegExpExecArray, text: string) => Reading | null;
  /** Offsets of the span inside the match, when it is not the whole match. */
  span?: (m: RegExpExecArray) => [number, number];
}

const PART = '(?:(early|mid|late|the beginning of|the start of|the middle of|the end of)[\\s-]+)?';
const capital = (s: string | undefined): boolean => !!s && s[0] === s[0]!.toUpperCase();
/** A unit written with a capital inside a phrase ("This Week", "60 Minutes"): part of a title. */
const titleWord = (w: string): boolean => /^[A-Z][a-z]/.test(w);
const WORD_BEFORE = /([A-Za-z]+)\W*$/;
const MAY_CONTEXT = new Set(['in', 'since', 'until', 'till', 'by', 'of', 'from', 'through', 'to', 'before', 'after', 'during', 'early', 'late', 'mid', 'last', 'next', 'this', 'on', 'between', 'and', 'end']);

const NOT_BEFORE_YEAR = new Set(['resolution', 'resolutions', 'no', 'number', 'nos', 'flight', 'route', 'highway', 'road', 'code', 'model', 'article', 'chapter', 'page', 'pages', 'room', 'unit', 'brigade', 'battalion', 'division', 'regiment', 'squadron', 'hill', 'height', 'elevation', 'altitude']);

function wordBefore(text: string, at: number): string {
  return (WORD_BEFORE.exec(text.slice(Math.max(0, at - 30), at))?.[1] ?? '').toLowerCase();
}

const RULES: Rule[] = [
  // ISO dates: 2021-09-26.
  {
    re: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    build: (m) => ({ k: 'date', y: +m[1]!, m: +m[2]!, d: +m[3]! }),
  },
  // Numeric dates, US order: 08/15/90, 8/15/1990.
  {
    re: /\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/g,
    build: (m) => {
      const mo = +m[1]!, d = +m[2]!;
      if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
      let y = +m[3]!;
      if (m[3]!.length === 2) y += y < 50 ? 2000 : 1900;
      return { k: 'date', y, m: mo, d };
    },
  },
  // [Weekday,] Month Day[,] [Year]: "Monday, February 10", "Sept. 29", "September 26 2021".
  {
    re: new RegExp(`\\b(?:(last|next|this)\\s+)?(?:(${WEEKDAY}),?\\s+)?(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(${YEAR})\\b)?(?!\\d|:\\d)`, 'gi'),
    build: (m) => {
      if (!capital(m[3]) || (m[2] && !capital(m[2]))) return null;
      const d = +m[4]!;
      if (d < 1 || d > 31) return null;
      const rel = m[1] ? relOf(m[1]) : undefined;
      return {
        k: 'date', m: monthOf(m[3]!), d, ...(m[5] ? { y: +m[5] } : {}), ...(m[2] ? { wd: weekdayOf(m[2]) } : {}),
        ...(rel !== undefined && rel !== 0 ? { rel } : {}),
      };
    },
  },
  // The short months left out of MONTH ("Mar", "Apr", "Jun", "Jul", "Sep" are words, names or
  // a typo alone) count between a day and a year, as datelines write them: "Saturday 16 Jul
  // 2016", "22 Sep 2016", "Mon Jul 6 2015".
  {
    re: new RegExp(`\\b(?:(${WEEKDAY}),?\\s+)?(?:(\\d{1,2})\\s+(${SHORT_MONTH})|(${SHORT_MONTH})\\s+(\\d{1,2}),?)\\s+(${YEAR})\\b`, 'g'),
    build: (m) => {
      const d = +(m[2] ?? m[5])!;
      if (d < 1 || d > 31) return null;
      return { k: 'date', m: monthOf((m[3] ?? m[4])!), d, y: +m[6]!, ...(m[1] ? { wd: weekdayOf(m[1]) } : {}) };
    },
  },
  // [Weekday,] [the] Day [of] Month [Year]: "26 September", "the 15th of August 2019".
  {
    re: new RegExp(`\\b(?:(${WEEKDAY}),?\\s+)?(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH})(?:,?\\s+(${YEAR})\\b)?`, 'gi'),
    build: (m) => {
      if (!capital(m[3]) || (m[1] && !capital(m[1]))) return null;
      const d = +m[2]!;
      if (d < 1 || d > 31) return null;
      return { k: 'date', m: monthOf(m[3]!), d, ...(m[4] ? { y: +m[4] } : {}), ...(m[1] ? { wd: weekdayOf(m[1]) } : {}) };
    },
  },
  // [early|late] Month [of] [Year]; last/next/this Month.
  {
    re: new RegExp(`\\b(?:(last|next|this|early|mid|late|the beginning of|the start of|the middle of|the end of)[\\s-]+)?(${MONTH})(?:,?\\s+(?:of\\s+)?(${YEAR})\\b)?(?![\\w-])`, 'gi'),
    build: (m, text) => {
      if (!capital(m[2])) return null;
      const month = monthOf(m[2]!);
      const mod = m[1]?.toLowerCase();
      // "May" is a modal verb unless a year, a modifier or a preposition says otherwise;
      // abbreviations without a dot ("Mar", "Dec") only with a year.
      if (!m[3] && !mod) {
        if (m[2] === 'May' && !MAY_CONTEXT.has(wordBefore(text, m.index))) return null;
        // "the March for Life", "the March of the Mothers": a march, not the month.
        if (m[2] === 'March' && /^\s+(?:for|of|on|to|in)\s+(?:the\s+)?[A-Z]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20))) return null;
        if (/^[A-Z][a-z]{2,3}$/.test(m[2]!) && !/^(May|June|July)$/.test(m[2]!)) return null;
      }
      const rel = mod === 'last' ? -1 : mod === 'next' ? 1 : mod === 'this' ? 0 : undefined;
      const part = partOf(mod);
      return { k: 'month', m: month, ...(m[3] ? { y: +m[3] } : {}), ...(rel !== undefined ? { rel } : {}), ...(part ? { part } : {}) };
    },
  },
  // Month of a year named relatively: "June last year", "March next year".
  {
    re: new RegExp(`\\b(?:(early|mid|late)[\\s-]+)?(${MONTH})(?:\\s+of)?\\s+(last|this|next)\\s+year\\b`, 'gi'),
    build: (m) => {
      if (!capital(m[2])) return null;
      const part = partOf(m[1]);
      return { k: 'month', m: monthOf(m[2]!), yearRel: relOf(m[3]), ...(part ? { part } : {}) };
    },
  },
  // "the latest period": in an earnings report, the quarter just reported.
  {
    re: /\bthe\s+latest\s+period\b/gi,
    needs: ['period'],
    build: () => ({ k: 'quarter', latest: true }),
  },
  // "year-end", "year end": the last day of the year.
  {
    re: /\byear(?:[\s-]|['’]s\s+)end\b/gi,
    needs: ['end'],
    build: () => ({ k: 'yearEnd' }),
  },
  // Holidays with a fixed or computable day.
  {
    re: /\b(Christmas(?:\s+Day|\s+Eve)?|New\s+Year['’]s\s+(?:Day|Eve)|Thanksgiving(?:\s+Day)?|Independence\s+Day|Valentine['’]s\s+Day|Halloween)\b/g,
    needs: ['christmas', 'year', 'thanksgiving', 'independence', 'valentine', 'halloween'],
    build: (m) => {
      const w = m[1]!.toLowerCase();
      if (w.startsWith('christmas')) return { k: 'date', m: 12, d: w.endsWith('eve') ? 24 : 25 };
      if (w.startsWith('new year')) return w.endsWith('eve') ? { k: 'date', m: 12, d: 31 } : { k: 'date', m: 1, d: 1 };
      if (w.startsWith('independence')) return { k: 'date', m: 7, d: 4 };
      if (w.startsWith('valentine')) return { k: 'date', m: 2, d: 14 };
      if (w.startsWith('halloween')) return { k: 'date', m: 10, d: 31 };
      return { k: 'thanksgiving' };
    },
  },
  // Years and decades said in words, as in broadcast transcripts: "nineteen ninety-six".
  {
    re: /\b(?:the\s+)?nineteen\s+(ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](one|two|three|four|five|six|seven|eight|nine)|(ies))?\b/gi,
    needs: ['nineteen'],
    build: (m) => {
      const tens = ['ten', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].indexOf(m[1]!.toLowerCase()) + 1;
      if (m[3]) return { k: 'decade', y: 190 + tens };
      return { k: 'year', y: 1900 + tens * 10 + (m[2] ? NUMBER_WORDS[m[2].toLowerCase()]! : 0) };
    },
  },
  // "the year two thousand (and one)": the millennium said in words ("two thousand" alone
  // is as often a count).
  {
    re: /\bthe\s+year\s+two\s+thousand(?:(?:\s+and)?\s+(one|two|three|four|five|six|seven|eight|nine|ten))?\b/gi,
    needs: ['thousand'],
    build: (m) => ({ k: 'year', y: 2000 + (m[1] ? NUMBER_WORDS[m[1].toLowerCase()]! : 0) }),
  },
  // Centuries: "the 20th century".
  {
    re: /\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)[\s-]+century\b/gi,
    needs: ['century'],
    // "21st Century Wire": a capitalised Century without "the" is a name.
    build: (m) => (/Century/.test(m[0]) && !/^the\s/i.test(m[0]) ? null : { k: 'century', c: +m[1]! - 1 }),
  },
  // "the summer", "the winter": this year's, by tense.
  {
    re: /\bthe\s+(spring|summer|autumn|winter)\b(?!\s+of)/gi,
    needs: ['spring', 'summer', 'autumn', 'winter'],
    build: (m) => {
      const w = m[1]!.toLowerCase();
      return { k: 'season', s: w === 'spring' ? 'SP' : w === 'summer' ? 'SU' : w === 'winter' ? 'WI' : 'FA', rel: 0 };
    },
  },
  // Seasons: "last fall", "this summer", "the winter of 2019", "spring 2020".
  {
    re: new RegExp(`\\b(?:(last|next|this past|this|early|late)\\s+(spring|summer|fall|autumn|winter)(?:\\s+(?:of\\s+)?(${YEAR}))?|(?:the\\s+)?(spring|summer|fall|autumn|winter)\\s+(?:of\\s+)?(${YEAR}))\\b`, 'gi'),
    needs: ['spring', 'summer', 'fall', 'autumn', 'winter'],
    build: (m) => {
      const word = (m[2] ?? m[4])!.toLowerCase();
      const s: Season = word === 'spring' ? 'SP' : word === 'summer' ? 'SU' : word === 'winter' ? 'WI' : 'FA';
      const y = m[3] ?? m[5];
      const rel = relOf(m[1]);
      return { k: 'season', s, ...(y ? { y: +y } : { rel }) };
    },
  },
  // Quarters: "the third quarter", "third-quarter", "the fiscal first quarter", "the latest quarter",
  // "the quarter a year ago".
  {
    re: new RegExp(`\\b(?:(the)\\s+)?((?:(?:latest|last|current|this|past|previous|fiscal|year-ago|year-earlier|same|first|second|third|fourth|1st|2nd|3rd|4th)[\\s-]+)*)quarter\\b(?!s)(?:(?:\\s+of|,)?\\s+(${YEAR})\\b)?(\\s+a\\s+year\\s+(?:ago|earlier)\\b)?`, 'gi'),
    needs: ['quarter'],
    build: (m) => {
      const mods = (m[2] ?? '').toLowerCase().split(/[\s-]+/).filter(Boolean);
      const ordinal = mods.find((w) => w in ORDINAL_Q);
      // "the year-ago quarter", "the quarter a year ago"
      const yearAgo = !!m[4] || mods.includes('year-ago') || mods.includes('year-earlier') || (mods.includes('year') && (mods.includes('ago') || mods.includes('earlier')));
      if (!ordinal && !m[1] && mods.length === 0) return null; // "a quarter of the vote"
      if (!ordinal && !m[1] && !mods.some((w) => w === 'fiscal' || w === 'latest' || w === 'current' || w === 'this')) return null;
      const latest = mods.includes('latest') || mods.includes('last') || mods.includes('past') || mods.includes('previous');
      const current = mods.includes('current');
      return {
        k: 'quarter',
        ...(ordinal ? { q: ORDINAL_Q[ordinal] } : {}),
        ...(m[3] ? { y: +m[3] } : {}),
        ...(yearAgo ? { rel: -1 } : {}),
        ...(latest ? { latest: true } : {}),
        ...(current ? { current: true } : {}),
      };
    },
  },
  // "this year's third quarter", "last year's fourth quarter".
  {
    re: /\b(this|last|next)\s+year['’]s\s+(first|second|third|fourth)[\s-]+(?:fiscal\s+)?quarter\b/gi,
    needs: ['quarter'],
    build: (m) => ({ k: 'quarter', q: ORDINAL_Q[m[2]!.toLowerCase()]!, yearRel: relOf(m[1]) }),
  },
  // "the 1988 third quarter": a year and its quarter.
  {
    re: new RegExp(`\\bthe\\s+(${YEAR})\\s+(first|second|third|fourth)[\\s-]+(?:fiscal\\s+)?quarter\\b`, 'gi'),
    needs: ['quarter'],
    build: (m) => ({ k: 'quarter', q: ORDINAL_Q[m[2]!.toLowerCase()]!, y: +m[1]! }),
  },
  // "the 1988 period", "the 1989 quarter": a quarter named by its year, the quarter from context.
  {
    re: new RegExp(`\\bthe\\s+(${YEAR})\\s+(?:period|quarter)\\b`, 'gi'),
    needs: ['period', 'quarter'],
    build: (m) => ({ k: 'quarter', y: +m[1]! }),
  },
  // "the year ended March 31", "the fiscal year ending June 30": a fiscal year, a duration.
  {
    re: /\bthe\s+(?:fiscal\s+)?year(?=\s+end(?:ed|ing)\b)/gi,
    needs: ['end'],
    build: () => ({ k: 'duration', unit: 'year', n: 1 }),
  },
  // "two years ago", "a year earlier", "three days later", "a decade ago".
  {
    re: new RegExp(`\\b(?:(?:about|almost|nearly|more than|less than|some|just|only|roughly|over)\\s+)?(${NUM})\\s+(${UNIT})\\s+(ago|earlier|later|hence|from now|before(?=\\s*(?:[,.;:)]|$)))\\b`, 'gi'),
    build: (m) => {
      const unit = unitOf(m[2]!);
      // "Three days later", "a day earlier", "over an hour later" count from an event the
      // narrative has just told, not from the article's date: a duration ("three days", as
      // TimeML has it). "A year earlier" keeps the reading of reports, where it means the
      // same period a year back.
      if (/^(?:earlier|later)$/i.test(m[3]!) && /^(?:day|week|hour|minute|second)$/.test(unit)) return null;
      const dir = /ago|earlier|before/i.test(m[3]!) ? -1 : 1;
      // "before" relative to another event is dated against the article anyway;
      // "two days before the vote" is then wrong, but rarely written without an anchor.
      return { k: 'ago', unit, n: numberOf(m[1]!), dir };
    },
  },
  // "year-earlier", "year-ago" used as adjectives: the same period last year.
  {
    re: /\b(?:the\s+)?(year-earlier|year-ago)(?:\s+(?:period|quarter|level|results?|figures?))?\b/gi,
    needs: ['year-'],
    // "the year-ago period" of a report is its quarter a year back
    build: (m) => (/quarter|period/i.test(m[0]) ? { k: 'quarter', rel: -1 } : { k: 'ago', unit: 'year', n: 1, dir: -1 }),
    span: (m) => (/quarter|period/i.test(m[0]) ? [0, m[0].length] : [m[0].indexOf(m[1]!), m[0].indexOf(m[1]!) + m[1]!.length]),
  },
  // Anaphora: "the same day", "that year", "the following week", "the day before": dated
  // from the last date the text gave (findTimes keeps it), else from the article's date.
  {
    re: /\b(?:(the\s+same|that\s+same|that)|(the\s+following|the\s+next|the\s+previous|the\s+preceding)|the)\s+(day|morning|week|month|year)(\s+(?:before(?=\s*(?:[,.;:)]|$))|earlier))?\b(?!\s+(?:after|before|of)\b)/gi,
    build: (m) => {
      const which = (m[1] ?? m[2] ?? '').toLowerCase();
      if (!which && !m[4]) return null;
      const unit = (m[3]!.toLowerCase() === 'morning' ? 'day' : m[3]!.toLowerCase()) as 'day' | 'week' | 'month' | 'year';
      if (/next/.test(which) && unit !== 'day') return null; // "the next year": from now, not from the story
      const off = m[4] || /previous|preceding/.test(which) ? -1 : /following|next/.test(which) ? 1 : 0;
      return { k: 'anaphor', unit, off };
    },
  },
  // "earlier this month", "late last year", "last week", "this year", "next month",
  // "the week", "the past year", "the current year", "the end of the month".
  {
    re: /\b(?:(earlier|later|early|late|mid|the end of|the beginning of|the start of|the middle of|the rest of)[\s-]+)?(?:(last|this|next|past|coming|previous|current|following|the|the past|the last|the coming|the next|the previous|the current|the following)\s+)(?:fiscal\s+|full\s+(?=year))?(week(?:end)?|month|year|decade|century|day)\b(?!-|\s+(?:old|ago|earlier|later))/gi,
    build: (m) => {
      const relWord = m[2]!.toLowerCase().replace(/^the\s+/, '');
      // "ABC's This Week": a title, not the week.
      if (titleWord(m[3]!)) return null;
      const unit = unitOf(m[3]!);
      if (unit === 'day') {
        // "over the past day": the last 24 hours; other "the … day" phrases are anaphora.
        return /^the\s+(past|last)$/i.test(m[2]!) && !m[1] ? { k: 'duration', unit: 'day', n: 1 } : null;
      }
      const part = partOf(m[1]);
      const bare = relWord === 'the';
      return { k: 'unit', unit, rel: bare ? 0 : relOf(relWord), ...(part ? { part } : {}), ...(bare ? { bare } : {}) };
    },
  },
  // "earlier in the year", "later in the week".
  {
    re: /\b(earlier|later)\s+in\s+the\s+(week|month|year)\b/gi,
    needs: ['earlier', 'later'],
    build: (m) => ({ k: 'unit', unit: unitOf(m[2]!), rel: 0, part: partOf(m[1])! }),
  },
  // Durations: "eight years", "the past two months", "the 10-year conflict" ("10-year"),
  // "the first nine months", "several weeks".
  {
    re: new RegExp(`\\b(?:(?:the|at least the|at least|about|almost|nearly|more than|less than|some|roughly|over|under)\\s+)?(?:(?:past|last|next|coming|first|final|previous|following|latest|same|entire|whole|full|initial|remaining)\\s+)?(${NUM})(?:\\s+more)?(?:\\s+(?:additional|extra|further|trading|business|working))?[\\s-]+(${UNIT})(?:-long)?(\\s+and\\s+a\\s+half)?\\b(?![\\s-]+old\\b)`, 'gi'),
    build: (m, text) => {
      if (titleWord(m[2]!)) return null; // "60 Minutes", a programme
      const whole = numberOf(m[1]!);
      // "a minute and a half", "two years and a half"
      const n = whole !== null && m[3] ? whole + 0.5 : whole;
      if (n === null && !/several|few|many|couple/i.test(m[1]!)) return null;
      // "three-quarters of", "a quarter of the vote": fractions.
      if (/^quarter/i.test(m[2]!) && (/^\s+of\b/.test(text.slice(m.index + m[0].length)) || /-/.test(m[0]) || /^an?$/i.test(m[1]!))) return null;
      // "$5 a year", "twice a week": a rate, not a stretch of time.
      if (/^an?$/i.test(m[1]!) && /(?:\d|million|billion|times|twice|once|cents?|dollars?)\W*$/i.test(text.slice(Math.max(0, m.index - 12), m.index))) return null;
      // "four flights a week", "700 seats a week": a count per unit of time.
      if (/^an?$/i.test(m[1]!) && /(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand))\s+(?:[a-z-]+\s+)?[a-z]+s\s+$/i.test(text.slice(Math.max(0, m.index - 40), m.index))) return null;
      if (n !== null && /^\d/.test(m[1]!) && /day|month|week|year/i.test(m[2]!) && n > 500) return null;
      return { k: 'duration', unit: unitOf(m[2]!), n };
    },
    // "the 10-year conflict": the article belongs to the noun, the span is "10-year".
    span: (m) => {
      const hyphen = new RegExp(`${m[1]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-${m[2]}`, 'i').exec(m[0]);
      return hyphen ? [hyphen.index, m[0].length] : [0, m[0].length];
    },
  },
  // "recent years", "coming months": an unspecified stretch.
  {
    re: /\b(?:in\s+)?(?:(?:the\s+)?(?:recent|coming|past|last|next)\s+(?:few\s+)?)(years|months|weeks|days|decades|quarters)\b/gi,
    build: (m) => {
      if (/recent/i.test(m[0])) return { k: 'ref', v: 'PAST_REF' };
      if (/coming|next/i.test(m[0]) && !/few/i.test(m[0])) return { k: 'ref', v: 'FUTURE_REF' };
      return { k: 'duration', unit: unitOf(m[1]!), n: null };
    },
    span: (m) => { const i = m[0].search(/(?:the\s+)?(?:recent|coming|past|last|next)/i); return [i, m[0].length]; },
  },
  // Unspecified stretches: "for years", "for weeks", "decades-long".
  {
    re: /\b(?:(?<=\bfor\s)(years|decades|months|weeks)\b(?!\s+(?:of|to|and|or)\b)|(years|decades|months|weeks|days?)-(?:long|old)\b)/gi,
    build: (m) => ({ k: 'duration', unit: unitOf((m[1] ?? m[2])!), n: /^day-/i.test(m[0]) ? 1 : null }),
  },
  // "Days before this meeting", "comes just days after": an offset of a few days or weeks,
  // a time expression only where the stage can count it (see offsets.ts).
  {
    re: /\b(days|weeks)(?=\s+(?:before|after)\b)/gi,
    needs: ['days', 'weeks'],
    build: (m) => ({ k: 'duration', unit: unitOf(m[1]!), n: null, offset: true }),
  },
  // Sets of days: "every Friday", "each July", "Fridays", "Tuesday nights".
  {
    re: new RegExp(`\\b(?:(?:every|each)\\s+(?:(${WEEKDAY})|(January|February|March|April|June|July|August|September|October|November|December))|(${WEEKDAY})s|(${WEEKDAY})\\s+(morning|afternoon|evening|night)s)\\b`, 'g'),
    build: (m) => {
      const day = m[1] ?? m[3] ?? m[4];
      if (day) return { k: 'set', unit: 'week', wd: weekdayOf(day), ...(m[5] ? { part: dayPartOf(m[5])! } : {}) };
      return { k: 'set', unit: 'year', m: monthOf(m[2]!) };
    },
  },
  // Sets: "daily", "every day", "each year", "annually".
  {
    re: /\b(?:(daily|weekly|monthly|annually|yearly)|(?:every|each|per)\s+(day|week|month|year|quarter))\b/gi,
    needs: ['daily', 'weekly', 'monthly', 'annually', 'yearly', 'every', 'each', 'per'],
    build: (m, text) => {
      const w = (m[1] ?? m[2])!.toLowerCase();
      // "to rise 8.5% annually": a growth rate, not a recurring time.
      if (m[1] && /(?:%|\bper\s?cent)\s*$/i.test(text.slice(Math.max(0, m.index - 12), m.index))) return null;
      // "monthly report", "weekly magazine": adjectives before a noun are sets too in TimeML.
      if (m[1] && /^\s+(?:basis)/.test(text.slice(m.index + m[0].length))) return null;
      // "the Communist Party daily Granma": a newspaper.
      if (m[1] && /^\s+[A-Z]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3))) return null;
      const unit: Unit = w.startsWith('da') ? 'day' : w.startsWith('week') ? 'week' : w.startsWith('month') ? 'month' : w.startsWith('quarter') ? 'quarter' : 'year';
      return { k: 'set', unit };
    },
  },
  // Clock times: "3:30 p.m.", "10 a.m. Friday", "5 p.m. EST, Nov. 6", "noon".
  {
    re: new RegExp(`\\b(\\d{1,2})(?::(\\d{2}))?\\s*(a\\.m\\.|p\\.m\\.|am\\b|pm\\b)(?:\\s+(?:[A-Z]{2,4}T|GMT|local time))?(?:,?\\s+(?:on\\s+)?(${WEEKDAY}|today|yesterday|tomorrow|(${MONTH})\\s+(\\d{1,2})\\b))?`, 'g'),
    needs: ['a.m.', 'p.m.', 'am', 'pm'],
    build: (m) => {
      let h = +m[1]!;
      const min = m[2] ? +m[2] : 0;
      if (h > 12 || min > 59) return null;
      if (/p/i.test(m[3]!) && h < 12) h += 12;
      if (/a/i.test(m[3]!) && h === 12) h = 0;
      const day = dayAfterClock(m[4], m[5], m[6]);
      return { k: 'clock', h, min, ...(day ? { day } : {}) };
    },
  },
  // "noon Thursday", "at midday", "mid-afternoon yesterday" ("high noon" is a figure of speech).
  {
    re: new RegExp(`(?<!\\bhigh\\s)\\b(?:(noon|midday)|mid[\\s-]?(morning|afternoon))(?:,?\\s+(?:on\\s+)?(${WEEKDAY}|today|yesterday|tomorrow|(${MONTH})\\s+(\\d{1,2})\\b))?\\b`, 'gi'),
    needs: ['noon', 'midday', 'mid'],
    build: (m) => {
      if (m[3] && /^[a-z]/.test(m[3]) && !/^(?:today|yesterday|tomorrow)$/.test(m[3])) return null;
      const day = dayAfterClock(m[3], m[4], m[5]);
      if (m[1]) return { k: 'clock', h: 12, min: 0, ...(day ? { day } : {}) };
      // a part of the day: the day itself with TMO/TAF
      const part = dayPartOf(m[2])!;
      if (!day) return { k: 'today', off: 0, part };
      return day.k === 'today' ? { ...day, part } : day;
    },
  },
  // Weekdays: "Sunday", "last Friday", "next Tuesday", "Wednesday night".
  {
    re: new RegExp(`\\b(?:(last|next|this|coming|past|previous)\\s+)?(${WEEKDAY})(?:\\s+(morning|afternoon|evening|night))?\\b`, 'gi'),
    build: (m) => {
      if (!capital(m[2])) return null;
      const part = dayPartOf(m[3]);
      return { k: 'weekday', wd: weekdayOf(m[2]!), ...(m[1] ? { rel: relOf(m[1]) } : {}), ...(part ? { part } : {}) };
    },
  },
  // today, yesterday, tomorrow, tonight, this morning, last night.
  {
    re: /\b(?:(today|yesterday|tomorrow)(?:\s+(morning|afternoon|evening|night))?|(tonight)|this\s+(morning|afternoon|evening)|(last)\s+(night|evening))\b/gi,
    build: (m, text) => {
      // "today's world", "today's youth": the present at large, not the day.
      if (/^['’]s\s+(?:world|society|youth|young|generation|children|kids)\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16))) return null;
      if (m[3]) return { k: 'today', off: 0, part: 'NI' };
      if (m[4]) return { k: 'today', off: 0, part: dayPartOf(m[4])! };
      if (m[5]) return { k: 'today', off: -1, part: dayPartOf(m[6])! };
      const w = m[1]!.toLowerCase();
      const part = dayPartOf(m[2]);
      return { k: 'today', off: w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0, ...(part ? { part } : {}) };
    },
  },
  // Decades in words: "the nineties", "the nineteen-eighties".
  {
    re: /\bthe\s+(?:nineteen[\s-])?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/gi,
    needs: ['ties'],
    build: (m) => ({ k: 'decade', y: 192 + ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'].indexOf(m[1]!.toLowerCase()) }),
  },
  // Decades: "the 1990s", "the '90s".
  {
    re: /\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(1[89]\d|20\d)0'?s|'(\d)0s)\b/gi,
    needs: ["0s", "0's"],
    build: (m) => ({ k: 'decade', y: m[1] ? +m[1] : 190 + +m[2]! }),
  },
  // Years: "2018", "fiscal 1989", "the end of 1990", "mid-2019".
  {
    re: new RegExp(`(?<![\\d$£€.,/:-])(?:(?:(fiscal|early|mid|late|the beginning of|the start of|the middle of|the end of)[\\s-]+)|\\b)(${YEAR})(?![\\d%]|'?s\\b|\\.\\d|,\\d|-\\d|\\s*(?:percent|per cent|people|troops|soldiers|civilians|km|kilometers|miles|dollars|tons|tonnes|barrels)\\b)`, 'gi'),
    build: (m, text) => {
      // "Resolution 2139", "flight 1920", "No. 2005": numbers, not years.
      if (!m[1] && NOT_BEFORE_YEAR.has(wordBefore(text, m.index))) return null;
      const part = partOf(m[1]);
      return { k: 'year', y: +m[2]!, ...(part ? { part } : {}) };
    },
  },
  // "in the near term", "over the short term" (not "the short-term debt"); "the weeks ahead".
  {
    re: /\b(?:the\s+(?:near|short)\s+term(?![\w-]|\s+[a-z]+\b(?<!\b(?:and|or|but|as|than|is|are|was|were|will|would|to|in|of|for|at|because)))|the\s+(days|weeks|months|years)\s+ahead)\b/gi,
    needs: ['term', 'ahead'],
    build: (m) => (m[1] ? { k: 'duration', unit: unitOf(m[1]), n: null } : { k: 'ref', v: 'FUTURE_REF' }),
  },
  // Vague references to the present, past and future.
  {
    re: /\b(now|currently|current|at present|presently|these days|nowadays|recently|lately|the past|the future|the near future|the distant future)\b/gi,
    build: (m, text) => {
      const w = m[1]!.toLowerCase();
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
      if (w === 'current' && /^\s+(account|affairs|events|and former|or former|members?)\b/i.test(after)) return null;
      if (w === 'now' && /^\s*-?\s*(defunct|closed)/i.test(after)) return null;
      if (w === 'the past' && /^\s+(few|two|three|four|five|six|seven|eight|nine|ten|\d+|several)\b/i.test(after)) return null;
      const v = /now|current|present|these days|nowadays/.test(w) ? 'PRESENT_REF' : /recent|lately|past|previous/.test(w) ? 'PAST_REF' : 'FUTURE_REF';
      return w === 'recently' || w === 'lately' ? { k: 'ref', v, near: true } : { k: 'ref', v };
    },
  },
];

/** Every non-overlapping time expression in `text`, longest first, in text order. */
export function recognise(text: string): Match[] {
  const found: Match[] = [];
  const lower = text.toLowerCase();
  RULES.forEach((rule, rank) => {
    if (rule.needs && !rule.needs.some((w) => lower.includes(w))) return;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      if (m[0].length === 0) { rule.re.lastIndex++; continue; }
      const reading = rule.build(m, text);
      if (!reading) continue;
      const [a, b] = rule.span ? rule.span(m) : [0, m[0].length];
      // Trim a trailing period of an abbreviation at the end of a span only if it ends a sentence? Keep it: "Sept." is the word.
      found.push({ start: m.index + a, end: m.index + b, reading, rank });
    }
  });
  found.sort((x, y) => (y.end - y.start) - (x.end - x.start) || x.rank - y.rank || x.start - y.start);
  const chosen: Match[] = [];
  for (const f of found) {
    if (chosen.some((c) => f.start < c.end && c.start < f.end)) continue;
    chosen.push(f);
  }
  return chosen.sort((x, y) => x.start - y.start);
}
