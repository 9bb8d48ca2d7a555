// Event types on the PLOVER gold standard records (../shared/data/events/PLOVER_GSR_CAMEO.txt):
// 322 single sentences from the CAMEO 1.1b3 manual, each coded with one PLOVER 0.5b1 event.
// The full pipeline runs on each sentence as on an article (as eval/events.ts does); sitrep's
// predicted type is that of its most confident event (ties: the first in the sentence; no
// event counts as wrong) and is compared with the gold type mapped to the current names. A second
// row takes the sentence's first event (text order) instead.
//
// Mapping (GSR 0.5b1 -> 2021 PLOVER), derived from CAMEO2PLOVER-2021.txt:
//   - names still in the 2021 table (AGREE, CONSULT, SUPPORT, COOPERATE, AID, CONCEDE, REJECT,
//     THREATEN, PROTEST, MOBILIZE, SANCTION, COERCE, ASSAULT, RETREAT) are kept as they are;
//   - the four 0.5 names that were dropped are the CAMEO root categories of the same name
//     (CAMEO 09 INVESTIGATE, 10 DEMAND, 11 DISAPPROVE, 19 FIGHT); each takes the type and mode
//     the 2021 table gives that root's generic code (090, 100, 110, 190):
//     INVESTIGATE -> ACCUSE (mode investigate), DEMAND -> REQUEST, DISAPPROVE -> ACCUSE (mode
//     disapprove), FIGHT -> ASSAULT. The section header of each root ("10: REQUEST") must agree.
// Only the type is scored against the target; mode accuracy (after the fixed 0.5 -> sitrep mode
// table MODE_05) and actor accuracy are secondary.
// The data is CC BY-SA and is only read here, never copied into the repository.
// Run alone: `node dist/eval/plover.js` (PLOVER_MISSES=1 also lists the misses on stdout).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventMention } from '../src/model/index.js';
import { docOf, loadKnowledge, runStages } from '../src/analyze/index.js';
import type { EntityKnowledge } from '../src/analyze/entities/index.js';
import { dataDir as defaultDataDir, fmt, formatTable, type Evaluator, type Row } from './common.js';

interface GsrActor { actorText?: string; code?: string; sector?: string }
interface GsrRecord { id: string; event: string; text?: string; mode?: string; source?: GsrActor[] | string; target?: GsrActor[] | string }

/** One line of CAMEO2PLOVER-2021.txt: `<CAMEO code>: <type>, <mode>, <context> # <description>`. */
export interface CameoLine { code: string; type: string; mode: string; context: string; description: string }

