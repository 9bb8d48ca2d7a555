// What an evaluator hands back to eval/run.ts: rows of the one results table.

export interface Row {
  metric: string;
  set: string;
  value: string;
  /** A published or reference figure to read the value against; "—" when there is none. */
  anchor: string;
}

export interface Evaluator {
  name: string;
  /** `dataDir` is the shared data folder (`../shared/data` from the repository). */
  run(dataDir: string): Promise<Row[]>;
}

export const fmt = (x: number, digits = 3): string => x.toFixed(digits);
