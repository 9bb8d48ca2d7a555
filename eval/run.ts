// `npm run eval`: runs every evaluator on the DEV sets in ../shared/data and prints one
// table (metric | set | value | anchor). A stage adds its scores by adding an Evaluator
// to EVALUATORS.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aebExtraction, wcxbExtraction } from './extraction.js';
import type { Evaluator, Row } from './types.js';

const EVALUATORS: Evaluator[] = [aebExtraction, wcxbExtraction];

/** SITREP_DATA, else ../shared/data next to the repository (this file runs from dist/eval/). */
function dataDir(): string {
  if (process.env['SITREP_DATA']) return resolve(process.env['SITREP_DATA']);
  return fileURLToPath(new URL('../../../shared/data', import.meta.url));
}

function formatTable(rows: Row[]): string {
  const head: Row = { metric: 'metric', set: 'set', value: 'value', anchor: 'anchor' };
  const cols = ['metric', 'set', 'value', 'anchor'] as const;
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(...[head, ...rows].map((r) => r[c].length))])) as Record<(typeof cols)[number], number>;
  const line = (r: Row) => cols.map((c) => (c === 'value' ? r[c].padStart(width[c]) : r[c].padEnd(width[c]))).join(' | ').trimEnd();
  const rule = cols.map((c) => '-'.repeat(width[c])).join('-|-');
  return [line(head), rule, ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const dir = dataDir();
  if (!existsSync(dir)) {
    console.log(`eval: shared data not found at ${dir} (set SITREP_DATA to its location); nothing to score.`);
    return;
  }
  const rows: Row[] = [];
  for (const ev of EVALUATORS) {
    const t0 = process.hrtime.bigint();
    try {
      rows.push(...(await ev.run(dir)));
    } catch (e) {
      rows.push({ metric: `error: ${(e as Error).message}`, set: ev.name, value: '—', anchor: '—' });
    }
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    console.log(`${ev.name}: ${s.toFixed(1)} s`);
  }
  console.log('');
  console.log(formatTable(rows));
}

await main();
