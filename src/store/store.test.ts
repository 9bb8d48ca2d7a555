// Every store test runs against both dialects (./dialects.fixture.ts).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalyzedArticle, EventMention, TimeMention } from '../model/index.js';
import { simhash } from '../extract/simhash.js';
import type { Store } from './index.js';
import { dialects, withDialectStore } from './dialects.fixture.js';
import { seeded } from '../../test/helpers/random.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { migrateSqlite, openSqliteStore, type Database } from './index.js';
import { migrations } from './migrations.js';

function article(text: string, extra: Partial<AnalyzedArticle> = {}): AnalyzedArticle {
  return {
    article: {
      sourceId: `doc-${text.length}`, url: null, outlet: 'Test Outlet', title: text.split('.')[0]!, byline: null, origin: null,
      published: '2024-03-14', publishedBasis: 'given', publishedGuess: null, language: 'en', text, contentHash: `hash:${text}`,
      simhash: simhash(text),
    },
    sentences: [{ start: 0, end: text.length }],
    entities: [], places: [], times: [], quantities: [], attributions: [], events: [],
    ...extra,
  };
}

const shelling: EventMention = {
  type: 'ASSAULT', mode: 'heavy-weapons',
  actor: { id: 'SYR.MIL', text: 'Government artillery' }, recipient: null,
  place: { name: 'Kansafra', lat: 35.6, lon: 36.5, country: 'SY', admin1: 'Idlib', precision: 1 },
  date: { start: '2024-03-13', end: '2024-03-13', precision: 'day', basis: 'relative' },
  status: 'occurred', killed: { min: 4, max: null, who: 'civilians', text: 'at least four civilians' }, injured: null,
  source: { id: 'SOHR', text: 'the Syrian Observatory' }, evidence: { sentence: 0, start: 0, end: 20 }, confidence: 0.8,
};

