// The scale bench's resumable build: the same articles whatever the chunks, a record that
// counts pauses apart from running time, and a build stopped in the middle of a chunk that
// goes on where it stopped with every article stored once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { openStore } from '../src/store/index.js';
import { CLI } from './corpus.js';
import { articleAt, postgresDialect, runScale, sqliteDialect, waitForQuiet, writeArticles, type ScaleDialect, type Sources } from './scale.js';
import { PAUSE_GAP_SECONDS, TICK_SECONDS, readState, tickShare, writeState } from './scale-state.js';

const src: Sources = {
  pieces: [
    { template: 'Forces of \u0000A\u0000 shelled \u0000P\u0000 on Monday, killing five civilians.', slots: ['A', 'P'] },
    { template: 'The \u0000A\u0000 said talks in \u0000P\u0000 would resume next week.', slots: ['A', 'P'] },
    { template: 'Aid workers reached the town after a long siege.', slots: [] },
    { template: 'Protesters gathered in \u0000P\u0000 to demand the release of prisoners.', slots: ['P'] },
  ],
  actors: ['Syrian government', 'Turkish army', 'United Nations', 'Russian air force'],
  places: ['Aleppo', 'Homs', 'Idlib', 'Damascus', 'Raqqa'],
};

test('an article is the same whatever chunk writes it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-scale-test-'));
  try {
    await writeArticles(join(dir, 'all.jsonl'), 30, 0, src);
    await writeArticles(join(dir, 'a.jsonl'), 10, 0, src);
    await writeArticles(join(dir, 'b.jsonl'), 20, 10, src);
    const read = (f: string) => readFileSync(join(dir, f), 'utf8');
    assert.equal(read('a.jsonl') + read('b.jsonl'), read('all.jsonl'));
    assert.deepEqual(articleAt(17, src), JSON.parse(read('all.jsonl').split('\n')[17]!));
    assert.notEqual(articleAt(1, src).text, articleAt(2, src).text);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a long gap between ticks counts as paused, not as running', () => {
  assert.deepEqual(tickShare(TICK_SECONDS, 1.5), { wallSeconds: TICK_SECONDS, pausedSeconds: 0, loadSeconds: TICK_SECONDS * 1.5 });
  const late = tickShare(PAUSE_GAP_SECONDS - 1, 1);
  assert.equal(late.wallSeconds, PAUSE_GAP_SECONDS - 1, 'a late tick (a busy machine) is still running time');
  assert.equal(late.pausedSeconds, 0);
  const stopped = tickShare(300, 2);
  assert.equal(stopped.wallSeconds, TICK_SECONDS);
  assert.equal(stopped.pausedSeconds, 300 - TICK_SECONDS);
  assert.equal(stopped.loadSeconds, TICK_SECONDS * 2);
});

test('a checkpoint waits for the load to fall, for a while at most', async () => {
  const loads = [3, 2.5, 1.2, 0.5];
  const slept: number[] = [];
  const sleep = async (s: number) => void slept.push(s);
  assert.equal(await waitForQuiet(1.5, 600, () => loads.shift()!, 15, sleep), 30);
  assert.deepEqual(slept, [15, 15]);
  assert.equal(await waitForQuiet(1.5, 40, () => 9, 15, sleep), 40, 'it gives up after the most it may wait');
  assert.equal(await waitForQuiet(1.5, 40, () => 0.2, 15, sleep), 0);
});

const pgUrl = process.env.SITREP_TEST_DATABASE_URL;
const builds: [string, ((dir: string) => ScaleDialect & { reset(again?: boolean): void }) | null][] = [
  ['SQLite', (dir) => sqliteDialect(dir)],
  ['PostgreSQL', pgUrl ? () => postgresDialect(pgUrl, `t_scale_${randomBytes(6).toString('hex')}`) : null],
];

for (const [name, make] of builds) {
  test(`a build stopped in the middle of a chunk goes on where it stopped, every article stored once, its costs added up (${name})`, { skip: make ? false : 'SITREP_TEST_DATABASE_URL is not set' }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-scale-test-'));
    const dialect = make!(dir);
    const run = { dir, dialect, src, target: 12, chunk: 4, checkpoints: [4, 12], workers: 1, samples: 3, commit: 'test' };
    try {
      // A first session of one chunk.
      let state = await runScale({ ...run, maxChunks: 1 });
      assert.equal(state.next, 4);
      assert.equal(state.sessions.length, 1);
      assert.deepEqual(state.checkpoints.map((c) => c.articles), [4]);
      assert.equal(state.checkpoints[0]!.stored.articles, 4);
      assert.ok(state.totals.cpuSeconds > 0, 'the ingest CPU time is counted');
      assert.ok(state.totals.wallSeconds > 0);
      const firstCpu = state.totals.cpuSeconds;

      // A second one killed in the middle of the next chunk: two of its articles stored, the
      // record saying the chunk was under way (by an ingest that has since died).
      await writeArticles(join(dir, 'part.jsonl'), 2, 4, src);
      const r = spawnSync(process.execPath, [CLI, 'ingest', join(dir, 'part.jsonl'), ...dialect.args, '--quiet'], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const file = join(dir, `${dialect.key}.state.json`);
      writeState(file, { ...readState(file)!, running: { from: 4, to: 8, pid: 2 ** 22 + 1 } });

      // Another run refuses to start while one holds the lock…
      writeFileSync(join(dir, `${dialect.key}.lock`), String(process.ppid));
      await assert.rejects(runScale(run), /another run/);
      rmSync(join(dir, `${dialect.key}.lock`));

      // …and without it goes on from article 4 to the end.
      state = await runScale(run);
      assert.equal(state.next, 12);
      assert.equal(state.redone, 1);
      assert.equal(state.sessions.length, 2);
      assert.deepEqual(state.sessions.map((s) => [s.from, s.to]), [[0, 4], [4, 12]]);
      assert.equal(state.unchanged, 2, 'the two articles stored before the stop are found, not stored again');
      assert.equal(state.ingested, 10);
      assert.ok(state.totals.cpuSeconds > firstCpu, 'the costs of the sessions add up');
      assert.deepEqual(state.checkpoints.map((c) => c.articles), [4, 12]);
      assert.equal(state.running, undefined);
      const store = await openStore(dialect.options);
      try {
        assert.equal((await store.counts()).articles, 12);
      } finally {
        await store.close();
      }
      assert.deepEqual(readState(file), state, 'the record on disk is the one returned');
    } finally {
      if (dialect.key === 'postgres') dialect.reset(false);
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
