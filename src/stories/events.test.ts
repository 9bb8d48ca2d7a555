// Story events: mentions of one happening merged across articles, with the claims ledger;
// the dates a story gives its undated articles; the summary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compatible } from '../model/actors.js';
import { articleDate, redate, storySpan } from './dating.js';
import { mergeEvents, type Mention } from './events.js';
import { rolesFrom } from './roles.js';
import { summarize } from './summary.js';
import type { PlaceRef } from '../model/index.js';
import { IDLIB_PROVINCE, KAFRANBEL, mention, NEAR_KAFRANBEL, SOCHI, TAFAS } from './stories.fixture.js';

const roles = new Map([['PER.PUTIN', 'RUS.GOV'], ['PER.ERDOGAN', 'TUR.GOV'], ['PER.LAVROV', 'RUS.GOV']]);
const told = (sourceId: string, outlet: string | null, articleDate: string | null, event: Mention['event']): Mention => ({ sourceId, outlet, articleDate, event });

test('actor ids: a part fits its whole, a person the sector of their role', () => {
  assert.ok(compatible('RUS.MIL', 'RUS', roles));
  assert.ok(compatible('PER.LAVROV', 'RUS.GOV', roles));
  assert.ok(!compatible('RUS.GOV', 'RUS.MIL', roles));
  assert.ok(!compatible('PER.LAVROV', 'TUR.GOV', roles));
});

test('person roles follow the year: the office held then', () => {
  const rolesIn = rolesFrom([{ id: 'PER.X', type: 'person', names: ['X'], source: 'test', roles: [{ of: 'AAA.MIL', title: 'defence minister', from: 2010, to: 2015 }, { of: 'AAA.GOV', title: 'president', from: 2016, to: null }] }]);
  assert.equal(rolesIn(2012).get('PER.X'), 'AAA.MIL');
  assert.equal(rolesIn(2020).get('PER.X'), 'AAA.GOV');
});

test('a coalition fits the sector of its lead state: "US-led coalition strikes" and "US strikes" name one attacker', () => {
  const rolesIn = rolesFrom([{ id: 'IGO.TEST', type: 'organization', names: ['Test-led coalition'], ledBy: 'AAA.MIL', source: 'test' }]);
  const r = rolesIn(2016);
  assert.ok(compatible('IGO.TEST', 'AAA.MIL', r));
  assert.ok(compatible('IGO.TEST', 'AAA', r));
  assert.ok(!compatible('IGO.TEST', 'BBB.MIL', r));
});

test('one airstrike told by two outlets with rival tolls: one event, the lowest toll with the range, both voices, disputed', () => {
  const sohr = { id: 'SOHR', text: 'a war monitor' };
  const spotters = { id: 'SPOTTERS', text: 'plane spotters' };
  const events = mergeEvents('1', [
    told('a', 'Example Wire', '2024-03-10', mention({ mode: 'aerial', actor: { id: 'RUS.MIL', text: 'Russian jets' }, recipient: { id: 'SYR.REB.TUR', text: 'Turkish-backed fighters' },
      place: KAFRANBEL, day: '2024-03-10', killed: { min: 7, max: null, who: 'fighters', text: 'at least seven fighters' }, source: sohr })),
    told('b', 'Other Daily', '2024-03-11', mention({ mode: 'aerial', actor: { id: 'RUS', text: 'Russia' }, place: NEAR_KAFRANBEL, day: '2024-03-10',
      killed: { min: 5, max: null, who: 'fighters', text: 'at least five fighters' }, injured: { min: 12, max: null, who: 'civilians', text: '12 civilians' }, source: spotters })),
  ], roles);
  assert.equal(events.length, 1);
  const [e] = events;
  assert.equal(e!.mentions.length, 2);
  assert.equal(e!.actor!.id, 'RUS.MIL');
  assert.equal(e!.killed!.min, 5);
  assert.deepEqual(e!.killedRange, { min: 5, max: 7 });
  assert.equal(e!.injured!.min, 12);
  const killed = e!.claims.find((c) => c.field === 'killed')!;
  assert.equal(killed.disputed, true);
  assert.deepEqual(killed.values.map((v) => [(v.value as { min: number }).min, v.sourceId, v.outlet, v.source?.id]), [[7, 'a', 'Example Wire', 'SOHR'], [5, 'b', 'Other Daily', 'SPOTTERS']]);
  // Russia and its air force are the same actor told more or less precisely: listed, not disputed.
  assert.deepEqual(e!.claims.find((c) => c.field === 'actor')?.disputed, false);
  assert.equal(e!.claims.some((c) => c.field === 'injured'), false);
});

