// The bad-input corpus through `sitrep ingest`: each file is stored correctly or rejected
// with a message naming it and the reason, the batch goes on, and the store stays sound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBadInputs } from './helpers/bad-inputs.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'dist/src/cli/main.js');

function sitrep(args: string[]) {
  const env = { ...process.env };
  delete env.SITREP_DB;
  const started = Date.now();
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root, env, timeout: 180_000, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr, seconds: (Date.now() - started) / 1000 };
}

test('every bad input is stored correctly or rejected with its name and reason; the store stays sound', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bad-'));
  const corpus = writeBadInputs(join(dir, 'inputs'));
  const db = join(dir, 'bad.db');
  const run = sitrep(['ingest', join(dir, 'inputs'), '--db', db, '--time-limit', '10']);
  assert.equal(run.code, 1, run.err);
  assert.ok(run.seconds < 120, `ingest took ${run.seconds} s`);

  const rejections = new Map<string, string>();
  for (const line of run.err.split('\n')) {
    const m = /^rejected (.+?): (.*)$/.exec(line);
    if (m) rejections.set(m[1]!, m[2]!);
  }
  const stored = sitrep(['articles', '--json', '--db', db]).out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  for (const input of corpus) {
    const source = input.id ?? join(dir, 'inputs', input.file);
    const storedBy = () => stored.find((a) => a.sourceId === source);
    const rejection = [...rejections].find(([name]) => name === source || name.startsWith(`${source} `) || name.startsWith(`${source}#`))?.[1];
    if (input.expect === 'stored') {
      const article = storedBy();
      assert.ok(article, `${input.file} should be stored (rejection: ${rejection})`);
      if (input.contains) assert.ok(article.text.includes(input.contains), `${input.file}: text lacks "${input.contains}"`);
      if (input.language) assert.equal(article.language, input.language, input.file);
    } else if (input.expect === 'stored-or-rejected') {
      assert.ok(storedBy() || rejection, `${input.file}: neither stored nor rejected`);
    } else {
      assert.ok(rejection, `${input.file} should be rejected`);
      assert.match(rejection, input.expect, input.file);
    }
  }
  assert.match(run.err, /lines\.jsonl#2: line 2: not valid JSON/);

  const doctor = sitrep(['doctor', '--db', db]);
  assert.equal(doctor.code, 0, doctor.err);
  assert.match(doctor.out, /^ok: \d+ articles/);
});
