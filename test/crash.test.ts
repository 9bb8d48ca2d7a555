// Crash safety: an ingest killed with SIGKILL at random moments, several times, then
// resumed, ends with the same store as an ingest never interrupted: the same articles
// and layers, no duplicates, no partial articles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { reportsJsonl } from './helpers/reports.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'dist/src/cli/main.js');
const env = () => {
  const e = { ...process.env };
  delete e.SITREP_DB;
  return e;
};

/** Everything stored, keyed by content, independent of row ids and ingest times. */
function dump(db: string): string[] {
  const d = new Database(db, { readonly: true });
  try {
    const rows: string[] = [];
    for (const a of d.prepare('SELECT source_id, content_hash, title, published, published_basis, language, text FROM articles ORDER BY content_hash').all()) {
      rows.push(JSON.stringify(a));
    }
    for (const table of ['sentences', 'entities', 'places', 'times', 'quantities', 'attributions', 'events']) {
      for (const r of d.prepare(`SELECT a.content_hash AS article, t.* FROM ${table} t JOIN articles a ON a.id = t.article_id ORDER BY a.content_hash, t.idx`).all() as Record<string, unknown>[]) {
        delete r.article_id;
        delete r.id;
        rows.push(`${table} ${JSON.stringify(r)}`);
      }
    }
    return rows;
  } finally {
    d.close();
  }
}

test('an ingest killed at random moments and resumed stores exactly what an uninterrupted one does', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-crash-'));
  const docs = join(dir, 'docs.jsonl');
  const n = 1000;
  writeFileSync(docs, reportsJsonl(n));

  const reference = join(dir, 'reference.db');
  const started = Date.now();
  assert.equal(spawnSync(process.execPath, [cli, 'ingest', docs, '--db', reference, '-q'], { cwd: root, env: env(), encoding: 'utf8' }).stdout.trim(), `${n} ingested, 0 unchanged, 0 rejected`);

  const fullRunMs = Date.now() - started;
  const crashed = join(dir, 'crashed.db');
  let kills = 0;
  for (let attempt = 0; attempt < 4; attempt++) {
    const child = spawn(process.execPath, [cli, 'ingest', docs, '--db', crashed, '-q'], { cwd: root, env: env() });
    // Somewhere after start-up and before the end of even a resumed run (which skips
    // quickly over what is stored).
    const delay = Math.floor(fullRunMs * (0.1 + Math.random() * 0.35));
    const timer = setTimeout(() => child.kill('SIGKILL'), delay);
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    clearTimeout(timer);
    if (code === null) kills++;
  }
  const last = spawnSync(process.execPath, [cli, 'ingest', docs, '--db', crashed, '-q'], { cwd: root, env: env(), encoding: 'utf8' });
  assert.equal(last.status, 0, last.stderr);
  assert.match(last.stdout, new RegExp(`^\\d+ ingested, \\d+ unchanged, 0 rejected`));
  assert.ok(kills >= 2, `only ${kills} of 4 runs were killed before finishing`);

  assert.deepEqual(dump(crashed), dump(reference));
  const doctor = spawnSync(process.execPath, [cli, 'doctor', '--db', crashed], { cwd: root, env: env(), encoding: 'utf8' });
  // the same events as the uninterrupted run (dump() above compared every layer row)
  assert.match(doctor.stdout.trim(), new RegExp(`^ok: ${n} articles, \\d+ events$`));
});
