// The scale bench's record of a build that may take several sessions (bench/scale.ts): how
// far it got, and what it cost while it ran, saved as JSON beside the store so that a
// stopped run continues at the next article and the figure can be completed over several
// sessions and reported as such.
//
// Time is counted by a clock that ticks every few seconds while an ingest runs. A gap between
// two ticks much longer than the tick is a pause (the process group stopped with SIGSTOP and
// resumed with SIGCONT, or the machine suspended): it counts as paused, not as running. Time
// between sessions (nothing running) is counted nowhere. CPU time is the ingest processes'
// own (user + system, all their threads), read from /proc.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export interface Accounting {
  /** Wall time while an ingest ran and was not paused. */
  wallSeconds: number;
  /** CPU time (user + system) of the ingest processes. */
  cpuSeconds: number;
  /** Wall time an ingest was stopped (gaps between ticks). */
  pausedSeconds: number;
  /** The 1-minute load average times the running seconds, summed: over wallSeconds, the mean load. */
  loadSeconds: number;
}

export const zero = (): Accounting => ({ wallSeconds: 0, cpuSeconds: 0, pausedSeconds: 0, loadSeconds: 0 });

export function add(a: Accounting, b: Partial<Accounting>): void {
  a.wallSeconds += b.wallSeconds ?? 0;
  a.cpuSeconds += b.cpuSeconds ?? 0;
  a.pausedSeconds += b.pausedSeconds ?? 0;
  a.loadSeconds += b.loadSeconds ?? 0;
}

/** Seconds between two ticks of the clock. */
export const TICK_SECONDS = 2;
/** A gap between ticks longer than this is a pause: all of it but one tick. */
export const PAUSE_GAP_SECONDS = 10;

/** What a gap of `gap` seconds between two ticks adds, at load `load`. */
export function tickShare(gap: number, load: number, tick = TICK_SECONDS, pauseGap = PAUSE_GAP_SECONDS): Partial<Accounting> {
  const running = gap > pauseGap ? tick : gap;
  return { wallSeconds: running, pausedSeconds: gap - running, loadSeconds: running * load };
}

export interface Latency {
  p50: number;
  p95: number;
}

export interface Checkpoint {
  /** Articles generated and ingested so far (the next one is this number). */
  articles: number;
  /** What the store holds (a generated text may be refused, so a few less). */
  stored: { articles: number; events: number };
  bytes: number;
  /** When the queries were measured, and the 1-minute load average then. */
  at: string;
  load: number;
  /** Seconds waited for the load to fall before measuring (BENCH_SCALE_QUIET). */
  waitedSeconds?: number;
  /** The ingest's totals when the checkpoint was reached. */
  ingest: Accounting;
  queries: Record<string, Latency>;
}

export interface Session {
  started: string;
  /** Last saved (the end, if it ended cleanly). */
  lastSeen: string;
  /** The code that ran (git commit), when known. */
  commit: string;
  from: number;
  to: number;
  accounting: Accounting;
}

export interface ScaleState {
  version: 1;
  dialect: string;
  /** corpusFingerprint of the generator's sources: a resumed run must generate the same articles. */
  corpus: string;
  /** Every article below this one is ingested (its chunk ended). */
  next: number;
  /** Everything spent on ingests, sessions and chunks redone after a stop included. */
  totals: Accounting;
  /** CPU time the bench process spent writing the chunks' articles (not in totals). */
  generationCpuSeconds: number;
  /** The chunk under way when last saved: a run that finds one redoes it (stored articles are skipped). */
  running?: { from: number; to: number; pid: number };
  sessions: Session[];
  checkpoints: Checkpoint[];
  /** Chunks begun again after a stop in their middle. */
  redone: number;
  /** What the ingests said: stored, found already stored (a chunk begun again), refused. */
  ingested?: number;
  unchanged?: number;
  rejected?: number;
  /** Where the generator's sources changed (allowed with BENCH_SCALE_ACCEPT_NEW_CORPUS=1). */
  corpusChanges?: { at: number; from: string; to: string }[];
}

export function newState(dialect: string, corpus: string): ScaleState {
  return { version: 1, dialect, corpus, next: 0, totals: zero(), generationCpuSeconds: 0, sessions: [], checkpoints: [], redone: 0 };
}

export function readState(file: string): ScaleState | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  return JSON.parse(text) as ScaleState;
}

/** Writes the state whole or not at all (a new file renamed over the old). */
export function writeState(file: string, state: ScaleState): void {
  writeFileSync(`${file}.new`, JSON.stringify(state, null, 1));
  renameSync(`${file}.new`, file);
}

/** CPU seconds (user + system, every thread) of a live process, from /proc; null when gone. */
export function processCpuSeconds(pid: number): number | null {
  try {
    return statCpu(readFileSync(`/proc/${pid}/stat`, 'utf8'), 14);
  } catch {
    return null;
  }
}

/** CPU seconds of this process's children that have ended and been waited for. */
export function childrenCpuSeconds(): number {
  return statCpu(readFileSync('/proc/self/stat', 'utf8'), 16);
}

/** Clock ticks a second (`getconf CLK_TCK`): 100 on Linux. */
const CLOCK_TICKS = 100;

/**
 * Fields `field` and `field + 1` (numbered from 1 as in proc(5): 14 utime and 15 stime, 16
 * cutime and 17 cstime) of a /proc stat line, in seconds. The command name (field 2) may
 * hold spaces, so fields are counted from field 3, after its closing parenthesis.
 */
function statCpu(line: string, field: number): number {
  const fields = line.slice(line.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[field - 3]) + Number(fields[field - 2])) / CLOCK_TICKS;
}

/** Whether a process with this id is alive. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