test('a meeting announced and then reported is one event that occurred, its planned mentions kept', () => {
  const putin = { id: 'PER.PUTIN', text: 'Putin' }, erdogan = { id: 'PER.ERDOGAN', text: 'Erdogan' };
  const events = mergeEvents('1', [
    told('a', 'Example Wire', '2024-03-10', mention({ type: 'CONSULT', mode: 'meeting', actor: putin, recipient: erdogan, place: SOCHI, day: '2024-03-14', status: 'planned' })),
    told('b', 'Example Wire', '2024-03-11', mention({ type: 'CONSULT', mode: 'talks', actor: erdogan, recipient: null, place: SOCHI,
      date: { start: '2024-03-11', end: '2024-03-17', precision: 'week', basis: 'relative' }, status: 'planned' })),
    // Told the other way round, by sector, with no place.
    told('c', 'Other Daily', '2024-03-15', mention({ type: 'CONSULT', mode: 'meeting', actor: { id: 'TUR.GOV', text: 'Ankara' }, recipient: { id: 'RUS.GOV', text: 'Moscow' }, day: '2024-03-14' })),
  ], roles);
  assert.equal(events.length, 1);
  const [e] = events;
  assert.equal(e!.status, 'occurred');
  assert.deepEqual(e!.date, { start: '2024-03-14', end: '2024-03-14', precision: 'day', basis: 'explicit' });
  assert.deepEqual([e!.actor?.id, e!.recipient?.id], ['PER.PUTIN', 'PER.ERDOGAN']);
  assert.deepEqual(e!.mentions.map((m) => [m.sourceId, m.event.status]), [['a', 'planned'], ['b', 'planned'], ['c', 'occurred']]);
  // A plan that came true is not a dispute.
  assert.deepEqual(e!.claims.find((c) => c.field === 'status')?.disputed, false);
});

