// The timeline: events per day, stacked by type, for the current filter; dragging across it
// (a brush) sets the date range. Events dated more coarsely than a week are counted aside.
import type { EventDate } from './api.js';
import { h, s } from './dom.js';
import { colour, swatch, TYPES } from './format.js';

const W = 960;
const H = 150;
const M = { left: 30, right: 10, top: 10, bottom: 22 };
const DAY = 86_400_000;

export const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY);
export const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/** The day an event counts on, or null when its date is missing or coarser than a week. */
export function dayOf(d: EventDate | null): number | null {
  if (!d) return null;
  const start = dayNumber(d.start);
  const end = dayNumber(d.end);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end - start > 7) return null;
  return start;
}

export interface TimelineOptions {
  events: { type: string; date: EventDate | null }[];
  from: string | null;
  to: string | null;
  onRange(from: string | null, to: string | null): void;
  /** A smaller chart, without the brush (the story view). */
  compact?: boolean;
}

export function drawTimeline({ events, from, to, onRange, compact }: TimelineOptions): HTMLElement {
  const perDay = new Map<number, Map<string, number>>();
  let coarse = 0;
  for (const e of events) {
    const day = dayOf(e.date);
    if (day === null) {
      coarse++;
      continue;
    }
    const types = perDay.get(day) ?? new Map<string, number>();
    types.set(e.type, (types.get(e.type) ?? 0) + 1);
    perDay.set(day, types);
  }
  const figure = h('figure', { class: `timeline${compact ? ' compact' : ''}` });
  if (perDay.size === 0) {
    figure.append(h('figcaption', null, `No events dated to the day or week${coarse ? ` (${coarse} with coarser or no dates)` : ''}.`));
    return figure;
  }
  const days = [...perDay.keys()];
  const first = Math.min(...days) - 1;
  const last = Math.max(...days) + 1;
  const height = compact ? 90 : H;
  const x = (day: number) => M.left + ((day - first) / (last - first + 1)) * (W - M.left - M.right);
  const dayAt = (px: number) => Math.max(first, Math.min(last, Math.floor(first + ((px - M.left) / (W - M.left - M.right)) * (last - first + 1))));
  const maxCount = Math.max(...[...perDay.values()].map((t) => [...t.values()].reduce((a, b) => a + b, 0)));
  const y = (n: number) => height - M.bottom - (n / maxCount) * (height - M.top - M.bottom);
  const barWidth = Math.max(1, (W - M.left - M.right) / (last - first + 1) - 1);

  const svg = s('svg', { class: 'timeline-chart', viewBox: `0 0 ${W} ${height}`, role: 'img', 'aria-label': 'Events per day by type' });
  const bars = s('g', { class: 'bars' });
  for (const [day, types] of [...perDay].sort((a, b) => a[0] - b[0])) {
    let base = 0;
    for (const type of TYPES) {
      const n = types.get(type);
      if (!n) continue;
      bars.append(s('rect', { x: x(day), y: y(base + n), width: barWidth, height: y(base) - y(base + n), fill: colour(type), 'data-day': isoOf(day), 'data-type': type },
        s('title', null, `${isoOf(day)}: ${n} ${type}`)));
      base += n;
    }
  }
  const axis = s('g', { class: 'axis' }, s('line', { x1: M.left, x2: W - M.right, y1: height - M.bottom, y2: height - M.bottom }));
  const ticks = Math.min(8, last - first + 1);
  for (let i = 0; i <= ticks; i++) {
    const day = Math.round(first + ((last - first) * i) / ticks);
    axis.append(s('text', { x: x(day), y: height - 6, 'text-anchor': i === 0 ? 'start' : i === ticks ? 'end' : 'middle' }, isoOf(day)));
  }
  axis.append(s('text', { x: 4, y: M.top + 8 }, String(maxCount)));
  svg.append(bars, axis);

  if (!compact) {
    // The brush: the current range shaded; drag to set a new one, click to clear.
    const shade = s('rect', { class: 'brush-selection', y: M.top, height: height - M.top - M.bottom, x: 0, width: 0 });
    const showRange = (a: number | null, b: number | null) => {
      if (a === null && b === null) return shade.setAttribute('width', '0');
      const lo = a ?? first;
      const hi = b ?? last;
      shade.setAttribute('x', String(x(lo)));
      shade.setAttribute('width', String(Math.max(2, x(hi + 1) - x(lo))));
    };
    showRange(from ? dayNumber(from) : null, to ? dayNumber(to) : null);
    const overlay = s('rect', { class: 'brush-overlay', x: M.left, y: 0, width: W - M.left - M.right, height: height - M.bottom });
    svg.append(shade, overlay);
    const toSvgX = (event: PointerEvent) => {
      const box = svg.getBoundingClientRect();
      return ((event.clientX - box.left) / box.width) * W;
    };
    let start: number | null = null;
    overlay.addEventListener('pointerdown', (event) => {
      start = dayAt(toSvgX(event));
      overlay.setPointerCapture(event.pointerId);
      showRange(start, start);
    });
    overlay.addEventListener('pointermove', (event) => {
      if (start === null) return;
      const now = dayAt(toSvgX(event));
      showRange(Math.min(start, now), Math.max(start, now));
    });
    overlay.addEventListener('pointerup', (event) => {
      if (start === null) return;
      const end = dayAt(toSvgX(event));
      const [a, b] = [Math.min(start, end), Math.max(start, end)];
      start = null;
      if (a === b && (from || to)) onRange(null, null); // a click clears the range
      else onRange(isoOf(a), isoOf(b));
    });
  }
  const legendTypes = TYPES.filter((t) => [...perDay.values()].some((m) => m.has(t)));
  figure.append(svg, h('figcaption', null,
    h('span', { class: 'legend' }, ...legendTypes.map(swatch)),
    compact ? '' : ' Drag across the chart to choose dates; click to clear.',
    coarse ? ` ${coarse} event${coarse === 1 ? '' : 's'} with coarser or no dates not shown.` : ''));
  return figure;
}
