// One pipeline thread (see ./threads.ts): loads the knowledge once (and, for an ingestor,
// opens its own connection to the store), then extracts, analyses and maybe stores each
// document it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { analyze, loadKnowledge } from '../analyze/index.js';
import { extractDocument } from '../extract/index.js';
import type { RawDocument, Result } from '../model/index.js';
import { openStore, type StoreOptions } from '../store/index.js';

const knowledge = loadKnowledge();
const storeOptions = (workerData as { store?: StoreOptions } | null)?.store;
// Writers on SQLite take turns: each save begins with BEGIN IMMEDIATE (src/store).
const store = storeOptions ? await openStore(storeOptions) : null;
parentPort!.postMessage({ ready: true });

parentPort!.on('message', async ({ raw }: { raw: RawDocument }) => {
  parentPort!.postMessage({ result: await handle(raw) });
});

async function handle(raw: RawDocument): Promise<Result<unknown>> {
  try {
    const article = extractDocument(raw);
    if (!article.ok) return article;
    if (!store) return { ok: true, value: analyze(article.value, knowledge) };
    // Text already stored is not analysed again: a resumed batch skips ahead quickly.
    const existing = await store.findByHash(article.value.contentHash);
    if (existing !== null) return { ok: true, value: { status: 'unchanged', articleId: existing } };
    const analysed = analyze(article.value, knowledge);
    parentPort!.postMessage({ analysed: true });
    try {
      return { ok: true, value: await store.save(analysed) };
    } catch (e) {
      return { ok: false, error: `could not be stored: ${(e as Error).message}` };
    }
  } catch (e) {
    return { ok: false, error: `analysis failed: ${(e as Error).message}` };
  }
}
