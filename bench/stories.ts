// Story clustering as a store grows: the time `updateStories` takes to put one new article
// in a story, measured (p50, p95 over 200 single additions) when the store holds 1,000,
// 10,000 and 100,000 clustered articles (BENCH_STORY_SIZES=1000,10000 to stop earlier).
// The articles are generated, not real: 120 words each, a third from their topic's own 20
// words and the rest from a Zipf-distributed vocabulary of 20,000 invented words, two actors,
// a place and a date; about four articles a topic, 30 topics a day. That gives the index the
// shape it has on news (many rare words, a few very common ones, stories of a few articles
// a day) without a 100,000-article corpus.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatTable } from '../eval/common.js';
import type { AnalyzedArticle } from '../src/model/index.js';
import { openSqliteStore } from '../src/store/index.js';
import { updateStories } from '../src/stories/index.js';
import { doc } from '../src/stories/stories.fixture.js';
import { seeded } from '../test/helpers/random.js';

const SAMPLES = 200;

function generator() {
  const rnd = seeded(42);
  const syllables = ['ka', 'ra', 'mi', 'lo', 'sa', 'be', 'tu', 'no', 'fi', 'da', 'ze', 'hu', 'qa', 'wi', 'yo', 'pe'];
  const word = (i: number) => {
    let w = '';
    for (let x = i + 17; x > 0; x = Math.floor(x / 16)) w += syllables[x % 16];
    return w + 'n';
  };
  const zipf = (n: number) => Math.floor(Math.exp(rnd() * Math.log(n)));
  return (i: number): AnalyzedArticle => {
    const topic = Math.floor(i / 4) + Math.floor(rnd() * 3);
    const words = Array.from({ length: 120 }, () => (rnd() < 0.35 ? word(100_000 + topic * 20 + Math.floor(rnd() * 20)) : word(zipf(20_000))));
    const text = words.map((w, k) => (k % 12 === 11 ? `${w}.` : w)).join(' ');
    const published = new Date(Date.UTC(2020, 0, 1) + (Math.floor(topic / 30) + Math.floor(rnd() * 3)) * 86_400_000).toISOString().slice(0, 10);
    return doc(text, {
      sourceId: `bench-${i}`, outlet: `outlet ${i % 15}`, title: words.slice(0, 8).join(' '), published,
      actors: [`ACT${topic % 50}`, `ACT${zipf(40)}`],
      places: [{ name: `town ${topic % 997}`, geonameid: 1000 + (topic % 997), lat: 30 + (topic % 97) / 10, lon: 35 + (topic % 89) / 10, country: 'SY', precision: 1 }],
    });
  };
}

export async function benchStories(): Promise<{ table: string; notes: string[] }> {
  const sizes = (process.env['BENCH_STORY_SIZES'] ?? '1000,10000,100000').split(',').map(Number).filter((n) => n > 0).sort((a, b) => a - b);
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-stories-'));
  const store = await openSqliteStore(join(dir, 'stories.db'));
  const article = generator();
  const rows: string[][] = [];
  const p95s: number[] = [];
  let next = 0;
  const t0 = Date.now();
  try {
    for (const size of sizes) {
      // Grow the store to `size` clustered articles, clustering as ingest does (after each run of saves).
      for (; next < size; next++) {
        await store.save(article(next));
        if (next % 500 === 499) await updateStories(store);
      }
      await updateStories(store);
      const ms: number[] = [];
      for (let k = 0; k < SAMPLES; k++) {
        await store.save(article(next++));
        const t = process.hrtime.bigint();
        await updateStories(store);
        ms.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      ms.sort((a, b) => a - b);
      const p = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!;
      p95s.push(p(0.95));
      rows.push([size.toLocaleString('en'), p(0.5).toFixed(2), p(0.95).toFixed(2), p95s.length > 1 ? `${(p(0.95) / p95s[0]!).toFixed(2)}x` : '1x', `${(size / sizes[0]!).toLocaleString('en')}x`]);
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    table: formatTable(['stories: store size (articles)', 'add one: p50 ms', 'add one: p95 ms', 'p95 vs smallest', 'size vs smallest'], rows, [0, 1, 2, 3, 4]),
    notes: [
      `stories: generated articles (bench/stories.ts), SQLite; each addition is one save then updateStories timed alone; target p95 < 20 ms at 100,000; building took ${((Date.now() - t0) / 1000).toFixed(0)} s`,
    ],
  };
}
