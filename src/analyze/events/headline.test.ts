// The headline as evidence of the attacker the body leaves out, headline grammar (present
// tense "kill", "killed by X" without its auxiliary), tolls told as lives claimed or martyrs,
// and places abroad that a misread name would give. Full pipeline on short articles written
// for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractDocument } from '../../extract/index.js';
import { analyze, loadKnowledge } from '../index.js';
import { parseCasualties } from './index.js';

const knowledge = loadKnowledge();
const events = (content: string, title?: string, published = '2023-05-14') => {
  const article = extractDocument({ sourceId: 't', kind: 'text', content, published, ...(title ? { title } : {}) });
  assert.ok(article.ok);
  return analyze(article.value, knowledge).events;
};
const firstToll = (content: string, title?: string) => events(content, title).find((e) => e.type === 'ASSAULT' && e.killed)!;

test('the headline names the attacker the body leaves out, and the record points to it', () => {
  const title = 'Regime air raids kill 13 civilians in northern Syria';
  const body = 'Thirteen civilians were killed in air raids on the village of Taduf in Aleppo province on Wednesday, a monitor said. The Syrian regime has stepped up its campaign in the north.';
  const e = firstToll(body, title);
  assert.equal(e.killed?.min, 13);
  assert.equal(e.actor?.id.slice(0, 3), 'SYR');
  assert.ok(e.implied?.includes('actor'));
  assert.deepEqual(e.headline?.fields, ['actor']);
  assert.equal(title.slice(e.headline!.start, e.headline!.end).toLowerCase(), 'regime');
});

test('a headline toll that differs from the body\'s names another incident: no attacker taken', () => {
  const e = firstToll('Five people were killed in air raids on the town of Atareb on Monday, a monitor said.', 'Russian air strikes kill 40 in Idlib');
  assert.equal(e.killed?.min, 5);
  assert.equal(e.actor, null);
  assert.equal(e.headline, undefined);
});

test('no attacker from the headline when the body says it is unknown', () => {
  const e = firstToll('Twelve people were killed in air strikes on a market in Douma on Monday. It was not immediately clear who carried out the strikes.', 'Russian air strikes kill 12 in Douma');
  assert.equal(e.actor, null);
});

test('the body\'s own attacker is kept whatever the headline says', () => {
  const e = firstToll('Turkish artillery killed nine fighters near Afrin on Sunday, a monitor said.', 'Kurdish forces kill nine fighters near Afrin');
  assert.equal(e.actor?.id.slice(0, 3), 'TUR');
  assert.equal(e.headline, undefined);
});

test('headline grammar: present-tense "kill", and "killed by X" without its auxiliary', () => {
  const a = firstToll('Kurdish SDF fighters kill 13 Islamic State militants near Tabqa.');
  assert.equal(a.actor?.id, 'SDF');
  assert.equal(a.killed?.min, 13);
  const b = firstToll('More than 100 militants killed by the Syrian army near Aleppo.');
  assert.equal(b.actor?.id, 'SYR.MIL');
  assert.equal(b.killed?.min, 100);
  // (not for a statement: "criticized attempts by X" keeps its subject as the critic)
  const c = events('Lavrov criticized attempts by western powers to deliver aid.').find((x) => x.type === 'ACCUSE');
  assert.equal(c?.actor?.id, 'PER.LAVROV');
});

test('the attacker named beside a suicide blast', () => {
  const e = firstToll('More than 30 rebels were killed in an ISIS suicide blast near Azaz on Friday.');
  assert.equal(e.actor?.id, 'ISIS');
  assert.equal(e.mode, 'suicide');
});

test('tolls told as lives claimed, martyrs, or one victim named in the singular', () => {
  assert.equal(parseCasualties('Twin blasts hit the checkpoint claiming 4 martyrs and 13 injured.', 'killed')?.min, 4);
  assert.equal(parseCasualties('The raids claimed 17 lives overnight.', 'killed')?.min, 17);
  assert.equal(parseCasualties('Two blasts near the cemetery claimed the lives of at least 40 people.', 'killed')?.min, 40);
  assert.equal(parseCasualties('Seven civilians were martyred on Wednesday.', 'killed')?.min, 7);
  assert.equal(parseCasualties('A soldier was killed by a sniper.', 'killed')?.min, 1);
  assert.equal(parseCasualties('The rocket led to the killing of one person and the injury of 40 others.', 'killed')?.min, 1);
  // (one victim named in the singular, then others, is not a count of one)
  assert.equal(parseCasualties('A woman and her two sons were killed.', 'killed'), null);
  // claims that are not tolls
  assert.equal(parseCasualties('The group claimed responsibility for 3 attacks.', 'killed'), null);
  // a figure before an article is not the victims' count ("Get short URL 0 612 A woman ...")
  assert.notEqual(parseCasualties('Views 612 A woman was killed in the shelling.', 'killed')?.min, 612);
  // "the death toll of a ... attack" is no toll of one; "surpasses 130" is
  assert.equal(parseCasualties('The death toll of a bomb attack near the town surpasses 130 people.', 'killed')?.min, 130);
});

