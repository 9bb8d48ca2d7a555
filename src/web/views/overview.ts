// The home view: the filter bar, the map, the timeline and the matching events. Every
// filter, the date range and the selected event are in the URL's query string.
import { getAll, type ApiEvent } from '../api.js';
import { h } from '../dom.js';
import { appLink, dateText, STATUSES, swatch, TYPES, typeBadge } from '../format.js';
import { drawMap } from '../map.js';
import { drawTimeline } from '../timeline.js';
import { eventCard } from './card.js';

/** Filters the API applies; `from`/`to` are applied here so the timeline keeps its context. */
const SERVER_FILTERS = ['type', 'status', 'minKilled', 'admin1', 'country', 'actor'] as const;

const cache = new Map<string, Promise<{ items: ApiEvent[]; truncated: boolean }>>();
function load(params: URLSearchParams) {
  const q = new URLSearchParams({ limit: '1000', sort: 'date' });
  for (const k of SERVER_FILTERS) {
    const v = params.get(k);
    if (v) q.set(k, v);
  }
  const key = q.toString();
  let p = cache.get(key);
  if (!p) cache.set(key, (p = getAll<ApiEvent>(`/api/events?${key}`)));
  p.catch(() => cache.delete(key));
  return p;
}

/** Events ending on or after `from` and starting on or before `to` (as the API's filter). */
export function inRange(e: ApiEvent, from: string | null, to: string | null): boolean {
  if (!from && !to) return true;
  if (!e.date) return false;
  return (!from || e.date.end >= from) && (!to || e.date.start <= to);
}

export async function overview(view: HTMLElement, navigate: (href: string, replace?: boolean) => void): Promise<void> {
  document.title = 'Events · sitrep';
  const params = new URLSearchParams(location.search);
  const set = (changes: Record<string, string | null>, replace = false) => {
    const next = new URLSearchParams(location.search);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    const qs = next.toString();
    navigate(`/${qs ? `?${qs}` : ''}`, replace);
  };

  const form = filterForm(params, (values) => set({ ...values, event: null }));
  const mapHost = h('div', { class: 'map-host' });
  const side = h('aside', { class: 'side' }, h('p', { class: 'hint' }, 'Click a symbol to see its event.'));
  const timelineHost = h('section', { class: 'timeline-host' });
  const list = h('section', { class: 'event-list' });
  const status = h('p', { class: 'status' }, 'Loading events…');
  view.replaceChildren(h('h1', { class: 'visually-hidden' }, 'Events'), form, status, h('div', { class: 'map-row' }, mapHost, side), timelineHost, list);

  const { items, truncated } = await load(params);
  const from = params.get('from');
  const to = params.get('to');
  const shown = items.filter((e) => inRange(e, from, to));
  const placed = shown.filter((e) => e.place).length;
  status.replaceChildren(`${shown.length} event${shown.length === 1 ? '' : 's'}${from || to ? ` between ${from ?? 'the start'} and ${to ?? 'now'}` : ''}`,
    ` (${placed} on the map)`, truncated ? `; only the first ${items.length} matching events were read` : '', '.');
  status.setAttribute('data-count', String(shown.length));

  const selectedId = Number(params.get('event')) || null;
  const showCard = (e: ApiEvent | undefined) => {
    if (!e) return side.replaceChildren(h('p', { class: 'hint' }, 'Click a symbol to see its event.'));
    side.replaceChildren(eventCard(e, () => set({ event: null }, true)));
  };
  const fitAll = params.get('fit') === 'all';
  drawMap(mapHost, {
    events: shown,
    fit: fitAll ? 'all' : 'cluster',
    selected: selectedId,
    onSelect: (e) => {
      mapHost.querySelectorAll('.event-symbol.selected').forEach((n) => n.classList.remove('selected'));
      mapHost.querySelector(`.event-symbol[data-id="${e.id}"]`)?.classList.add('selected');
      history.replaceState(null, '', withParam('event', String(e.id)));
      showCard(e);
    },
  });
  showCard(shown.find((e) => e.id === selectedId));
  const present = [...new Set(shown.map((e) => e.type))];
  mapHost.append(h('p', { class: 'legend' }, ...TYPES.filter((t) => present.includes(t)).map(swatch), ' Size: killed (lowest figure).',
    ' Basemap: Natural Earth countries (world-atlas); no province boundaries. ',
    h('button', { type: 'button', class: 'secondary', onclick: () => set({ fit: fitAll ? null : 'all' }, true) }, fitAll ? 'Frame the main cluster' : 'Frame all events')));

  timelineHost.replaceChildren(h('h2', null, 'Timeline'), drawTimeline({ events: items, from, to, onRange: (a, b) => set({ from: a, to: b, event: null }) }));

  const rows = shown.slice(0, 500).map((e) => h('tr', { 'data-id': e.id },
    h('td', null, dateText(e.date)), h('td', null, typeBadge(e.type, e.mode)),
    h('td', null, e.actor?.text ?? ''), h('td', null, e.recipient?.text ?? ''),
    h('td', null, e.place ? `${e.place.name}${e.place.admin1 && e.place.admin1 !== e.place.name ? `, ${e.place.admin1}` : ''}` : ''), h('td', { class: 'num' }, e.killed ? String(e.killed.min) : ''),
    h('td', null, appLink(`/articles/${e.article.id}#s-${e.evidence.start}`, e.article.outlet ?? e.article.title ?? `article ${e.article.id}`)),
    h('td', null, e.story !== null ? appLink(`/stories/${e.story}`, String(e.story)) : '')));
  list.replaceChildren(h('h2', null, 'Events'), h('table', null,
    h('thead', null, h('tr', null, ...['date', 'type', 'actor', 'recipient', 'place', 'killed', 'article', 'story'].map((c) => h('th', null, c)))),
    h('tbody', null, ...rows)),
    shown.length > 500 ? h('p', null, `The first 500 of ${shown.length} are listed.`) : '');
}

const withParam = (k: string, v: string) => {
  const p = new URLSearchParams(location.search);
  p.set(k, v);
  return `${location.pathname}?${p}`;
};

function filterForm(params: URLSearchParams, apply: (values: Record<string, string | null>) => void): HTMLFormElement {
  const select = (name: string, options: readonly string[], label: string) =>
    h('label', null, label, h('select', { name }, h('option', { value: '' }, 'any'), ...options.map((o) => h('option', { value: o, selected: params.get(name) === o }, o))));
  const input = (name: string, type: string, label: string, extra: Record<string, string> = {}) =>
    h('label', null, label, h('input', { name, type, value: params.get(name) ?? '', ...extra }));
  const form = h('form', { class: 'filters', role: 'search' },
    select('type', TYPES, 'Type'),
    select('status', STATUSES, 'Status'),
    input('minKilled', 'number', 'Killed ≥', { min: '0', step: '1' }),
    input('admin1', 'text', 'Province', { placeholder: 'e.g. Idlib', size: '10' }),
    input('from', 'date', 'From'),
    input('to', 'date', 'To'),
    h('button', { type: 'submit' }, 'Apply'),
    h('button', { type: 'button', class: 'secondary', onclick: () => apply(Object.fromEntries(['type', 'status', 'minKilled', 'admin1', 'from', 'to', 'country', 'actor'].map((k) => [k, null]))) }, 'Clear'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    apply(Object.fromEntries(['type', 'status', 'minKilled', 'admin1', 'from', 'to'].map((k) => [k, String(data.get(k) ?? '') || null])));
  });
  return form;
}
