import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dropBoilerplate } from './boilerplate.js';

test('share bars, widgets, promos and captions go; the story stays', () => {
  const text = [
    'Facebook Twitter WhatsApp Email',
    'Army enters two villages',
    '3 min read',
    'The army entered Tafas on Thursday after local fighters agreed to hand over their weapons.',
    'Soldiers on patrol. (Photo credit: AFP)',
    'Subscribe to our newsletter',
    'Residents said some families had left for the north before the army arrived.',
    'Get your copy of our spring issue',
    'Get your copy of our spring issue',
  ].join('\n');
  const { text: clean, dropped } = dropBoilerplate(text);
  assert.equal(clean, [
    'Army enters two villages',
    'The army entered Tafas on Thursday after local fighters agreed to hand over their weapons.',
    'Residents said some families had left for the north before the army arrived.',
  ].join('\n'));
  assert.deepEqual(dropped.map((d) => [d.line, d.reason.split(' ')[0]]), [
    [1, 'share'], [3, 'matches'], [5, 'matches'], [6, 'matches'], [8, 'matches'], [9, 'matches'],
  ]);
});

test('a "Most popular" block ends the story; a heading followed by story only drops itself', () => {
  const tail = dropBoilerplate('Talks resumed on Monday.\n\nMost Popular\nMarkets fall\nStorm warning issued');
  assert.equal(tail.text, 'Talks resumed on Monday.\n');
  assert.deepEqual(tail.dropped.map((d) => d.reason), ['end of story', 'after the end of the story', 'after the end of the story']);
  const story = 'Talks resumed on Monday.\nRelated articles\n' +
    'The delegations met for four hours and agreed to meet again next week in the capital, officials from both sides told reporters afterwards.';
  const kept = dropBoilerplate(story);
  assert.equal(kept.text.split('\n').length, 2);
  assert.deepEqual(kept.dropped.map((d) => d.reason), ['section heading']);
});

test('a repeated sentence of the story is kept; lines without letters go', () => {
  const { text, dropped } = dropBoilerplate('//\nFighting continued.\n***\nFighting continued.');
  assert.equal(text, 'Fighting continued.\nFighting continued.');
  assert.deepEqual(dropped.map((d) => d.reason), ['no letters', 'no letters']);
});
