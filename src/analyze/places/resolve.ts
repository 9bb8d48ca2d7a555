// Resolution: which gazetteer entry a candidate names. Each entry is scored by its
// population (the prior), its feature type against the cue ("X province" wants a
// division), a comma container ("Homs, Syria"), and the article's own geography: the
// countries and provinces its other places fall in, and the distance to them. Two passes:
// the first with priors only, the second with the context the first one found.
import type { PlaceEntry, PlaceKnowledge } from './gazetteer.js';
import { fullKey, nameKey } from './names.js';
import type { Candidate } from './recognize.js';

/** The entry's own name, however spelt ("Mt. Pleasant" for Mount Pleasant), not an alternate one. */
export const ownName = (e: PlaceEntry, key: string): boolean => {
  let keys = ownKeys.get(e);
  if (!keys) ownKeys.set(e, (keys = [nameKey(e.name), fullKey(nameKey(e.name))]));
  return keys[0] === key || (keys[1] === fullKey(key));
};
/** An entry's own name key and its spelt-out form, computed once per entry. */
const ownKeys = new WeakMap<PlaceEntry, [string, string]>();

export interface Resolution {
  entry: number;
  score: number;
  /** Score margin over the best entry in another place (> 50 km away). */
  margin: number;
  /** Another place of the article (or its country) supports this reading. */
  supported: boolean;
  /** Another place of the article is within 200 km or in the same province. */
  local: boolean;
}

const CODE_BONUS: Record<string, number> = { PPLC: 0.8, PPLA: 0.6, PPLA2: 0.3, ADM1: 0.3, ADM2: -0.4, PPLX: -1.2, PCLI: 1.0 };
/** Weights of the evidence (population is log10, so 1 = a factor of ten in population). */
const W = { reviewed: 2, countryNear: 1.5, divisionFactor: 0.2, sameName: 0.3, sameNamePlace: 1, altSmall: 1, provinceOfCity: 1.5, worldCity: 0.5, countryShare: 3, admin1: 1.5, near50: 2, near200: 1.2, near600: 0.4, loose: 1.5, container: 5, containerA: 6, colocated: 1 };

/** Great-circle distance in km. */
export function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(a)));
}

interface Votes {
  countries: Map<string, number>;
  total: number;
  admin1s: Map<string, number>;
}

/** The article's geography as the other names in it see it: each name's own votes are kept apart. */
interface Context {
  all: Votes;
  byKey: Map<string, Votes>;
  /** ownVotes by key, computed once. */
  ownCache: Map<string, Votes>;
  points: { lat: number; lon: number; key: string }[];
  /** Every reading of every name, on a grid: which other names could lie near a reading. */
  readings: Map<string, { lat: number; lon: number; key: string; count: number }[]>;
}

const emptyVotes = (): Votes => ({ countries: new Map(), total: 0, admin1s: new Map() });

function vote(v: Votes, e: PlaceEntry): void {
  const w = e.featureClass === 'C' ? 2 : 1;
  if (e.country) {
    v.countries.set(e.country, (v.countries.get(e.country) ?? 0) + w);
    v.total += w;
  }
  if (e.admin1) v.admin1s.set(`${e.country}|${e.admin1}`, (v.admin1s.get(`${e.country}|${e.admin1}`) ?? 0) + 1);
}

function contextOf(k: PlaceKnowledge, cands: readonly Candidate[], picks: readonly (number | null)[], readings: Context['readings']): Context {
  const ctx: Context = { all: emptyVotes(), byKey: new Map(), ownCache: new Map(), points: [], readings };
  picks.forEach((p, n) => {
    if (p === null) return;
    const e = k.entry(p);
    const key = cands[n]!.key;
    // A small place named only by an alternate name is too weak a reading to lean on.
    if (e.featureClass === 'P' && e.population < 20_000 && !ownName(e, key)) return;
    vote(ctx.all, e);
    let own = ctx.byKey.get(key);
    if (!own) ctx.byKey.set(key, (own = emptyVotes()));
    vote(own, e);
    if (e.featureClass !== 'C' && e.featureClass !== 'L' && e.featureClass !== 'H') ctx.points.push({ lat: e.lat, lon: e.lon, key });
  });
  return ctx;
}

