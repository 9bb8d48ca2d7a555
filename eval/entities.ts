// The entity stage on two sets.
// seeds: every actor, recipient and source the gold file names (its text located in the
//   event's evidence) should be covered by a mention with a compatible id (recall), and
//   mentions that cover a gold actor should carry a compatible id (precision).
// re3d: Person / Organisation / Location / Nationality spans (confidence >= 0.5), scored
//   exactly (same span but for a leading article, same type) and relaxed (overlapping span, same type, one-to-one);
//   SITREP_EVAL_VERBOSE=entities lists the exact-span misses and false positives.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityMention } from '../src/model/index.js';
import { findEntities, isNationality, loadEntityKnowledge, type EntityKnowledge } from '../src/analyze/entities/index.js';
import { fmt, sentencedDoc, type Evaluator, type GoldEvent, type GoldRef, type Row } from './common.js';


// ---------------------------------------------------------------------------
// seeds



/** Ids that fit: equal, one a part of the other (RUS.MIL ~ RUS), or a person and their role. */
export function compatible(gold: GoldRef, predicted: string, k: EntityKnowledge): boolean {
  const fits = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
  if (fits(gold.id, predicted)) return true;
  if (gold.role && fits(gold.role, predicted)) return true;
  const roles = k.byId.get(predicted)?.roles ?? [];
  return roles.some((r) => fits(gold.id, r.of));
}

interface Located extends GoldRef {
  start: number;
  end: number;
}

/** Where the gold text is: in the evidence quote, else its extra quotes, else the article (spaces may be U+00A0). */
function locate(ref: GoldRef, ev: GoldEvent, text: string): Located | null {
  const pattern = new RegExp(ref.text.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\u00a0]+'));
  const tries: { quote: string; at: number }[] = [
    { quote: ev.evidence.quote, at: ev.evidence.char_start },
    ...(ev.evidence.extra ?? []).map((x) => ({ quote: x.quote, at: x.char_start })),
    { quote: text, at: 0 },
  ];
  for (const t of tries) {
    const m = pattern.exec(t.quote);
    if (m) return { ...ref, start: t.at + m.index, end: t.at + m.index + m[0].length };
  }
  return null;
}

export interface SeedScore {
  refs: number;
  found: number;
  /** Covered by a mention with exactly the gold id. */
  exact: number;
  unlocated: number;
  covering: number;
  correct: number;
  misses: string[];
  wrong: string[];
}

export function scoreSeeds(dataDir: string, k: EntityKnowledge): SeedScore | null {
  const goldPath = join(dataDir, 'gold', 'seeds.events.json');
  if (!existsSync(goldPath)) return null;
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as Record<string, { published?: { date?: string }; events?: GoldEvent[] }>;
  const s: SeedScore = { refs: 0, found: 0, exact: 0, unlocated: 0, covering: 0, correct: 0, misses: [], wrong: [] };
  for (const [file, g] of Object.entries(gold)) {
    if (file.startsWith('_') || file === 'new_ids' || !g.events) continue;
    const path = join(dataDir, 'seeds', file);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    const mentions = findEntities(sentencedDoc(text, g.published?.date ?? null), k);
    const refs = new Map<string, Located>();
    for (const ev of g.events) {
      for (const ref of [ev.actor, ev.recipient, ev.source]) {
        if (!ref) continue;
        // One noun phrase coded as both sides ("a deal reached last year") is no mention.
        if (ev.actor && ev.recipient && ev.actor.text === ev.recipient.text) continue;
        const loc = locate(ref, ev, text);
        if (!loc) {
          s.unlocated++;
          continue;
        }
        refs.set(`${loc.start}:${loc.end}:${loc.id}`, loc);
      }
    }
    const overlaps = (m: EntityMention, r: Located) => m.start < r.end && r.start < m.end;
    for (const r of refs.values()) {
      s.refs++;
      if (mentions.some((m) => overlaps(m, r) && m.id !== undefined && compatible(r, m.id, k))) s.found++;
      else s.misses.push(`${file.slice(0, 3)} ${r.id} "${r.text}"`);
      if (mentions.some((m) => overlaps(m, r) && m.id === r.id)) s.exact++;
    }
    for (const m of mentions) {
      const over = [...refs.values()].filter((r) => overlaps(m, r));
      if (over.length === 0) continue;
      s.covering++;
      if (m.id !== undefined && over.some((r) => compatible(r, m.id!, k))) s.correct++;
      else s.wrong.push(`${file.slice(0, 3)} "${m.text}" ${m.id ?? '-'} (gold ${over.map((r) => r.id).join('/')})`);
    }
  }
  return s;
}

