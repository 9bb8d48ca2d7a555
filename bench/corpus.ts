// The real articles the benches feed to `sitrep ingest`: the Guardian sample of
// ../shared/data, read through the CSV ingest adapter and copied until there are enough,
// each copy made distinct so that none is skipped as already stored.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { streamCsv } from '../src/ingest/archives.js';
import type { RawDocument } from '../src/model/index.js';

/** The `sitrep` command line, built. */
export const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));

/** Every document of a CSV of the shared data that reads. */
export async function readDocs(path: string): Promise<RawDocument[]> {
  const docs: RawDocument[] = [];
  for await (const item of streamCsv(path)) if (item.ok) docs.push(item.doc);
  return docs;
}

/**
 * `count` distinct copies of the Guardian sample's articles written to `file` as JSONL;
 * null when the sample is not in `data`.
 */
export async function writeGuardianJsonl(data: string, file: string, count: number): Promise<{ count: number; bytes: number } | null> {
  const path = join(data, 'unlabeled', 'guardian_sdf_sample.csv');
  if (!existsSync(path)) return null;
  const guardian = await readDocs(path);
  const lines = Array.from({ length: count }, (_, i) => {
    const d = guardian[i % guardian.length]!;
    return JSON.stringify({ id: `${d.sourceId}/${i}`, text: `${d.content}\n\nCopy ${i}.`, ...(d.published ? { published: d.published } : {}) });
  });
  const body = lines.join('\n') + '\n';
  writeFileSync(file, body);
  return { count, bytes: Buffer.byteLength(body) };
}
