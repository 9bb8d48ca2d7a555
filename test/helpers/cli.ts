// The `sitrep` command as the seed tests run it: the built CLI in a child process, on a
// database the test names (never the user's $SITREP_DB), and the real seeds read from
// ../shared/data at test time (never copied into the repository).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = join(root, 'dist/src/cli/main.js');

export const seeds = fileURLToPath(new URL('../../../../shared/data/seeds/', import.meta.url));
/** The reason to skip a seed test, or false when the seeds are there. */
export const skipWithoutSeeds = !existsSync(seeds) && 'no ../shared/data/seeds';

export function sitrep(args: string[]) {
  const env = { ...process.env };
  delete env.SITREP_DB;
  delete env.SITREP_DATABASE_URL;
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root, env, maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A fresh database file in a new temporary folder. */
export const tempDb = (prefix: string) => join(mkdtempSync(join(tmpdir(), `sitrep-${prefix}-`)), 'test.db');

/** The seed number of a seed file's sourceId ("000"), else the sourceId. */
export const seedOf = (sourceId: string) => /(\d{3})_[0-9a-f]+\.txt$/.exec(sourceId)?.[1] ?? sourceId;
