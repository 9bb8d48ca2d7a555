// The output guard for performance work: runs the whole analysis over the texts the eval
// and the bench read (FA-KES dev and the Guardian sample through extraction, the five seeds,
// GeoWebNews, LGL and the PLOVER GSR sentences as bare texts) and writes every layer of
// every article to one JSON file, so that two builds can be compared byte for byte:
//   node dist/bench/guard.js /tmp/before.json   (on the untouched build)
//   node dist/bench/guard.js /tmp/after.json && cmp /tmp/before.json /tmp/after.json
// The texts are read from ../shared/data (SITREP_DATA) at run time; none is copied here.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, docOf, loadKnowledge, runStages } from '../src/analyze/index.js';
import { extractDocument } from '../src/extract/index.js';
import { dataDir } from '../eval/common.js';
import { readGwn, readLgl } from '../eval/places.js';
import { readDocs } from './corpus.js';

async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error('usage: node dist/bench/guard.js OUT.json');
  const data = dataDir();
  const knowledge = loadKnowledge();
  const lines: string[] = [];
  const put = (set: string, id: string, value: unknown) => lines.push(JSON.stringify({ set, id, value }));
  const started = process.cpuUsage();

  // through extraction, as the pipeline, the FA-KES eval and the bench read them
  for (const [set, path] of [['fakes', join(data, 'fakes', 'fakes-dev.csv')], ['guardian', join(data, 'unlabeled', 'guardian_sdf_sample.csv')]] as const) {
    if (!existsSync(path)) continue;
    for (const doc of await readDocs(path)) {
      const got = extractDocument(doc);
      if (!got.ok) { put(set, doc.sourceId, 'not extracted'); continue; }
      const a = analyze(got.value, knowledge);
      put(set, doc.sourceId, { ...a, article: undefined });
    }
  }
  // bare texts, as the seeds, places and PLOVER evals run the stages
  const bare = (set: string, id: string, text: string, published: string | null) => {
    const { doc, events } = runStages(docOf(text, { published }), knowledge);
    put(set, id, { sentences: doc.sentences, entities: doc.entities, attributions: doc.attributions, places: doc.places, times: doc.times, quantities: doc.quantities, events });
  };
  const goldPath = join(data, 'gold', 'seeds.events.json');
  if (existsSync(goldPath)) {
    const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as Record<string, { published?: { date?: string } }>;
    for (const [file, v] of Object.entries(gold)) {
      if (file.startsWith('_') || !file.endsWith('.txt')) continue;
      const text = readFileSync(join(data, 'seeds', file), 'utf8');
      bare('seeds', file, text, v.published?.date ?? null);
      bare('seeds-undated', file, text, null);
    }
  }
  for (const [set, path, read] of [['gwn', join(data, 'geo', 'GWN.xml'), readGwn], ['lgl', join(data, 'geo', 'lgl.xml'), readLgl]] as const) {
    if (!existsSync(path)) continue;
    for (const a of read(path)) bare(set, a.id, a.text, null);
  }
  const gsrPath = join(data, 'events', 'PLOVER_GSR_CAMEO.txt');
  if (existsSync(gsrPath)) {
    const records = JSON.parse(readFileSync(gsrPath, 'utf8')) as { id: string; event: string; text?: string }[];
    for (const r of records) if (r.event !== 'DOCUMENT' && r.text) bare('plover', r.id, r.text, '2000-01-01');
  }
  const cpu = process.cpuUsage(started);
  writeFileSync(out, lines.join('\n') + '\n');
  console.log(`${lines.length} articles written to ${out}; analysis CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`);
}

await main();
