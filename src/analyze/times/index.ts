// The times stage: finds temporal expressions and normalises each against the article's
// date (doc.published), reading the tense of its sentence to anchor weekdays and
// month-days. See README.md for what it decides and its limits.
import * as chrono from 'chrono-node';
import type { Sentence, TimeMention } from '../../model/index.js';
import type { Doc, Stage } from '../types.js';
import { type Day, dayOf, isoDay, parseIsoDay, quarterRange } from './calendar.js';
import { type Match, type Reading, recognise } from './grammar.js';
import { resolve, type TimexType } from './resolve.js';
import { type Tense, tenseCue } from './tense.js';
import { countOffset, type Offset, offsetValue } from './offsets.js';
import { datelineOf, relativeClauses, scopeOf, type Segment } from './clauses.js';

export { inferPublication, type InferredPublication, type PublicationBasis } from './publication.js';
export type { Tense } from './tense.js';
export type { TimexType } from './resolve.js';
export { dates } from './clauses.js';

/** A TimeMention with what the stage knows besides the value. */
export interface TimeMentionDetail extends TimeMention {
  /** TIMEX3 type: DATE, TIME (with a clock time or part of day), DURATION, SET. */
  type: TimexType;
  /** `explicit` when the words carry the full date, `relative` when it was computed from `published`. */
  basis: 'explicit' | 'relative';
  /** The tense read around the expression (what anchored a weekday or month-day). */
  tense: Tense;
  /**
   * For a duration followed by "after"/"before" ("on February 8, a few days after eight
   * soldiers died"; "These strikes come two days after Putin met"): the days of the event in
   * that clause, counted from the time of the main clause (see offsets.ts), and where that
   * time came from. The mention itself stays a duration.
   */
  placed?: { range: [string, string]; precision: 'day' | 'week' | 'month' | 'year'; anchor: 'sentence' | 'text' | 'published' };
  /**
   * The parts of its sentence (character segments of the text) the expression dates, when
   * not the whole sentence: a relative clause with a time of its own, or the main clause
   * without the relative clauses it does not date (see clauses.ts).
   */
  scope?: [number, number][];
}

export interface TimeKnowledge {
  /**
   * chrono-node, strict English, as a fallback recogniser for calendar formats the rules
   * do not cover. Only its results with a stated year are kept: chrono's own anchoring of
   * weekdays and month-days (and its "for eight years" = 2029) is what the rules replace.
   */
  chrono: chrono.Chrono;
}

export function loadTimeKnowledge(): TimeKnowledge {
  const strict = chrono.strict.clone();
  strict.refiners.push({
    refine: (_context, results) =>
      results.filter((r) => r.start.isCertain('year') && r.start.isCertain('month') && r.start.isCertain('day') && !r.end),
  });
  return { chrono: strict };
}

function sentenceOf(sentences: readonly Sentence[], at: number): Sentence | undefined {
  let lo = 0, hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** What a date chrono's readings are kept for writes: a year in digits, or a numeric date. */
const DIGIT_DATE = /\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2}/;
const DIGIT_DATES = new RegExp(DIGIT_DATE.source, 'g');
/**
 * How much text around each DIGIT_DATE chrono reads (characters either side): far more than
 * any expression chrono finds, with what it merges into it ("5 January 2016 to 6 February
 * 2017", "5 Jan 2016 at 10:30 am"), is long, so a reading kept is the one the whole text gives.
 */
const CHRONO_MARGIN = 150;

