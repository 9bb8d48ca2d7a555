import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectLanguage } from './language.js';

test('short English full of foreign names is English; other languages stay what they are', () => {
  assert.equal(detectLanguage('Putin met with Erdogan in Sochi on Wednesday, the Kremlin said.'), 'en');
  assert.equal(detectLanguage('Jets bombed the market in Saraqib and killed four people, the monitor said.'), 'en');
  assert.equal(detectLanguage('Le président russe a rencontré son homologue turc à Sotchi mercredi pour discuter de la situation à Idleb.'), 'fr');
  assert.equal(detectLanguage('Der russische Präsident hat sich am Mittwoch in Sotschi mit seinem türkischen Amtskollegen getroffen.'), 'de');
});