for (const dialect of dialects) {
  describe(`store on ${dialect.name}`, { skip: dialect.skip }, () => {
    const withStore = (fn: (s: Store) => Promise<void>) => withDialectStore(dialect, fn);

    test('storing the same article twice changes nothing and says so', () =>
      withStore(async (store) => {
        const doc = article('Artillery shelled the village. Four people died.');
        const first = await store.save(doc);
        const second = await store.save({ ...doc, article: { ...doc.article, sourceId: 'another-id' } });
        assert.equal(first.status, 'stored');
        assert.deepEqual(second, { status: 'unchanged', articleId: first.articleId });
        assert.deepEqual(await store.counts(), { articles: 1, events: 0 });
      }));

    test('a store opens (and migrates) while another store of the same database is open', () =>
      withStore(async (first) => {
        await first.save(article('Artillery shelled the village.'));
        // PostgreSQL: another schema; its migration tables must not be taken for this one's.
        await withStore(async (second) => assert.deepEqual(await second.counts(), { articles: 0, events: 0 }));
      }));

    test('clustering takes a lock of its store alone: another connection waits, another store of the same database does not', () =>
      withStore(async (first) =>
        withStore(async (second) => {
          const held = await first.storyTransaction(async () => ({
            // Another connection of the same store (PostgreSQL: the pool's; SQLite: its one
            // connection cannot begin a second transaction, so this is asked of the other store only).
            same: dialect.name === 'postgres' ? await first.storyTransactionIfFree(async () => 'taken') : null,
            other: await second.storyTransactionIfFree(async () => 'taken'),
          }));
          assert.deepEqual(held, { same: null, other: 'taken' });
          assert.equal(await first.storyTransactionIfFree(async () => 'taken'), 'taken', 'released at commit');
        })));

    test('an article and its layers round-trip through the store', () =>
      withStore(async (store) => {
        const text = 'Government artillery shelled Kansafra on Wednesday.';
        const doc = article(text, {
          entities: [{ start: 0, end: 20, text: 'Government artillery', type: 'group', id: 'SYR.MIL', labels: ['artillery'] }],
          places: [{ start: 30, end: 38, text: 'Kansafra', name: 'Kansafra', lat: 35.6, lon: 36.5, country: 'SY', admin1: 'Idlib', precision: 1 }],
          // A stage's own fields (here the times stage's tense and basis) come back too.
          times: [{ start: 42, end: 51, text: 'Wednesday', value: '2024-03-13', precision: 'day', range: ['2024-03-13', '2024-03-13'], tense: 'past', basis: 'relative' } as TimeMention],
          quantities: [{ start: 0, end: 4, text: 'four', min: 4, max: null, unit: 'killed' }],
          attributions: [{
            start: 0, end: 20, kind: 'reported', cue: { start: 40, end: 44, text: 'said' },
            speaker: { start: 30, end: 38, text: 'Kansafra', id: 'SOHR', entity: 0 },
          }],
          events: [shelling],
        });
        const { articleId } = await store.save(doc);
        assert.deepEqual(await store.load(articleId), doc);
        assert.equal(await store.load(articleId + 1), null);
      }));

    test('a failure while writing layers leaves no part of the article behind', () =>
      withStore(async (store) => {
        const broken = article('A sentence about a place.', {
          // lat is NOT NULL: the insert of this layer fails after the article row was written.
          places: [{ start: 0, end: 1, text: 'A', name: 'A', lat: null as unknown as number, lon: 0, country: 'SY', precision: 1 }],
        });
        await assert.rejects(store.save(broken));
        assert.deepEqual(await store.counts(), { articles: 0, events: 0 });
        assert.equal(await store.findByHash(broken.article.contentHash), null);
        // The same article, repaired, is then stored normally.
        const fixed = { ...broken, places: [] };
        assert.equal((await store.save(fixed)).status, 'stored');
      }));

    test('a batch stored in one transaction: a bad article fails alone, a repeat is stored once, the rest are stored whole', () =>
      withStore(async (store) => {
        const town = ['Ariha', 'Tafas', 'Sarmin', 'Binnish', 'Taftanaz', 'Kafranbel', 'Saraqib', 'Maarat'];
        const docs = Array.from({ length: 32 }, (_, i) => {
          const text = `Shells hit ${town[i % 8]} on day ${i}. ${i + 2} people were hurt, residents said.`;
          return article(text, {
            sentences: [{ start: 0, end: text.indexOf('.') + 1 }, { start: text.indexOf('.') + 2, end: text.length }],
            places: [{ start: 11, end: 11 + town[i % 8]!.length, text: town[i % 8]!, name: town[i % 8]!, lat: 35 + i / 100, lon: 36.5, country: 'SY', precision: 1 }],
            events: [{ ...shelling, evidence: { sentence: 0, start: 0, end: 10 } }],
          });
        });
        // The 6th cannot be stored (a NOT NULL column is null); the 11th repeats the 4th's text.
        docs[5] = { ...docs[5]!, places: [{ ...docs[5]!.places[0]!, lat: null as unknown as number }] };
        docs[10] = { ...docs[3]!, article: { ...docs[3]!.article, sourceId: 'a repeat' } };
        const results = await store.saveMany(docs);
        assert.equal(results.length, 32);
        assert.equal(results[5]!.ok, false);
        const stored = results.filter((r) => r.ok && r.value.status === 'stored');
        assert.equal(stored.length, 30);
        assert.deepEqual(results[10], { ok: true, value: { status: 'unchanged', articleId: (results[3] as { value: { articleId: number } }).value.articleId } });
        assert.deepEqual(await store.counts(), { articles: 30, events: 30 });
        for (const i of [0, 3, 31]) {
          const r = results[i]!;
          assert.ok(r.ok);
          assert.deepEqual(await store.load(r.value.articleId), docs[i]);
        }
        assert.equal(await store.findByHash(docs[5]!.article.contentHash), null);
        assert.deepEqual(await store.check(), []);
      }));

    test('a layer span outside the text is refused, and the store stays sound', () =>
      withStore(async (store) => {
        const text = 'Short text.';
        await assert.rejects(store.save(article(text, { sentences: [{ start: 0, end: 40 }] })), /span outside the text: sentences 0 spans 0-40 in a text of 11/);
        assert.deepEqual(await store.counts(), { articles: 0, events: 0 });
        await store.save(article(text));
        assert.deepEqual(await store.check(), []);
      }));

    test('a lightly edited copy is linked to the article it copies; other articles are not', () =>
      withStore(async (store) => {
        const places = ['Kafranbel', 'Tafas', 'Ariha', 'Saraqib', 'Jisr al-Shughur', 'Kansafra', 'Maarat', 'Sarmin'];
        const report = (n: number) => places.map((p, i) => `Shells hit ${p} on day ${i + n} and ${i + 2} people were hurt there, residents said.`).join(' ');
        const original = article(report(1));
        const copy = article(report(1).replace('residents said.', 'residents told us.') + ' Reporting by a correspondent.');
        const other = article(places.map((p) => `Delegations met in ${p} to discuss the exchange of prisoners and the opening of roads.`).join(' '));
        const first = await store.save(original);
        const second = await store.save(copy);
        const third = await store.save(other);
        const rows = new Map<number, { id: number; similarity: number } | null>();
        for await (const a of store.articles()) rows.set(a.id, a.duplicateOf);
        assert.equal(rows.get(first.articleId), null);
        assert.equal(rows.get(second.articleId)?.id, first.articleId);
        assert.ok(rows.get(second.articleId)!.similarity >= 0.95);
        assert.equal(rows.get(third.articleId), null);
      }));

    test('full-text search finds articles by words in their text', () =>
      withStore(async (store) => {
        await store.save(article('Artillery shelled the village of Kansafra.'));
        await store.save(article('Leaders met in Sochi for talks.'));
        await store.save(article('Erdoğan and Putin met in Sochi.'));
        const found = async (search: string) => {
          const texts = [];
          for await (const a of store.articles({ search })) texts.push(a.article.text);
          return texts;
        };
        assert.deepEqual(await found('talks'), ['Leaders met in Sochi for talks.']);
        assert.deepEqual(await found('erdogan'), ['Erdoğan and Putin met in Sochi.']);
        if (dialect.name === 'postgres') {
          // Web-search syntax: a word can be excluded, but excluded words alone find nothing, not every article.
          assert.deepEqual(await found('sochi -talks'), ['Erdoğan and Putin met in Sochi.']);
          assert.deepEqual(await found('-talks'), []);
          assert.deepEqual(await found('-talks -kansafra'), []);
        }
      }));

    test('events come back with the article they came from, filtered by type and date', () =>
      withStore(async (store) => {
        const doc = article('Government artillery shelled Kansafra.', { events: [shelling] });
        doc.article.url = 'https://example.org/a';
        await store.save(doc);
        const rows = [];
        for await (const e of store.events({ type: 'ASSAULT', from: '2024-03-01' })) rows.push(e);
        assert.equal(rows.length, 1);
        assert.deepEqual(rows[0]!.event, shelling);
        assert.equal(rows[0]!.article.sourceId, doc.article.sourceId);
        assert.equal(rows[0]!.article.url, 'https://example.org/a');
        let none = 0;
        for await (const _ of store.events({ to: '2024-01-01' })) none++;
        assert.equal(none, 0);
      }));

    test('events in a box or a radius are the same whichever way the store searches (few, many, across the antimeridian)', () =>
      withStore(async (store) => {
        // 2,400 events packed around Idlib (more than the dense-box threshold), 60 spread
        // over the region, a few either side of the antimeridian, and some with no place.
        const rnd = seeded(11);
        const at = (lat: number, lon: number, i: number): EventMention => ({
          ...shelling, type: i % 3 ? 'ASSAULT' : 'COERCE',
          place: { ...shelling.place!, name: `p${i}`, lat, lon },
          date: { start: `2024-0${1 + (i % 9)}-1${i % 10}`, end: `2024-0${1 + (i % 9)}-1${i % 10}`, precision: 'day', basis: 'explicit' },
          killed: i % 4 ? { min: i % 17, max: null, who: 'people', text: String(i % 17) } : null,
        });
        const points: [number, number][] = [
          ...Array.from({ length: 2400 }, (): [number, number] => [35.5 + rnd() * 0.8, 36.3 + rnd() * 0.8]),
          ...Array.from({ length: 60 }, (): [number, number] => [30 + rnd() * 8, 34 + rnd() * 10]),
          [-17.5, 179.9], [-17.6, -179.8], [-17.4, 178.1], [-17.5, -178.5],
        ];
        const perArticle = 40;
        for (let a = 0; a * perArticle < points.length + 20; a++) {
          const events = points.slice(a * perArticle, (a + 1) * perArticle).map(([lat, lon], k) => at(lat, lon, a * perArticle + k));
          if (a === 0) events.push({ ...shelling, place: null }, { ...shelling, place: null });
          await store.save(article(`Report ${a}: shelling in the north.`, { events }));
        }
        const all: { id: number; event: EventMention }[] = [];
        for await (const e of store.events()) all.push(e);
        assert.equal(all.length, points.length + 2);

        const haversineKm = (lat1: number, lon1: number, lat2: number, lon2: number) => {
          const rad = Math.PI / 180;
          const h = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
          return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
        };
        const inBox = (b: { minLat: number; maxLat: number; minLon: number; maxLon: number }) => (e: EventMention) => {
          const p = e.place;
          if (!p) return false;
          const lonIn = b.minLon <= b.maxLon ? p.lon >= b.minLon && p.lon <= b.maxLon : p.lon >= b.minLon || p.lon <= b.maxLon;
          return p.lat >= b.minLat && p.lat <= b.maxLat && lonIn;
        };
        const dense = { minLat: 35.4, maxLat: 36.4, minLon: 36.2, maxLon: 37.2 };
        const sparse = { minLat: 30, maxLat: 34, minLon: 40, maxLon: 44 };
        const across = { minLat: -18, maxLat: -17, minLon: 179, maxLon: -179 };
        const ids = async (q: Parameters<Store['events']>[0]) => {
          const got: number[] = [];
          for await (const e of store.events(q)) got.push(e.id);
          return got;
        };
        const expected = (keep: (e: EventMention) => boolean, order: (a: { id: number; event: EventMention }, b: { id: number; event: EventMention }) => number, limit: number) =>
          all.filter((e) => keep(e.event)).sort(order).slice(0, limit).map((e) => e.id);
        const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;
        const byDateDesc = (a: { id: number; event: EventMention }, b: { id: number; event: EventMention }) =>
          (b.event.date?.start ?? '').localeCompare(a.event.date?.start ?? '') || b.id - a.id;
        assert.ok(all.filter((e) => inBox(dense)(e.event)).length > 2000, 'the dense box holds more events than the threshold');
        for (const [name, box] of [['dense', dense], ['sparse', sparse], ['across the antimeridian', across]] as const) {
          assert.ok(all.some((e) => inBox(box)(e.event)), `the ${name} box holds events`);
          assert.deepEqual(await ids({ bbox: box, limit: 50 }), expected(inBox(box), byId, 50), `${name} box, by id`);
          assert.deepEqual(await ids({ bbox: box, sort: '-date', limit: 30 }), expected(inBox(box), byDateDesc, 30), `${name} box, latest first`);
          assert.deepEqual(await ids({ bbox: box, type: 'COERCE', minKilled: 5 }),
            expected((e) => inBox(box)(e) && e.type === 'COERCE' && (e.killed?.min ?? -1) >= 5, byId, Infinity), `${name} box with filters`);
        }
        assert.equal((await ids({ bbox: across })).length, 2, 'two of the four points near the antimeridian lie in the box');
        for (const near of [{ lat: 35.9, lon: 36.7, km: 40 }, { lat: 35.9, lon: 36.7, km: 2 }, { lat: -17.5, lon: 179.95, km: 30 }]) {
          const within = (e: EventMention) => Boolean(e.place && haversineKm(near.lat, near.lon, e.place.lat, e.place.lon) <= near.km);
          assert.deepEqual(await ids({ near, limit: 40 }), expected(within, byId, 40), `within ${near.km} km of ${near.lat},${near.lon}`);
        }
        assert.deepEqual(await store.check(), []);
      }));

    test('a date window finds short and long events alike, in every order and page by page', () =>
      withStore(async (store) => {
        // Days of 2023-2024, months, years, and ranges of a few days to a year and a half.
        const rnd = seeded(5);
        const day = (t: number) => new Date(Date.UTC(2023, 0, 1) + Math.floor(t) * 86_400_000).toISOString().slice(0, 10);
        const dated = (i: number): EventMention => {
          const start = rnd() * 700;
          const span = [0, 0, 0, 2, 29, 30, 31, 32, 60, 364, 540][i % 11]!;
          return { ...shelling, type: i % 2 ? 'ASSAULT' : 'PROTEST', killed: i % 5 ? { min: i % 13, max: null, who: 'people', text: '' } : null,
            date: { start: day(start), end: day(start + span), precision: span ? 'range' : 'day', basis: 'explicit' } as EventMention['date'] };
        };
        for (let a = 0; a < 30; a++) {
          const events = Array.from({ length: 20 }, (_, k) => dated(a * 20 + k));
          if (a === 0) events.push({ ...shelling, date: null });
          await store.save(article(`Bulletin ${a}: clashes reported.`, { events }));
        }
        const all: { id: number; event: EventMention }[] = [];
        for await (const e of store.events()) all.push(e);
        const got = async (q: Parameters<Store['events']>[0]) => {
          const ids: number[] = [];
          for await (const e of store.events(q)) ids.push(e.id);
          return ids;
        };
        type Row = { id: number; event: EventMention };
        const orders: Record<string, (a: Row, b: Row) => number> = {
          id: (a, b) => a.id - b.id,
          '-id': (a, b) => b.id - a.id,
          date: (a, b) => Number(!a.event.date) - Number(!b.event.date) || (a.event.date?.start ?? '').localeCompare(b.event.date?.start ?? '') || a.id - b.id,
          '-date': (a, b) => (b.event.date?.start ?? '').localeCompare(a.event.date?.start ?? '') || b.id - a.id,
          '-killed': (a, b) => (b.event.killed?.min ?? -1) - (a.event.killed?.min ?? -1) || b.id - a.id,
        };
        /** The query gives `expected` whole, a page at an offset, and page by page (keyset). */
        const sameList = async (q: Parameters<Store['events']>[0] & { sort: string }, expected: number[]) => {
          const label = JSON.stringify(q);
          assert.deepEqual(await got(q), expected, label);
          assert.deepEqual(await got({ ...q, limit: 7, offset: 5 }), expected.slice(5, 12), `${label}, offset 5`);
          const walked: number[] = [];
          let after: { id: number; key?: string | number | null } | undefined;
          for (;;) {
            const pageRows: Row[] = [];
            for await (const e of store.events({ ...q, limit: 7, ...(after ? { after } : {}) })) pageRows.push(e);
            if (!pageRows.length) break;
            walked.push(...pageRows.map((e) => e.id));
            const last = pageRows.at(-1)!;
            after = { id: last.id, key: q.sort.endsWith('date') ? last.event.date?.start ?? null : q.sort.endsWith('killed') ? last.event.killed?.min ?? null : null };
          }
          assert.deepEqual(walked, expected, `${label}, page by page`);
        };
        const windows: { from?: string; to?: string; type?: string; minKilled?: number }[] = [
          { from: '2024-03-01', to: '2024-03-31' }, { from: '2024-06-15' }, { to: '2023-02-01' }, { from: '2023-12-30', to: '2024-01-02', type: 'ASSAULT' },
          // A toll filter: the type's counted events by date (migration 0010), the long ones apart.
          { from: '2024-02-01', to: '2024-04-30', type: 'ASSAULT', minKilled: 4 }, { to: '2023-06-30', type: 'ASSAULT', minKilled: 6 },
        ];
        for (const w of windows) {
          const keep = (e: EventMention) => Boolean(e.date && (!w.from || e.date.end >= w.from) && (!w.to || e.date.start <= w.to) && (!w.type || e.type === w.type)
            && (w.minKilled === undefined || (e.killed?.min ?? -1) >= w.minKilled));
          const inWindow = all.filter((e) => keep(e.event));
          // Some began over a month before the window: the long events the store reads apart.
          const monthBefore = w.from && new Date(Date.parse(w.from) - 40 * 86_400_000).toISOString().slice(0, 10);
          if (monthBefore) assert.ok(inWindow.some((e) => e.event.date!.start < monthBefore), `${JSON.stringify(w)} holds events begun long before it`);
          assert.ok(inWindow.length > 7, `${JSON.stringify(w)} holds more than a page`);
          for (const [sort, order] of Object.entries(orders)) await sameList({ ...w, sort: sort as never }, [...inWindow].sort(order).map((e) => e.id));
        }
        // A type's events by date with no window start: short dated, long and undated events
        // read apart and merged (undated last either way).
        for (const w of [{ type: 'ASSAULT' }, { type: 'PROTEST', to: '2024-01-31' }]) {
          const ofType = all.filter((e) => e.event.type === w.type && (!w.to || (e.event.date !== null && e.event.date.start <= w.to)));
          const long = (d: EventMention['date']) => d !== null && Date.parse(d.end) - Date.parse(d.start) > 31 * 86_400_000;
          assert.ok(ofType.some((e) => long(e.event.date)) && (w.to || ofType.some((e) => e.event.date === null)), `${JSON.stringify(w)} holds long and undated events`);
          for (const sort of ['date', '-date'] as const) await sameList({ ...w, sort }, [...ofType].sort(orders[sort]).map((e) => e.id));
        }
        // A type's latest events with a toll, no window at all (undated last).
        const latest = all.filter((e) => e.event.type === 'ASSAULT' && (e.event.killed?.min ?? -1) >= 6).sort(orders['-date']).map((e) => e.id);
        assert.ok(latest.length > 20);
        assert.deepEqual(await got({ type: 'ASSAULT', minKilled: 6, sort: '-date' }), latest, 'the latest ASSAULTs with 6 killed');
        assert.deepEqual(await got({ type: 'ASSAULT', minKilled: 6, sort: '-date', limit: 9 }), latest.slice(0, 9), 'the latest ASSAULTs with 6 killed, a page');
      }));
  });
}