test('different happenings stay apart: far places, other days, another mode, a call is not a meeting', () => {
  const base = { mode: 'heavy-weapons', actor: { id: 'SYR.MIL', text: 'artillery' }, day: '2024-03-10' };
  const split = (...ms: Mention['event'][]) => mergeEvents('1', ms.map((m, i) => told(String(i), null, '2024-03-10', m)), roles).length;
  assert.equal(split(mention({ ...base, place: KAFRANBEL }), mention({ ...base, place: TAFAS })), 2);
  assert.equal(split(mention({ ...base, place: KAFRANBEL }), mention({ ...base, place: IDLIB_PROVINCE })), 1, 'a town inside the province named');
  assert.equal(split(mention({ ...base, place: KAFRANBEL }), mention({ ...base, day: '2024-03-14' })), 2);
  assert.equal(split(mention({ ...base, place: KAFRANBEL }), mention({ ...base, mode: 'capture' })), 2);
  assert.equal(split(mention({ type: 'CONSULT', mode: 'call', day: '2024-03-10', actor: { id: 'PER.PUTIN', text: 'Putin' } }), mention({ type: 'CONSULT', mode: 'meeting', day: '2024-03-10', actor: { id: 'PER.PUTIN', text: 'Putin' } })), 2);
  // A provincial seat named like its province may stand for the province ("Syria's Idlib"):
  // it holds a town of that province 54 km away; two other towns that far apart do not meet.
  const idlibCity: PlaceRef = { name: 'Idlib', geonameid: 9010, lat: 35.93, lon: 36.63, country: 'SY', admin1: 'Idlib', precision: 1 };
  const raqqaCity: PlaceRef = { name: 'Ar Raqqah', geonameid: 9011, lat: 35.95, lon: 39.01, country: 'SY', admin1: 'Raqqa', precision: 1 };
  const khanShaykhun: PlaceRef = { name: 'Khān Shaykhūn', geonameid: 9012, lat: 35.44, lon: 36.65, country: 'SY', admin1: 'Idlib', precision: 1 };
  const farNorth: PlaceRef = { name: 'Sarmada', geonameid: 9013, lat: 36.18, lon: 36.72, country: 'SY', admin1: 'Idlib', precision: 1 };
  const westRaqqa: PlaceRef = { name: 'West Raqqa town', geonameid: 9014, lat: 35.96, lon: 38.03, country: 'SY', admin1: 'Raqqa', precision: 1 };
  assert.equal(split(mention({ ...base, place: idlibCity }), mention({ ...base, place: khanShaykhun })), 1, 'the seat holds its province');
  assert.equal(split(mention({ ...base, place: raqqaCity }), mention({ ...base, place: westRaqqa })), 1, '"Ar Raqqah" is the seat of "Raqqa"');
  assert.equal(split(mention({ ...base, place: farNorth }), mention({ ...base, place: khanShaykhun })), 2, 'two towns 82 km apart');
  assert.equal(split(mention({ ...base, place: idlibCity }), mention({ ...base, place: TAFAS })), 2, 'another province');
  // A vague mention fits both, but does not chain two places together.
  assert.equal(split(mention({ ...base, place: KAFRANBEL }), mention({ ...base }), mention({ ...base, place: TAFAS })), 2);
});

test('the timeline is in date order, undated events last', () => {
  const events = mergeEvents('1', [
    told('a', null, '2024-03-10', mention({ type: 'PROTEST', actor: { id: 'SYR.CVL', text: 'residents' } })),
    told('a', null, '2024-03-10', mention({ actor: { id: 'SYR.MIL', text: 'army' }, day: '2024-03-09', start: 20 })),
    told('a', null, '2024-03-10', mention({ type: 'RETREAT', actor: { id: 'HTS', text: 'HTS' }, day: '2024-03-08', start: 40 })),
  ], roles);
  assert.deepEqual(events.map((e) => e.type), ['RETREAT', 'ASSAULT', 'PROTEST']);
});

test('an undated article takes its date from the story, its year-less dates the story year', () => {
  const members = [
    { published: '2021-09-26', publishedBasis: 'byline', publishedGuess: null },
    { published: null, publishedGuess: { date: '2021-09-27', precision: 'day' as const, basis: [], confidence: 0.5 } },
    // A text with no year, its guess made in the wrong year.
    { published: null, publishedGuess: { date: '2019-09-28', precision: 'day' as const, basis: [], confidence: 0.5 } },
    { published: null, publishedGuess: null },
  ];
  const span = storySpan(members);
  assert.deepEqual(span, { first: '2021-09-26', last: '2021-09-26' });
  assert.deepEqual(members.map((m) => articleDate(m, span)), [
    { date: '2021-09-26', precision: 'day', basis: 'byline' },
    { date: '2021-09-27', precision: 'day', basis: 'story' },
    { date: '2021-09-28', precision: 'day', basis: 'story' },
    { date: '2021-09-26', precision: 'week', basis: 'story', earliest: '2021-09-26', latest: '2021-09-26' },
  ]);
  const relative = mention({ date: { start: '2019-09-29', end: '2019-09-29', precision: 'day', basis: 'relative' } });
  assert.deepEqual(redate(relative, members[2]!, articleDate(members[2]!, span)).date, { start: '2021-09-29', end: '2021-09-29', precision: 'day', basis: 'story' });
  const explicit = mention({ date: { start: '2019-09-29', end: '2019-09-29', precision: 'day', basis: 'explicit' } });
  assert.equal(redate(explicit, members[2]!, articleDate(members[2]!, span)), explicit);
  assert.equal(redate(relative, members[0]!, articleDate(members[0]!, span)), relative);
  // No day known for the article (no guess, or only a year's placeholder): its "on Monday" is
  // some day of the week up to the story's date for it, not a day counted from a placeholder.
  const yearOnly = { published: null, publishedGuess: { date: '2016-07-01', precision: 'year' as const, basis: [], confidence: 0.3 } };
  const placeholderMonday = mention({ date: { start: '2016-06-27', end: '2016-06-27', precision: 'day', basis: 'relative' } });
  assert.deepEqual(redate(placeholderMonday, yearOnly, articleDate(yearOnly, span)).date, { start: '2021-09-19', end: '2021-09-26', precision: 'week', basis: 'story' });
  const published = mention({ date: { start: '2016-07-01', end: '2016-07-01', precision: 'day', basis: 'publication' } });
  assert.deepEqual(redate(published, members[3]!, articleDate(members[3]!, span)).date, { start: '2021-09-26', end: '2021-09-26', precision: 'week', basis: 'story' });
});

