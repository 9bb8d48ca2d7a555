// Events on the five seeds: precision, recall, F1 under the matching rule of EVENTS.md,
// and per-field accuracy on matched events. The full pipeline runs on each raw seed text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventMention } from '../src/model/index.js';
import { docOf, loadKnowledge, runStages } from '../src/analyze/index.js';
import { km } from '../src/analyze/places/index.js';
import { inferPublication } from '../src/analyze/times/index.js';
import { compatible } from '../src/model/actors.js';
import { fmt, type Evaluator, type Row } from './common.js';

export { compatible };

interface GoldActor { id: string; text?: string; role?: string }
interface GoldEvent {
  id: string; type: string; mode?: string; actor?: GoldActor | null; recipient?: GoldActor | null;
  place?: { lat: number; lon: number } | null; date?: { start: string; end: string } | null;
  status?: string; killed?: { min: number } | null; injured?: { min: number } | null; source?: GoldActor | null; optional?: boolean;
}
interface GoldFile { published?: { date?: string }; events: GoldEvent[] }

/** Person id -> role, from the gold file's persons and its new_ids notes "(role X)". */
function roles(gold: Record<string, unknown>): Map<string, string> {
  const m = new Map<string, string>();
  for (const [k, v] of Object.entries(gold)) {
    if (k === 'new_ids' && v && typeof v === 'object') for (const [id, note] of Object.entries(v)) {
      const r = /\(role ([A-Z.]+)\)/.exec(String(note)); if (r) m.set(id, r[1]!);
    }
    if (k.startsWith('_') || !v || typeof v !== 'object' || !('events' in v)) continue;
    for (const e of (v as GoldFile).events) for (const a of [e.actor, e.recipient, e.source]) if (a?.role) m.set(a.id, a.role);
  }
  return m;
}


function matches(s: EventMention, g: GoldEvent, role: Map<string, string>): boolean {
  if (s.type !== g.type) return false;
  const sa = s.actor?.id, sr = s.recipient?.id, ga = g.actor?.id, gr = g.recipient?.id;
  const ok = (x?: string, y?: string) => (y ? compatible(x, y, role) : true);
  let roleOk = ok(sa, ga) && ok(sr, gr);
  if (!roleOk && (g.type === 'CONSULT' || g.type === 'AGREE')) roleOk = ok(sr, ga) && ok(sa, gr);
  if (!roleOk) return false;
  if (g.place && s.place && km(g.place.lat, g.place.lon, s.place.lat, s.place.lon) > 50) return false;
  if (g.place && !s.place) return false;
  if (g.date && s.date && (s.date.end < g.date.start || s.date.start > g.date.end)) return false;
  return true;
}

/** Per-field agreement of a matched pair (the field accuracies the evaluation prints). */
function fieldsAgree(s: EventMention, ge: GoldEvent, role: Map<string, string>): Record<string, boolean> {
  return {
    mode: (ge.mode ?? '') === s.mode,
    status: (ge.status ?? 'occurred') === s.status,
    killed: (ge.killed?.min ?? null) === (s.killed?.min ?? null),
    injured: (ge.injured?.min ?? null) === (s.injured?.min ?? null),
    source: ge.source ? compatible(s.source?.id, ge.source.id, role) : !s.source,
    place: !ge.place || (!!s.place && km(ge.place.lat, ge.place.lon, s.place.lat, s.place.lon) <= 50),
    date: !ge.date || (!!s.date && !(s.date.end < ge.date.start || s.date.start > ge.date.end)),
  };
}

/**
 * One-to-one matching of system events to gold events (EVENTS.md's rule decides which pairs
 * may match): as many required gold events as possible are matched first, then optional ones
 * with the system events left (augmenting paths, so the order of the system's output does not
 * decide which gold event a mention takes; among fitting mentions the one agreeing on more
 * fields is tried first). Returns system index -> gold index.
 */
export function assign(sys: EventMention[], gold: GoldEvent[], role: Map<string, string>): Map<number, number> {
  const ok = sys.map((s) => gold.map((ge) => matches(s, ge, role)));
  // among the mentions a gold event may take, the one agreeing on most fields is tried first
  const agree = (s: EventMention, ge: GoldEvent) => Object.values(fieldsAgree(s, ge, role)).filter(Boolean).length;
  const order = gold.map((ge) => sys.map((_, i) => i).sort((a, b) => agree(sys[b]!, ge) - agree(sys[a]!, ge)));
  const goldOf = new Map<number, number>(); // sys -> gold
  const tryGold = (gi: number, seen: Set<number>): boolean => {
    for (const si of order[gi]!) {
      if (!ok[si]![gi] || seen.has(si)) continue;
      seen.add(si);
      const other = goldOf.get(si);
      if (other === undefined || tryGold(other, seen)) { goldOf.set(si, gi); return true; }
    }
    return false;
  };
  // required gold events first; an optional one may only take a system event left free
  for (let gi = 0; gi < gold.length; gi++) if (!gold[gi]!.optional) tryGold(gi, new Set());
  for (let gi = 0; gi < gold.length; gi++) {
    if (!gold[gi]!.optional) continue;
    const si = order[gi]!.find((i) => ok[i]![gi] && !goldOf.has(i));
    if (si !== undefined) { goldOf.set(si, gi); }
  }
  return goldOf;
}

