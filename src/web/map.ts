// The map: Natural Earth countries from the world-atlas package (bundled, no tile server),
// events as symbols by type sized by killed, pan and zoom with d3-zoom, a click selects.
import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomTransform } from 'd3-zoom';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import type { ApiEvent } from './api.js';
import { s } from './dom.js';
import { colour, radius, symbolPath } from './format.js';

const W = 960;
const H = 540;

let world: Promise<Topology> | null = null;
const loadWorld = () => (world ??= fetch(countriesUrl).then((r) => r.json() as Promise<Topology>));

export interface MapOptions {
  events: ApiEvent[];
  selected: number | null;
  onSelect(e: ApiEvent): void;
  /** Frame the densest group of events (default) or all of them. */
  fit?: 'cluster' | 'all';
}

/** Draws the map into `host`; the basemap arrives asynchronously, the symbols at once. */
export function drawMap(host: HTMLElement, { events, selected, onSelect, fit = 'cluster' }: MapOptions): void {
  const placed = events.filter((e) => e.place);
  const svg = s('svg', { class: 'map', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `Map of ${placed.length} placed events` });
  const layer = s('g', { class: 'zoom-layer' });
  const land = s('g', { class: 'land' });
  const marks = s('g', { class: 'events' });
  layer.append(s('rect', { class: 'sea', x: -W * 20, y: -H * 20, width: W * 41, height: H * 41 }), land, marks);
  svg.append(layer);
  host.replaceChildren(svg);

  // Fit the densest group of events (those within 4° of the event with most neighbours),
  // at least a few degrees around them; "all" fits every event; no events: the world.
  const projection = geoMercator();
  const near = (a: ApiEvent, b: ApiEvent) => Math.abs(a.place!.lat - b.place!.lat) < 4 && Math.abs(a.place!.lon - b.place!.lon) < 4;
  let framed = placed;
  if (fit === 'cluster' && placed.length > 2) {
    const centre = placed.reduce((best, e) => (placed.filter((o) => near(e, o)).length > placed.filter((o) => near(best, o)).length ? e : best), placed[0]!);
    framed = placed.filter((o) => near(centre, o));
  }
  if (framed.length) {
    let [w, e, so, n] = [180, -180, 90, -90];
    for (const ev of framed) {
      w = Math.min(w, ev.place!.lon); e = Math.max(e, ev.place!.lon);
      so = Math.min(so, ev.place!.lat); n = Math.max(n, ev.place!.lat);
    }
    const pad = (span: number) => Math.max(1.5, span * 0.2);
    const [px, py] = [pad(e - w), pad(n - so)];
    const box = { type: 'MultiPoint', coordinates: [[w - px, so - py], [e + px, n + py]] } as GeoPermissibleObjects;
    projection.fitExtent([[20, 20], [W - 20, H - 20]], box);
  } else {
    projection.fitExtent([[0, 0], [W, H]], { type: 'Sphere' });
  }
  const path = geoPath(projection);

  // Co-located events fan out around their point so each can be clicked.
  const at = new Map<string, ApiEvent[]>();
  for (const ev of placed) {
    const key = `${ev.place!.lat.toFixed(3)},${ev.place!.lon.toFixed(3)}`;
    at.set(key, [...(at.get(key) ?? []), ev]);
  }
  const symbols: { node: SVGGElement; x: number; y: number; dx: number; dy: number }[] = [];
  const ordered = [...placed].sort((a, b) => (b.killed?.min ?? 0) - (a.killed?.min ?? 0));
  for (const ev of ordered) {
    const [x, y] = projection([ev.place!.lon, ev.place!.lat]) ?? [NaN, NaN];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const group = at.get(`${ev.place!.lat.toFixed(3)},${ev.place!.lon.toFixed(3)}`)!;
    const i = group.indexOf(ev);
    const spread = group.length > 1 ? 7 + group.length : 0;
    const [dx, dy] = group.length > 1 ? [spread * Math.cos((2 * Math.PI * i) / group.length), spread * Math.sin((2 * Math.PI * i) / group.length)] : [0, 0];
    const title = `${ev.type}${ev.mode ? ` (${ev.mode})` : ''}: ${ev.place!.name}, ${ev.date?.start ?? 'undated'}${ev.killed ? `, ${ev.killed.min} killed` : ''}`;
    const node = s('g', { class: `event-symbol${ev.id === selected ? ' selected' : ''}`, 'data-id': ev.id, 'data-type': ev.type, 'data-admin1': ev.place!.admin1 ?? null, tabindex: 0, role: 'button', 'aria-label': title },
      s('path', { d: symbolPath(ev.type, radius(ev.killed)), fill: colour(ev.type) }),
      s('title', null, title));
    node.addEventListener('click', (event) => {
      event.stopPropagation();
      onSelect(ev);
    });
    node.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') onSelect(ev);
    });
    marks.append(node);
    symbols.push({ node, x, y, dx, dy });
  }

  let transform: ZoomTransform = zoomIdentity;
  const place = () => {
    layer.setAttribute('transform', transform.toString());
    // Symbols keep their size on screen whatever the zoom.
    for (const m of symbols) m.node.setAttribute('transform', `translate(${m.x},${m.y}) scale(${1 / transform.k}) translate(${m.dx},${m.dy})`);
  };
  place();
  const behaviour = zoom<SVGSVGElement, unknown>().scaleExtent([0.5, 64]).on('zoom', (event: { transform: ZoomTransform }) => {
    transform = event.transform;
    place();
  });
  select(svg).call(behaviour);

  void loadWorld().then((topology) => {
    const countries = topology.objects.countries as GeometryCollection<{ name: string }>;
    const fc = feature(topology, countries);
    const shapes = fc.features.map((f) => s('path', { class: 'country', d: path(f) ?? '' }, s('title', null, f.properties?.name ?? '')));
    land.append(...shapes, s('path', { class: 'borders', d: path(mesh(topology, countries, (a, b) => a !== b)) ?? '' }));
    // Country names at their centroids when the view is regional.
    if (placed.length) {
      for (const f of fc.features) {
        const [cx, cy] = path.centroid(f);
        if (cx > 0 && cx < W && cy > 0 && cy < H && path.area(f) > 2000) land.append(s('text', { class: 'country-name', x: cx, y: cy }, f.properties?.name ?? ''));
      }
    }
  }).catch(() => land.append(s('text', { x: 20, y: 30, class: 'map-error' }, 'basemap not loaded')));
}
