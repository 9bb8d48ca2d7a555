// The dialects store tests run against: SQLite always, PostgreSQL when
// SITREP_TEST_DATABASE_URL names a server (each test in a schema of its own).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgresStore, openSqliteStore, type Store } from './index.js';

const pgUrl = process.env.SITREP_TEST_DATABASE_URL;

export interface Dialect {
  name: string;
  skip: string | false;
  open(): Promise<{ store: Store; dispose(): Promise<void> }>;
}

export const dialects: Dialect[] = [
  {
    name: 'sqlite',
    skip: false,
    async open() {
      return { store: await openSqliteStore(':memory:'), dispose: async () => {} };
    },
  },
  {
    name: 'postgres',
    skip: pgUrl ? false : 'PostgreSQL store tests skipped: SITREP_TEST_DATABASE_URL is not set (.ci/run sets it)',
    async open() {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      const url = new URL(pgUrl!);
      url.searchParams.set('options', `-c search_path=${schema}`);
      const store = await openPostgresStore(url.toString());
      return {
        store,
        async dispose() {
          await admin.query(`DROP SCHEMA ${schema} CASCADE`);
          await admin.end();
        },
      };
    },
  },
];


/** Runs `fn` on a fresh store of the dialect, closed and cleared afterwards. */
export async function withDialectStore(dialect: Dialect, fn: (s: Store) => Promise<void>): Promise<void> {
  const { store, dispose } = await dialect.open();
  try {
    await fn(store);
  } finally {
    await store.close();
    await dispose();
  }
}
