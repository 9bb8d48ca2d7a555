// A stand-in analysis thread for the pool's tests: it hangs, crashes or answers as the
// document's content says, and fails to start when SITREP_FIXTURE_BROKEN is set.
import { parentPort, workerData } from 'node:worker_threads';

if ((workerData as { broken?: boolean } | undefined)?.broken || process.env.SITREP_FIXTURE_BROKEN) throw new Error('cannot load knowledge');
parentPort!.postMessage({ ready: true });
parentPort!.on('message', ({ id, raw }: { id: number; raw: { content: string } }) => {
  parentPort!.postMessage({ started: id });
  if (raw.content === 'hang') for (;;);
  if (raw.content === 'crash') process.exit(3);
  parentPort!.postMessage({ analysed: id });
  parentPort!.postMessage({ id, result: { ok: true, value: { echoed: raw.content } } });
});
