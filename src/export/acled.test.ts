import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { eventTypes, type EventMention } from '../model/index.js';
import type { StoredEvent } from '../store/index.js';
import {
  ACLED_COLUMNS, acledFatalities, acledRecord, acledRule, acledTimePrecision, compileAcledMapping, loadAcledMapping,
} from './acled.js';
import { CSV_COLUMNS, exportEvents, type ExportOptions } from './index.js';

const m = loadAcledMapping();

/** An occurred event in Afrin (SY) on 2021-09-26, with the given fields changed. */
function ev(fields: Partial<EventMention> = {}): EventMention {
  return {
    type: 'ASSAULT', mode: 'aerial',
    actor: { id: 'RUS.MIL', text: 'Russian jets' },
    recipient: { id: 'SYR.REB.TUR', text: 'Turkish-backed fighters' },
    place: { name: 'Afrin', lat: 36.51, lon: 36.87, country: 'SY', admin1: 'Aleppo', precision: 1 },
    date: { start: '2021-09-26', end: '2021-09-26', precision: 'day', basis: 'relative' },
    status: 'occurred', killed: null, injured: null, source: null,
    evidence: { sentence: 2, start: 100, end: 180 }, confidence: 0.85,
    ...fields,
  };
}
const stored = (event: EventMention, id = 1): StoredEvent => ({
  id, event,
  article: { id: 7, sourceId: 'seed-1', url: 'https://example.org/a', outlet: 'Example News', title: 'A title', published: '2021-09-27' },
});
const sub = (e: EventMention) => {
  const r = acledRule(e, m);
  return r?.event_type ? `${r.event_type} / ${r.sub_event_type}` : null;
};

test('remote violence by mode', () => {
  assert.equal(sub(ev({ mode: 'aerial' })), 'Explosions/Remote violence / Air/drone strike');
  assert.equal(sub(ev({ mode: 'drone' })), 'Explosions/Remote violence / Air/drone strike');
  assert.equal(sub(ev({ mode: 'heavy-weapons' })), 'Explosions/Remote violence / Shelling/artillery/missile attack');
  assert.equal(sub(ev({ mode: 'explosives' })), 'Explosions/Remote violence / Remote explosive/landmine/IED');
  assert.equal(sub(ev({ mode: 'suicide' })), 'Explosions/Remote violence / Suicide bomb');
  assert.equal(sub(ev({ mode: 'chemical' })), 'Explosions/Remote violence / Chemical weapon');
  // an airstrike on civilians stays a remote-violence event, flagged as civilian targeting
  const r = acledRecord(stored(ev({ recipient: { id: 'SYR.CVL', text: 'residents' } })), m)!;
  assert.equal(r.event_type, 'Explosions/Remote violence');
  assert.equal(r.civilian_targeting, 'Civilian targeting');
});

test('firearms and unstated means: battle between armed actors, violence against civilians otherwise', () => {
  assert.equal(sub(ev({ mode: 'firearms' })), 'Battles / Armed clash');
  assert.equal(sub(ev({ mode: '' })), 'Battles / Armed clash');
  assert.equal(sub(ev({ mode: 'firearms', recipient: { id: 'SYR.CVL', text: 'villagers' } })), 'Violence against civilians / Attack');
  const unnamed = ev({ mode: '', recipient: null, killed: { min: 3, max: 3, who: 'civilians', text: 'three civilians' } });
  assert.equal(sub(unnamed), 'Violence against civilians / Attack');
  const r = acledRecord(stored(unnamed), m)!;
  assert.equal(r.actor2, 'SYR.CVL', 'ACLED names the civilians of a violence-against-civilians event');
  assert.equal(r.civilian_targeting, 'Civilian targeting');
  // fighters killed with no recipient named: a clash
  assert.equal(sub(ev({ mode: '', recipient: null, killed: { min: 3, max: 3, who: 'fighters', text: 'three fighters' } })), 'Battles / Armed clash');
  assert.equal(sub(ev({ mode: 'execution' })), 'Violence against civilians / Attack');
  assert.equal(sub(ev({ mode: 'abduct' })), 'Violence against civilians / Abduction/forced disappearance');
  assert.equal(acledRecord(stored(ev({ mode: 'abduct', recipient: null })), m)!.civilian_targeting, 'Civilian targeting', 'every VAC event targets civilians');
});

test('captures: the state of the territory regains it, anyone else overtakes it', () => {
  const capture = (id: string, place: EventMention['place'] = ev().place) => sub(ev({ mode: 'capture', actor: { id, text: id }, place }));
  assert.equal(capture('SYR.MIL'), 'Battles / Government regains territory');
  assert.equal(capture('SYR.GOV'), 'Battles / Government regains territory');
  assert.equal(capture('SYR'), 'Battles / Government regains territory');
  assert.equal(capture('HTS'), 'Battles / Non-state actor overtakes territory');
  assert.equal(capture('SYR.REB.TUR'), 'Battles / Non-state actor overtakes territory');
  assert.equal(capture('TUR.MIL'), 'Battles / Non-state actor overtakes territory', 'a foreign army is not the territory\'s government');
  assert.equal(capture('SYR.MIL', null), 'Battles / Armed clash', 'no place: whose territory it is cannot be told');
});

