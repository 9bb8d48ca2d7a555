import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Attribution, EntityMention, TimeMention } from '../../model/index.js';
import { splitSentences } from '../sentences/index.js';
import { docOf } from '../types.js';
import { findEvents, loadEventKnowledge, parseCasualties } from './index.js';
import { matchPhrases } from './lexicon.js';

const k = loadEventKnowledge();

/** A doc whose entity layer marks each [words, id] pair (first occurrence). */
function doc(text: string, actors: [string, string][], extra: { times?: TimeMention[]; attributions?: Attribution[]; published?: string } = {}) {
  const entities: EntityMention[] = actors.map(([w, id]) => {
    const start = text.indexOf(w);
    assert.ok(start >= 0, w);
    return { start, end: start + w.length, text: w, type: 'group' as const, id };
  }).sort((a, b) => a.start - b.start);
  return docOf(text, { sentences: splitSentences(text), entities, times: extra.times ?? [], attributions: extra.attributions ?? [], published: extra.published ?? '2022-03-10' });
}

test('aerial assault with actor, recipient and casualties', () => {
  const text = 'Russian jets launched airstrikes on rebel positions, killing at least nine fighters.';
  const ev = findEvents(doc(text, [['Russian jets', 'RUS.MIL'], ['rebel', 'SYR.REB']]), k);
  assert.equal(ev.length, 1);
  assert.equal(ev[0]!.type, 'ASSAULT');
  assert.equal(ev[0]!.mode, 'aerial');
  assert.equal(ev[0]!.actor?.id, 'RUS.MIL');
  assert.equal(ev[0]!.recipient?.id, 'SYR.REB');
  assert.deepEqual({ min: ev[0]!.killed?.min, max: ev[0]!.killed?.max, who: ev[0]!.killed?.who }, { min: 9, max: null, who: 'fighters' });
  assert.equal(ev[0]!.status, 'occurred');
});

test('passive voice: "by X" is the actor', () => {
  const text = 'The rebels were shelled by government forces near the river.';
  const ev = findEvents(doc(text, [['rebels', 'SYR.REB'], ['government forces', 'SYR.MIL']]), k);
  assert.equal(ev[0]!.type, 'ASSAULT');
  assert.equal(ev[0]!.actor?.id, 'SYR.MIL');
  assert.equal(ev[0]!.recipient?.id, 'SYR.REB');
});

test('capture and mobilize families', () => {
  const a = findEvents(doc('The army retook the hill from the militants.', [['The army', 'SYR.MIL'], ['militants', 'SYR.REB']]), k);
  assert.equal(a[0]!.mode, 'capture');
  const b = findEvents(doc('Turkey sent reinforcements to its outposts.', [['Turkey', 'TUR']]), k);
  assert.equal(b[0]!.type, 'MOBILIZE');
  assert.equal(b[0]!.mode, 'deploy');
});

test('planned meeting and a call', () => {
  const text = 'The two presidents will hold another meeting with Ankara next month.';
  const ev = findEvents(doc(text, [['presidents', 'RUS.GOV'], ['Ankara', 'TUR.GOV']]), k);
  assert.equal(ev[0]!.type, 'CONSULT');
  assert.equal(ev[0]!.status, 'planned');
  const c = findEvents(doc('Moscow held a telephone conversation with Tehran.', [['Moscow', 'RUS.GOV'], ['Tehran', 'IRN.GOV']]), k);
  assert.equal(c[0]!.mode, 'call');
});

test('statements: accuse, request, threaten, sanction', () => {
  const types = [
    ['The ministry accused the rebels of lying.', 'ACCUSE'],
    ['The ministry called on the rebels to lay down arms.', 'REQUEST'],
    ['The ministry threatened to cut supplies to the rebels.', 'THREATEN'],
    ['The ministry imposed sanctions on the rebels.', 'SANCTION'],
  ] as const;
  for (const [t, type] of types) {
    const ev = findEvents(doc(t, [['The ministry', 'USA.GOV'], ['rebels', 'SYR.REB']]), k);
    assert.equal(ev[0]?.type, type, t);
  }
});

test('negation yields no event; no actor and no casualties yields none', () => {
  assert.equal(findEvents(doc('The army did not attack the village.', [['The army', 'SYR.MIL']]), k).length, 0);
  assert.equal(findEvents(doc('Something was bombed.', []), k).length, 0);
});

