// Stories: the list, and one story with its summary, timeline, events with their claims
// ledgers (disputed figures flagged), its articles and the outlets covering it.
import { articlesBySource, getAll, getJson, type ArticleSummary, type Claim, type ClaimValue, type StoryEvent, type StoryFramingJson, type StoryJson, type StorySummary } from '../api.js';
import { h } from '../dom.js';
import { actor, appLink, count, dateText, eventFacts, typeBadge } from '../format.js';
import { drawTimeline } from '../timeline.js';
import { framingSection } from './framing.js';

export async function storiesView(view: HTMLElement): Promise<void> {
  document.title = 'Stories · sitrep';
  const { items } = await getAll<StorySummary>('/api/stories?limit=1000');
  view.replaceChildren(h('h1', null, 'Stories'), items.length === 0 ? h('p', null, 'No stories yet.') : h('ul', { class: 'stories' },
    ...items.map((st) => h('li', null, appLink(`/stories/${st.id}`, st.title ?? `Story ${st.id}`), ' ',
      h('span', { class: 'meta' }, `${st.firstDate ?? '?'} – ${st.lastDate ?? '?'} · ${st.articles} article${st.articles === 1 ? '' : 's'}`)))));
}

/** A claimed value as text: a figure, a date, a place, an actor. */
export function claimText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'object') return String(value);
  const v = value as Record<string, unknown>;
  if ('min' in v && 'who' in v) return `${count(v as never)}${typeof v.text === 'string' ? ` (“${v.text}”)` : ''}`;
  if ('start' in v && 'end' in v) return dateText(v as never);
  if ('name' in v && 'lat' in v) return `${String(v.name)}${v.admin1 ? `, ${String(v.admin1)}` : ''}`;
  if ('id' in v && 'text' in v) return actor(v as never);
  return JSON.stringify(value);
}