test('protests, agreements and other strategic developments; statements are not coded', () => {
  assert.equal(sub(ev({ type: 'PROTEST', mode: 'demo' })), 'Protests / Peaceful protest');
  assert.equal(sub(ev({ type: 'PROTEST', mode: 'obstruct' })), 'Protests / Peaceful protest');
  assert.equal(sub(ev({ type: 'PROTEST', mode: 'riot' })), 'Riots / Violent demonstration');
  assert.equal(sub(ev({ type: 'COERCE', mode: 'arrest' })), 'Strategic developments / Arrests');
  assert.equal(sub(ev({ type: 'COERCE', mode: 'seize' })), 'Strategic developments / Looting/property destruction');
  assert.equal(sub(ev({ type: 'COERCE', mode: 'curfew' })), 'Strategic developments / Other');
  assert.equal(sub(ev({ type: 'COERCE', mode: '' })), null, 'cyber attacks');
  assert.equal(sub(ev({ type: 'AGREE', mode: '' })), 'Strategic developments / Agreement');
  assert.equal(sub(ev({ type: 'MOBILIZE', mode: 'deploy' })), 'Strategic developments / Other');
  assert.equal(sub(ev({ type: 'MOBILIZE', mode: 'base' })), 'Strategic developments / Headquarters or base established');
  assert.equal(sub(ev({ type: 'RETREAT', mode: 'withdraw' })), 'Strategic developments / Non-violent transfer of territory');
  assert.equal(sub(ev({ type: 'CONSULT', mode: 'meeting' })), 'Strategic developments / Other');
  for (const type of ['ACCUSE', 'REQUEST', 'THREATEN', 'REJECT', 'SUPPORT', 'SANCTION'] as const) {
    assert.equal(sub(ev({ type, mode: '' })), null, type);
    assert.equal(acledRecord(stored(ev({ type, mode: '' })), m), null, type);
  }
  assert.equal(sub(ev({ type: 'THREATEN', mode: 'violence' })), null, 'a threat of violence is still a statement');
  assert.equal(sub(ev({ type: 'CONSULT', mode: 'talks' })), 'Strategic developments / Other');
});

test('every PLOVER type has a rule, and the mapping refuses an ACLED sub-type it does not know', () => {
  for (const type of eventTypes) assert.ok(m.rules.some((r) => r.type === type && !r.modes && !r.target && !r.actor), type);
  const bad = { ...m, rules: [{ type: 'ASSAULT' as const, event_type: 'Battles', sub_event_type: 'Air/drone strike' }] };
  assert.throws(() => compileAcledMapping(bad), /not a sub-event type of Battles/);
});

test('only what happened: planned, denied, hypothetical and background events get no row', () => {
  assert.ok(acledRecord(stored(ev({ status: 'occurred' })), m));
  assert.ok(acledRecord(stored(ev({ status: 'claimed' })), m));
  for (const status of ['planned', 'denied', 'hypothetical', 'background'] as const) assert.equal(acledRecord(stored(ev({ status })), m), null, status);
});

test('time precision: 1 day, 2 week, 3 month or more; a publication-day date is 2', () => {
  const d = (start: string, end: string, precision: 'day' | 'week' | 'month' | 'year', basis: 'explicit' | 'publication' = 'explicit') =>
    acledTimePrecision({ start, end, precision, basis }, m);
  assert.equal(d('2021-09-26', '2021-09-26', 'day'), 1);
  assert.equal(d('2021-09-20', '2021-09-26', 'week'), 2);
  assert.equal(d('2021-09-24', '2021-09-26', 'day'), 2, 'a few days ("over the weekend")');
  assert.equal(d('2021-09-01', '2021-09-30', 'month'), 3);
  assert.equal(d('2021-01-01', '2021-12-31', 'year'), 3);
  assert.equal(d('2021-09-27', '2021-09-27', 'day', 'publication'), 2);
  assert.equal(acledTimePrecision(null, m), null);
});

test('fatalities: the conservative figure, ACLED\'s 12 for "dozens", 0 when none', () => {
  assert.equal(acledFatalities(ev(), m), 0);
  assert.equal(acledFatalities(ev({ killed: { min: 7, max: null, who: 'fighters', text: 'at least seven fighters' } }), m), 7);
  assert.equal(acledFatalities(ev({ killed: { min: 5, max: 9, who: 'people', text: '5 to 9 people' } }), m), 5);
  assert.equal(acledFatalities(ev({ killed: { min: 24, max: null, who: 'civilians', text: 'dozens of civilians' } }), m), 12);
  assert.equal(acledFatalities(ev({ killed: { min: 200, max: null, who: 'people', text: 'hundreds of people' } }), m), 100);
  assert.equal(acledFatalities(ev({ killed: { min: 0, max: 10, who: 'people', text: 'up to 10 people' } }), m), 0, 'the minimum, even when it is 0');
  // injured never count as fatalities
  assert.equal(acledFatalities(ev({ injured: { min: 12, max: 12, who: 'civilians', text: '12 civilians' } }), m), 0);
});

