// Distributed ingest through Redis: idempotent enqueueing, failures with reasons, and a
// worker killed mid-batch losing nothing. Needs a Redis server (SITREP_TEST_REDIS_URL).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportsJsonl } from './helpers/reports.js';

const redisUrl = process.env.SITREP_TEST_REDIS_URL;
const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'dist/src/cli/main.js');

function envFor(prefix: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, SITREP_REDIS_URL: redisUrl, SITREP_QUEUE_PREFIX: prefix };
  delete env.SITREP_DB;
  delete env.SITREP_DATABASE_URL;
  return env;
}

function sitrep(prefix: string, args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root, env: envFor(prefix), timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('queue on Redis', { skip: redisUrl ? false : 'Redis queue tests skipped: SITREP_TEST_REDIS_URL is not set (.ci/run sets it)' }, () => {
  test('an input is queued once; a document that cannot be read fails at once with its reason', () => {
    const prefix = `t${randomBytes(4).toString('hex')}`;
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-queue-'));
    const docs = join(dir, 'docs.jsonl');
    writeFileSync(docs, reportsJsonl(5) + JSON.stringify({ id: 'script-only', html: '<script>alert(1)</script>' }) + '\n');
    assert.equal(sitrep(prefix, ['enqueue', docs]).out.trim(), '6 queued, 0 already queued, 0 rejected');
    assert.equal(sitrep(prefix, ['ingest', '--queue', docs]).out.trim(), '0 queued, 6 already queued, 0 rejected');
    const db = join(dir, 'q.db');
    const worker = sitrep(prefix, ['worker', '--db', db, '--exit-when-idle', '--quiet']);
    assert.equal(worker.code, 0, worker.err);
    assert.match(worker.err, /failed script-only: /);
    const status = JSON.parse(sitrep(prefix, ['queue', '--json']).out);
    assert.equal(status.counts.completed, 5);
    assert.equal(status.counts.failed, 1);
    assert.equal(status.failed[0].sourceId, 'script-only');
    assert.equal(status.failed[0].attempts, 1);
    assert.equal(sitrep(prefix, ['articles', '--db', db]).out.trim().split('\n').length, 5);
  });

  test('a worker killed in the middle of a batch loses nothing: every article is stored exactly once', async () => {
    const prefix = `t${randomBytes(4).toString('hex')}`;
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-kill-'));
    const docs = join(dir, 'docs.jsonl');
    const n = 300;
    writeFileSync(docs, reportsJsonl(n));
    assert.equal(sitrep(prefix, ['enqueue', docs]).out.trim(), `${n} queued, 0 already queued, 0 rejected`);
    const db = join(dir, 'k.db');

    const first = spawn(process.execPath, [cli, 'worker', '--db', db, '--lock-ms', '1500', '--concurrency', '4'], { cwd: root, env: envFor(prefix) });
    await new Promise<void>((resolve) => {
      let stored = 0;
      first.stdout.on('data', (chunk: Buffer) => {
        stored += chunk.toString().split('\n').filter((l) => l.startsWith('stored')).length;
        if (stored >= 40 && first.exitCode === null && !first.killed) {
          first.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((resolve) => first.once('exit', resolve));

    const second = sitrep(prefix, ['worker', '--db', db, '--lock-ms', '1500', '--exit-when-idle', '--quiet']);
    assert.equal(second.code, 0, second.err);
    const articles = sitrep(prefix, ['articles', '--json', '--db', db]).out.trim().split('\n').map((l) => JSON.parse(l).sourceId);
    assert.equal(articles.length, n);
    assert.equal(new Set(articles).size, n);
    const status = JSON.parse(sitrep(prefix, ['queue', '--json']).out);
    assert.equal(status.counts.failed, 0);
  });
});
