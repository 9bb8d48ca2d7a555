// A small store for the API tests: short articles written for these tests (never real
// article text), each with the events an analysis would have found, on SQLite in a temp
// folder and, when SITREP_TEST_DATABASE_URL names a server, on PostgreSQL; and `sitrep
// serve` started as a command.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simhash } from '../extract/simhash.js';
import type { AnalyzedArticle, EventMention, PlaceRef } from '../model/index.js';
import { dialects as storeDialects, type Dialect } from '../store/dialects.fixture.js';
import { openSqliteStore, type Store } from '../store/index.js';

/** SQLite in a file of its own (so analysis threads could open it too), and PostgreSQL when configured. */
export const dialects: Dialect[] = [
  {
    name: 'sqlite',
    skip: false,
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'sitrep-api-'));
      return { store: await openSqliteStore(join(dir, 'api.db')), dispose: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  ...storeDialects.filter((d) => d.name !== 'sqlite'),
];

export const KAFRANBEL: PlaceRef = { name: 'Kafranbel', lat: 35.53, lon: 36.56, country: 'SY', admin1: 'Idlib', precision: 1 };
export const AFRIN: PlaceRef = { name: 'Afrin', lat: 36.51, lon: 36.87, country: 'SY', admin1: 'Aleppo', precision: 1 };
export const TAFAS: PlaceRef = { name: 'Tafas', lat: 32.74, lon: 36.07, country: 'SY', admin1: 'Daraa', precision: 1 };
export const SOCHI: PlaceRef = { name: 'Sochi', lat: 43.6, lon: 39.73, country: 'RU', admin1: 'Krasnodar Krai', precision: 1 };
/** On the far side of the antimeridian from Syria. */
export const SUVA: PlaceRef = { name: 'Suva', lat: -18.14, lon: 178.44, country: 'FJ', precision: 1 };

/** Markup, quotes and a control character, as a hostile page might carry them. */
export const HOSTILE = `<script>alert("x")</script> & <img src=x onerror=alert(1)> ]]> \u0001 'quoted'`;

function event(e: Partial<EventMention> & Pick<EventMention, 'type' | 'mode'>, end: number): EventMention {
  return {
    actor: null, recipient: null, place: null, date: null, status: 'occurred', killed: null, injured: null, source: null,
    evidence: { sentence: 0, start: 0, end }, confidence: 0.8, ...e,
  };
}

function article(
  sourceId: string, text: string,
  meta: { outlet?: string | null; title?: string; published?: string | null; language?: string; url?: string | null },
  events: (end: number) => EventMention[],
): AnalyzedArticle {
  return {
    article: {
      sourceId, url: meta.url ?? `https://news.example/${sourceId}`, outlet: meta.outlet === undefined ? 'North Wire' : meta.outlet,
      title: meta.title ?? text.split('.')[0]!, byline: null, origin: null, published: meta.published === undefined ? null : meta.published,
      publishedBasis: meta.published ? 'given' : 'none', publishedGuess: null, language: meta.language ?? 'en', text,
      contentHash: `hash:${sourceId}`, simhash: simhash(text),
    },
    sentences: [{ start: 0, end: text.length }],
    entities: [{ start: 0, end: 9, text: text.slice(0, 9), type: 'group' }],
    places: [], times: [], quantities: [], attributions: [],
    events: events(text.length),
  };
}

const day = (d: string) => ({ start: d, end: d, precision: 'day' as const, basis: 'explicit' as const });

/** The test articles, in storing order (ids 1..5 on a fresh store). */
export const ARTICLES: AnalyzedArticle[] = [
  article('north-1', 'Warplanes struck Kafranbel in the south of the province on Monday, killing six civilians, a monitoring group said.',
    { published: '2024-03-11', title: 'Air strikes on Kafranbel' },
    (end) => [event({
      type: 'ASSAULT', mode: 'aerial', actor: { id: 'RUS.MIL', text: 'Warplanes' }, place: KAFRANBEL, date: day('2024-03-11'),
      killed: { min: 6, max: null, who: 'civilians', text: 'six civilians' }, source: { id: 'SOHR', text: 'a monitoring group' },
    }, end)]),
  article('south-1', 'Shelling hit Tafas on Tuesday. Two people were hurt, residents said.',
    { outlet: 'South Desk', published: '2024-03-12', title: 'Shelling in Tafas' },
    (end) => [event({
      type: 'ASSAULT', mode: 'heavy-weapons', actor: { id: 'SYR.MIL', text: 'government forces' }, place: TAFAS, date: day('2024-03-12'),
      injured: { min: 2, max: null, who: 'people', text: 'Two people' },
    }, end)]),
  article('north-2', 'Foreign ministers met in Sochi on Wednesday to discuss a ceasefire for the north.',
    { published: '2024-03-13', title: 'Ministers meet in Sochi' },
    (end) => [event({
      type: 'CONSULT', mode: 'meeting', actor: { id: 'RUS.GOV', text: 'Foreign ministers' }, recipient: { id: 'TUR.GOV', text: 'their counterparts' },
      place: SOCHI, date: day('2024-03-13'),
    }, end)]),
  article('hostile-1', `Fighting near Afrin killed three fighters on Thursday. ${HOSTILE}`,
    { outlet: 'Hostile & <Co>', published: '2024-03-14', title: HOSTILE, url: 'javascript:alert(1)' },
    (end) => [
      event({
        type: 'ASSAULT', mode: 'small-arms', actor: { id: 'SYR.REB', text: HOSTILE }, place: AFRIN, date: day('2024-03-14'),
        killed: { min: 3, max: 5, who: 'fighters', text: HOSTILE },
      }, end),
      event({ type: 'ACCUSE', mode: 'statement', status: 'claimed', date: day('2024-03-14') }, end),
    ]),
  article('fr-1', "Des délégations se sont réunies à Suva pour parler d'une trêve.",
    { outlet: null, language: 'fr', title: 'Réunion à Suva' },
    (end) => [event({ type: 'CONSULT', mode: 'meeting', place: SUVA, status: 'planned' }, end)]),
];

/** A fresh store of the dialect holding `articles`; `close` closes and removes it. */
export async function openTestStore(dialect: Dialect, articles = ARTICLES): Promise<{ store: Store; close(): Promise<void> }> {
  const { store, dispose } = await dialect.open();
  for (const a of articles) await store.save(a);
  return {
    store,
    async close() {
      await store.close();
      await dispose();
    },
  };
}

/** The repository (above dist/src/api). */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * `sitrep serve --port 0 ...args` on a fresh SQLite store, with `env` added to this process's
 * (PostgreSQL left out); resolves once it prints its URL. `stop` kills it and removes the store.
 */
export async function serveCommand(args: string[], env: Record<string, string> = {}): Promise<{ url: string; child: ChildProcess; stop(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-serve-'));
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.SITREP_DATABASE_URL;
  const child = spawn(process.execPath, [join(ROOT, 'dist/src/cli/main.js'), 'serve', '--port', '0', '--db', join(dir, 's.db'), ...args],
    { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () => {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += String(d);
        if (out.includes('\n')) resolve(out);
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code} before printing its URL`)));
    });
    const url = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(line)?.[1];
    assert.ok(url, line);
    return { url, child, stop };
  } catch (e) {
    stop();
    throw e;
  }
}
