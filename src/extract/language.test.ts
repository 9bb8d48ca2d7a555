import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cld3Loaded, detectLanguage, identifyLanguage, storedLanguage } from './language.js';

test('CLD3 is the detector (franc only when its WebAssembly cannot load)', () => {
  assert.equal(cld3Loaded, true);
  assert.equal(identifyLanguage('The ministers met in Geneva on Monday and agreed to extend the ceasefire by a week.').detector, 'cld3');
});

test('short English full of foreign names is English; other languages stay what they are', () => {
  assert.equal(detectLanguage('Putin met with Erdogan in Sochi on Wednesday, the Kremlin said.'), 'en');
  assert.equal(detectLanguage('Jets bombed the market in Saraqib and killed four people, the monitor said.'), 'en');
  assert.equal(detectLanguage('Le président russe a rencontré son homologue turc à Sotchi mercredi pour discuter de la situation à Idleb.'), 'fr');
  assert.equal(detectLanguage('Der russische Präsident hat sich am Mittwoch in Sotschi mit seinem türkischen Amtskollegen getroffen.'), 'de');
});

test('several languages and scripts, each reliably', () => {
  const cases: [string, string][] = [
    ['El ministro de Defensa anunció el martes la retirada de las tropas de la frontera norte.', 'es'],
    ['Il governo ha confermato che i colloqui di pace riprenderanno la prossima settimana a Roma.', 'it'],
    ['O governo anunciou ontem que as negociações de paz vão continuar na próxima semana.', 'pt'],
    ['Министр обороны заявил во вторник, что войска отойдут от границы на следующей неделе.', 'ru'],
    ['Міністр оборони заявив у вівторок, що війська відійдуть від кордону наступного тижня.', 'uk'],
    ['أعلن وزير الدفاع يوم الثلاثاء أن القوات ستنسحب من الحدود الأسبوع المقبل.', 'ar'],
    ['Savunma bakanı salı günü birliklerin gelecek hafta sınırdan çekileceğini açıkladı.', 'tr'],
    ['שר הביטחון הודיע ביום שלישי כי הכוחות ייסוגו מהגבול בשבוע הבא.', 'he'],
    ['国防部长周二宣布，部队将于下周从边境撤出，双方代表将在日内瓦继续举行会谈。', 'zh'],
  ];
  for (const [text, code] of cases) {
    const g = identifyLanguage(text);
    assert.equal(g.language, code, text);
    assert.equal(g.reliable, true, text);
    assert.ok(g.probability > 0.5, text);
  }
});

test('an unclear text is flagged unreliable and stored as und, not as English', () => {
  // CLD3 alone is sure of an answer even for a few letters of noise.
  const g = identifyLanguage('Xq zvbt plorrk.');
  assert.equal(g.reliable, false);
  assert.equal(storedLanguage({ ...g, probability: 0.3 }), 'und');
  assert.equal(identifyLanguage('Zzz').language, 'und');
  assert.equal(identifyLanguage('12 345 — 678').language, 'und');
  assert.equal(detectLanguage(''), 'und');
});

test('an unreliable guess that is more likely than not is kept', () => {
  assert.equal(storedLanguage({ language: 'fr', reliable: false, probability: 0.7, detector: 'cld3' }), 'fr');
  assert.equal(storedLanguage({ language: 'fr', reliable: true, probability: 0.4, detector: 'cld3' }), 'fr');
});

test('a short English line CLD3 is unsure of is undetermined (and so analysed), never a guessed language', () => {
  assert.equal(detectLanguage('Gen. Smith arrived on Sept. 29. Talks began.'), 'und');
  assert.equal(detectLanguage('Putin met Erdogan in Sochi.'), 'und');
});

test('a clearly English text is English without CLD3; long texts in languages that share short words with English are not', () => {
  const english =
    'The ministers of the two countries met in the capital on Monday and said that the talks would go on next week. ' +
    'They have agreed to open the border crossing for aid, which had been closed since the fighting began in the north.';
  const g = identifyLanguage(english);
  assert.deepEqual([g.language, g.reliable, g.detector], ['en', true, 'english-words']);
  const others: [string, string][] = [
    ['De minister zei dat het overleg in de hoofdstad was en dat de grens met het buurland voor hulp open is. Het leger had de weg in het noorden gesloten toen de gevechten begonnen en de bewoners waren gevlucht.', 'nl'],
    ['Die minister het gesê die gesprekke was in die hoofstad en die grens is oop vir hulp. Die weermag het die pad in die noorde gesluit toe die gevegte begin het en die inwoners het gevlug na die stad.', 'af'],
    ['Der Minister sagte, das Treffen in der Hauptstadt sei gut verlaufen, und was die Grenze angeht, will die Regierung sie für Hilfe öffnen. Die Armee hatte die Straße im Norden gesperrt, als die Kämpfe begannen.', 'de'],
    ['El ministro dijo que las conversaciones en la capital continuarán la próxima semana y que la frontera se abrirá para la ayuda. El ejército había cerrado la carretera del norte cuando empezaron los combates.', 'es'],
  ];
  for (const [text, code] of others) assert.equal(identifyLanguage(text).language, code, text);
});
