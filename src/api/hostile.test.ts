// Hostile parameters over every filter: each GET route the OpenAPI document describes, each
// of its query and path parameters, sent SQL, full-text syntax, a NUL byte, a long string and
// odd numbers. Every answer must be 200, 400 or 404 (never a failure), every refusal the API's
// JSON error, a text filter that matches nothing an empty answer (never every row), and the
// store unchanged afterwards. On SQLite, and on PostgreSQL when SITREP_TEST_DATABASE_URL is set.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseCsv } from 'csv-parse/sync';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Store } from '../store/index.js';
import { updateStories } from '../stories/index.js';
import { createApi } from './index.js';
import { dialects, openTestStore } from './api.fixture.js';

const HOSTILE_VALUES = [
  "' OR 1=1 --",
  '"; DROP TABLE events; --',
  '1) UNION SELECT record FROM events --',
  "%' OR '%'='",
  '\0',
  'ASSAULT\0',
  'x'.repeat(10_000),
  '"unbalanced',
  'NEAR(',
  '*',
  'title:x AND',
  '1e309',
  '-0',
  'NaN',
];

interface Parameter {
  name: string;
  in: 'query' | 'path';
  description?: string;
  schema: { type?: string; enum?: unknown[]; pattern?: string; example?: unknown };
}

/** The GET operations of the OpenAPI document: path template and parameters. */
function getOperations(doc: { paths: Record<string, { get?: { parameters: Parameter[] } }> }) {
  return Object.entries(doc.paths).flatMap(([path, ops]) => (ops.get ? [{ path, parameters: ops.get.parameters }] : []));
}

/** A parameter the caller may fill with any text (a name, an id, words): not a number, a list of choices, a date or a point. */
const isText = (p: Parameter) =>
  p.in === 'query' && p.schema.type === 'string' && !p.schema.enum && !p.schema.pattern && p.schema.example === undefined;

/** Full-text search: its answer is the rows with the words, which may be some rows, never all. */
const isFullText = (p: Parameter) => /full-text/i.test(p.description ?? '');

/**
 * Parameters that are refused without their partner (`near` needs `km`, and the other way
 * round): sent with the partner, so that the hostile value itself is what is judged.
 */
const PARTNERS: Record<string, Record<string, string>> = { near: { km: '50' }, km: { near: '35.53,36.56' } };

/** The URL of an operation with `params` set; path parameters not given are 1. */
function urlOf(path: string, params: Record<string, string>, pathParams: Record<string, string> = {}): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(pathParams[name] ?? '1'));
  const query = new URLSearchParams(params).toString();
  return query ? `${filled}?${query}` : filled;
}

/** How many records an answer holds, whatever its format; null when it is not a listing. */
function rows(r: LightMyRequestResponse): number | null {
  const type = String(r.headers['content-type'] ?? '');
  if (type.startsWith('text/csv')) return (parseCsv(r.body, { columns: true }) as unknown[]).length;
  if (type.startsWith('application/x-ndjson')) return r.body.split('\n').filter((line) => line.trim() !== '').length;
  if (type.startsWith('application/atom+xml')) return r.body.match(/<entry>/g)?.length ?? 0;
  if (type.startsWith('application/geo+json')) return (r.json() as { features: unknown[] }).features.length;
  if (type.startsWith('application/json')) {
    const items = (r.json() as { items?: unknown[] }).items;
    return Array.isArray(items) ? items.length : null;
  }
  return null;
}

