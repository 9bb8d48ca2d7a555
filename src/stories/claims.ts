// The claims ledger of one story event: for each field its mentions give differently
// (killed, injured, actor, recipient, place, date, status), every value with the article,
// outlet and credited source that gave it. `disputed` says the values conflict, not just
// differ: two tolls, two days, or a denial against a report do; a part and its whole
// (`RUS` and `RUS.MIL`), a town inside the province another outlet names, a day inside a
// week, and a meeting announced before it happened and reported after it do not.
import type { Claim, EventMention } from '../model/index.js';
import { compatible } from '../model/actors.js';
import { datesOverlap, placesAgree, type Mention } from './events.js';

interface Field {
  name: string;
  value(e: EventMention): unknown;
  /** Values equal under this key are one value. */
  key(v: never): string;
  /** Whether two different values can both be true. */
  agree(a: never, b: never, roles: ReadonlyMap<string, string>): boolean;
}

const casualtiesKey = (c: { min: number; max: number | null }) => `${c.min}-${c.max ?? ''}`;

const FIELDS: Field[] = [
  { name: 'killed', value: (e) => e.killed, key: casualtiesKey, agree: () => false },
  { name: 'injured', value: (e) => e.injured, key: casualtiesKey, agree: () => false },
  { name: 'actor', value: (e) => e.actor, key: (a: { id: string }) => a.id, agree: (a: { id: string }, b: { id: string }, roles) => compatible(a.id, b.id, roles) },
  { name: 'recipient', value: (e) => e.recipient, key: (a: { id: string }) => a.id, agree: (a: { id: string }, b: { id: string }, roles) => compatible(a.id, b.id, roles) },
  { name: 'place', value: (e) => e.place, key: (p: { geonameid?: number; name: string }) => String(p.geonameid ?? p.name), agree: placesAgree },
  {
    name: 'date', value: (e) => e.date, key: (d: { start: string; end: string }) => `${d.start}/${d.end}`,
    // Ranges that overlap agree unless both are exact days (then they differ by a day or more).
    agree: (a: EventMention['date'] & object, b: EventMention['date'] & object) => datesOverlap(a, b) && !(a.precision === 'day' && b.precision === 'day'),
  },
  { name: 'status', value: (e) => e.status, key: (s: string) => s, agree: (a: string, b: string) => [a, b].every((s) => s === 'planned' || s === 'occurred') },
];

export function claimsOf(mentions: readonly Mention[], roles: ReadonlyMap<string, string>): Claim[] {
  const claims: Claim[] = [];
  for (const f of FIELDS) {
    const values: Claim['values'] = [];
    const seen = new Set<string>();
    const distinct = new Map<string, unknown>();
    for (const m of mentions) {
      const v = f.value(m.event);
      if (v === null || v === undefined) continue;
      const key = f.key(v as never);
      distinct.set(key, v);
      // One value an article and source: an article repeating itself is one voice.
      const voice = `${key}|${m.sourceId}|${m.event.source?.id ?? ''}`;
      if (seen.has(voice)) continue;
      seen.add(voice);
      values.push({ value: v, sourceId: m.sourceId, outlet: m.outlet, source: m.event.source });
    }
    if (distinct.size < 2) continue;
    const vs = [...distinct.values()];
    const disputed = vs.some((a, i) => vs.slice(i + 1).some((b) => !f.agree(a as never, b as never, roles)));
    claims.push({ field: f.name, values, disputed: f.name === 'status' && !disputed ? plannedAfterTheFact(mentions) : disputed });
  }
  return claims;
}

/**
 * Planned and occurred conflict only when an article dated after the event still calls it
 * planned (or one dated before calls it done): otherwise the plan simply came true.
 */
function plannedAfterTheFact(mentions: readonly Mention[]): boolean {
  const happened = mentions.filter((m) => m.event.status === 'occurred').map((m) => m.event.date?.start).filter((d): d is string => !!d).sort()[0];
  if (!happened) return false;
  return mentions.some((m) => m.articleDate !== null && (m.event.status === 'planned' ? m.articleDate > happened : m.articleDate < happened));
}