test('casualty phrases', () => {
  assert.deepEqual(parseCasualties('The strike killed three people.', 'killed')?.min, 3);
  const inj = parseCasualties('12 civilians were injured in the blast.', 'injured');
  assert.equal(inj?.min, 12); assert.equal(inj?.who, 'civilians');
  const d = parseCasualties('The raid killed dozens of civilians.', 'killed');
  assert.equal(d?.min, 24); assert.equal(d?.who, 'civilians');
  const d2 = parseCasualties('Dozens civilians were killed.', 'killed');
  assert.equal(d2?.min, 24); assert.equal(d2?.max, null);
  const s = parseCasualties('at least seven pro-Turkey fighters were killed', 'killed');
  assert.equal(s?.min, 7); assert.equal(s?.who, 'fighters');
});

test('source from the attribution layer and from "according to"', () => {
  const text = 'Government forces shelled the rebels, according to the monitor.';
  const ev = findEvents(doc(text, [['Government forces', 'SYR.MIL'], ['rebels', 'SYR.REB'], ['the monitor', 'SOHR']]), k);
  assert.equal(ev[0]!.source?.id, 'SOHR');
  const text2 = 'Lavrov said Russian jets bombed the rebels.';
  const att: Attribution = { start: 0, end: text2.length, kind: 'reported', cue: { start: 7, end: 11, text: 'said' }, speaker: { start: 0, end: 6, text: 'Lavrov', id: 'PER.LAVROV' } } as Attribution;
  const ev2 = findEvents(doc(text2, [['Lavrov', 'PER.LAVROV'], ['Russian jets', 'RUS.MIL'], ['rebels', 'SYR.REB']], { attributions: [att] }), k);
  const a = ev2.find((e) => e.type === 'ASSAULT');
  assert.equal(a?.source?.id, 'PER.LAVROV');
});

test('background: an explicit year far before publication', () => {
  const text = 'Russia deployed troops to Syria in September 2015.';
  const times: TimeMention[] = [{ start: text.indexOf('September'), end: text.indexOf('2015') + 4, text: 'September 2015', value: '2015-09', precision: 'month', range: ['2015-09-01', '2015-09-30'] }];
  const ev = findEvents(doc(text, [['Russia', 'RUS.MIL'], ['Syria', 'SYR']], { times }), k);
  assert.equal(ev[0]!.type, 'MOBILIZE');
  assert.equal(ev[0]!.status, 'background');
  assert.deepEqual([ev[0]!.date?.start, ev[0]!.date?.end, ev[0]!.date?.precision], ['2015-09-01', '2015-09-30', 'month']);
});

test('two events in one sentence, and a headline merged with its body', () => {
  const text = 'The army retook the town from the rebels after Russian jets bombed the rebels.';
  const ev = findEvents(doc(text, [['The army', 'SYR.MIL'], ['the rebels', 'SYR.REB'], ['Russian jets', 'RUS.MIL']]), k);
  assert.deepEqual(ev.map((e) => e.mode).sort(), ['aerial', 'capture']);
  const t2 = 'Russian jets bombed rebels. On Sunday, Russian jets bombed rebels near the town, killing four fighters.';
  const at = (w: string, from: number): EntityMention => {
    const start = t2.indexOf(w, from);
    return { start, end: start + w.length, text: w, type: 'group', id: w === 'rebels' ? 'SYR.REB' : 'RUS.MIL' };
  };
  const second = t2.indexOf('On Sunday');
  const entities = [at('Russian jets', 0), at('rebels', 0), at('Russian jets', second), at('rebels', second)];
  const e2 = findEvents(docOf(t2, { sentences: splitSentences(t2), entities, published: '2022-03-10' }), k);
  assert.equal(e2.length, 1);
  assert.equal(e2[0]!.killed?.min, 4);
  assert.equal(e2[0]!.evidence.sentence, 0);
});