test('SQLite: a store made before migration 0011 keeps its document frequencies, and candidates come off one index in order', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-store-'));
  try {
    const path = join(dir, 'old.db');
    const raw = new SqliteDatabase(path);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations('sqlite') } });
    assert.equal((await migrator.migrateTo('0010_event_tolls')).error, undefined);
    raw.prepare('INSERT INTO story_terms (key, df) VALUES (?, ?), (?, ?)').run('shell', 3, 'ariha', 1);
    await db.destroy();

    const store = await openSqliteStore(path);
    await store.close();
    const after = new SqliteDatabase(path, { readonly: true });
    try {
      assert.deepEqual(after.prepare('SELECT key, df FROM story_terms ORDER BY key').all(), [{ key: 'ariha', df: 1 }, { key: 'shell', df: 3 }]);
      assert.match(String(after.prepare("SELECT sql FROM sqlite_master WHERE name = 'story_terms'").pluck().get()), /WITHOUT ROWID/);
      const plan = after.prepare(`EXPLAIN QUERY PLAN SELECT key, story_id FROM story_keys WHERE key = ? AND last_day >= ? AND first_day <= ?
        ORDER BY last_day DESC, story_id DESC LIMIT 40`).all('shell', '2024-01-01', '2024-01-15') as { detail: string }[];
      const detail = plan.map((p) => p.detail).join('\n');
      assert.match(detail, /USING COVERING INDEX story_keys_lookup/);
      assert.doesNotMatch(detail, /TEMP B-TREE/);
    } finally {
      after.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('SQLite: migrations are all applied or none (a failure, like a kill, leaves no half-made store), and a second opener finds them done', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-store-'));
  try {
    const path = join(dir, 'new.db');
    const all = migrations('sqlite');
    const names = Object.keys(all).sort();
    // The real migrations up to the full-text one, which fails after creating its table.
    const failing = Object.fromEntries(names.slice(0, 2).map((name, i) => [name, i === 0 ? all[name]! : {
      up: async (db: Kysely<unknown>) => {
        await all[name]!.up(db);
        throw new Error('stopped here');
      },
    }]));
    const raw = new SqliteDatabase(path);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
    await assert.rejects(migrateSqlite(raw, db, failing), /stopped here/);
    assert.deepEqual(raw.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'index')").all(), [], 'nothing of either migration, nor the migration record, is left');
    assert.equal(raw.inTransaction, false);
    await db.destroy();

    const store = await openSqliteStore(path);
    await store.close();
    const again = new SqliteDatabase(path);
    const db2 = new Kysely<Database>({ dialect: new SqliteDialect({ database: again }) });
    await migrateSqlite(again, db2, all);
    assert.equal(again.inTransaction, false);
    assert.deepEqual((again.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all()), names);
    await db2.destroy();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
