// The GeoJSON export as GIS tools read it: `sitrep events --format geojson` opened with
// GDAL's `ogrinfo` (apt-get install gdal-bin), over a store built from a few invented
// articles (never real article text). Skipped when ogrinfo is not installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sitrep, tempDb } from './helpers/cli.js';

const ogrinfoFound = spawnSync('ogrinfo', ['--version'], { encoding: 'utf8' }).status === 0;
const skip = !ogrinfoFound && 'ogrinfo not installed (apt-get install gdal-bin)';

const ARTICLES: Record<string, string> = {
  'afrin.txt': 'Shelling kills four in Afrin\n\nAFRIN, March 3, 2024 - Artillery shelling killed four civilians in Afrin on Sunday, local medics said. Government forces shelled the town for two hours.',
  'idlib.txt': 'Airstrike hits market in Idlib\n\nIDLIB, March 5, 2024 - An airstrike on a market in Idlib killed seven people on Tuesday, rescuers said. Russian warplanes bombed the town of Saraqib the same day.',
  'geneva.txt': 'Talks held in Geneva\n\nGENEVA, March 7, 2024 - Delegations met in Geneva on Thursday to discuss a ceasefire. No agreement was reached.',
};

function ogrinfo(args: string[]) {
  const r = spawnSync('ogrinfo', ['-ro', '-al', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

/** `name: Type (width.precision)` lines of an `ogrinfo -so` layer summary, as name -> type. */
function fields(summary: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of summary.matchAll(/^(\w+): (\w+(?:\(\w+\))?) \(\d+\.\d+\)$/gm)) out.set(m[1]!, m[2]!);
  return out;
}

test('the GeoJSON export opens in GDAL with every placed event and its fields', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-geojson-'));
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(dir, name), text);
  const db = tempDb('geojson');
  const ingest = sitrep(['ingest', dir, '--db', db]);
  assert.equal(ingest.code, 0, ingest.err);

  const all = sitrep(['events', '--format', 'jsonl', '--db', db]);
  assert.equal(all.code, 0, all.err);
  const placed = all.out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((e) => e.place);
  // The analysis places at least the Afrin and Idlib events (the exact set is its business).
  assert.ok(placed.length >= 1, 'no placed event to export');

  const exported = sitrep(['events', '--format', 'geojson', '--db', db]);
  assert.equal(exported.code, 0, exported.err);
  const file = join(dir, 'events.geojson');
  writeFileSync(file, exported.out);

  const summary = ogrinfo(['-so', file]);
  assert.match(summary, /using driver `GeoJSON' successful/);
  assert.match(summary, /^Geometry: Point$/m);
  assert.equal(Number(/^Feature Count: (\d+)$/m.exec(summary)?.[1]), placed.length);
  const types = fields(summary);
  // Plain properties are typed columns; the nested ones (actor, place, date, killed, ...)
  // GDAL reads as JSON strings.
  assert.equal(types.get('type'), 'String');
  assert.equal(types.get('mode'), 'String');
  assert.equal(types.get('status'), 'String');
  assert.equal(types.get('confidence'), 'Real');
  const some = (key: string) => placed.some((e) => e[key]);
  for (const nested of ['actor', 'place', 'date', 'killed', 'evidence', 'article'].filter(some)) {
    assert.equal(types.get(nested), 'String(JSON)', `${nested}: ${types.get(nested)}`);
  }
  // The event id is the feature id.
  assert.match(summary, /^FID Column = id$/m);
  // the CSV's flat columns beside the nested record: typed fields without any open option
  assert.equal(types.get('event_date'), 'Date');
  assert.equal(types.get('latitude'), 'Real');
  assert.equal(types.get('actor1'), 'String');
  if (some('killed')) assert.equal(types.get('fatalities'), 'Integer');

  // Flattened (what QGIS users get with this open option): typed columns per nested field.
  const flat = fields(ogrinfo(['-so', '-oo', 'FLATTEN_NESTED_ATTRIBUTES=YES', file]));
  if (some('actor')) assert.equal(flat.get('actor_id'), 'String');
  if (some('date')) assert.equal(flat.get('date_start'), 'Date');
  if (some('date')) assert.equal(flat.get('date_end'), 'Date');
  if (some('killed')) assert.equal(flat.get('killed_min'), 'Integer');
  if (some('killed')) assert.equal(flat.get('killed_max'), 'Integer');
  assert.equal(flat.get('place_lat'), 'Real');
  assert.equal(flat.get('place_lon'), 'Real');
  assert.equal(flat.get('article_title'), 'String');

  // Every feature, with its values: each placed event's type, date and point.
  const features = ogrinfo([file]);
  assert.equal([...features.matchAll(/^OGRFeature\(/gm)].length, placed.length);
  for (const e of placed) {
    const block = features.split(/^OGRFeature\(\w+\):/m).find((b) => b.startsWith(`${e.id}\n`));
    assert.ok(block, `feature ${e.id} listed`);
    assert.match(block, new RegExp(`^  type \\(String\\) = ${e.type}$`, 'm'));
    assert.match(block, new RegExp(`^  POINT \\(${e.place.lon} ${e.place.lat}\\)$`, 'm'));
    if (e.date) assert.match(block, new RegExp(`^  date \\(String\\(JSON\\)\\) = .*"start": "${e.date.start}"`, 'm'));
    if (e.killed) assert.match(block, new RegExp(`^  killed \\(String\\(JSON\\)\\) = \\{ "min": ${e.killed.min},`, 'm'));
  }
});
