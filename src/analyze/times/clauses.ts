// Scope: which words of its sentence a time expression dates. A relative clause is a clause
// of its own, with its own verb and time:
//  - a time inside it dates only it: "We are in talks with partners who signed a pact with us
//    two years ago" — the pact is two years old, not the talks;
//  - a time of the main clause does not date a relative clause told before it, which gives the
//    background of the noun it describes ("The envoy, who came at the rebels' request, left
//    the city earlier this week": the request is not of this week), nor one that carries a
//    time of its own. A relative clause told after the time ("A blast hit the port on Monday,
//    which killed five sailors") goes on with the event just dated and keeps its time.
// No parsing: a relative clause runs from "who", "whom", "whose" or "which" to the next comma,
// semicolon, colon, dash or bracket, or the sentence's end. "That" (as often a conjunction) and
// "when"/"where" (which take the time of their noun: "On Monday, when delegations met, ...")
// are not relative pronouns here.

import { WEEKDAY_PREFIX } from './names.js';

export type Segment = [number, number];

const PRONOUN = /\b(?:who|whom|whose|which)\b/gi;
const CLAUSE_END = /[,;:()\u2013\u2014]|\s-\s/;
/** "asked which", "unclear who": an indirect question, not a relative clause. */
const QUESTION_BEFORE = /\b(?:ask|asked|asking|know|knew|known|unclear|clear|decide|decided|determine|determined|explain|explained|wonder|wondered|question|say|said|saying|tell|told)\s*$/i;

/** The relative clauses of `text` (offsets into `text`). */
export function relativeClauses(text: string): Segment[] {
  const out: Segment[] = [];
  PRONOUN.lastIndex = 0;
  for (let m = PRONOUN.exec(text); m; m = PRONOUN.exec(text)) {
    if (QUESTION_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    // the sentence's first word: a question or a free relative ("Which side fired first is unclear")
    if (!/\S/.test(text.slice(0, m.index))) continue;
    const rest = text.slice(m.index + m[0].length);
    const stop = CLAUSE_END.exec(rest);
    const end = m.index + m[0].length + (stop ? stop.index : rest.replace(/[\s.!?"'”’]+$/, '').length);
    if (out.length > 0 && m.index < out[out.length - 1]![1]) continue; // "which" inside a clause already found
    out.push([m.index, end]);
  }
  return out;
}

/**
 * The parts of the sentence [start, end) that the time at [at, atEnd) dates, or null when it
 * dates the whole sentence. `clauses` are the sentence's relative clauses (absolute offsets);
 * `dated(c)` says whether a clause holds a time expression of its own.
 */
export function scopeOf(start: number, end: number, at: number, atEnd: number, clauses: readonly Segment[], dated: (c: Segment) => boolean): Segment[] | null {
  const inside = clauses.find(([a, b]) => a <= at && atEnd <= b);
  if (inside) return [[inside[0], inside[1]]];
  const cut = clauses.filter((c) => c[1] <= at || dated(c));
  if (cut.length === 0) return null;
  const out: Segment[] = [];
  let from = start;
  for (const [a, b] of cut) {
    if (a > from) out.push([from, a]);
    from = Math.max(from, b);
  }
  if (from < end) out.push([from, end]);
  return out;
}

/** "Updated", "last updated at", "updated on": a dateline's opener, and a stamp's after the date (STAMP). */
const UPDATED = '(?:last )?updated(?: at| on)?';
/** What may open a text before its dateline's date: "Posted on", "Last updated at" (then a wire city, "MOSCOW, ", or a weekday).
 * Also used by extraction's head reader (src/extract/text.ts). */
export const DATELINE_OPENER = `(?:date of publication|posted(?: on)?|published(?: on)?|${UPDATED})\\s*:?\\s*`;
/** A weekday before a dateline's date ("Monday, ", "Tue. "). Also used by extraction's head reader. */
export const DATELINE_WEEKDAY = `${WEEKDAY_PREFIX}\\.?,?\\s+`;
const HEAD_WORDS = new RegExp(`^\\s*(?:${DATELINE_OPENER})?`, 'i');
const WIRE_CITY = /^(?:[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+)*,\s*)?/;
const WEEKDAY = new RegExp(`^(?:${DATELINE_WEEKDAY})?$`, 'i');
/** What may stand between a dateline's date and the same date again: "(updated 1618 20.04.2017)". */
const STAMP = new RegExp(`^\\s*[(|-]?\\s*(?:${UPDATED}\\s*:?\\s*)?(?:\\d{1,2}:?\\d{2}\\s*(?:GMT|UTC)?\\s*)?$`, 'i');

/**
 * The dateline of a text: the full dates (day and year written) it opens with — after at most
 * "Posted on", "Last updated at", a wire city or a weekday — and one repeated in an
 * "(updated …)" stamp right after. Indices into `mentions`, which are in text order.
 */
export function datelineOf(text: string, mentions: readonly { start: number; end: number; precision: string; basis: string }[]): number[] {
  const out: number[] = [];
  let from = 0;
  for (let i = 0; i < mentions.length; i++) {
    const t = mentions[i]!;
    const gap = text.slice(from, t.start);
    const head = out.length === 0 ? WEEKDAY.test(gap.replace(HEAD_WORDS, '').replace(WIRE_CITY, '')) : STAMP.test(gap);
    if (t.precision !== 'day' || t.basis !== 'explicit' || !head) break;
    out.push(i);
    from = t.end;
  }
  return out;
}

/** Whether a time whose `scope` is given dates the words at `at` (a scope of null: the whole sentence). */
export function dates(scope: readonly Segment[] | null | undefined, at: number): boolean {
  return !scope || scope.some(([a, b]) => a <= at && at < b);
}