export async function scoreSeeds(dataDir: string, strict: boolean) {
  const goldAll = JSON.parse(readFileSync(join(dataDir, 'gold', 'seeds.events.json'), 'utf8')) as Record<string, unknown>;
  const role = roles(goldAll);
  const kn = loadKnowledge();
  let tp = 0, sys = 0, goldReq = 0, hitReq = 0;
  const field: Record<string, [number, number]> = {};
  const tally = (f: string, ok: boolean) => { const c = (field[f] ??= [0, 0]); c[0] += ok ? 1 : 0; c[1]++; };
  const perSeed: string[] = [];
  for (const [file, v] of Object.entries(goldAll)) {
    if (file.startsWith('_') || !v || typeof v !== 'object' || !('events' in v)) continue;
    const g = v as GoldFile;
    const text = readFileSync(join(dataDir, 'seeds', file), 'utf8');
    // (as in eval/times.ts: the text's own evidence, bounded by today as the crawl date)
    const published = strict ? (inferPublication(text, { notAfter: new Date().toISOString().slice(0, 10) })?.date ?? null) : (g.published?.date ?? null);
    const { events } = runStages(docOf(text, { published: published }), kn);
    const pairs = assign(events, g.events, role);
    const used = new Set(pairs.values());
    let fileTp = 0;
    for (const [si, gi] of pairs) {
      const s = events[si]!;
      {
        fileTp++;
        const ge = g.events[gi]!;
        for (const [f, yes] of Object.entries(fieldsAgree(s, ge, role))) tally(f, yes);
        if (!ge.optional) hitReq++;
      }
    }
    // a system event matching only gold events already taken is a duplicate: counted as spurious
    if (process.env['SITREP_EVAL_VERBOSE'] === 'events' && !strict) {
      const show = (e: { type: string; mode?: string; actor?: { id: string } | null; recipient?: { id: string } | null; status?: string; killed?: { min: number } | null }) =>
        `${e.type}/${e.mode ?? ''} ${e.actor?.id ?? '-'} -> ${e.recipient?.id ?? '-'} ${e.status ?? ''} k=${e.killed?.min ?? ''}`;
      console.log(`== ${file}`);
      for (const s of events) console.log(`  sys ${g.events.some((ge) => matches(s, ge, role)) ? '+' : ' '} ${show(s)} ${s.date?.start ?? ''} ${s.place?.name ?? ''} | ${text.slice(s.evidence.start, s.evidence.end).slice(0, 110).replace(/\n/g, ' ')}`);
      g.events.forEach((ge, i) => console.log(`  gold ${used.has(i) ? '+' : ge.optional ? 'o' : '!'} ${ge.id} ${show(ge)} ${ge.date?.start ?? ''}`));
    }
    tp += fileTp; sys += events.length;
    goldReq += g.events.filter((e) => !e.optional).length;
    perSeed.push(`${file.slice(0, 3)}: sys ${events.length} tp ${fileTp} gold ${g.events.length}`);
  }
  const p = sys ? tp / sys : 0, r = goldReq ? hitReq / goldReq : 0, f = p + r ? (2 * p * r) / (p + r) : 0;
  return { p, r, f, field, sys, tp, goldReq, hitReq, perSeed };
}

export const eventsEval: Evaluator = {
  name: 'events',
  async run(dataDir: string): Promise<Row[]> {
    const rows: Row[] = [];
    for (const strict of [false, true]) {
      const s = await scoreSeeds(dataDir, strict);
      const set = strict ? 'seeds (inferred date)' : 'seeds (gold date)';
      rows.push({ metric: 'events precision', set, value: `${fmt(s.p)} (${s.tp}/${s.sys})`, anchor: 'target 0.85' });
      rows.push({ metric: 'events recall (non-optional)', set, value: `${fmt(s.r)} (${s.hitReq}/${s.goldReq})`, anchor: 'target 0.85' });
      rows.push({ metric: 'events F1', set, value: fmt(s.f), anchor: 'CLEF 2019 protest events 0.53' });
      for (const [k, [a, n]] of Object.entries(s.field)) rows.push({ metric: `events ${k} accuracy (matched)`, set, value: `${fmt(n ? a / n : 0)} (${a}/${n})`, anchor: 'target 0.9' });
    }
    return rows;
  },
};
