// Resolution: which gazetteer entry a candidate names. Each entry is scored by its
// population (the prior), its feature type against the cue ("X province" wants a
// division), a comma container ("Homs, Syria"), and the article's own geography: the
// countries and provinces its other places fall in, and the distance to them. Two passes:
// the first with priors only, the second with the context the first one found.
import type { PlaceEntry, PlaceKnowledge } from './gazetteer.js';
import { nameKey } from './names.js';
import type { Candidate } from './recognize.js';

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
const W = { reviewed: 2, countryNear: 1.5, divisionFactor: 0.2, sameName: 0.3, sameNamePlace: 1, altSmall: 1, provinceOfCity: 1.5, worldCity: 0.5, countryShare: 3, admin1: 1.5, near50: 2, near200: 1.2, near600: 0.4, loose: 1.5, container: 5, containerA: 6 };

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
  points: { lat: number; lon: number; key: string }[];
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

function contextOf(k: PlaceKnowledge, cands: readonly Candidate[], picks: readonly (number | null)[]): Context {
  const ctx: Context = { all: emptyVotes(), byKey: new Map(), points: [] };
  picks.forEach((p, n) => {
    if (p === null) return;
    const e = k.entry(p);
    const key = cands[n]!.key;
    // A small place named only by an alternate name is too weak a reading to lean on.
    if (e.featureClass === 'P' && e.population < 20_000 && nameKey(e.name) !== key) return;
    vote(ctx.all, e);
    let own = ctx.byKey.get(key);
    if (!own) ctx.byKey.set(key, (own = emptyVotes()));
    vote(own, e);
    if (e.featureClass !== 'C' && e.featureClass !== 'L' && e.featureClass !== 'H') ctx.points.push({ lat: e.lat, lon: e.lon, key });
  });
  return ctx;
}

function score(e: PlaceEntry, c: Candidate, container: PlaceEntry | null, ctx: Context | null, capitalOf: ReadonlySet<string>): { score: number; supported: boolean; local: boolean } {
  // A division's population is the sum of its towns': discount it against its namesake city.
  const pop = e.featureClass === 'A' ? e.population * W.divisionFactor : e.population;
  let s = Math.log10(pop + 10) + (CODE_BONUS[e.featureCode] ?? 0);
  // Named by its own name, not an alternate or historical one ("Liverpool" is not a suburb once called so).
  if (nameKey(e.name) === c.key) s += e.featureClass === 'A' ? W.sameName : W.sameNamePlace;
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
    const own = ctx.byKey.get(c.key) ?? emptyVotes();
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
      for (const p of ctx.points) if (p.key !== c.key) nearest = Math.min(nearest, km(e.lat, e.lon, p.lat, p.lon));
      if (nearest < 50) s += W.near50;
      else if (nearest < 200) s += W.near200;
      else if (nearest < 600) s += W.near600;
      if (nearest < 200) {
        supported = true;
        local = true;
      }
    }
  }
  return { score: s, supported: supported || local, local };
}

/** Resolves every candidate (null when it has no entries). */
export function resolveAll(k: PlaceKnowledge, cands: readonly Candidate[]): (Resolution | null)[] {
  const pass = (ctx: Context | null, prev: readonly (Resolution | null)[]): (Resolution | null)[] => {
    const out: (Resolution | null)[] = [];
    cands.forEach((c, n) => {
      const containerRes = c.container !== null ? prev[c.container] ?? null : null;
      const container = containerRes ? k.entry(containerRes.entry) : null;
      let best: Resolution | null = null;
      const scored: { i: number; s: number; supported: boolean; local: boolean }[] = [];
      const entries = c.entries.slice(0, 400);
      const capitalOf = new Set(entries.map((i) => k.entry(i)).filter((e) => e.featureClass === 'P' && e.population >= 10_000).map((e) => `${e.country}|${e.admin1}`));
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
      out.push(best);
    });
    return out;
  };
  // Containers are resolved before what they contain: a first pass without them is enough.
  let res = pass(null, cands.map(() => null));
  res = pass(null, res);
  for (let round = 0; round < 2; round++) {
    const ctx = contextOf(k, cands, res.map((r) => (r ? r.entry : null)));
    res = pass(ctx, res);
  }
  return res;
}
