// Runs every compiled test file (dist/**/*.test.js) with Node's own test runner.
// Node 20's `--test` takes no globs, so the files are listed here.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) find(path, out);
    // Skip compiled tests whose source is gone (tsc does not delete stale output).
    else if (name.endsWith('.test.js') && existsSync(path.slice('dist/'.length).replace(/\.js$/, '.ts'))) out.push(path);
  }
  return out;
}

const files = find('dist').sort();
if (files.length === 0) {
  console.error('no test files under dist/: run the build first');
  process.exit(1);
}
const run = spawnSync(process.execPath, ['--test', ...process.argv.slice(2), ...files], { stdio: 'inherit' });
process.exit(run.status ?? 1);