export async function storyView(view: HTMLElement, id: number): Promise<void> {
  // The framing is computed per request; the story shows without it if it fails.
  const [story, bySource, framing] = await Promise.all([getJson<StoryJson>(`/api/stories/${id}`), articlesBySource(),
    getJson<StoryFramingJson>(`/api/stories/${id}/framing`).catch(() => null)]);
  document.title = `${story.title} · sitrep`;
  const articleLink = (sourceId: string, start?: number, label?: string) => {
    const a = bySource.get(sourceId);
    const text = label ?? a?.title ?? sourceId;
    return a ? appLink(`/articles/${a.id}${start !== undefined ? `#s-${start}` : ''}`, text) : h('span', null, text);
  };
  const outletOf = (sourceId: string, given: string | null) => given ?? bySource.get(sourceId)?.outlet ?? 'unknown outlet';

  const disputed = story.events.filter((e) => e.claims.some((c) => c.disputed)).length;
  const summary = story.summary?.length
    ? h('section', { class: 'summary' }, h('h2', null, 'Summary'), h('ul', null, ...story.summary.map((s) => h('li', null, s.text, ' ', h('span', { class: 'meta' }, '— ', articleLink(s.sourceId, s.start, outletOf(s.sourceId, null)))))))
    : '';
  const outlets = Object.entries(story.outlets ?? {});
  const members = story.members ?? story.articles.map((sourceId) => ({ sourceId, outlet: null, title: null, url: null, date: null }));

  const events = [...story.events].sort((a, b) => (a.date?.start ?? '9999').localeCompare(b.date?.start ?? '9999'));
  view.replaceChildren(
    h('p', { class: 'crumbs' }, appLink('/stories', 'Stories'), ` › ${story.id}`),
    h('h1', null, story.title),
    h('p', { class: 'meta' }, `${story.firstDate ?? '?'} – ${story.lastDate ?? '?'} · ${members.length} article${members.length === 1 ? '' : 's'} · ${story.events.length} event${story.events.length === 1 ? '' : 's'}`,
      disputed ? ' · ' : '', disputed ? h('span', { class: 'disputed-badge' }, `${disputed} with disputed claims`) : ''),
    summary,
    h('section', null, h('h2', null, 'Timeline'), drawTimeline({ events: story.events, from: null, to: null, onRange: () => {}, compact: true })),
    h('section', { class: 'story-events' }, h('h2', null, 'Events'), ...events.map((e) => storyEvent(e, articleLink, outletOf))),
    h('section', { class: 'members' }, h('h2', null, 'Articles'), h('ul', null, ...members.map((m) => h('li', null,
      articleLink(m.sourceId, undefined, m.title ?? undefined), ' ', h('span', { class: 'meta' }, `${outletOf(m.sourceId, m.outlet)}${m.date ? `, ${m.date.date}` : ''}`))))),
    framingSection(framing, articleLink),
    h('section', { class: 'outlets' }, h('h2', null, 'Outlets'), outlets.length
      ? h('table', null, h('thead', null, h('tr', null, h('th', null, 'outlet'), h('th', null, 'articles'))), h('tbody', null, ...outlets.map(([o, n]) => h('tr', null, h('td', null, o), h('td', { class: 'num' }, String(n))))))
      : h('p', null, 'No outlet is named by these articles.')),
  );
}

function storyEvent(e: StoryEvent, articleLink: (sourceId: string, start?: number, label?: string) => HTMLElement, outletOf: (sourceId: string, given: string | null) => string): HTMLElement {
  const anyDisputed = e.claims.some((c) => c.disputed);
  return h('article', { class: `story-event${anyDisputed ? ' has-dispute' : ''}`, 'data-type': e.type },
    h('h3', null, typeBadge(e.type, e.mode), ' ', dateText(e.date), e.place ? ` · ${e.place.name}` : '', anyDisputed ? ' ' : '', anyDisputed ? h('span', { class: 'disputed-badge' }, 'disputed') : ''),
    eventFacts({ ...e, evidence: { sentence: 0, start: 0, end: 0 }, confidence: 1 }),
    e.claims.length ? ledger(e.claims, articleLink, outletOf, e) : h('p', { class: 'meta' }, 'No field is claimed differently by its sources.'),
    h('details', null, h('summary', null, `Told by ${e.mentions.length} article${e.mentions.length === 1 ? '' : 's'}`),
      h('ul', null, ...e.mentions.map((m) => h('li', null, articleLink(m.sourceId, m.event.evidence.start, `${outletOf(m.sourceId, m.outlet)}: sentence ${m.event.evidence.sentence + 1}`),
        m.event.source ? ` (according to ${actor(m.event.source)})` : '')))));
}

/** The claims ledger: who says what for each field, disputed fields flagged. */
function ledger(claims: Claim[], articleLink: (sourceId: string, start?: number, label?: string) => HTMLElement, outletOf: (sourceId: string, given: string | null) => string, e: StoryEvent): HTMLElement {
  const startOf = (v: ClaimValue) => e.mentions.find((m) => m.sourceId === v.sourceId)?.event.evidence.start;
  return h('table', { class: 'ledger' },
    h('caption', null, 'Claims ledger'),
    h('thead', null, h('tr', null, ...['field', 'value', 'according to', 'outlet', 'article'].map((c) => h('th', null, c)))),
    h('tbody', null, ...claims.flatMap((c) => c.values.map((v, i) => h('tr', { class: c.disputed ? 'disputed' : '', 'data-field': c.field },
      h('td', null, i === 0 ? c.field : '', i === 0 && c.disputed ? ' ' : '', i === 0 && c.disputed ? h('span', { class: 'disputed-badge', title: 'Sources disagree on this field' }, '⚠ disputed') : ''),
      h('td', null, claimText(v.value)),
      h('td', null, v.source ? actor(v.source) : 'the article'),
      h('td', null, outletOf(v.sourceId, v.outlet)),
      h('td', null, articleLink(v.sourceId, startOf(v))))))));
}

export type { ArticleSummary };