test('planned vs occurred: "is due to meet", "set to take place", and a meeting that happened', () => {
  const planned = findEvents(doc('The shelling went on as the two leaders Putin and Erdogan are due to meet on Friday.', [['Putin', 'PER.PUTIN'], ['Erdogan', 'PER.ERDOGAN']]), k);
  assert.equal(planned.find((e) => e.type === 'CONSULT')?.status, 'planned');
  const later = findEvents(doc('It coincides with a meeting between Putin and Erdogan set to take place in the resort next week.', [['Putin', 'PER.PUTIN'], ['Erdogan', 'PER.ERDOGAN']]), k);
  const m = later.find((e) => e.type === 'CONSULT');
  assert.equal(m?.status, 'planned');
  assert.deepEqual([m?.actor?.id, m?.recipient?.id], ['PER.PUTIN', 'PER.ERDOGAN']);
  const met = findEvents(doc('Putin met Erdogan on Tuesday.', [['Putin', 'PER.PUTIN'], ['Erdogan', 'PER.ERDOGAN']]), k);
  assert.equal(met[0]?.status, 'occurred');
});

test('background: a cumulative toll since the war began is not one event', () => {
  const ev = findEvents(doc('The war has killed more than 300000 people since 2011.', []), k);
  assert.ok(ev.every((e) => e.status === 'background'));
});

test('casualties of two kinds, number words, tolls, and dates that are not tolls', () => {
  const text = 'A car bomb killed twenty-five people and wounded 40 others in the town.';
  const ev = findEvents(doc(text, []), k);
  assert.equal(ev.length, 1);
  assert.equal(ev[0]!.mode, 'explosives');
  assert.deepEqual([ev[0]!.killed?.min, ev[0]!.injured?.min, ev[0]!.injured?.who], [25, 40, 'people']);
  assert.equal(parseCasualties('Aleppo bomb blast kills six', 'killed')?.min, 6);
  assert.equal(parseCasualties('the death toll rose to 86', 'killed')?.min, 86);
  assert.equal(parseCasualties('putting the death toll at at least 70.', 'killed')?.min, 70);
  assert.equal(parseCasualties('9 Aug 2016 5 people were killed', 'killed')?.min, 5);
  assert.equal(parseCasualties('the killing of at least five fighters', 'killed')?.min, 5);
  assert.equal(parseCasualties('Turkey deployed 3000 troops to the border.', 'killed'), null);
});

test('a weapon named beside the toll gives the mode; "regime helicopters" gives the attacker', () => {
  const text = 'Eight civilians were killed when regime helicopters dropped barrel bombs on the town.';
  const ev = findEvents(doc(text, [['Eight civilians', 'SYR.CVL'], ['regime', 'SYR.GOV']]), k);
  const a = ev.find((e) => e.type === 'ASSAULT')!;
  assert.equal(a.mode, 'aerial');
  assert.equal(a.actor?.id, 'SYR.GOV');
  assert.equal(a.recipient?.id, 'SYR.CVL');
  assert.equal(a.killed?.min, 8);
});

test('implied attacker from the sentence before, marked and less confident; none when the article says nobody knows', () => {
  const text = 'Russian jets bombed the town on Sunday. The strikes killed 12 civilians.';
  const ev = findEvents(doc(text, [['Russian jets', 'RUS.MIL']]), k);
  const withToll = ev.find((e) => e.killed)!;
  assert.equal(withToll.actor?.id, 'RUS.MIL');
  const unknown = 'An explosion killed 12 civilians in the market. It was not immediately clear who carried out the attack.';
  const ev2 = findEvents(doc(unknown, []), k);
  assert.equal(ev2[0]?.actor, null);
  const t3 = 'Russian jets bombed the town on Sunday. On Tuesday, an airstrike killed 12 civilians.';
  const day = (w: string, value: string): TimeMention => ({ start: t3.indexOf(w), end: t3.indexOf(w) + w.length, text: w, value, precision: 'day', range: [value, value] });
  const e3 = findEvents(doc(t3, [['Russian jets', 'RUS.MIL']], { times: [day('Sunday', '2022-03-06'), day('Tuesday', '2022-03-08')] }), k).find((e) => e.killed?.min === 12)!;
  assert.ok(e3.implied?.includes('actor'));
  assert.ok(e3.confidence < 0.8);
});

test('coordinated attackers give one event each; reporters and civilians never attack', () => {
  const text = 'Government forces along with Russian warplanes began an intense bombing campaign on rebel groups.';
  const ev = findEvents(doc(text, [['Government forces', 'SYR.MIL'], ['Russian warplanes', 'RUS.MIL'], ['rebel groups', 'SYR.REB']]), k);
  assert.deepEqual(ev.map((e) => e.actor?.id).sort(), ['RUS.MIL', 'SYR.MIL']);
  const rep = findEvents(doc('State media said 20 fighters were killed in shelling.', [['State media', 'SYR.MED'], ['fighters', 'SYR.REB']]), k);
  assert.notEqual(rep[0]?.actor?.id, 'SYR.MED');
});

