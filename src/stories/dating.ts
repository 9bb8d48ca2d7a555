// Story dating: an article without a publication date takes its date from the story it is
// in, and an event date whose year the article did not write (the times stage resolved it
// against a guessed publication date) takes its year from the story. Both are marked
// `basis: "story"`. The article's own layers stay as the stages wrote them: this is a view.
import type { EventDate, EventMention, PublicationGuess, TimePrecision } from '../model/index.js';
import { CLUSTERING, gapDays } from './cluster.js';
import { validDay } from './features.js';

export interface ArticleDate {
  date: string;
  precision: TimePrecision;
  /** `story` when the story supplied or confirmed it; else how the article's own date was found. */
  basis: string;
  /** The range the date may fall in, when it is not exact. */
  earliest?: string;
  latest?: string;
}

export interface DatedMember {
  published: string | null;
  publishedBasis?: string;
  publishedGuess: PublicationGuess | null;
}

/** The guessed publication date, when it is a real day. */
const guessOf = (m: DatedMember) => (validDay(m.publishedGuess?.date) ? m.publishedGuess : null);

/** The story's span: its dated articles' days, else (no article dated) their guesses. */
export function storySpan(members: readonly DatedMember[]): { first: string; last: string } | null {
  const dated = members.map((m) => m.published).filter((d): d is string => !!d);
  const anchors = dated.length ? dated : members.map((m) => guessOf(m)?.date).filter((d): d is string => !!d);
  if (!anchors.length) return null;
  anchors.sort();
  return { first: anchors[0]!, last: anchors[anchors.length - 1]! };
}

/** The date an article has within its story, or null when neither it nor the story has one. */
export function articleDate(m: DatedMember, span: { first: string; last: string } | null): ArticleDate | null {
  if (m.published) return { date: m.published, precision: 'day', basis: m.publishedBasis ?? 'given' };
  if (!span) return null;
  const guess = guessOf(m);
  if (guess) {
    // The guess fits the story as it is, or once its year is the story's (a year-less text).
    for (const year of [null, span.first.slice(0, 4), span.last.slice(0, 4)]) {
      const date = year ? year + guess.date.slice(4) : guess.date;
      const gap = gapDays(date, span.first, span.last);
      if (gap !== null && gap <= CLUSTERING.windowDays) return { date, precision: guess.precision, basis: 'story' };
    }
  }
  return { date: span.last, precision: 'week', basis: 'story', earliest: span.first, latest: span.last };
}

/**
 * An event of an undated article as the story dates it: a date the stage resolved against
 * the guessed publication date (`relative`, `publication`) moves by the years between the
 * guess and the story's date for the article, and its basis becomes `story`. When the
 * article's day is not known — its guess was only a year (a mid-year placeholder), or it had
 * none and takes the story's week — a day counted from that placeholder means nothing: the
 * event takes the week before the article's story date up to it ("on Monday" in an article
 * of that week), or the article's own range for a date that was the publication itself.
 */
export function redate(e: EventMention, m: DatedMember, date: ArticleDate | null): EventMention {
  if (m.published || !date || !e.date || (e.date.basis !== 'relative' && e.date.basis !== 'publication')) return e;
  const guess = guessOf(m);
  if (!guess || guess.precision !== 'day' || date.precision !== 'day') {
    const end = date.latest ?? date.date;
    const from = date.earliest ?? date.date;
    const start = e.date.basis === 'relative' ? shiftDays(from, -CLUSTERING.windowDays) : from;
    return { ...e, date: { start, end, precision: 'week', basis: 'story' } };
  }
  const years = Number(date.date.slice(0, 4)) - Number(guess.date.slice(0, 4));
  const shift = (d: string) => (years ? String(Number(d.slice(0, 4)) + years).padStart(4, '0') + d.slice(4) : d);
  const moved: EventDate = { ...e.date, start: shift(e.date.start), end: shift(e.date.end), basis: 'story' };
  return { ...e, date: moved };
}

/** The day `days` after (before, when negative) a YYYY-MM-DD day. */
export const shiftDays = (iso: string, days: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
