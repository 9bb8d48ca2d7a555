// `npm run eval`: runs every evaluator on the DEV sets in ../shared/data and prints one
// table (metric | set | value | anchor). A stage adds its scores by adding an Evaluator
// (a module in eval/ returning rows) to EVALUATORS.
import { existsSync } from 'node:fs';
import { dataDir, formatTable, type Evaluator, type Row } from './common.js';
import { aebExtraction, wcxbExtraction } from './extraction.js';

const EVALUATORS: Evaluator[] = [aebExtraction, wcxbExtraction];

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
    console.log(`${ev.name}: ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s`);
  }
  console.log('');
  console.log(formatTable(['metric', 'set', 'value', 'anchor'], rows.map((r) => [r.metric, r.set, r.value, r.anchor]), [2]));
}

await main();