/** Grid cell (half a degree) of a point. */
const cell = (lat: number, lon: number): string => `${Math.floor(lat * 2)}|${Math.floor(lon * 2)}`;
/** Readings of a name within this distance of a reading of another name support each other. */
const COLOCATED_KM = 40;
/** About this many pairs of readings of two names (within COLOCATED_KM) make one meeting by chance. */
const CHANCE_PAIRS = 1500;

/** All readings of all names, on a grid, with how many readings their name has. */
function readingsOf(k: PlaceKnowledge, cands: readonly Candidate[], weak?: ReadonlySet<string>): Context['readings'] {
  const grid: Context['readings'] = new Map();
  const seen = new Set<string>();
  for (const c of cands) {
    if (seen.has(c.key) || c.loose) continue;
    seen.add(c.key);
    if (weak?.has(c.key)) continue;
    // Only readings under the place's own name: "Green" is no reading of Hopedale, Ohio.
    const entries = c.entries.slice(0, 400).filter((i) => {
      const e = k.entry(i);
      return (e.featureClass === 'P' || e.featureClass === 'A' || e.featureClass === 'S') && (ownName(e, c.key) || e.population >= 20_000);
    });
    for (const i of entries) {
      const e = k.entry(i);
      const g = cell(e.lat, e.lon);
      let list = grid.get(g);
      if (!list) grid.set(g, (list = []));
      list.push({ lat: e.lat, lon: e.lon, key: c.key, count: entries.length });
    }
  }
  return grid;
}

/**
 * How strongly other names of the article have a reading near `e`: "New London", "Mt.
 * Pleasant" and "Winfield" each name many towns, but only in Iowa are all three neighbours.
 */
function colocation(e: PlaceEntry, key: string, own: number, readings: Context['readings']): number {
  const best = new Map<string, number>();
  const la = Math.floor(e.lat * 2);
  const lo = Math.floor(e.lon * 2);
  for (let a = la - 1; a <= la + 1; a++) {
    for (let b = lo - 1; b <= lo + 1; b++) {
      for (const p of readings.get(`${a}|${b}`) ?? []) {
        if (related(p.key, key)) continue;
        // Two names with many readings each meet somewhere by chance: the more pairs, the less it says.
        const weight = Math.max(0.2, 1 - (own * p.count) / CHANCE_PAIRS);
        if ((best.get(p.key) ?? 0) >= weight) continue;
        if (km(e.lat, e.lon, p.lat, p.lon) <= COLOCATED_KM) best.set(p.key, weight);
      }
    }
  }
  let sum = 0;
  for (const w of best.values()) sum += w;
  return Math.min(2, sum);
}

/** One name inside the other ("Mexico" and "Mexico City"): neither is evidence for the other. */
const related = (a: string, b: string): boolean => a.includes(b) || b.includes(a);

/** The votes of a name and of the names that contain it or that it contains, which do not count for it. */
function ownVotes(ctx: Context, key: string): Votes {
  let v = ctx.ownCache.get(key);
  if (v) return v;
  v = emptyVotes();
  for (const [k2, w] of ctx.byKey) {
    if (!related(k2, key)) continue;
    for (const [cc, n] of w.countries) v.countries.set(cc, (v.countries.get(cc) ?? 0) + n);
    for (const [a1, n] of w.admin1s) v.admin1s.set(a1, (v.admin1s.get(a1) ?? 0) + n);
    v.total += w.total;
  }
  ctx.ownCache.set(key, v);
  return v;
}