export const seedsEntities: Evaluator = {
  name: 'entities/seeds',
  async run(dataDir) {
    const k = loadEntityKnowledge();
    const s = scoreSeeds(dataDir, k);
    if (!s) return [{ metric: 'entities: seeds gold not found', set: 'seeds', value: '—', anchor: '—' }];
    const set = `seeds (${s.refs} gold actor/recipient/source spans${s.unlocated ? `, ${s.unlocated} not found in text` : ''})`;
    return [
      { metric: 'actor recall (mention with compatible id)', set, value: fmt(s.refs ? s.found / s.refs : 0), anchor: 'issue 4 target >= 0.95' },
      { metric: 'actor precision (mentions on gold spans)', set, value: fmt(s.covering ? s.correct / s.covering : 0), anchor: 'issue 4 target >= 0.90' },
      { metric: 'actor recall, exactly the gold id', set, value: fmt(s.refs ? s.exact / s.refs : 0), anchor: '—' },
    ];
  },
};

// ---------------------------------------------------------------------------
// re3d

const RE3D_TYPES = ['Person', 'Organisation', 'Location', 'Nationality'] as const;
type Re3dType = (typeof RE3D_TYPES)[number];

export interface Span {
  start: number;
  end: number;
  type: Re3dType;
}

const ACTING = /^\s+(said|says|has|have|had|is|was|will|would|can|could|should|must|and its|remains|continues|condemns|welcomes|calls|supports|stands|urges|announced|announces|provides|provided|believes|wants|does|did|also)\b/i;

const LOCATIVE_BEFORE = /\b(in|into|from|across|near|throughout|inside|within|outside|to|of|over|northern|southern|eastern|western|central)\s+$/i;
const ACTOR_BEFORE = /\b(with|join|joined|joins|by|between|urge|urged|urges|pressed for|ally|including|notably|support|supports|supported|enable|enables|help|helps|helped)\s+$/i;
const PLACE_WORD = /^(north|south|east|west|northern|southern|eastern|western|north-?west(ern)?|north-?east(ern)?|south-?west(ern)?|south-?east(ern)?|central|capital|province|provinces|city|cities|border|borders|territory|coast|towns?|villages?|regions?|soil|airspace)\b/i;
const NOT_A_NOUN = /^(and|or|but|in|on|at|to|of|for|from|by|as|is|was|are|were|has|had|have|will|would|which|that|where|when|since|after|before|during|today|yesterday|tonight|this|last|next|earlier|later|now|recently|include|includes|said|says|over|under|into|through|against|amid|until|because|if|while|the|a|an|its|their|our|his|her)\b/i;

/**
 * re3d's types from ours. re3d codes a country that acts ("Turkey said") as an
 * Organisation and a country as a place ("in Syria", "Palmyra, Syria") as a Location; the
 * entity stage gives both type `country`, so the words around the name decide here: a verb
 * after it ("Turkey said") or an article before it ("the United States") make an actor,
 * else a place.
 */