test('an attack that "claimed the lives of" its victims, or left martyrs, is an attack with that toll', () => {
  const e = firstToll('A double car bomb attack in the city of Homs has claimed the lives of 18 civilians, a local channel reported.');
  assert.equal(e?.killed?.min, 18);
  assert.equal(e.place?.admin1, 'Homs');
  assert.equal(parseCasualties('A bomb went off near the mosque in the old city leaving 5 martyrs.', 'killed')?.min, 5);
  const m = firstToll('A motorcycle bomb exploded near a mosque in Latakia city on Tuesday leaving 5 martyrs.');
  assert.equal(m?.killed?.min, 5);
  assert.equal(m.mode, 'explosives');
});

test('a family of six, and victims named by their community, are tolls', () => {
  assert.equal(parseCasualties('A photo showed a family of six killed in a gas attack.', 'killed')?.min, 6);
  assert.equal(parseCasualties('Relatives said 15 young Assyrians had been killed.', 'killed')?.min, 15);
  assert.equal(parseCasualties('A family of five fled the town.', 'killed'), null);
});

test('cases of suffocation are the injured of a gas attack', () => {
  assert.equal(parseCasualties('Medics recorded 35 cases of suffocation after the shelling.', 'injured')?.min, 35);
  assert.equal(parseCasualties('Medics recorded 35 cases of suffocation after the shelling.', 'killed'), null);
  const e = events('35 cases of suffocation in a chemical attack on a neighbourhood in Aleppo city on Sunday.').find((x) => x.type === 'ASSAULT')!;
  assert.equal(e.injured?.min, 35);
  assert.equal(e.mode, 'chemical');
  assert.equal(e.place?.admin1, 'Aleppo');
});

test('a lone place abroad that the article names nowhere else yields to the article\'s country', () => {
  // alone, "Safi" is read as the Moroccan city; here the article's places lie in Syria
  const alone = firstToll('Militants killed 51 people in an attack on the village of Safi on Thursday.');
  assert.equal(alone.place?.country, 'MA');
  const e = firstToll('Militants killed 51 people in an attack on the village of Safi on Thursday. Fighting continued near Hama and Salamiyeh in central Syria.');
  assert.equal(e.place?.country, 'SY');
  assert.ok(e.implied?.includes('place'));
});

test('a headline toll right before its participle is the subject: what is named before it is not the attacker', () => {
  const e = firstToll('Islamic State on the run from villages near Raqqa 30 fighters killed.');
  assert.equal(e.killed?.min, 30);
  assert.equal(e.actor, null);
  // (an attacker the sentence names after "by" still counts)
  const f = firstToll('Islamic State on the run near Raqqa 30 militants killed by the Syrian army.');
  assert.equal(f.actor?.id, 'SYR.MIL');
});

test('"killed in clashes with X" takes the first actor after "with", not a place further on', () => {
  const e = firstToll('Eight soldiers were killed in clashes with Kurdish fighters in northern Syria on Sunday.');
  assert.notEqual(e.actor?.id, 'SYR');
});

test('an attacker read by position that the sentence names as one of several left open is a candidate', () => {
  const e = firstToll('The attack believed to have been carried out by Syrian government or Russian jets killed at least 58 people in the town.');
  assert.equal(e.actor, null);
  assert.deepEqual(e.actorCandidates?.map((a) => a.id.slice(0, 3)), ['SYR', 'RUS']);
});

test('a claim of responsibility names the attacker; "no group has claimed" names none', () => {
  const a = firstToll('Bombers struck outside a shrine on Saturday leaving at least 20 people dead in an attack claimed by the Islamic State group.');
  assert.equal(a.actor?.id, 'ISIS');
  assert.equal(a.status, 'occurred');
  const b = firstToll('A car bomb killed 20 people on Saturday. Islamic State claimed responsibility for the attack.');
  assert.equal(b.actor?.id, 'ISIS');
  assert.ok(b.implied?.includes('actor'));
  const c = firstToll('A car bomb killed 20 people on Saturday. No group has claimed responsibility.');
  assert.equal(c.actor, null);
});

test('one list of holders: "aided by X" names no attacker, before a subject or after a nominal trigger', () => {
  const a = events('Syrian rebels aided by Turkey attacked the town of Tal Rifaat on Monday.').find((e) => e.type === 'ASSAULT');
  assert.equal(a?.actor?.id.slice(0, 3), 'SYR');
  const b = events('The shelling of the town aided by Russian advisers killed four people on Monday.').find((e) => e.type === 'ASSAULT' && e.killed);
  assert.notEqual(b?.actor?.id.slice(0, 3), 'RUS');
});

test('a capture told in passing ("property seized by the army") is no headline passive', () => {
  const e = events('Landowners began a hunger strike to demand the return of property seized by Algerian government forces.');
  assert.ok(!e.some((x) => x.type === 'ASSAULT' && x.mode === 'capture' && x.actor?.id.startsWith('DZA')));
});
