// Terminal plumbing for the CLI: writing to stdout with back-pressure, a progress bar that
// shows only on a terminal, and the exit codes of INTERFACE.md.
import cliProgress from 'cli-progress';

export const EXIT_OK = 0;
export const EXIT_REJECTED = 1;
export const EXIT_USAGE = 2;

/** A usage mistake (bad flag value, missing file): exit code 2. */
export class UsageError extends Error {}

/** Writes to stdout, waiting when the pipe is full; a closed pipe (`| head`) ends quietly. */
export async function write(chunk: string): Promise<void> {
  if (!process.stdout.write(chunk)) {
    await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  }
}

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(EXIT_OK);
  throw e;
});

export interface Progress {
  tick(label: string): void;
  stop(): void;
}

/** A progress bar on stderr when it is a terminal; silent otherwise (pipes, CI). */
export function progress(total: number, what: string): Progress {
  if (!process.stderr.isTTY || total < 2) return { tick() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${what} [{bar}] {value}/{total} {label}`, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { label: '' });
  return {
    tick: (label) => bar.increment(1, { label: label.length > 40 ? '…' + label.slice(-39) : label }),
    stop: () => bar.stop(),
  };
}
