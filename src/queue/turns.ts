// A lock shared by the threads of one pool (a SharedArrayBuffer), so that their writes to
// one SQLite file take turns: a thread waiting for the turn wakes the moment the other gives
// it up, where SQLite's busy handler would sleep in steps of up to 100 ms. Across processes,
// BEGIN IMMEDIATE and the busy handler still keep writers apart.

// Atomics.waitAsync (Node 16+) is in the ES2024 library, past this project's target.
const waitAsync = (Atomics as unknown as {
  waitAsync(cell: Int32Array, index: number, value: number): { async: false; value: string } | { async: true; value: Promise<string> };
}).waitAsync;

const FREE = 0;
const TAKEN = 1;

export class WriteTurns {
  private readonly cell: Int32Array;

  /** `shared`: from `WriteTurns.shared()`, the same for every thread that takes turns. */
  constructor(shared: SharedArrayBuffer) {
    this.cell = new Int32Array(shared);
  }

  static shared(): SharedArrayBuffer {
    return new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  }

  /** Waits (without blocking the thread's event loop) until this thread has the turn. */
  async take(): Promise<void> {
    while (Atomics.compareExchange(this.cell, 0, FREE, TAKEN) !== FREE) {
      const wait = waitAsync(this.cell, 0, TAKEN);
      if (wait.async) await wait.value;
    }
  }

  /** Takes the turn if it is free now; else false at once. */
  tryTake(): boolean {
    return Atomics.compareExchange(this.cell, 0, FREE, TAKEN) === FREE;
  }

  give(): void {
    Atomics.store(this.cell, 0, FREE);
    Atomics.notify(this.cell, 0, 1);
  }
}
