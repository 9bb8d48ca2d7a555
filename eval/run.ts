// `npm run eval`: runs every evaluator on the DEV sets in ../shared/data and prints one
// table (metric | set | value | anchor), with the time each evaluator took. A stage adds
// its scores by adding its Evaluator(s) to EVALUATORS; an evaluator that throws becomes
// an error row and the rest still run. Arguments pick evaluators by name prefix.
import { existsSync } from 'node:fs';
import { dataDir, formatTable, type Evaluator, type Row } from './common.js';
import { entityEvaluators } from './entities.js';
import { attributionEval } from './attribution.js';
import { aebExtraction, wcxbExtraction } from './extraction.js';
import { placesEval } from './places.js';
import { timesEvaluation } from './times.js';
import { eventsEval } from './events.js';
import { fakesEvents } from './fakes.js';
import { ploverEval } from './plover.js';
import { storiesEval } from './stories.js';

const EVALUATORS: Evaluator[] = [aebExtraction, wcxbExtraction, ...entityEvaluators, attributionEval, placesEval, timesEvaluation, eventsEval, fakesEvents, ploverEval, storiesEval];

async function main(): Promise<void> {
  const dir = dataDir();
  if (!existsSync(dir)) {
    console.log(`eval: shared data not found at ${dir} (set SITREP_DATA to its location); nothing to score.`);
    return;
  }
  // `npm run eval -- events plover` runs only the evaluators whose names start with a given word.
  const only = process.argv.slice(2);
  const chosen = only.length ? EVALUATORS.filter((e) => only.some((w) => e.name.startsWith(w))) : EVALUATORS;
  const rows: Row[] = [];
  for (const ev of chosen) {
    const t0 = process.hrtime.bigint();
    try {
      rows.push(...(await ev.run(dir)));
    } catch (e) {
      rows.push({ metric: `error: ${(e as Error).message.split('\n')[0]}`, set: ev.name, value: '—', anchor: '—' });
    }
    console.log(`${ev.name}: ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s`);
  }
  console.log('');
  console.log(formatTable(['metric', 'set', 'value', 'anchor'], rows.map((r) => [r.metric, r.set, r.value, r.anchor]), [2]));
}

await main();
