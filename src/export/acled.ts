// ACLED-style rows for `sitrep events --format csv --columns acled`: ACLED's column names
// with ACLED's categories, so a file loads into an ACLED workflow as it is. The PLOVER ->
// ACLED mapping is reviewed data (data/events/acled.json); this file only applies it.
import { readDataJson } from '../data-files.js';
import { createRequire } from 'node:module';
import type { Casualties, EventMention, EventStatus, EventType, TimePrecision } from '../model/index.js';
import type { StoredEvent } from '../store/index.js';

export interface AcledRule {
  type: EventType;
  /** The PLOVER modes the rule covers (`""` = no mode); absent: any mode. */
  modes?: string[];
  /** `civilians`: the recipient is a civilian actor, or unnamed with civilian casualties. */
  target?: 'civilians';
  /** `territory-state`: the actor is the state of the place's country (or its GOV/MIL…); `other`: it is not. */
  actor?: 'territory-state' | 'other';
  /** null: ACLED does not code this (statements): the event gets no ACLED row. */
  event_type: string | null;
  sub_event_type?: string;
  why?: string;
}

export interface AcledMapping {
  statuses: EventStatus[];
  civilian_sector: string;
  time_precision: Record<TimePrecision, number>;
  publication_basis: number;
  vague_fatalities: Record<string, number>;
  taxonomy: Record<string, { disorder_type: string; sub_event_types: string[] }>;
  rules: AcledRule[];
}

/** Checks a mapping: every rule names an ACLED type and one of its sub-types. Throws on the first fault. */
export function compileAcledMapping(data: AcledMapping): AcledMapping {
  for (const [i, r] of data.rules.entries()) {
    if (r.event_type === null) continue;
    const t = data.taxonomy[r.event_type];
    if (!t) throw new Error(`acled.json rule ${i} (${r.type}): unknown ACLED event type "${r.event_type}"`);
    if (!r.sub_event_type || !t.sub_event_types.includes(r.sub_event_type)) {
      throw new Error(`acled.json rule ${i} (${r.type}): "${r.sub_event_type}" is not a sub-event type of ${r.event_type}`);
    }
  }
  return data;
}

let cached: AcledMapping | null = null;
/** The reviewed mapping in data/events/acled.json, read and checked once. */
export function loadAcledMapping(): AcledMapping {
  cached ??= compileAcledMapping(readDataJson<AcledMapping>('events/acled.json'));
  return cached;
}

/** ISO 3166-1 alpha-2 -> alpha-3 and numeric, from the world-countries package (as the gazetteer reads it). */
let countries: Map<string, { iso3: string; numeric: number | null }> | null = null;
function country(iso2: string | undefined): { iso3: string; numeric: number | null } | null {
  if (!iso2) return null;
  if (!countries) {
    const require = createRequire(import.meta.url);
    const list = require('world-countries/countries.json') as { cca2: string; cca3: string; ccn3: string }[];
    countries = new Map(list.map((c) => [c.cca2.toUpperCase(), { iso3: c.cca3, numeric: c.ccn3 ? Number(c.ccn3) : null }]));
  }
  return countries.get(iso2.toUpperCase()) ?? null;
}

/** ACLED's columns, in ACLED's order, then sitrep's provenance (prefixed so they never clash with ACLED's). */
export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'actor2', 'civilian_targeting', 'iso', 'admin1', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'notes', 'fatalities',
  'sitrep_event_id', 'sitrep_type', 'sitrep_mode', 'sitrep_status', 'sitrep_confidence', 'article_source_id', 'article_url',
] as const;
export type AcledColumn = (typeof ACLED_COLUMNS)[number];
export type AcledRecord = Record<AcledColumn, string | number | null>;

const civilianId = (id: string, sector: string) => id === sector || id.endsWith(`.${sector}`);

/** Who the event is against, as the rules see it. */
function targetsCivilians(e: EventMention, m: AcledMapping): boolean {
  if (e.recipient) return civilianId(e.recipient.id, m.civilian_sector);
  return e.killed?.who === 'civilians' || e.injured?.who === 'civilians';
}

/** Whether the actor is the state of the country the event happened in; null when that country is unknown. */
function actorIsTerritoryState(e: EventMention): boolean | null {
  const iso3 = country(e.place?.country)?.iso3;
  if (!iso3) return null;
  const id = e.actor?.id ?? '';
  return id === iso3 || new RegExp(`^${iso3}\\.(GOV|MIL)(\\.|$)`).test(id);
}

/** The first rule that fits the event, or null when none does. */
export function acledRule(e: EventMention, m: AcledMapping = loadAcledMapping()): AcledRule | null {
  for (const r of m.rules) {
    if (r.type !== e.type) continue;
    if (r.modes && !r.modes.includes(e.mode)) continue;
    if (r.target === 'civilians' && !targetsCivilians(e, m)) continue;
    if (r.actor) {
      const state = actorIsTerritoryState(e);
      if (state === null || state !== (r.actor === 'territory-state')) continue;
    }
    return r;
  }
  return null;
}

const DAY = 86_400_000;