test('"two days after X met": the event after the signal takes the days the times layer placed it on', () => {
  // (the times stage counts the offset from the time of the main clause: src/analyze/times/offsets.ts)
  const text = 'Jets bombed the town on Friday. These strikes came two days after Putin met Erdogan.';
  const fri: TimeMention = { start: text.indexOf('Friday'), end: text.indexOf('Friday') + 6, text: 'Friday', value: '2022-03-04', precision: 'day', range: ['2022-03-04', '2022-03-04'] };
  const two = { start: text.indexOf('two days'), end: text.indexOf('two days') + 8, text: 'two days', value: 'P2D', precision: 'duration' as const, placed: { range: ['2022-03-02', '2022-03-02'], precision: 'day', anchor: 'text' } } as TimeMention;
  const ev = findEvents(doc(text, [['Jets', 'RUS.MIL'], ['Putin', 'PER.PUTIN'], ['Erdogan', 'PER.ERDOGAN']], { times: [fri, two] }), k);
  const met = ev.find((e) => e.type === 'CONSULT')!;
  assert.deepEqual([met.date?.start, met.date?.end, met.date?.basis], ['2022-03-02', '2022-03-02', 'relative']);
  // the main clause keeps its own time: the strikes are not moved
  assert.equal(ev.find((e) => e.type === 'ASSAULT')?.date?.start, '2022-03-04');
});

test('a capture is taken from the other side named in the sentence', () => {
  const text = 'The army entered the village of Tal Rifaat after the rebels agreed to leave.';
  const ev = findEvents(doc(text, [['The army', 'SYR.MIL'], ['the rebels', 'SYR.REB']]), k).find((e) => e.mode === 'capture')!;
  assert.deepEqual([ev.actor?.id, ev.recipient?.id], ['SYR.MIL', 'SYR.REB']);
});

test('an attack is placed by its own clause, not by a place in another clause of the sentence', () => {
  const text = 'Envoys arrived in Geneva on Monday, a few days after five soldiers died in shelling by government forces.';
  const geneva = { start: text.indexOf('Geneva'), end: text.indexOf('Geneva') + 6, text: 'Geneva', name: 'Geneva', lat: 46.2, lon: 6.14, country: 'CH', precision: 1 as const };
  const d = { ...doc(text, [['five soldiers', 'TUR.MIL'], ['government forces', 'SYR.MIL']]), places: [geneva] };
  const a = findEvents(d, k).find((e) => e.type === 'ASSAULT')!;
  assert.equal(a.actor?.id, 'SYR.MIL');
  assert.notEqual(a.place?.name, 'Geneva');
});

test('reported criticism: the speaker accuses whoever the quoted words name ("X is unacceptable")', () => {
  const text = 'The minister said the presence of Ankara in the town is unacceptable.';
  const att: Attribution = { start: text.indexOf('the presence'), end: text.length - 1, kind: 'reported', cue: { start: 13, end: 17, text: 'said' }, speaker: { start: 0, end: 12, text: 'The minister', id: 'RUS.GOV' } } as Attribution;
  const ev = findEvents(doc(text, [['The minister', 'RUS.GOV'], ['Ankara', 'TUR.GOV']], { attributions: [att] }), k);
  assert.deepEqual(ev.map((e) => [e.type, e.actor?.id, e.recipient?.id]), [['ACCUSE', 'RUS.GOV', 'TUR.GOV']]);
  // outside reported speech, or with nobody named, no accusation is coded
  assert.equal(findEvents(doc('The plan is unacceptable.', []), k).length, 0);
});

test('"we" in someone\'s words, unresolved by the entity layer, is the speaker', () => {
  const text = '“We continue to cooperate with Russia,” the minister said.';
  const att: Attribution = { start: 1, end: text.indexOf('”'), kind: 'direct', cue: { start: text.indexOf('said'), end: text.indexOf('said') + 4, text: 'said' }, speaker: { start: text.indexOf('the minister'), end: text.indexOf('the minister') + 12, text: 'the minister', id: 'TUR.GOV' } } as Attribution;
  const ev = findEvents(doc(text, [['Russia', 'RUS']], { attributions: [att] }), k);
  assert.deepEqual(ev.map((e) => [e.type, e.actor?.id, e.recipient?.id]), [['COOPERATE', 'TUR.GOV', 'RUS']]);
});

