// Throughput of the places stage alone, and what its gazetteer index costs: load time of
// loadPlaceKnowledge() (from the cache file; the one-off build is timed apart when it
// happens) and the resident memory it adds. Sentences are split before the clock starts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCachePath, findPlaces, loadPlaceKnowledge } from '../src/analyze/places/index.js';
import { splitSentences } from '../src/analyze/sentences/index.js';
import type { Doc } from '../src/analyze/types.js';

export interface PlacesBench {
  articles: number;
  /** Places found in one pass. */
  places: number;
  /** Seconds for the fastest of `rounds` passes over all texts. */
  seconds: number;
  articlesPerSec: number;
  placesPerSec: number;
  /** Milliseconds of the first loadPlaceKnowledge() in this process (cache file present). */
  loadMs: number;
  /** Milliseconds spent building the cache file first, when it was missing (else 0). */
  buildMs: number;
  /** Resident memory the loaded index adds, MB (after a GC when node runs with --expose-gc). */
  indexRssMb: number;
  /** JS heap in use after loading, MB. */
  heapUsedMb: number;
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

export function benchPlaces(texts: string[], rounds = 3): PlacesBench {
  let buildMs = 0;
  if (!existsSync(defaultCachePath())) {
    const t = process.hrtime.bigint();
    loadPlaceKnowledge();
    buildMs = Number(process.hrtime.bigint() - t) / 1e6;
  }
  gc();
  const rss0 = process.memoryUsage().rss;
  const t0 = process.hrtime.bigint();
  const k = loadPlaceKnowledge();
  const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
  gc();
  const mem = process.memoryUsage();
  const docs: Doc[] = texts.map((text) => ({
    text, published: null, language: 'en', title: null, sentences: splitSentences(text),
    entities: [], places: [], times: [], quantities: [],
  }));
  for (const d of docs.slice(0, 20)) findPlaces(d, k); // warm-up
  let best = Infinity;
  let places = 0;
  for (let r = 0; r < Math.max(1, rounds); r++) {
    let n = 0;
    const start = process.hrtime.bigint();
    for (const d of docs) n += findPlaces(d, k).length;
    const s = Number(process.hrtime.bigint() - start) / 1e9;
    if (s < best) best = s;
    places = n;
  }
  const seconds = best === Infinity ? 0 : best;
  return {
    articles: docs.length, places, seconds,
    articlesPerSec: seconds ? docs.length / seconds : 0, placesPerSec: seconds ? places / seconds : 0,
    loadMs, buildMs, indexRssMb: (mem.rss - rss0) / 1e6, heapUsedMb: mem.heapUsed / 1e6,
  };
}

/** Article bodies of GeoWebNews and LGL (shared/data/geo), the texts the places evaluation scores. */
export function geoTexts(dataDir: string): string[] {
  const out: string[] = [];
  for (const file of ['GWN.xml', 'lgl.xml']) {
    const path = join(dataDir, 'geo', file);
    if (!existsSync(path)) continue;
    const xml = readFileSync(path, 'utf8');
    for (const m of xml.matchAll(/<text>(?:<!\[CDATA\[)?([\s\S]*?)(?:\]\]>)?<\/text>/g)) {
      out.push(m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'));
    }
  }
  return out;
}

// `node --expose-gc dist/bench/places.js` prints the figures on its own.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.env['SITREP_DATA'] ?? fileURLToPath(new URL('../../../shared/data', import.meta.url));
  const texts = existsSync(dir) ? geoTexts(dir) : [];
  console.log(JSON.stringify(benchPlaces(texts.length ? texts : ['Russian jets bombed villages around the city of Afrin.']), null, 2));
}
