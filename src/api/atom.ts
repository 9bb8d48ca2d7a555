// Atom 1.0 feeds (RFC 4287) of events and stories, so that an analyst subscribes to a filter
// in any feed reader. Every value is text, escaped; characters XML 1.0 forbids are dropped,
// so no article text can break the document or be read as markup.
import type { StoredStory } from '../store/index.js';
import type { StoredEvent } from '../store/index.js';

export interface AtomEntry {
  id: string;
  title: string;
  /** ISO timestamp. */
  updated: string;
  /** The entry's page (rel="alternate"). */
  link: string;
  /** The original article, when there is one (rel="related"). */
  related?: string | null;
  summary: string;
  categories?: string[];
}

export interface AtomFeed {
  id: string;
  title: string;
  /** The feed's own URL (rel="self"). */
  self: string;
  /** The human view of the same filter (rel="alternate"). */
  alternate: string;
  entries: AtomEntry[];
}

// XML 1.0 allows tab, newline, carriage return and U+0020 up, less lone surrogates and U+FFFE/U+FFFF.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text as XML character data or attribute value. */
export function xmlText(s: string): string {
  return s
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const EPOCH = '1970-01-01T00:00:00.000Z';

export function atomFeed(feed: AtomFeed): string {
  // A feed's `updated` is its newest entry's, so an unchanged feed reads the same.
  const updated = feed.entries.reduce((max, e) => (e.updated > max ? e.updated : max), EPOCH);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlText(feed.id)}</id>`,
    `  <title>${xmlText(feed.title)}</title>`,
    `  <updated>${xmlText(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(feed.alternate)}"/>`,
    '  <author><name>sitrep</name></author>',
    '  <generator>sitrep</generator>',
  ];
  for (const e of feed.entries) {
    lines.push(
      '  <entry>',
      `    <id>${xmlText(e.id)}</id>`,
      `    <title type="text">${xmlText(e.title)}</title>`,
      `    <updated>${xmlText(e.updated)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(e.link)}"/>`,
      ...(e.related ? [`    <link rel="related" href="${xmlText(e.related)}"/>`] : []),
      ...(e.categories ?? []).map((c) => `    <category term="${xmlText(c)}"/>`),
      `    <summary type="text">${xmlText(e.summary)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

/** A day or timestamp as an Atom date-time (a day is its midnight UTC); null when it is neither. */
function timestamp(value: string | null | undefined): string | null {
  if (!value) return null;
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/**
 * One event as a feed entry: the headline fields in the title, every field the event
 * states in the summary, a link to its story (else its article) in the web app.
 */
export function eventEntry({ id, event: e, article, story }: StoredEvent, base: string): AtomEntry {
  const who = e.actor ? e.actor.id : 'unknown actor';
  const title = [
    `${e.type} (${e.mode}) by ${who}`,
    e.place ? ` in ${e.place.name}` : '',
    e.date ? `, ${e.date.start}` : '',
    e.killed ? `: ${e.killed.min}${e.killed.max !== null && e.killed.max !== e.killed.min ? `-${e.killed.max}` : ''} killed` : '',
  ].join('');
  const place = e.place ? [e.place.name, e.place.admin1, e.place.country].filter(Boolean).join(', ') : null;
  const summary = [
    `Actor: ${e.actor ? `${e.actor.id} ("${e.actor.text}")` : 'not named'}.`,
    e.recipient ? `Recipient: ${e.recipient.id} ("${e.recipient.text}").` : '',
    place ? `Place: ${place}.` : '',
    e.date ? `Date: ${e.date.start === e.date.end ? e.date.start : `${e.date.start} to ${e.date.end}`} (${e.date.precision}).` : '',
    `Status: ${e.status}.`,
    e.killed ? `Killed: ${e.killed.min}${e.killed.max !== null ? `-${e.killed.max}` : ''} ${e.killed.who} ("${e.killed.text}").` : '',
    e.injured ? `Injured: ${e.injured.min}${e.injured.max !== null ? `-${e.injured.max}` : ''} ${e.injured.who} ("${e.injured.text}").` : '',
    `Source: ${e.source ? `${e.source.id} ("${e.source.text}")` : 'the outlet'}.`,
    `Article: ${article.title ?? article.sourceId}${article.outlet ? ` (${article.outlet})` : ''}${article.published ? `, ${article.published}` : ''}.`,
  ].filter(Boolean).join(' ');
  return {
    id: `${base}/api/events/${id}`,
    title,
    // When sitrep recorded it: what changes a feed.
    updated: timestamp(article.ingestedAt) ?? timestamp(article.published) ?? EPOCH,
    link: story != null ? `${base}/stories/${story}` : `${base}/articles/${article.id}`,
    related: article.url && /^https?:\/\//i.test(article.url) ? article.url : null,
    summary,
    categories: [e.type, e.status],
  };
}

export function storyEntry(s: StoredStory, base: string): AtomEntry {
  const outlets = Object.entries(s.outlets).sort((a, b) => b[1] - a[1]).map(([o, n]) => `${o} (${n})`).join(', ');
  const span = s.firstDate && s.lastDate ? (s.firstDate === s.lastDate ? s.firstDate : `${s.firstDate} to ${s.lastDate}`) : 'undated';
  return {
    id: `${base}/api/stories/${s.id}`,
    title: s.title ?? `Story ${s.id}`,
    updated: timestamp(s.lastDate) ?? timestamp(s.firstDate) ?? EPOCH,
    link: `${base}/stories/${s.id}`,
    summary: `${s.articles} article${s.articles === 1 ? '' : 's'}, ${span}.${outlets ? ` Outlets: ${outlets}.` : ''}`,
  };
}