/** What is wrong with an answer to a hostile value, or null. */
function problemOf(r: LightMyRequestResponse, param: Parameter, baseline: number | null): string | null {
  if (![200, 400, 404].includes(r.statusCode)) return `status ${r.statusCode}: ${r.body.slice(0, 200)}`;
  if (r.statusCode !== 200) {
    if (!/^application\/json/.test(String(r.headers['content-type']))) return `a ${r.statusCode} that is not JSON`;
    const body = r.json() as { error?: { code?: unknown; message?: unknown } };
    const shaped = Object.keys(body).join() === 'error' && Object.keys(body.error ?? {}).join() === 'code,message'
      && typeof body.error!.code === 'string' && typeof body.error!.message === 'string';
    if (!shaped) return `a ${r.statusCode} not in the error shape: ${r.body.slice(0, 200)}`;
    if (/\.js:\d+|at [\w.<>]+ \(/.test(r.body)) return `a stack trace: ${r.body.slice(0, 200)}`;
    return null;
  }
  if (!isText(param)) return null;
  const found = rows(r);
  if (found === null) return 'a 200 that is not a listing';
  if (isFullText(param)) return baseline !== null && found >= baseline ? `full-text search matched all ${found} rows` : null;
  return found > 0 ? `matched ${found} rows` : null;
}

for (const dialect of dialects) {
  describe(`hostile parameters on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: Store;
    let close: () => Promise<void>;
    let app: FastifyInstance;
    let held: { articles: number; events: number };
    before(async () => {
      ({ store, close } = await openTestStore(dialect));
      await updateStories(store);
      // Thousands of requests from one client: the rate limit is tested on its own (limits.test.ts).
      app = createApi({ store, webRoot: '/nonexistent', rateLimit: { perMinute: 0, writesPerMinute: 0 } });
      held = await store.counts();
    });
    after(async () => {
      await app.close();
      await close();
    });

    test('every parameter of every GET route: hostile values are 200, 400 or 404, refusals JSON, text filters match nothing', async () => {
      const doc = (await app.inject('/api/openapi.json')).json();
      const operations = getOperations(doc);
      // The walk found the routes and their filters (a broken document would make this test pass on nothing).
      assert.ok(operations.length >= 14, `${operations.length} GET routes`);
      const parameters = operations.flatMap((o) => o.parameters);
      for (const name of ['q', 'outlet', 'mode', 'actor', 'admin1', 'bbox', 'near', 'km', 'minKilled', 'limit', 'cursor', 'id']) {
        assert.ok(parameters.some((p) => p.name === name), name);
      }
      for (const partners of Object.values(PARTNERS)) for (const name of Object.keys(partners)) assert.ok(parameters.some((p) => p.name === name), name);
      assert.ok(parameters.some(isFullText), 'a full-text parameter');

      const problems: string[] = [];
      let sent = 0;
      let reachedStore = 0;
      for (const { path, parameters: params } of operations) {
        const baseline = rows(await app.inject(urlOf(path, {})));
        for (const param of params) {
          for (const value of HOSTILE_VALUES) {
            const url = param.in === 'path' ? urlOf(path, {}, { [param.name]: value }) : urlOf(path, { ...PARTNERS[param.name], [param.name]: value });
            const r = await app.inject(url).catch((e: Error) => e);
            sent++;
            if (r instanceof Error) {
              // A streamed answer that broke after its 200 was sent: the client gets a cut-off body.
              problems.push(`${path} ${param.name}=${JSON.stringify(value.slice(0, 40))}: ${r.message}`);
              continue;
            }
            if (r.statusCode === 200 && isText(param)) reachedStore++;
            const problem = problemOf(r, param, baseline);
            if (problem) problems.push(`${path} ${param.name}=${JSON.stringify(value.slice(0, 40))}: ${problem}`);
          }
        }
      }
      assert.deepEqual(problems, []);
      // Most text filters took the hostile values to the store, and found nothing there.
      assert.ok(sent > 500 && reachedStore > 100, `${sent} requests, ${reachedStore} reached the store`);
    });

    test('a parameter no route knows, named like SQL, is refused on every GET route', async () => {
      for (const { path } of getOperations((await app.inject('/api/openapi.json')).json())) {
        const r = await app.inject(`${urlOf(path, {})}?${encodeURIComponent("' OR 1=1 --")}=1`);
        assert.equal(r.statusCode, 400, path);
        assert.equal(r.json().error.code, 'bad_request', path);
      }
    });

    test('afterwards the store holds what it held, and is sound', async () => {
      // Run last (node:test runs a file's tests in order): after every hostile value above.
      assert.deepEqual(await store.counts(), held);
      assert.deepEqual(await store.check(), []);
      assert.equal((await app.inject('/api/events')).json().items.length, held.events);
    });
  });
}
