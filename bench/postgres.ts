// A scratch schema in the bench's PostgreSQL database (SITREP_BENCH_DATABASE_URL), so a run
// starts empty and leaves nothing behind.
import { spawnSync } from 'node:child_process';

export interface ScratchSchema {
  name: string;
  /** The database URL with the schema as its search path. */
  url: string;
  drop(): void;
}

export function scratchSchema(database: string, name: string): ScratchSchema {
  spawnSync('psql', [database, '-qc', `CREATE SCHEMA ${name}`], { encoding: 'utf8' });
  const url = new URL(database);
  url.searchParams.set('options', `-c search_path=${name}`);
  return { name, url: url.toString(), drop: () => void spawnSync('psql', [database, '-qc', `DROP SCHEMA ${name} CASCADE`], { encoding: 'utf8' }) };
}