test('casualties: the whole toll of "including" and "among", and headline pairs of killed and injured', () => {
  const k1 = (t: string) => parseCasualties(t, 'killed')?.min ?? null;
  const i1 = (t: string) => parseCasualties(t, 'injured')?.min ?? null;
  assert.equal(k1('At least 40 people including six children were killed in the raid.'), 40);
  assert.equal(k1('Three children were among at least 31 people killed in the village.'), 31);
  assert.equal(k1('Two women are among the 19 dead after the strike.'), 19);
  assert.deepEqual([k1('5 persons killed 17 others injured in rocket attacks on the city.'), i1('5 persons killed 17 others injured in rocket attacks on the city.')], [5, 17]);
  assert.deepEqual([k1('Eleven dead 40 wounded in a market blast.'), i1('Eleven dead 40 wounded in a market blast.')], [11, 40]);
  assert.deepEqual([k1('Six people killed 9 injured in shelling.'), i1('Six people killed 9 injured in shelling.')], [6, 9]);
  assert.equal(k1('The death toll from the rocket attacks on the old market in the city rose to 9 civilians.'), 9);
  assert.equal(k1('Two airmen were killed when their helicopter was shot down.'), 2);
  assert.equal(k1('Eleven citizens killed in attacks on the neighbourhood.'), 11);
  // a figure next to its verb beats one a few words before another verb
  assert.deepEqual([k1('A bomb killed eight people and wounded 30 others.'), i1('A bomb killed eight people and wounded 30 others.')], [8, 30]);
});

test('the subject of a later trigger is not the object of an earlier one', () => {
  const text = 'Twenty dead in a barrel bomb attack in Aleppo. Regime helicopters dropped barrel bombs on the district, killing 20 people.';
  const one = 'Twenty dead in a barrel bomb attack in Aleppo on Monday regime helicopters dropped barrel bombs on the district.';
  for (const t of [text, one]) {
    const ev = findEvents(doc(t, [['Regime helicopters', 'SYR.MIL']].map(([w, id]) => [t.includes(w!) ? w! : 'regime helicopters', id!] as [string, string])), k);
    assert.ok(ev.every((e) => e.recipient?.id !== 'SYR.MIL'), t);
    assert.ok(ev.some((e) => e.actor?.id === 'SYR.MIL'), t);
  }
});

test('ground clashes are fought with firearms unless the sentence names another weapon', () => {
  const ev = findEvents(doc('Kurdish fighters clashed with the jihadists near the town, killing 35 of them.', [['Kurdish fighters', 'SDF'], ['jihadists', 'ISIS']]), k);
  assert.deepEqual(ev.map((e) => [e.type, e.mode, e.actor?.id]), [['ASSAULT', 'firearms', 'SDF']]);
});

test('"strikes blamed on X": X is the attacker, as a claim', () => {
  const ev = findEvents(doc('Jet strikes blamed on the regime hit the town, killing 40 people.', [['the regime', 'SYR.GOV']]), k);
  assert.deepEqual(ev.filter((e) => e.type === 'ASSAULT').map((e) => [e.actor?.id, e.status, e.killed?.min]), [['SYR.GOV', 'claimed', 40]]);
});

test('the trigger scan reads words as the word expression does (letters of any script, apostrophes, hyphens, dots)', () => {
  const slow = { ...k.triggers, firstTrie: null };
  for (const text of [
    'Jets bombed the town; non-attacked, mid-shelled and pre_bombed posts; Ahrar’s.shelled and 2.bombed lines; army’s bombed depot.',
    'Ölçek attacked Café; Ölçek-bombed, Café’shelled, KILLED 3 — "attacked" ﬁghters Attacked the ΣΑΣ post, then ΣΑΣ shelled it.',
    'Kelvin \u212Aill attacked: İdlib shelled; mid-attacked, they shelled it again.',
    'An attack\u00a0on the post, an ATTACK\u2003 ON the town, an attack\u200bon the road, an attack\ufeff\ton it, shelled\u2028by the army and shelled\u180eby them.',
  ]) {
    const fast = matchPhrases(text, k.triggers).map((m) => [m.start, m.end, m.item.phrase]);
    assert.deepEqual(fast, matchPhrases(text, slow).map((m) => [m.start, m.end, m.item.phrase]), text);
    assert.ok(fast.length > 0, text);
  }
});