/** The stretches of `text` chrono reads: CHRONO_MARGIN around each digit date, overlapping ones joined. */
function chronoWindows(text: string): [number, number][] {
  const out: [number, number][] = [];
  DIGIT_DATES.lastIndex = 0;
  for (let m = DIGIT_DATES.exec(text); m; m = DIGIT_DATES.exec(text)) {
    const from = Math.max(0, m.index - CHRONO_MARGIN), to = Math.min(text.length, m.index + m[0].length + CHRONO_MARGIN);
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

function chronoMatches(text: string, knowledge: TimeKnowledge, taken: Match[], ref: Day | null): Match[] {
  const extra: Match[] = [];
  // (chrono is the dearest part of the stage: it reads only the stretches that can hold a date it is kept for)
  for (const [from, to] of chronoWindows(text)) for (const r of knowledge.chrono.parse(text.slice(from, to), new Date(Date.UTC(2000, 0, 1)))) {
    const start = from + r.index, end = start + r.text.length;
    if (taken.some((t) => start < t.end && t.start < end)) continue;
    // Only dates that write their year in digits: chrono's casual readings are the rules' job.
    if (!DIGIT_DATE.test(r.text)) continue;
    const y = r.start.get('year');
    let m = r.start.get('month'), d = r.start.get('day');
    if (y === null || m === null || d === null) continue;
    // "04-09-2014" is 4 September in most of the world and April 9 in the US: the reading
    // nearer the publication date, else day first (as extraction reads a dateline).
    const numeric = /^(\d{1,2})([./-])(\d{1,2})\2\d{4}$/.exec(r.text);
    if (numeric && +numeric[1]! <= 12 && +numeric[3]! <= 12 && numeric[1] !== numeric[3]) {
      const [a, b] = [+numeric[1]!, +numeric[3]!];
      const dayFirst = ref === null || Math.abs(dayOf(y, b, a) - ref) <= Math.abs(dayOf(y, a, b) - ref);
      [m, d] = dayFirst ? [b, a] : [a, b];
    }
    extra.push({ start, end, reading: { k: 'date', y, m, d }, rank: 99 });
  }
  return extra;
}

const QUARTER_CONTEXT_SENTENCES = 2;
/** A tense cue this close (words) is trusted however far back or ahead it sends a date. */
const STRONG_CUE = 2;
/** How far back (characters) a date stays the antecedent of "the same day", "that year". */
const ANAPHORA_REACH = 1500;

/** "compared with $3 million last year", "the corresponding period last year": a report's comparison. */
const COMPARED = /\b(?:compared|compares|comparable|corresponding|against|versus|vs\.?)\b/i;
/** "last year's quarter", "last year's period". */
const PERIOD_AFTER = /^['’]s\s+(?:[\w-]+\s+)?(?:quarter|period)\b/i;

/**
 * Whether a reading takes its quarter from a quarter just mentioned, and how. "Last year"
 * means that quarter a year back only in a comparison ("compared with a loss last year",
 * "last year's quarter"); elsewhere ("Last year, the company had charges", "down from $21
 * million last year") it is the year.
 */
function quarterContext(r: Reading, before: string, after: string): 'year-back' | 'same-year' | null {
  if ((r.k === 'ago' && r.unit === 'year' && r.n === 1 && r.dir === -1) || (r.k === 'quarter' && r.rel === -1 && r.q === undefined)) return 'year-back';
  if (r.k === 'unit' && r.unit === 'year' && r.rel === -1 && !r.part && (COMPARED.test(before) || PERIOD_AFTER.test(after))) return 'year-back';
  if (r.k === 'quarter' && r.y !== undefined && r.q === undefined) return 'same-year';
  return null;
}

export const findTimes: Stage<TimeKnowledge, TimeMentionDetail> = (doc: Doc, knowledge: TimeKnowledge): TimeMentionDetail[] => {
  const text = doc.text;
  const ref: Day | null = doc.published ? parseIsoDay(doc.published) : null;
  const sentences = doc.sentences.length > 0 ? doc.sentences : [{ start: 0, end: text.length }];
  const matches = recognise(text);
  matches.push(...chronoMatches(text, knowledge, matches, ref));
  matches.sort((a, b) => a.start - b.start);
  const out: TimeMentionDetail[] = [];
  let lastQuarter: { value: string; sentence: number } | null = null;
  let lastDated: { range: [Day, Day]; precision: string; at: number } | null = null;
  // The last past day the text gave, for the time of a main clause that an offset counts
  // from; and the last event dated (that day, or one an offset placed), for "this meeting".
  let lastDay: { range: [Day, Day]; at: number } | null = null;
  let lastEvent: { range: [Day, Day]; at: number } | null = null;
  const ranges: { start: number; end: number; range: [Day, Day] }[] = [];
  for (const m of matches) {
    const s = sentenceOf(sentences, m.start) ?? { start: 0, end: text.length };
    const sentence = text.slice(s.start, s.end);
    const cue = tenseCue(sentence, m.start - s.start, m.end - s.start);
    const tense = cue.tense;
    // The last date the text gave, for "the same day", "that year"; one far back is stale.
    const anchor = lastDated && m.start - lastDated.at < ANAPHORA_REACH ? lastDated : undefined;
    let r = resolve(m.reading, ref, tense, anchor, cue.distance <= STRONG_CUE);
    if (!r) continue;
    const beside = ranges.length > 0 && ranges[ranges.length - 1]!.start >= s.start ? ranges[ranges.length - 1] : undefined;
    const recent = (x: { range: [Day, Day]; at: number } | null) => (x && m.start - x.at < ANAPHORA_REACH ? x.range : undefined);
    const offset: Offset | null = m.reading.k !== 'duration' ? null : countOffset(m.reading, {
      before: text.slice(s.start, m.start), after: text.slice(m.end, Math.min(s.end, m.end + 30)),
      ...(beside ? { besideDate: { range: beside.range, between: text.slice(beside.end, m.start) } } : {}),
      sentenceDated: beside !== undefined,
      ...(recent(lastDay) ? { lastDate: recent(lastDay)! } : {}),
      ...(recent(lastEvent) ? { lastEvent: recent(lastEvent)! } : {}),
      ref,
    });
    // Bare "days" before "after"/"before" is a time expression only where it can be counted.
    if (m.reading.k === 'duration' && m.reading.offset && !offset) continue;
    // "Days before this meeting, X said": the offset dates the main clause.
    if (offset?.dates === 'main') r = { value: offsetValue(offset.range), precision: offset.precision, range: offset.range, type: 'DATE', basis: 'relative' };
    const placed: Offset | null = offset?.dates === 'clause' ? offset : null;
    if (placed) lastEvent = { range: placed.range, at: m.start };
    if (r.range && r.precision !== 'duration' && m.reading.k !== 'anaphor' && r.value !== 'PRESENT_REF') {
      lastDated = { range: r.range, precision: r.precision, at: m.start };
    }
    const sentenceIndex = sentences.indexOf(s);
    if (r.range && r.precision !== 'duration' && r.value !== 'PAST_REF' && r.value !== 'FUTURE_REF') {
      ranges.push({ start: m.start, end: m.end, range: r.range });
      // A day already gone: the event an "X comes two days after Y" reports.
      if (r.precision === 'day' && r.value !== 'PRESENT_REF' && (ref === null || r.range[1] <= ref)) lastDay = lastEvent = { range: r.range, at: m.start };
      else if (offset?.dates === 'main') lastEvent = { range: r.range, at: m.start };
    }
    // Earnings-report style: "a year earlier", "last year", "the year-ago period", "the 1988
    // period" within two sentences of a quarter mean that quarter (a year back, or in that year).
    const contextual = quarterContext(m.reading, text.slice(s.start, m.start), text.slice(m.end, Math.min(s.end, m.end + 30)));
    if (lastQuarter && sentenceIndex - lastQuarter.sentence <= QUARTER_CONTEXT_SENTENCES && contextual) {
      const [qy, qn] = lastQuarter.value.split('-Q').map(Number) as [number, number];
      const y = contextual === 'year-back' ? qy - 1 : (m.reading as { y: number }).y;
      r = { ...r, value: `${y}-Q${qn}`, precision: 'month', range: quarterRange(y, qn) };
    }
    if (/^\d{4}-Q\d$/.test(r.value) && !contextual) lastQuarter = { value: r.value, sentence: sentenceIndex };
    out.push({
      start: m.start, end: m.end, text: text.slice(m.start, m.end),
      value: r.value, precision: r.precision,
      ...(r.range ? { range: [isoDay(r.range[0]), isoDay(r.range[1])] as [string, string] } : {}),
      type: r.type, basis: r.basis, tense,
      ...(placed ? { placed: { range: [isoDay(placed.range[0]), isoDay(placed.range[1])], precision: placed.precision, anchor: placed.anchor } } : {}),
    });
  }
  scopeMentions(text, sentences, out);
  return out;
};

/**
 * Sets `scope` on the mentions of sentences with relative clauses, and on a dateline glued to
 * a sentence that carries a time of its own (see clauses.ts).
 */
function scopeMentions(text: string, sentences: readonly Sentence[], out: TimeMentionDetail[]): void {
  datelineScope(text, sentences, out);
  let i = 0;
  for (const s of sentences) {
    while (i < out.length && out[i]!.start < s.start) i++;
    let j = i;
    while (j < out.length && out[j]!.end <= s.end) j++;
    if (j === i) continue;
    const clauses: Segment[] = relativeClauses(text.slice(s.start, s.end)).map(([a, b]) => [s.start + a, s.start + b]);
    if (clauses.length === 0) continue;
    const mine = out.slice(i, j);
    const dated = ([a, b]: Segment) => mine.some((t) => t.start >= a && t.end <= b);
    for (const t of mine) {
      if (t.scope) continue; // a dateline's
      const scope = scopeOf(s.start, s.end, t.start, t.end, clauses, dated);
      if (scope) t.scope = scope;
    }
    i = j;
  }
}

/**
 * A dateline is the article's date, not the day of what its first sentence tells: when a
 * scraped dateline runs into the lede ("Published April 13 2017 An air strike on Tuesday
 * killed …") and the sentence names a day of its own, the dateline dates nothing but itself.
 * A sentence with no day of its own keeps the dateline's (the article's) date: a week ("talks
 * over the weekend") or "the last 24 hours" is as likely another clause's or counted from it.
 */
function datelineScope(text: string, sentences: readonly Sentence[], out: TimeMentionDetail[]): void {
  const line = datelineOf(text, out).map((i) => out[i]!);
  if (line.length === 0) return;
  const s = sentenceOf(sentences, line[0]!.start);
  if (!s) return;
  const own = out.some((t) => !line.includes(t) && t.start >= s.start && t.end <= s.end && t.range && t.precision === 'day' && t.value !== 'PRESENT_REF');
  if (own) for (const t of line) t.scope = [[t.start, t.end]];
}
