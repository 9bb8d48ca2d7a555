// Who struck, when the toll's sentence does not say: the side the victims fought, the
// attacker a later sentence names ("carried out by"), or several the article leaves open;
// and what a toll is or is not. Full pipeline on short articles written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractDocument } from '../../extract/index.js';
import { analyze, loadKnowledge } from '../index.js';
import { parseCasualties } from './index.js';

const knowledge = loadKnowledge();
const events = (content: string, published = '2023-05-14') => {
  const article = extractDocument({ sourceId: 't', kind: 'text', content, published });
  assert.ok(article.ok);
  return analyze(article.value, knowledge).events;
};
const firstToll = (content: string) => events(content).find((e) => e.type === 'ASSAULT' && e.killed)!;

test('victims killed in clashes with a group were killed by that group', () => {
  const e = firstToll('Eight soldiers were killed on Sunday in heavy clashes with Islamic State fighters near Palmyra.');
  assert.equal(e.killed?.min, 8);
  assert.equal(e.actor?.id, 'ISIS');
});

test('the attacker a later sentence names with "carried out by" is the attacker of the toll', () => {
  const e = firstToll('An air strike killed nine civilians in the town of Saraqeb on Monday. The monitor said the strike was believed to have been carried out by Russian jets.');
  assert.equal(e.actor?.id, 'RUS.MIL');
  assert.ok(e.implied?.includes('actor'));
  assert.equal(e.actorCandidates, undefined);
});

test('attackers the article leaves open are candidates, not an actor', () => {
  const e = firstToll('Air strikes killed 14 civilians in Douma on Tuesday. It was not clear whether the raids were carried out by Syrian government warplanes or those of its ally Russia.');
  assert.equal(e.actor, null);
  assert.deepEqual(e.actorCandidates?.map((a) => a.id.slice(0, 3)), ['SYR', 'RUS']);
});

test('"a war monitor said" does not make a toll a war\'s cumulative toll', () => {
  const e = firstToll('Air strikes on a market have killed at least 30 people, a war monitor said on Tuesday.');
  assert.equal(e.status, 'occurred');
});

test('a place that stands for an actor ("London-based") is not where an attack happened', () => {
  const e = firstToll('Shelling killed three civilians on Sunday. The London-based monitor gave the toll. Residents of Aleppo fled the old city.');
  assert.notEqual(e.place?.country, 'GB');
  assert.equal(e.place?.admin1, 'Aleppo');
});

test('two sets of modifiers joined by "and" before one victim noun are one toll', () => {
  assert.equal(parseCasualties('At least 40 army and militia fighters were killed in the battle.', 'killed')?.min, 40);
  assert.equal(parseCasualties('A woman and her child were killed.', 'killed'), null);
});

test('a nationality adjective before a place names no attacker; before forces or arms it does', () => {
  const e = firstToll('At least 12 people were killed near the Syrian capital on Tuesday.');
  assert.equal(e.actor, null);
  const f = firstToll('Syrian jets killed nine fighters in Idlib on Tuesday.');
  assert.equal(f.actor?.id.slice(0, 3), 'SYR');
});

test('an attack stated to be in one country is not placed in a town abroad', () => {
  const e = firstToll('Jets pounded rebel positions in Idlib on Friday. Nine fighters were killed in Russian air strikes in Syria on Saturday, the defence ministry in Moscow said.');
  assert.equal(e.place?.country, 'SY');
});

test('two figures joined by "and" before one verb are one toll, their sum', () => {
  assert.equal(parseCasualties('Some 40 extremists and 15 foreign mercenaries were killed in the raids.', 'killed')?.min, 55);
  assert.deepEqual(parseCasualties('At least 12 soldiers and 9 rebel fighters have been killed.', 'killed'), { min: 21, max: null, who: 'soldiers', text: 'At least 12 soldiers and 9 rebel fighters' });
});

test('"strikes" alone name an aerial attack, and whose they are ("US-led strikes")', () => {
  const e = firstToll('US-led strikes on the province killed more than 20 jihadists on Tuesday.');
  assert.equal(e.mode, 'aerial');
  assert.equal(e.actor?.id.slice(0, 3), 'USA');
});

test('captives killed were executed; "slit the throats" is an execution', () => {
  assert.equal(firstToll('Islamic State fighters killed 30 soldiers taken hostage at the air base.').mode, 'execution');
  assert.equal(firstToll('Islamic State militants killed 12 men on Sunday; witnesses said they slit the throats of the men.').mode, 'execution');
});

test('"controlled by Syria\'s rebels" names who holds the place, not the attacker; a barrel bomb attack is aerial', () => {
  const e = firstToll("Air strikes on a neighbourhood controlled by Syria's rebels killed at least five civilians on Sunday.");
  assert.equal(e.actor, null);
  const f = firstToll('Eleven children were killed on Thursday in a barrel bomb attack on a neighbourhood of Aleppo.');
  assert.equal(f.mode, 'aerial');
});

test('a part of a toll listed after "including" is not a toll of its own', () => {
  assert.equal(parseCasualties('Six civilians including a woman and two children were killed by the shells.', 'killed')?.min, 6);
  assert.equal(parseCasualties('Ten people, among them three women and two boys, were killed.', 'killed')?.min, 10);
});

test('a death toll that "surpassed" or "exceeded" a figure leaves its maximum open', () => {
  assert.deepEqual(parseCasualties('The death toll surpassed 100 on Monday.', 'killed'), { min: 100, max: null, who: 'people', text: '100' });
  assert.equal(parseCasualties('The death toll rose to 86.', 'killed')?.max, 86);
});