export function parseCameo2Plover(text: string): { lines: Map<string, CameoLine>; sections: Map<string, string> } {
  const lines = new Map<string, CameoLine>();
  const sections = new Map<string, string>();
  for (const raw of text.split('\n')) {
    if (raw.startsWith('~~~~~')) break;
    if (!raw.trim() || raw.startsWith('#')) continue;
    const m = /^(\d+):\s*([^#]*?)\s*(?:#\s*(.*))?$/.exec(raw);
    if (!m) continue;
    const [type = '', mode = '', context = ''] = m[2]!.split(',').map((f) => f.trim());
    if (m[1]!.length === 2) { sections.set(m[1]!, type); continue; }
    // the first line of a code wins (175 is listed twice with the same coding)
    if (!lines.has(m[1]!)) lines.set(m[1]!, { code: m[1]!, type, mode, context, description: (m[3] ?? '').trim() });
  }
  return { lines, sections };
}

/** PLOVER 0.5b1 names the 2021 table no longer has, and the CAMEO root category each one is. */
const DROPPED_05: Record<string, string> = { INVESTIGATE: '09', DEMAND: '10', DISAPPROVE: '11', FIGHT: '19' };

/** GSR type -> { type, mode } in the 2021 names, from the table (see the header comment). */
export function ploverMapping(table: ReturnType<typeof parseCameo2Plover>, gsrTypes: Iterable<string>): Map<string, { type: string; mode: string; why: string }> {
  const current = new Set([...table.lines.values()].map((l) => l.type));
  const out = new Map<string, { type: string; mode: string; why: string }>();
  for (const t of gsrTypes) {
    if (current.has(t)) { out.set(t, { type: t, mode: '', why: 'same name in 2021' }); continue; }
    const root = DROPPED_05[t];
    const line = root ? table.lines.get(`${root}0`) : undefined;
    if (!root || !line) throw new Error(`PLOVER type ${t} has no 2021 equivalent`);
    if (table.sections.get(root) !== line.type) throw new Error(`CAMEO ${root}: section ${table.sections.get(root)} but ${line.code} is ${line.type}`);
    out.set(t, { type: line.type, mode: line.mode, why: `CAMEO ${root} -> ${line.code}: ${line.type}${line.mode ? `/${line.mode}` : ''}` });
  }
  return out;
}

/** The predicted event of a sentence: the most confident one, ties to the first (events come in text order). */
export function predicted(events: EventMention[]): EventMention | null {
  let best: EventMention | null = null;
  for (const e of events) if (!best || e.confidence > best.confidence) best = e;
  return best;
}

export interface PloverResult {
  n: number; correct: number; covered: number;
  /** Accuracy when the first event of the sentence (text order) is taken instead. */
  firstCorrect: number;
  perType: Map<string, { n: number; correct: number; covered: number }>;
  confusion: Map<string, number>;
  modeN: number; modeOk: number;
  actorN: number; actorCountry: number; actorSector: number; actorSectorN: number;
  mapping: Map<string, { type: string; mode: string; why: string }>;
  misses: string[];
}

export function scorePlover(dir: string): PloverResult | null {
  const gsrPath = join(dir, 'events', 'PLOVER_GSR_CAMEO.txt');
  const tablePath = join(dir, 'events', 'CAMEO2PLOVER-2021.txt');
  if (!existsSync(gsrPath) || !existsSync(tablePath)) return null;
  const records = (JSON.parse(readFileSync(gsrPath, 'utf8')) as GsrRecord[]).filter((r) => r.event !== 'DOCUMENT' && r.text);
  const mapping = ploverMapping(parseCameo2Plover(readFileSync(tablePath, 'utf8')), new Set(records.map((r) => r.event)));
  const kn = loadKnowledge();
  const res: PloverResult = {
    n: 0, correct: 0, covered: 0, firstCorrect: 0, perType: new Map(), confusion: new Map(), modeN: 0, modeOk: 0,
    actorN: 0, actorCountry: 0, actorSector: 0, actorSectorN: 0, mapping, misses: [],
  };
  for (const r of records) {
    const text = r.text!;
    const { events } = runStages(docOf(text, { published: '2000-01-01' }), kn);
    const gold = mapping.get(r.event)!;
    const p = predicted(events);
    const ok = p?.type === gold.type;
    res.n++; if (ok) res.correct++; if (p) res.covered++;
    if (events[0]?.type === gold.type) res.firstCorrect++;
    const row = res.perType.get(gold.type) ?? { n: 0, correct: 0, covered: 0 };
    row.n++; if (ok) row.correct++; if (p) row.covered++;
    res.perType.set(gold.type, row);
    if (!ok) {
      const k = `${gold.type}->${p?.type ?? 'none'}`;
      res.confusion.set(k, (res.confusion.get(k) ?? 0) + 1);
      res.misses.push(`${r.id}\t${gold.type}\t${p ? `${p.type}/${p.mode} ${p.actor?.id ?? '-'}>${p.recipient?.id ?? '-'}` : 'none'}\t${events.map((e) => `${e.type}:${e.confidence.toFixed(2)}`).join(',')}\t${text}`);
    }
    // mode, where the type is right and the gold coding (or the mapping) names one sitrep uses
    const goldMode = modeOf(gold.type, r.mode || gold.mode);
    if (ok && goldMode) { res.modeN++; if (p!.mode === goldMode) res.modeOk++; }
    // actor: the gold sources whose country code sitrep knows (either side of a reciprocal event)
    const srcs = Array.isArray(r.source) ? r.source.filter((a) => a.code && kn.entities.byId.has(a.code)) : [];
    if (srcs.length) {
      res.actorN++;
      const pid = p?.actor?.id;
      if (pid && srcs.some((a) => countryOf(kn.entities, pid) === a.code)) res.actorCountry++;
      const sectored = srcs.filter((a) => a.sector && /^[A-Z]{3}$/.test(a.sector));
      if (sectored.length) {
        res.actorSectorN++;
        if (pid && sectored.some((a) => sectorIds(kn.entities, pid).includes(`${a.code}.${a.sector}`))) res.actorSector++;
      }
    }
  }
  return res;
}

/**
 * A GSR (PLOVER 0.5) mode in the names sitrep uses (EVENTS.md; CAMEO2PLOVER-2021 elsewhere).
 * A fixed table: the 2021 file lists modes per CAMEO code, not the 0.5 names. '' = not scored
 * (generic ACCUSE 'disapprove' is sitrep's empty mode; 0.5 modes with no 2021 counterpart).
 */
const MODE_05: Record<string, string> = {
  'strike-hun': 'hunger', 'strike-gen': 'boycott', 'riot-spon': 'riot', 'demo-org': 'demo', 'demo-spon': 'demo',
  phone: 'call', host: 'meeting', 'third-party': 'meeting', multilateral: 'meeting',
  detain: 'arrest', confiscate: 'seize', destroy: 'seize', censor: 'restrict', troops: 'deploy',
  'suicide-attack': 'suicide', disapprove: '', primitive: '', other: '', weapons: '', police: '',
};
export function modeOf(type: string, mode: string | undefined): string {
  if (!mode) return '';
  if (type === 'THREATEN' && (mode === 'curfew' || mode === 'martial-law')) return 'restrict'; // CAMEO 1323, 1324
  return MODE_05[mode] ?? mode;
}

/** The country of an id: persons by their (latest) role, else the id's first part. */
function countryOf(k: EntityKnowledge, id: string): string {
  const e = k.byId.get(id);
  const role = e?.roles?.[e.roles.length - 1]?.of;
  return (role ?? id).split('.')[0]!;
}
/** The id and, for persons, the ids of their roles. */
function sectorIds(k: EntityKnowledge, id: string): string[] {
  return [id, ...(k.byId.get(id)?.roles?.map((r) => r.of) ?? [])];
}

const MATERIAL = new Set(['ASSAULT', 'MOBILIZE', 'RETREAT']);
const frac = (a: number, n: number) => `${fmt(n ? a / n : 0)} (${a}/${n})`;

export const ploverEval: Evaluator = {
  name: 'events/plover-gsr',
  async run(dir: string): Promise<Row[]> {
    const r = scorePlover(dir);
    const set = 'PLOVER GSR (322 sentences)';
    if (!r) return [{ metric: 'events: PLOVER GSR not found', set, value: '—', anchor: '—' }];
    const rows: Row[] = [
      { metric: 'event type accuracy (most confident event)', set, value: frac(r.correct, r.n), anchor: 'target 0.75' },
      { metric: 'event type accuracy (first event instead)', set, value: frac(r.firstCorrect, r.n), anchor: '—' },
      { metric: 'event coverage (sentences with an event)', set, value: frac(r.covered, r.n), anchor: '—' },
    ];
    // the diplomacy/verbal types alone (politics.json); ASSAULT, MOBILIZE, RETREAT come from violence.json
    const verbal = [...r.perType.entries()].filter(([t]) => !MATERIAL.has(t)).reduce((a, [, v]) => [a[0]! + v.correct, a[1]! + v.n], [0, 0]);
    rows.push({ metric: 'event type accuracy, gold types of politics.json only', set, value: frac(verbal[0]!, verbal[1]!), anchor: '—' });
    for (const [t, v] of [...r.perType.entries()].sort((a, b) => b[1].n - a[1].n)) {
      rows.push({ metric: `  ${t} accuracy (coverage ${fmt(v.n ? v.covered / v.n : 0, 2)})`, set, value: frac(v.correct, v.n), anchor: '—' });
    }
    for (const [k, n] of [...r.confusion.entries()].filter(([k]) => !k.endsWith('->none')).sort((a, b) => b[1] - a[1]).slice(0, 5)) {
      rows.push({ metric: `  confusion gold ${k.replace('->', ' -> sitrep ')}`, set, value: String(n), anchor: '—' });
    }
    rows.push({ metric: 'event mode accuracy (type right, gold mode set)', set, value: frac(r.modeOk, r.modeN), anchor: '—' });
    rows.push({ metric: 'actor country accuracy (gold source a known country)', set, value: frac(r.actorCountry, r.actorN), anchor: '—' });
    rows.push({ metric: 'actor country+sector accuracy', set, value: frac(r.actorSector, r.actorSectorN), anchor: '—' });
    for (const [k, v] of r.mapping) if (k !== v.type) rows.push({ metric: `  gold type ${k} scored as`, set, value: `${v.type}${v.mode ? '/' + v.mode : ''}`, anchor: '—' });
    return rows;
  },
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = defaultDataDir();
  const rows = await ploverEval.run(dir);
  if (process.env['PLOVER_MISSES']) for (const m of scorePlover(dir)?.misses ?? []) console.log(m);
  console.log(formatTable(['metric', 'set', 'value', 'anchor'], rows.map((x) => [x.metric, x.set, x.value, x.anchor]), [2]));
}