function score(e: PlaceEntry, c: Candidate, container: PlaceEntry | null, ctx: Context | null, capitalOf: ReadonlySet<string>): { score: number; supported: boolean; local: boolean } {
  // A division's population is the sum of its towns': discount it against its namesake city.
  const pop = e.featureClass === 'A' ? e.population * W.divisionFactor : e.population;
  let s = Math.log10(pop + 10) + (CODE_BONUS[e.featureCode] ?? 0);
  // Named by its own name, not an alternate or historical one ("Liverpool" is not a suburb once called so).
  if (ownName(e, c.key)) s += e.featureClass === 'A' ? W.sameName : W.sameNamePlace;
  // A small place reached only through one of its alternate names is an unlikely reading.
  else if (e.featureClass === 'P' && e.population < 20_000) s -= W.altSmall;
  // A world city is what a bare name means, before its province ("New York", "Moscow").
  if (e.featureClass === 'P' && e.population >= 1_000_000) s += W.worldCity;
  if (c.loose) s -= W.loose;
  // Reviewed supplement entries (no GeoNames id, not a division or country) beat namesakes.
  if (e.geonameid === 0 && e.featureClass !== 'A' && e.featureClass !== 'C') s += W.reviewed;
  if (c.hint === 'A') s += e.featureClass === 'A' ? 3 : e.featureClass === 'P' ? -1 : 0;
  // Without "province", a name shared by a province and its own city is the city ("Idlib", "Daraa").
  else if (e.featureClass === 'A' && capitalOf.has(`${e.country}|${e.admin1}`)) s -= W.provinceOfCity;
  if (c.hint === 'P') s += e.featureClass === 'P' || e.featureClass === 'S' ? 2 : -2;
  if (container) {
    if (container.featureClass === 'C' && e.country === container.country) s += W.container;
    else if (container.featureClass === 'A' && e.country === container.country && (e.admin1 === container.admin1 || e.admin1 === container.name)) s += W.containerA;
    else if (container.featureClass === 'P' && km(e.lat, e.lon, container.lat, container.lon) < 100) s += 3;
  }
  let supported = false;
  let local = false;
  if (ctx) {
    // Votes of the other names only: three "Paris" do not make an article French.
    const own = ownVotes(ctx, c.key);
    const total = ctx.all.total - own.total;
    const share = total > 0 ? ((ctx.all.countries.get(e.country) ?? 0) - (own.countries.get(e.country) ?? 0)) / total : 0;
    s += W.countryShare * share;
    if (share >= 0.25) supported = true;
    // A country the article's other places lie in is as close as they are to each other.
    if (e.featureClass === 'C' && share >= 0.25) s += W.countryNear;
    if (e.admin1) {
      const a1 = `${e.country}|${e.admin1}`;
      if ((ctx.all.admin1s.get(a1) ?? 0) - (own.admin1s.get(a1) ?? 0) > 0) {
        s += W.admin1;
        local = true;
      }
    }
    if (e.featureClass !== 'C' && e.featureClass !== 'L') {
      let nearest = Infinity;
      for (const p of ctx.points) if (!related(p.key, c.key)) nearest = Math.min(nearest, km(e.lat, e.lon, p.lat, p.lon));
      if (nearest < 50) s += W.near50;
      else if (nearest < 200) s += W.near200;
      else if (nearest < 600) s += W.near600;
      if (nearest < 200) {
        supported = true;
        local = true;
      }
      if (e.featureClass === 'P' || e.featureClass === 'A' || e.featureClass === 'S') s += W.colocated * colocation(e, c.key, c.entries.length, ctx.readings);
    }
  }
  return { score: s, supported: supported || local, local };
}

/**
 * Resolves every candidate (null when it has no entries). `weak`: names likely to be no
 * place at all (a person's surname, a common word), whose readings do not draw others near.
 */
