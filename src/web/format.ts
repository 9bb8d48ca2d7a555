// How events look everywhere in the app: colour and symbol by type, one-line summaries,
// and the event card (shared by the map, the story and the article views).
import type { ActorRef, Count, EventDate, EventFields } from './api.js';
import { h } from './dom.js';

export const TYPES = [
  'ASSAULT', 'MOBILIZE', 'CONSULT', 'AGREE', 'ACCUSE', 'REQUEST', 'THREATEN', 'REJECT',
  'SANCTION', 'AID', 'COERCE', 'RETREAT', 'CONCEDE', 'COOPERATE', 'SUPPORT', 'PROTEST',
] as const;
export const STATUSES = ['occurred', 'planned', 'claimed', 'denied', 'hypothetical', 'background'] as const;

const COLOURS: Record<string, string> = {
  ASSAULT: '#d62728', MOBILIZE: '#ff7f0e', COERCE: '#8c564b', THREATEN: '#e377c2', SANCTION: '#9467bd', PROTEST: '#bcbd22',
  ACCUSE: '#7f7f7f', REJECT: '#636363', REQUEST: '#17becf', CONSULT: '#1f77b4', AGREE: '#2ca02c', COOPERATE: '#98df8a',
  SUPPORT: '#aec7e8', AID: '#31a354', RETREAT: '#c49c94', CONCEDE: '#f7b6d2',
};
export const colour = (type: string) => COLOURS[type] ?? '#444';

/** Symbol shape by type family: material conflict a triangle, verbal conflict a diamond, cooperation a circle, the rest a square. */
export function shapeOf(type: string): 'triangle' | 'diamond' | 'circle' | 'square' {
  if (['ASSAULT', 'MOBILIZE', 'COERCE', 'SANCTION', 'RETREAT'].includes(type)) return 'triangle';
  if (['ACCUSE', 'THREATEN', 'REJECT', 'PROTEST', 'REQUEST'].includes(type)) return 'diamond';
  if (['CONSULT', 'AGREE', 'COOPERATE', 'SUPPORT', 'AID', 'CONCEDE'].includes(type)) return 'circle';
  return 'square';
}

/** An SVG path of a symbol of radius r centred on 0,0. */
export function symbolPath(type: string, r: number): string {
  switch (shapeOf(type)) {
    case 'triangle': return `M0,${-r * 1.2}L${r * 1.1},${r * 0.8}L${-r * 1.1},${r * 0.8}Z`;
    case 'diamond': return `M0,${-r * 1.2}L${r},0L0,${r * 1.2}L${-r},0Z`;
    case 'circle': return `M${r},0A${r},${r} 0 1,1 ${-r},0A${r},${r} 0 1,1 ${r},0Z`;
    default: return `M${-r},${-r}H${r}V${r}H${-r}Z`;
  }
}

/** Symbol radius (px) by the lowest killed figure. */
export const radius = (killed: Count | null) => 5 + 3 * Math.sqrt(killed?.min ?? 0);

export const actor = (a: ActorRef | null | undefined) => (a ? `${a.text} (${a.id})` : '?');
export const count = (c: Count | null) => (c ? `${c.min}${c.max !== null && c.max !== c.min ? `–${c.max}` : c.min > 0 ? '' : ''} ${c.who}`.trim() : '');
export function dateText(d: EventDate | null): string {
  if (!d) return 'undated';
  return d.start === d.end ? d.start : `${d.start} – ${d.end}`;
}

export function typeBadge(type: string, mode?: string) {
  const badge = h('span', { class: `type type-${type.toLowerCase()}` }, type, mode ? ` · ${mode}` : '');
  return badge;
}

/** `key: value` rows of an event's fields. */
export function eventFacts(e: EventFields) {
  const rows: [string, string][] = [
    ['who', `${actor(e.actor)}${e.recipient ? ` → ${actor(e.recipient)}` : ''}`],
    ['where', e.place ? `${e.place.name}${e.place.admin1 ? `, ${e.place.admin1}` : ''}${e.place.country ? ` (${e.place.country})` : ''}` : 'no place'],
    ['when', `${dateText(e.date)}${e.date ? ` (${e.date.precision}, ${e.date.basis})` : ''}`],
    ['status', e.status],
  ];
  if (e.killed) rows.push(['killed', `${count(e.killed)} — “${e.killed.text}”`]);
  if (e.injured) rows.push(['injured', `${count(e.injured)} — “${e.injured.text}”`]);
  if (e.source) rows.push(['according to', actor(e.source)]);
  return h('dl', { class: 'facts' }, ...rows.flatMap(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
}

/** Clicks on links inside the app go through the router, not a page load. */
export const appLink = (href: string, ...children: (Node | string)[]) => h('a', { href, 'data-app': true }, ...children);

/** A small symbol of the type's colour and shape, with its name. */
export function swatch(type: string) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '-8 -8 16 16');
  svg.setAttribute('class', 'swatch');
  const p = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  p.setAttribute('d', symbolPath(type, 5));
  p.setAttribute('fill', colour(type));
  svg.append(p);
  return h('span', { class: 'legend-item' }, svg, type);
}
