// One analysis thread: loads the knowledge once, then extracts and analyses each document
// it is sent (see ./threads.ts).
import { parentPort } from 'node:worker_threads';
import { loadKnowledge } from '../analyze/index.js';
import type { RawDocument } from '../model/index.js';
import { processDocument } from '../pipeline.js';

const knowledge = loadKnowledge();
parentPort!.postMessage({ ready: true });
parentPort!.on('message', ({ raw }: { raw: RawDocument }) => {
  let result;
  try {
    result = processDocument(raw, knowledge);
  } catch (e) {
    result = { ok: false, error: `analysis failed: ${(e as Error).message}` };
  }
  parentPort!.postMessage({ result });
});