export function resolveAll(k: PlaceKnowledge, cands: readonly Candidate[], weak?: ReadonlySet<string>): (Resolution | null)[] {
  // What each candidate's scoring needs whatever the pass: its entries, and the provinces
  // whose capital bears its name (computed once, not at each of the four passes).
  const entriesOf = cands.map((c) => c.entries.slice(0, 400));
  const capitalOfs = cands.map((c, n) => {
    // (a city that bears the name as its own, or with "City": "Idlib", "New York"; not Yuma,
    // which GeoNames also calls "Arizona")
    const bears = (e: PlaceEntry) => ownName(e, c.key) || nameKey(e.name) === `${c.key} city`;
    return new Set(entriesOf[n]!.map((i) => k.entry(i)).filter((e) => e.featureClass === 'P' && e.population >= 10_000 && bears(e)).map((e) => `${e.country}|${e.admin1}`));
  });
  const pass = (ctx: Context | null, prev: readonly (Resolution | null)[]): (Resolution | null)[] => {
    const out: (Resolution | null)[] = [];
    // A name repeated with the same entries, cue and container scores the same in one pass: once.
    const same = new Map<readonly number[], Map<string, Resolution | null>>();
    cands.forEach((c, n) => {
      const containerRes = c.container !== null ? prev[c.container] ?? null : null;
      const container = containerRes ? k.entry(containerRes.entry) : null;
      const signature = `${c.key}|${c.loose}|${c.hint}|${containerRes ? containerRes.entry : -1}`;
      let bySignature = same.get(c.entries);
      if (!bySignature) same.set(c.entries, (bySignature = new Map()));
      const done = bySignature.get(signature);
      if (done !== undefined) {
        out.push(done && { ...done });
        return;
      }
      let best: Resolution | null = null;
      const scored: { i: number; s: number; supported: boolean; local: boolean }[] = [];
      const entries = entriesOf[n]!;
      const capitalOf = capitalOfs[n]!;
      for (const i of entries) {
        const r = score(k.entry(i), c, container, ctx, capitalOf);
        scored.push({ i, s: r.score, supported: r.supported, local: r.local });
      }
      scored.sort((a, b) => b.s - a.s);
      const top = scored[0];
      if (top) {
        const e = k.entry(top.i);
        const rival = scored.find((x) => x.i !== top.i && km(e.lat, e.lon, k.entry(x.i).lat, k.entry(x.i).lon) > 50);
        best = { entry: top.i, score: top.s, margin: rival ? top.s - rival.s : 10, supported: top.supported || container !== null, local: top.local || container !== null };
      }
      bySignature.set(signature, best);
      out.push(best && { ...best });
    });
    return out;
  };
  // Containers are resolved before what they contain: a first pass without them is enough.
  let res = pass(null, cands.map(() => null));
  res = pass(null, res);
  const readings = readingsOf(k, cands, weak);
  for (let round = 0; round < 2; round++) {
    const ctx = contextOf(k, cands, res.map((r) => (r ? r.entry : null)), readings);
    res = pass(ctx, res);
  }
  return oneSense(cands, res);
}

/**
 * One reading per name in an article: the repeats of a name with no cue of their own take
 * the reading of its best-attested mention ("Springfield, Ohio" makes every "Springfield"
 * of the story the Ohio one). A cue asking for another kind of place ("Idlib province" vs
 * "Idlib") keeps its own reading.
 */
function oneSense(cands: readonly Candidate[], res: (Resolution | null)[]): (Resolution | null)[] {
  const best = new Map<string, Resolution>();
  cands.forEach((c, n) => {
    const r = res[n];
    if (!r || c.hint !== null) return;
    const b = best.get(c.key);
    if (!b || r.score > b.score) best.set(c.key, r);
  });
  return res.map((r, n) => {
    const c = cands[n]!;
    const b = best.get(c.key);
    if (!r || !b || b.entry === r.entry || c.hint !== null || c.container !== null) return r;
    return { ...b };
  });
}
