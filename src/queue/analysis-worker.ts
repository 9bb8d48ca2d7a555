// One pipeline thread (see ./threads.ts): loads the knowledge once (and, for an ingestor,
// opens its own connection to the store), then extracts, analyses and maybe stores each
// document it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { loadKnowledge } from '../analyze/index.js';
import type { RawDocument, Result } from '../model/index.js';
import { processDocument } from '../pipeline.js';
import { openStore, type StoreOptions } from '../store/index.js';

const knowledge = loadKnowledge();
const storeOptions = (workerData as { store?: StoreOptions } | null)?.store;
// Writers on SQLite take turns: each save begins with BEGIN IMMEDIATE (src/store).
const store = storeOptions ? await openStore(storeOptions) : null;
parentPort!.postMessage({ ready: true });

parentPort!.on('message', async ({ raw }: { raw: RawDocument }) => {
  let result: Result<unknown>;
  try {
    result = processDocument(raw, knowledge);
  } catch (e) {
    result = { ok: false, error: `analysis failed: ${(e as Error).message}` };
  }
  if (store && result.ok) {
    parentPort!.postMessage({ analysed: true });
    try {
      result = { ok: true, value: await store.save(result.value as never) };
    } catch (e) {
      result = { ok: false, error: `could not be stored: ${(e as Error).message}` };
    }
  }
  parentPort!.postMessage({ result });
});