/** ACLED time precision: 1 day, 2 week, 3 month or more. A day range counts by its length. */
export function acledTimePrecision(date: EventMention['date'], m: AcledMapping = loadAcledMapping()): number | null {
  if (!date) return null;
  let p = m.time_precision[date.precision] ?? 3;
  if (date.basis === 'publication') p = Math.max(p, m.publication_basis);
  const days = (Date.parse(date.end) - Date.parse(date.start)) / DAY + 1;
  if (days > 7) p = Math.max(p, 3);
  else if (days > 1) p = Math.max(p, 2);
  return p;
}

/** One number, the conservative one: the minimum, or ACLED's figure for a vague word when lower; 0 when none. */
export function acledFatalities(e: EventMention, m: AcledMapping = loadAcledMapping()): number {
  const k = e.killed;
  if (!k) return 0;
  let n = k.min;
  if (k.max === null) {
    for (const [word, v] of Object.entries(m.vague_fatalities)) {
      if (new RegExp(`\\b${word}\\b`, 'i').test(k.text)) n = Math.min(n, v);
    }
  }
  return n;
}

const who = (a: { id: string; text: string } | null) => (a ? `${a.text} [${a.id}]` : null);
const casualties = (c: Casualties) =>
  `${c.text} (${c.max === null ? `${c.min} or more` : c.max === c.min ? c.min : `${c.min}-${c.max}`} ${c.who})`;
const WITH = new Set<EventType>(['CONSULT', 'AGREE', 'COOPERATE']);

/** A one-paragraph summary in the manner of ACLED's notes, from what the event stores (no article text). */
export function acledNotes({ event: e, article }: StoredEvent): string {
  const d = e.date;
  const when = !d ? 'Date unknown'
    : d.basis === 'publication' ? `On or shortly before ${d.start} (the article's date)`
    : d.start === d.end ? `On ${d.start}` : `Between ${d.start} and ${d.end}`;
  const p = e.place;
  const where = p ? ` in ${p.name}${p.admin1 && p.admin1 !== p.name ? ` (${p.admin1})` : ''}` : '';
  const actor = who(e.actor), recipient = who(e.recipient);
  const parts = [
    `${when}${where}: ${e.type}${e.mode ? `/${e.mode}` : ''}` +
      (actor ? ` by ${actor}` : '') +
      (recipient ? ` ${WITH.has(e.type) ? 'with' : e.type === 'ASSAULT' || e.type === 'COERCE' ? 'on' : 'concerning'} ${recipient}` : '') + '.',
  ];
  if (e.killed) parts.push(`Killed: ${casualties(e.killed)}.`);
  if (e.injured) parts.push(`Injured: ${casualties(e.injured)}.`);
  const by = [e.source ? `according to ${who(e.source)}` : null, article.outlet ? `reported by ${article.outlet}` : null].filter(Boolean).join(', ');
  if (by) parts.push(by[0]!.toUpperCase() + by.slice(1) + '.');
  if (e.status !== 'occurred') parts.push(`Status: ${e.status}.`);
  if (e.implied?.length) parts.push(`Taken from the context, not the sentence: ${e.implied.join(', ')}.`);
  if (e.headline) parts.push(`Named in the headline: ${e.headline.fields.join(', ')}.`);
  return parts.join(' ');
}

/** The ACLED record of a stored event, or null when ACLED would not code it (see acled.json). */
export function acledRecord(row: StoredEvent, m: AcledMapping = loadAcledMapping()): AcledRecord | null {
  const { id, event: e, article: a } = row;
  if (!m.statuses.includes(e.status)) return null;
  const rule = acledRule(e, m);
  if (!rule?.event_type) return null;
  const c = country(e.place?.country);
  const civilians = targetsCivilians(e, m);
  const violent = m.taxonomy[rule.event_type]?.disorder_type === 'Political violence';
  // ACLED always names the civilians a violence-against-civilians event is against.
  const actor2 = e.recipient?.id ?? (rule.event_type === 'Violence against civilians' ? (c ? `${c.iso3}.${m.civilian_sector}` : m.civilian_sector) : null);
  const source = [...new Set([e.source?.text, a.outlet].filter((s): s is string => !!s))].join('; ');
  return {
    event_id_cnty: `SITREP${id}`,
    event_date: e.date?.start ?? null,
    year: e.date ? Number(e.date.start.slice(0, 4)) : null,
    time_precision: acledTimePrecision(e.date, m),
    disorder_type: m.taxonomy[rule.event_type]?.disorder_type ?? null,
    event_type: rule.event_type,
    sub_event_type: rule.sub_event_type ?? null,
    actor1: e.actor?.id ?? null,
    actor2,
    civilian_targeting: violent && (civilians || rule.event_type === 'Violence against civilians') ? 'Civilian targeting' : null,
    iso: c?.numeric ?? null,
    admin1: e.place?.admin1 ?? null,
    location: e.place?.name ?? null,
    latitude: e.place?.lat ?? null,
    longitude: e.place?.lon ?? null,
    geo_precision: e.place?.precision ?? null,
    source: source || null,
    notes: acledNotes(row),
    fatalities: acledFatalities(e, m),
    sitrep_event_id: id,
    sitrep_type: e.type,
    sitrep_mode: e.mode,
    sitrep_status: e.status,
    sitrep_confidence: Math.round(e.confidence * 100) / 100,
    article_source_id: a.sourceId,
    article_url: a.url,
  };
}

/** The record as a CSV row in ACLED_COLUMNS order. */
export const acledCsvRow = (r: AcledRecord): (string | number | null)[] => ACLED_COLUMNS.map((c) => r[c]);