function re3dType(m: EntityMention, text: string, k: EntityKnowledge): Re3dType {
  if (m.type === 'person') return 'Person';
  if (m.type === 'country') {
    if (isNationality(k, m)) return 'Nationality';
    const after = text.slice(m.end, m.end + 30);
    const before = text.slice(Math.max(0, m.start - 16), m.start);
    if (ACTING.test(after) || /\bthe\s+$/i.test(before.slice(-5))) return 'Organisation';
    // "Iraq's democratic process" (not "Syria's north"), "for Iraq to obtain": an actor.
    if (/^['’]s\s+\p{Ll}/u.test(after) && !PLACE_WORD.test(after.replace(/^['’]s\s+/, ''))) return 'Organisation';
    if (/\bfor\s+$/i.test(before) && /^\s+to\s/.test(after)) return 'Organisation';
    // "in Syria", "near Palmyra, Syria": a place.
    if (LOCATIVE_BEFORE.test(before) || /,\s*$/.test(before)) return 'Location';
    // "a U.S. strike", "U.S.-Iraq partnership", "working with Turkey": an actor.
    if (/^(\s+|-)\p{Ll}/u.test(after) && !NOT_A_NOUN.test(after.replace(/^(\s+|-)/, '')) && !/^\s*[,.;]/.test(after)) return 'Organisation';
    if (/^-\p{Lu}/u.test(after) || /\p{Lu}\.?-$/u.test(before) || ACTOR_BEFORE.test(before)) return 'Organisation';
    return 'Location';
  }
  return 'Organisation';
}

/**
 * re3d types a phrase headed by a platform or a weapon ("Coalition aircraft", "ISIL vehicles",
 * "U.S. airstrikes") as MilitaryPlatform / Vehicle / Weapon, never as an Organisation (none of
 * its Organisation spans ends in these words); the entity stage reads them as the owner's
 * actor mention. Such mentions are left out of the scored types rather than counted as
 * Organisation spans.
 */
const PLATFORM_HEAD = /\b(aircraft|jets|warplanes?|planes|helicopters|drones|tanks|vehicles|submarines|gunboats|bombers|missiles|rockets|artillery|airstrikes|strikes|shelling)$/i;
/**
 * The same for the owner right before a vehicle ("a lone [ISIL] vehicle", "an [ISIL] tactical
 * vehicle"): re3d types the whole phrase Vehicle or MilitaryPlatform (none of the 5 in DEV
 * marks the owner an Organisation), while the stage reads the owner's mention (a thing it
 * owns only modifies it, `things` in labels.json).
 */
const PLATFORM_AFTER = /^\s+(?:\p{Ll}+\s+)?(?:vehicles?|tanks?|trucks?)\b/u;

/** re3d spans include a person's title ("Foreign Secretary Philip Hammond"): add the label that directly precedes the name. */
function re3dSpan(m: EntityMention, text: string): { start: number; end: number } {
  const label = m.labels?.[0];
  if (m.type === 'person' && label) {
    const before = text.slice(Math.max(0, m.start - label.length - 1), m.start);
    if (before.trimEnd() === label || before.slice(0, -1) === label) return { start: m.start - label.length - (before.endsWith(' ') ? 1 : 0), end: m.end };
  }
  return { start: m.start, end: m.end };
}

/** A gold span without the white space a few annotations take in at an end ("[Syrian people ]on"). */
function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Exact match ignores a leading article on either side ("the United States" = "United States"). */
function spanKey(text: string, start: number, end: number): string {
  const m = /^(the|a|an)\s+/i.exec(text.slice(start, end));
  return `${m ? start + m[0].length : start}:${end}`;
}

/** The entity stage's mentions of one text as re3d spans and types. */
export function re3dMentions(text: string, k: EntityKnowledge): Span[] {
  const out: Span[] = [];
  let last: { end: number; type: Re3dType; country: boolean; locative: boolean } | undefined;
  for (const m of findEntities(sentencedDoc(text), k)) {
    if (m.type !== 'person' && m.type !== 'country' && (PLATFORM_HEAD.test(m.text) || PLATFORM_AFTER.test(text.slice(m.end, m.end + 30)))) continue;
    let type = re3dType(m, text, k);
    // "announced by Russia and Turkey": a country coordinated with an acting one acts too.
    const country = m.type === 'country' && type !== 'Nationality';
    if (country && last?.country && last.type === 'Organisation' && /^\s*(and|or|,)\s*$/.test(text.slice(last.end, m.start))) type = 'Organisation';
    // "in Syria and Iraq further limits": a country coordinated with a place after a locative preposition is a place too.
    else if (country && last?.country && last.type === 'Location' && last.locative && /^\s*(and|or|,)\s*$/.test(text.slice(last.end, m.start))) type = 'Location';
    out.push({ ...re3dSpan(m, text), type });
    const locative = type === 'Location' && (LOCATIVE_BEFORE.test(text.slice(Math.max(0, m.start - 16), m.start)) || (!!last?.locative && /^\s*(and|or|,)\s*$/.test(text.slice(last.end, m.start))));
    last = { end: m.end, type, country, locative };
  }
  return out;
}

