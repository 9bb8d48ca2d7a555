// The times stage: finds temporal expressions and normalises each against the article's
// date (doc.published), reading the tense of its sentence to anchor weekdays and
// month-days. See README.md for what it decides and its limits.
import * as chrono from 'chrono-node';
import type { Sentence, TimeMention } from '../../model/index.js';
import type { Doc, Stage } from '../types.js';
import { type Day, isoDay, parseIsoDay, quarterRange } from './calendar.js';
import { type Match, type Reading, recognise } from './grammar.js';
import { resolve, type TimexType } from './resolve.js';
import { type Tense, tenseAt } from './tense.js';

export { inferPublication, type InferredPublication, type PublicationBasis } from './publication.js';
export type { Tense } from './tense.js';
export type { TimexType } from './resolve.js';

/** A TimeMention with what the stage knows besides the value. */
export interface TimeMentionDetail extends TimeMention {
  /** TIMEX3 type: DATE, TIME (with a clock time or part of day), DURATION, SET. */
  type: TimexType;
  /** `explicit` when the words carry the full date, `relative` when it was computed from `published`. */
  basis: 'explicit' | 'relative';
  /** The tense read around the expression (what anchored a weekday or month-day). */
  tense: Tense;
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

function chronoMatches(text: string, knowledge: TimeKnowledge, taken: Match[]): Match[] {
  const extra: Match[] = [];
  for (const r of knowledge.chrono.parse(text, new Date(Date.UTC(2000, 0, 1)))) {
    const start = r.index, end = r.index + r.text.length;
    if (taken.some((t) => start < t.end && t.start < end)) continue;
    // Only dates that write their year in digits: chrono's casual readings are the rules' job.
    if (!/\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2}/.test(r.text)) continue;
    const y = r.start.get('year'), m = r.start.get('month'), d = r.start.get('day');
    if (y === null || m === null || d === null) continue;
    extra.push({ start, end, reading: { k: 'date', y, m, d }, rank: 99 });
  }
  return extra;
}

function isYearBack(r: Reading): boolean {
  return (r.k === 'ago' && r.unit === 'year' && r.n === 1 && r.dir === -1) || (r.k === 'quarter' && r.rel === -1 && r.q === undefined);
}

export const findTimes: Stage<TimeKnowledge, TimeMentionDetail> = (doc: Doc, knowledge: TimeKnowledge): TimeMentionDetail[] => {
  const text = doc.text;
  const ref: Day | null = doc.published ? parseIsoDay(doc.published) : null;
  const sentences = doc.sentences.length > 0 ? doc.sentences : [{ start: 0, end: text.length }];
  const matches = recognise(text);
  matches.push(...chronoMatches(text, knowledge, matches));
  matches.sort((a, b) => a.start - b.start);
  const out: TimeMentionDetail[] = [];
  let lastQuarter: { value: string; sentence: number } | null = null;
  for (const m of matches) {
    const s = sentenceOf(sentences, m.start) ?? { start: 0, end: text.length };
    const sentence = text.slice(s.start, s.end);
    const tense = tenseAt(sentence, m.start - s.start, m.end - s.start);
    let r = resolve(m.reading, ref, tense);
    if (!r) continue;
    const sentenceIndex = sentences.indexOf(s);
    // "a year earlier", "the year-ago quarter" after a quarter: that quarter, a year back.
    if (lastQuarter && sentenceIndex - lastQuarter.sentence <= 1 && isYearBack(m.reading)) {
      const [qy, qn] = lastQuarter.value.split('-Q').map(Number) as [number, number];
      const range = quarterRange(qy - 1, qn);
      r = { ...r, value: `${qy - 1}-Q${qn}`, precision: 'month', range };
    }
    if (/^\d{4}-Q\d$/.test(r.value) && !isYearBack(m.reading)) lastQuarter = { value: r.value, sentence: sentenceIndex };
    out.push({
      start: m.start, end: m.end, text: text.slice(m.start, m.end),
      value: r.value, precision: r.precision,
      ...(r.range ? { range: [isoDay(r.range[0]), isoDay(r.range[1])] as [string, string] } : {}),
      type: r.type, basis: r.basis, tense,
    });
  }
  return out;
};
