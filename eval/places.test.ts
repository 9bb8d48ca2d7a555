// The places eval's reading of demonyms through the entities stage (the "places + entity
// countries" rows): a demonym counts when an entity mention over it carries its country.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demonymCountry, findEntities, loadEntityKnowledge } from '../src/analyze/entities/index.js';
import { countryEntry, loadPlaceKnowledge } from '../src/analyze/places/index.js';
import { sentencedDoc } from './common.js';
import { entityCountry } from './places.js';

const ek = loadEntityKnowledge();

/** The country the entities stage marks the first occurrence of `word` in `text` with, or null. */
function marked(text: string, word: string): string | null {
  const start = text.indexOf(word);
  return entityCountry(ek, findEntities(sentencedDoc(text), ek), { start, end: start + word.length, text: word });
}

test('a demonym, singular or plural, names its country by the entities dictionary', () => {
  assert.equal(demonymCountry(ek, 'Syrian'), 'SYR');
  assert.equal(demonymCountry(ek, 'Canadians'), 'CAN');
  assert.equal(demonymCountry(ek, 'Europe-wide'), null);
});

test('a demonym counts when a mention over it carries its country in its id', () => {
  assert.equal(marked('Syrian troops shelled the town on Monday.', 'Syrian'), 'SYR');
  assert.equal(marked('Turkish-backed fighters entered the village.', 'Turkish'), 'TUR');
  assert.equal(marked('Canadians voted on Monday.', 'Canadians'), 'CAN');
  // A person the stage names by office carries no country in the id: not counted.
  assert.equal(marked('The Russian president spoke on Monday.', 'Russian'), null);
});

test('an entity country stands at the gazetteer point of that country, by ISO3 or ISO2', () => {
  const k = loadPlaceKnowledge();
  assert.equal(countryEntry(k, 'SYR')?.country, 'SY');
  assert.equal(countryEntry(k, 'TR')?.name, 'Turkey');
  assert.equal(countryEntry(k, 'XXX'), undefined);
});