test('an ACLED record carries place, actors, source, notes and provenance', () => {
  const e = ev({
    status: 'claimed',
    killed: { min: 7, max: null, who: 'fighters', text: 'at least seven pro-Turkey fighters' },
    source: { id: 'SOHR', text: 'Syrian Observatory for Human Rights' },
  });
  const r = acledRecord(stored(e, 42), m)!;
  assert.deepEqual(Object.keys(r), [...ACLED_COLUMNS]);
  assert.equal(r.event_id_cnty, 'SITREP42');
  assert.equal(r.event_date, '2021-09-26');
  assert.equal(r.year, 2021);
  assert.equal(r.time_precision, 1);
  assert.equal(r.disorder_type, 'Political violence');
  assert.equal(r.actor1, 'RUS.MIL');
  assert.equal(r.actor2, 'SYR.REB.TUR');
  assert.equal(r.civilian_targeting, null);
  assert.equal(r.iso, 760);
  assert.deepEqual([r.admin1, r.location, r.latitude, r.longitude, r.geo_precision], ['Aleppo', 'Afrin', 36.51, 36.87, 1]);
  assert.equal(r.source, 'Syrian Observatory for Human Rights; Example News');
  assert.equal(r.fatalities, 7);
  assert.deepEqual([r.sitrep_event_id, r.sitrep_type, r.sitrep_mode, r.sitrep_status], [42, 'ASSAULT', 'aerial', 'claimed']);
  assert.deepEqual([r.article_source_id, r.article_url], ['seed-1', 'https://example.org/a']);
  assert.equal(r.notes,
    'On 2021-09-26 in Afrin (Aleppo): ASSAULT/aerial by Russian jets [RUS.MIL] on Turkish-backed fighters [SYR.REB.TUR]. ' +
    'Killed: at least seven pro-Turkey fighters (7 or more fighters). ' +
    'According to Syrian Observatory for Human Rights [SOHR], reported by Example News. Status: claimed.');
  // no place, no date, no actor: empty cells, not invented ones
  const bare = acledRecord(stored(ev({ place: null, date: null, actor: null })), m)!;
  assert.deepEqual([bare.event_date, bare.year, bare.time_precision, bare.iso, bare.location, bare.latitude, bare.actor1],
    [null, null, null, null, null, null, null]);
  assert.match(bare.notes as string, /^Date unknown: ASSAULT\/aerial on /);
  const implied = acledRecord(stored(ev({ implied: ['actor', 'place'] })), m)!;
  assert.match(implied.notes as string, /Taken from the context, not the sentence: actor, place\.$/);
  const headline = acledRecord(stored(ev({ implied: ['actor'], headline: { start: 0, end: 6, fields: ['actor'] } })), m)!;
  assert.match(headline.notes as string, /actor\. Named in the headline: actor\.$/);
});

async function collect(rows: StoredEvent[], format: 'csv', options?: ExportOptions): Promise<string> {
  async function* gen() { yield* rows; }
  let out = '';
  for await (const chunk of exportEvents(gen(), format, options)) out += chunk;
  return out;
}

test('CSV: the default columns are unchanged; --columns acled writes ACLED columns, one row per coded event', async () => {
  const rows = [
    stored(ev({ source: { id: 'SRC', text: 'local sources, who said "heavy"' } }), 1),
    stored(ev({ type: 'ACCUSE', mode: '' }), 2),
    stored(ev({ status: 'planned', type: 'CONSULT', mode: 'meeting' }), 3),
    stored(ev({ type: 'AGREE', mode: '' }), 4),
  ];
  const sitrep = parse(await collect(rows, 'csv')) as string[][];
  assert.deepEqual(sitrep[0], [...CSV_COLUMNS]);
  assert.equal(sitrep.length, 5);
  assert.equal(sitrep[1]![CSV_COLUMNS.indexOf('event_type')], 'ASSAULT', 'the sitrep columns keep PLOVER types');

  const skipped: number[] = [];
  const acled = parse(await collect(rows, 'csv', { columns: 'acled', onSkipped: (r) => skipped.push(r.id) }), { columns: true }) as Record<string, string>[];
  assert.deepEqual(skipped, [2, 3]);
  assert.equal(acled.length, 2);
  assert.deepEqual(acled.map((r) => [r.event_id_cnty, r.event_type, r.sub_event_type]), [
    ['SITREP1', 'Explosions/Remote violence', 'Air/drone strike'],
    ['SITREP4', 'Strategic developments', 'Agreement'],
  ]);
  assert.equal(acled[0]!.source, 'local sources, who said "heavy"; Example News', 'quotes and commas survive the CSV');
  assert.equal(acled[0]!.fatalities, '0');
  assert.equal(acled[1]!.civilian_targeting, '');
});
