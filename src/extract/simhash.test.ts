import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bands, hamming, NEAR_DUPLICATE_BITS, simhash } from './simhash.js';

const story = [
  'Government artillery shelled three villages in the south of the province on Wednesday, killing at least four civilians,',
  'according to a local monitoring group. Rescue workers said eleven people were injured and that two children were among the dead.',
  'Opposition factions said they fired rockets at army positions in response, and talks between the two sides were suspended.',
  'The shelling came a day after a convoy of military vehicles crossed the border and headed towards the observation posts',
  'that ring the last enclave held by the armed opposition. Residents said hundreds of families had left their homes overnight',
  'and were sheltering in olive groves near the border, where aid agencies have warned for months of overcrowded camps.',
  'The United Nations called on all parties to respect the ceasefire agreed in the spring and to allow aid convoys through.',
  'Diplomats said the foreign ministers of the two countries that brokered the truce would speak by telephone later in the week,',
  'while the defence ministry in the capital said its forces had responded to repeated violations by armed groups in the area.',
].join(' ');

test('a lightly edited copy is a near-duplicate; a different story is not', () => {
  const copy = story.replace('eleven', '11') + ' Reporting by our correspondent.';
  const other =
    'The presidents of the two countries will hold talks next week in the resort city, the foreign ministry said on Saturday, ' +
    'adding that the agenda would include trade, energy and the situation along the border, where fighting has intensified.';
  const [a, b, c] = [simhash(story)!, simhash(copy)!, simhash(other)!];
  assert.ok(hamming(a, b) <= NEAR_DUPLICATE_BITS, `copy at ${hamming(a, b)} bits`);
  assert.ok(hamming(a, c) > 12, `other story at ${hamming(a, c)} bits`);
  assert.equal(simhash(story), a);
  assert.equal(simhash(story.toUpperCase()), a);
});

test('texts too short to fingerprint get no key; keys split into four bands', () => {
  assert.equal(simhash('Two people died.'), null);
  const h = simhash(story)!;
  assert.match(h, /^[0-9a-f]{16}$/);
  assert.deepEqual(bands(h).map(([i]) => i), [0, 1, 2, 3]);
  assert.equal(bands(h).map(([, v]) => v.toString(16).padStart(4, '0')).join(''), h);
});