function readLines<T>(path: string): T[] {
  const raw = readFileSync(path, 'utf8').trim();
  if (raw.startsWith('[')) return JSON.parse(raw) as T[];
  return raw.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

export interface Prf3 {
  tp: number;
  fp: number;
  fn: number;
}

export function scoreRe3d(dataDir: string, k: EntityKnowledge): { exact: Record<Re3dType, Prf3>; relaxed: Record<Re3dType, Prf3>; docs: number } | null {
  const root = join(dataDir, 're3d');
  if (!existsSync(root)) return null;
  const blank = () => Object.fromEntries(RE3D_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<Re3dType, Prf3>;
  const exact = blank();
  const relaxed = blank();
  let docs = 0;
  // SITREP_EVAL_VERBOSE=entities lists the exact-span misses (FN) and false positives (FP) by type.
  const verbose = process.env['SITREP_EVAL_VERBOSE'] === 'entities';
  for (const folder of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    const dir = join(root, folder);
    if (!existsSync(join(dir, 'documents.json'))) continue;
    const documents = readLines<{ _id: string; text: string }>(join(dir, 'documents.json'));
    const entities = readLines<{ documentId: string; begin: number; end: number; type: string; confidence: number }>(join(dir, 'entities.json'));
    for (const d of documents) {
      docs++;
      const gold: Span[] = entities
        .filter((e) => e.documentId === d._id && e.confidence >= 0.5 && (RE3D_TYPES as readonly string[]).includes(e.type))
        .map((e) => ({ ...trimmed(d.text, e.begin, e.end), type: e.type as Re3dType }));
      const pred = re3dMentions(d.text, k);
      for (const t of RE3D_TYPES) {
        const g = gold.filter((x) => x.type === t);
        const p = pred.filter((x) => x.type === t);
        const gk = new Set(g.map((x) => spanKey(d.text, x.start, x.end)));
        const pk = new Set(p.map((x) => spanKey(d.text, x.start, x.end)));
        let tp = 0;
        for (const key of pk) if (gk.has(key)) tp++;
        exact[t].tp += tp;
        exact[t].fp += pk.size - tp;
        exact[t].fn += gk.size - tp;
        if (verbose) {
          const show = (kind: string, keys: Set<string>, other: Set<string>) => {
            for (const key of keys) {
              if (other.has(key)) continue;
              const [a, b] = key.split(':').map(Number) as [number, number];
              const ctx = `${d.text.slice(Math.max(0, a - 30), a)}[${d.text.slice(a, b)}]${d.text.slice(b, b + 30)}`.replace(/\s+/g, ' ');
              console.log(`${kind} ${t} ${folder.slice(0, 6)} ${docs}:${a}-${b} ${ctx}`);
            }
          };
          show('FN', gk, pk);
          show('FP', pk, gk);
        }
        // Relaxed: overlapping spans of the same type, matched one to one.
        const used = new Set<number>();
        let rtp = 0;
        for (const x of p) {
          const hit = g.findIndex((y, n) => !used.has(n) && x.start < y.end && y.start < x.end);
          if (hit >= 0) {
            used.add(hit);
            rtp++;
          }
        }
        relaxed[t].tp += rtp;
        relaxed[t].fp += p.length - rtp;
        relaxed[t].fn += g.length - used.size;
      }
    }
  }
  return { exact, relaxed, docs };
}

const prf = ({ tp, fp, fn }: Prf3) => {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

export const re3dEntities: Evaluator = {
  name: 'entities/re3d',
  async run(dataDir) {
    const k = loadEntityKnowledge();
    const s = scoreRe3d(dataDir, k);
    if (!s) return [{ metric: 'entities: re3d not found', set: 're3d', value: '—', anchor: '—' }];
    const rows: Row[] = [];
    for (const [mode, table] of [['exact', s.exact], ['overlap', s.relaxed]] as const) {
      for (const t of RE3D_TYPES) {
        const { p, r, f } = prf(table[t]);
        const set = `re3d dev (${s.docs} docs, ${mode} span)`;
        const anchor = t === 'Person' || t === 'Organisation' ? (mode === 'exact' ? 'CRF on CoNLL-2003 ~0.86 F1; target > 0.85' : '—') : '—';
        rows.push({ metric: `${t} P / R / F1`, set, value: `${fmt(p)} / ${fmt(r)} / ${fmt(f)}`, anchor });
      }
    }
    return rows;
  },
};

// ---------------------------------------------------------------------------
// PLOVER gold standard records: single sentences with coded source and target actors
// (ISO 3166 alpha-3 country + sector). A held-out check of country-level actor ids: the
// actor's text should be covered by a mention whose id belongs to that country.

interface GsrActor {
  actorText?: string;
  code?: string;
  sector?: string;
}

export function scoreGsr(dataDir: string, k: EntityKnowledge): { actors: number; found: number; sector: number; sectored: number; covering: number; correct: number } | null {
  const path = join(dataDir, 'events', 'PLOVER_GSR_CAMEO.txt');
  if (!existsSync(path)) return null;
  const records = JSON.parse(readFileSync(path, 'utf8')) as { event?: string; text?: string; source?: GsrActor[] | string; target?: GsrActor[] | string }[];
  const r = { actors: 0, found: 0, sector: 0, sectored: 0, covering: 0, correct: 0 };
  const countryOf = (id: string): string => {
    const e = k.byId.get(id);
    const role = e?.roles?.[e.roles.length - 1]?.of;
    return (role ?? id).split('.')[0]!;
  };
  for (const rec of records) {
    if (rec.event === 'DOCUMENT' || !rec.text) continue;
    const text = rec.text;
    const mentions = findEntities(sentencedDoc(text), k);
    const actors = [rec.source, rec.target].flatMap((a) => (Array.isArray(a) ? a : []));
    for (const a of actors) {
      if (!a.actorText || !a.code || !/^[A-Z]{3}$/.test(a.code) || a.code === 'IGO') continue;
      const at = text.indexOf(a.actorText);
      if (at < 0) continue;
      r.actors++;
      const over = mentions.filter((m) => m.start < at + a.actorText!.length && at < m.end);
      if (over.some((m) => m.id && countryOf(m.id) === a.code)) r.found++;
      if (a.sector && /^[A-Z]{3}$/.test(a.sector)) {
        r.sectored++;
        // A named armed group of that country ("Hamas" = PSE.HAM) is PLOVER's REB.
        const named = (id: string) => a.sector === 'REB' && k.byId.get(id)?.type === 'group' && k.byId.get(id)?.country === a.code;
        if (over.some((m) => m.id === `${a.code}.${a.sector}` || (m.id && (named(m.id) || k.byId.get(m.id)?.roles?.some((x) => x.of === `${a.code}.${a.sector}`))))) r.sector++;
      }
      for (const m of over) {
        r.covering++;
        if (m.id && countryOf(m.id) === a.code) r.correct++;
      }
    }
  }
  return r;
}

export const gsrEntities: Evaluator = {
  name: 'entities/plover-gsr',
  async run(dataDir) {
    const k = loadEntityKnowledge();
    const r = scoreGsr(dataDir, k);
    if (!r) return [{ metric: 'entities: PLOVER GSR not found', set: 'plover-gsr', value: '—', anchor: '—' }];
    const set = `PLOVER GSR (${r.actors} country-coded actors)`;
    return [
      { metric: 'actor country recall (mention with that country)', set, value: fmt(r.actors ? r.found / r.actors : 0), anchor: '—' },
      { metric: 'actor country precision (mentions on actors)', set, value: fmt(r.covering ? r.correct / r.covering : 0), anchor: '—' },
      { metric: `actor sector recall (${r.sectored} with a sector)`, set, value: fmt(r.sectored ? r.sector / r.sectored : 0), anchor: '—' },
    ];
  },
};

/** The entity evaluators, for eval/run.ts. */
export const entityEvaluators: Evaluator[] = [seedsEntities, re3dEntities, gsrEntities];