test('the summary: at most five central sentences, no repeats, each traceable to its article', () => {
  const a = 'Artillery shelled the market in Kafranbel on Sunday, killing four civilians. Rescue workers searched the rubble of the market for survivors. ' +
    'The town has been shelled often in recent months by the army. A local council asked for help.';
  const b = 'Artillery shelled the Kafranbel market on Sunday, killing four civilians, rescue workers said. Shops in the market were destroyed by the shelling. ' +
    'Aid groups said they could not reach the town after the attack. Schools in the area stayed closed on Monday.';
  const c = 'Rescue workers searched the rubble of the Kafranbel market for survivors after the shelling. Families buried the four civilians killed in the attack. ' +
    'Residents said they feared more shelling in the coming days. The army did not comment on the shelling.';
  const spans = (t: string) => [...t.matchAll(/[^.]+\./g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const summary = summarize([{ sourceId: 'a', text: a, sentences: spans(a) }, { sourceId: 'b', text: b, sentences: spans(b) }, { sourceId: 'c', text: c, sentences: spans(c) }]);
  assert.ok(summary.length >= 2 && summary.length <= 5);
  const texts = { a, b, c } as Record<string, string>;
  for (const s of summary) assert.equal(texts[s.sourceId]!.slice(s.start, s.end), s.text);
  // The two near-identical lead sentences are one sentence of the summary.
  assert.equal(summary.filter((s) => /^Artillery shelled/.test(s.text)).length, 1);
  assert.match(summary.map((s) => s.text).join(' '), /Kafranbel/);
});

test('outlets that blame different sides for one attack (same town, same day) tell one happening', async () => {
  const { sameHappening } = await import('./events.js');
  const base = {
    type: 'ASSAULT' as const, mode: 'aerial', recipient: null, status: 'occurred' as const, killed: null, injured: null, source: null,
    place: { name: 'Kafr Nabl', lat: 35.61, lon: 36.56, country: 'SY', precision: 1 as const, geonameid: 1 },
    date: { start: '2024-03-01', end: '2024-03-01', precision: 'day' as const, basis: 'explicit' as const },
    evidence: { sentence: 0, start: 0, end: 10 }, confidence: 0.8,
  };
  const roles = new Map<string, string>();
  assert.ok(sameHappening({ ...base, actor: { id: 'RUS.MIL', text: 'Russian jets' } }, { ...base, actor: { id: 'SYR.MIL', text: 'regime jets' } }, roles));
  const otherDay = { ...base, date: { ...base.date, start: '2024-03-02', end: '2024-03-02' } };
  assert.ok(!sameHappening({ ...base, actor: { id: 'RUS.MIL', text: 'Russian jets' } }, { ...otherDay, actor: { id: 'SYR.MIL', text: 'regime jets' } }, roles));
  // "The regime" (its government) and "regime jets" (its military) are one attacker, whatever the town.
  const province = { ...base, place: { name: 'Idlib', lat: 35.8, lon: 36.6, country: 'SY', admin1: 'Idlib', precision: 3 as const } };
  assert.ok(sameHappening({ ...province, actor: { id: 'SYR.GOV', text: 'the regime' } }, { ...base, actor: { id: 'SYR.MIL', text: 'regime jets' } }, roles));
  assert.ok(!sameHappening({ ...province, actor: { id: 'SYR.GOV', text: 'the regime' } }, { ...base, actor: { id: 'RUS.MIL', text: 'Russian jets' } }, roles));
});

test('reports of one attack that differ only in whom it hit (same attacker, day and toll) tell one happening', () => {
  const coalition = { id: 'IGO.COALITION', text: 'coalition jets' };
  const strike = (sourceId: string, o: { day?: string; place?: PlaceRef; killed?: number; actor?: Mention['event']['actor']; recipient?: Mention['event']['recipient'] }) =>
    told(sourceId, sourceId, o.day ?? '2024-03-10', mention({
      mode: 'aerial', day: o.day ?? '2024-03-10', place: o.place ?? KAFRANBEL, actor: o.actor ?? null, recipient: o.recipient ?? null,
      ...(o.killed ? { killed: { min: o.killed, max: null, who: 'people', text: `${o.killed} killed` } } : {}) }));
  const civilians = { id: 'SYR.CVL', text: 'civilians' }, pilots = { id: 'BBB', text: 'B-land jets' };
  // "Coalition strike kills six civilians in a village" and "Six killed in a strike on a village; B-land jets in the area"
  // (the jets misread as the target): one strike, its victims told two ways.
  assert.equal(mergeEvents('1', [strike('a', { actor: coalition, recipient: civilians, killed: 6 }), strike('b', { place: IDLIB_PROVINCE, recipient: pilots, killed: 6 })], roles).length, 1);
  // Not with another toll, a single death, another day, or another attacker.
  assert.equal(mergeEvents('1', [strike('a', { actor: coalition, recipient: civilians, killed: 6 }), strike('b', { place: IDLIB_PROVINCE, recipient: pilots, killed: 9 })], roles).length, 2);
  assert.equal(mergeEvents('1', [strike('a', { actor: coalition, recipient: civilians, killed: 1 }), strike('b', { place: IDLIB_PROVINCE, recipient: pilots, killed: 1 })], roles).length, 2);
  assert.equal(mergeEvents('1', [strike('a', { actor: coalition, recipient: civilians, killed: 6 }), strike('b', { day: '2024-03-11', recipient: pilots, killed: 6 })], roles).length, 2);
  assert.equal(mergeEvents('1', [strike('a', { actor: coalition, recipient: civilians, killed: 6 }), strike('b', { place: TAFAS, recipient: pilots, killed: 6 })], roles).length, 2);
  assert.equal(mergeEvents('1', [strike('a', { actor: coalition, recipient: civilians, killed: 6 }),
    strike('b', { place: NEAR_KAFRANBEL, actor: { id: 'RUS.MIL', text: 'Russian jets' }, recipient: pilots, killed: 6 })], roles).length, 1, 'the same town and day: blamed on another side, still one');
  assert.equal(mergeEvents('1', [strike('a', { actor: coalition, recipient: civilians, killed: 6 }),
    strike('b', { place: IDLIB_PROVINCE, actor: { id: 'RUS.MIL', text: 'Russian jets' }, recipient: pilots, killed: 6 })], roles).length, 2);
});

test('story event ids are unique: two events told in one sentence (an accusation and the attack) get two ids', () => {
  const events = mergeEvents('7', [
    told('a', 'Example Wire', '2024-03-10', mention({ type: 'ACCUSE', start: 40, actor: { id: 'RUS.GOV', text: 'Moscow' }, recipient: { id: 'BBB', text: 'B-land' } })),
    told('a', 'Example Wire', '2024-03-10', mention({ mode: 'aerial', start: 40, day: '2024-03-10', place: KAFRANBEL })),
    told('a', 'Example Wire', '2024-03-10', mention({ mode: 'aerial', start: 40, day: '2024-03-01', place: TAFAS })),
  ], roles);
  assert.equal(events.length, 3);
  assert.equal(new Set(events.map((e) => e.id)).size, 3);
  // The first in date order keeps the plain id.
  assert.deepEqual(events.map((e) => e.id).filter((id) => !id.includes('~')), ['7/a#40']);
});

test('the day\'s slack joins two exact days, not a week and the day after it', async () => {
  const { sameHappening } = await import('./events.js');
  const shelled = (date: Mention['event']['date']) => mention({ mode: 'heavy-weapons', place: KAFRANBEL, date });
  const day = (d: string) => ({ start: d, end: d, precision: 'day' as const, basis: 'explicit' as const });
  // "Shelling on Monday night" and "shelling on Tuesday": one happening, a time zone apart.
  assert.ok(sameHappening(shelled(day('2024-03-11')), shelled(day('2024-03-12')), roles));
  // "Shelling last week" (the 4th to the 10th) is not the shelling of the 11th.
  const lastWeek = { start: '2024-03-04', end: '2024-03-10', precision: 'week' as const, basis: 'relative' as const };
  assert.ok(!sameHappening(shelled(lastWeek), shelled(day('2024-03-11')), roles));
  assert.ok(sameHappening(shelled(lastWeek), shelled(day('2024-03-10')), roles));
});

test('the day\'s slack needs more than the day: the same toll, or one town rather than a city', () => {
  const ALEPPO_CITY: PlaceRef = { name: 'Aleppo', geonameid: 9010, lat: 36.2, lon: 37.16, country: 'SY', admin1: 'Aleppo', precision: 1 };
  const raid = (sourceId: string, day: string, place: PlaceRef, killed?: number) => told(sourceId, sourceId, day, mention({
    mode: 'aerial', place, day, ...(killed ? { killed: { min: killed, max: null, who: 'people', text: `${killed} killed` } } : {}) }));
  // Raids on the city on Thursday (19 killed) and on Friday (31 killed): two days' attacks.
  assert.equal(mergeEvents('1', [raid('a', '2024-03-07', ALEPPO_CITY, 19), raid('b', '2024-03-08', ALEPPO_CITY, 31)], roles).length, 2);
  // Strikes across the province on Monday, a strike in it early on Tuesday: two attacks.
  assert.equal(mergeEvents('1', [raid('a', '2024-03-11', IDLIB_PROVINCE, 21), raid('b', '2024-03-12', KAFRANBEL, 56)], roles).length, 2);
  // The same toll a day apart, in the city: one attack dated by two outlets' days.
  assert.equal(mergeEvents('1', [raid('a', '2024-03-07', ALEPPO_CITY, 20), raid('b', '2024-03-08', ALEPPO_CITY, 20)], roles).length, 1);
  // A village struck at night, its toll risen by the next day's report: one attack.
  assert.equal(mergeEvents('1', [raid('a', '2024-03-13', KAFRANBEL, 29), raid('b', '2024-03-14', KAFRANBEL, 61)], roles).length, 1);
  // A third report's toll fits any of the group's mentions, not only the last one's.
  assert.equal(mergeEvents('1', [raid('a', '2024-03-07', ALEPPO_CITY, 20), raid('b', '2024-03-07', ALEPPO_CITY, 18), raid('c', '2024-03-08', ALEPPO_CITY, 20)], roles).length, 1);
});

test('a lower toll on the next day is another attack; a rising toll is the same one', () => {
  const strike = (sourceId: string, day: string, killed: number) => told(sourceId, sourceId, day, mention({
    mode: 'aerial', place: KAFRANBEL, day, killed: { min: killed, max: null, who: 'people', text: `${killed} killed` } }));
  // Forty killed on the 10th, then four medics killed at a clinic on the 11th: two strikes.
  assert.equal(mergeEvents('1', [strike('a', '2024-03-10', 40), strike('b', '2024-03-11', 4)], roles).length, 2);
  // Four killed on the 10th, the toll risen to six the next day: one strike.
  const rising = mergeEvents('1', [strike('a', '2024-03-10', 4), strike('b', '2024-03-11', 6)], roles);
  assert.equal(rising.length, 1);
  assert.deepEqual(rising[0]!.killedRange, { min: 4, max: 6 });
  // On the same day, rival tolls are one strike told two ways (the ledger disputes them).
  assert.equal(mergeEvents('1', [strike('a', '2024-03-10', 40), strike('b', '2024-03-10', 4)], roles).length, 1);
  // A mention that fits the group's record but not one of its mentions stays out.
  const three = mergeEvents('1', [strike('a', '2024-03-10', 40), told('b', 'b', '2024-03-10', mention({ mode: 'aerial', place: KAFRANBEL, day: '2024-03-10' })), strike('c', '2024-03-11', 4)], roles);
  assert.deepEqual(three.map((e) => e.mentions.length).sort(), [1, 2]);
});

test('a vague mention joins the group one of whose mentions it matches, not the one whose last mention set the record', () => {
  const blast = (sourceId: string, day: string | undefined, killed: number) => told(sourceId, sourceId, day ?? '2024-03-16', mention({
    mode: 'explosives', place: KAFRANBEL, day, killed: { min: killed, max: null, who: 'people', text: `${killed} killed` } }));
  // A bombing on the 10th (100 then 70 killed) and another on the 14th (six killed, then a
  // report of the same day giving 120, which sets that group's record). An undated report of
  // six killed fits both groups; it shares its toll with the second one's first report.
  const events = mergeEvents('1', [
    blast('a', '2024-03-10', 100), blast('b', '2024-03-10', 70),
    blast('c', '2024-03-14', 6), blast('d', '2024-03-14', 120),
    blast('e', undefined, 6),
  ], roles);
  assert.equal(events.length, 2);
  const undated = events.find((e) => e.mentions.some((m) => m.sourceId === 'e'))!;
  assert.deepEqual(undated.mentions.map((m) => m.sourceId).sort(), ['c', 'd', 'e']);
});

test('a long story: each day\'s raid its own event, a vague mention finds the first that fits, an undated one the toll it shares', () => {
  const CITY: PlaceRef = { name: 'Aleppo', geonameid: 9010, lat: 36.2, lon: 37.16, country: 'SY', admin1: 'Aleppo', precision: 1 };
  const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const raids = Array.from({ length: 300 }, (_, n) => told(`r${n}`, 'Example Wire', day(n), mention({
    mode: 'aerial', place: CITY, day: day(n), killed: { min: n + 1, max: null, who: 'people', text: `${n + 1} killed` } })));
  // "Raids on the city in March" (no toll) fits every March raid equally: it joins the first.
  const march = told('m', 'Other Daily', day(100), mention({ mode: 'aerial', place: CITY, date: { start: '2024-03-01', end: '2024-03-31', precision: 'month', basis: 'relative' } }));
  // An undated report of 151 killed shares its toll with the raid of day 150 only.
  const undated = told('u', 'Third Post', null, mention({ mode: 'aerial', place: CITY, killed: { min: 151, max: null, who: 'people', text: '151 killed' } }));
  const events = mergeEvents('1', [undated, march, ...raids], roles);
  assert.equal(events.length, 300);
  const holding = (id: string) => events.find((e) => e.mentions.some((m) => m.sourceId === id))!;
  assert.deepEqual(holding('m').mentions.map((m) => m.sourceId).sort(), ['m', 'r60']);
  assert.deepEqual(holding('u').mentions.map((m) => m.sourceId).sort(), ['r150', 'u']);
});
