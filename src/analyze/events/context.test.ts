// Events whose date, place or target come from the article around their sentence: the
// speaker's occasion, offsets from an earlier event, the same weapon told just before, habits
// that are no events, and further acts that are not merged into the first. Full pipeline on
// short articles written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractDocument } from '../../extract/index.js';
import { analyze, loadKnowledge } from '../index.js';

const knowledge = loadKnowledge();
const events = (content: string, published = '2023-05-14') => {
  const article = extractDocument({ sourceId: 't', kind: 'text', content, published });
  assert.ok(article.ok);
  return analyze(article.value, knowledge).events;
};
const brief = (e: { type: string; actor?: { id: string } | null; recipient?: { id: string } | null; date?: { start: string; end: string } | null; place?: { name: string } | null }) =>
  [e.type, e.actor?.id ?? null, e.recipient?.id ?? null, e.date ? `${e.date.start}..${e.date.end}` : null, e.place?.name ?? null];

test("a statement takes its speaker's occasion: the date and place told before", () => {
  const ev = events([
    'Sergei Lavrov told reporters in Geneva on Friday that the talks would go on.',
    '',
    'He also called on Washington to lift the sanctions on Iran.',
  ].join('\n'));
  const req = ev.find((e) => e.type === 'REQUEST')!;
  assert.deepEqual(brief(req), ['REQUEST', 'PER.LAVROV', 'USA.GOV', '2023-05-12..2023-05-12', 'Geneva']);
  assert.deepEqual([...(req.implied ?? [])].sort(), ['date', 'place']);
});

test('a statement after a meeting its speaker took part in shares the meeting\'s place', () => {
  const ev = events('Putin and Assad met in Moscow last week. Putin blasted the presence of American troops in Syria.');
  const acc = ev.find((e) => e.type === 'ACCUSE')!;
  assert.equal(acc.actor?.id, 'PER.PUTIN');
  assert.equal(acc.place?.name, 'Moscow');
});

test('the time of a relative clause after the trigger does not date the event', () => {
  const ev = events('“We are in consultations with our Iranian partners who signed a deal with us three years ago,” Lavrov said on Friday.');
  const talks = ev.find((e) => e.type === 'CONSULT')!;
  assert.notEqual(talks.date?.start.slice(0, 4), '2020');
  assert.equal(talks.status, 'occurred');
});

test("the main clause's time does not date a relative clause told before it", () => {
  const ev = events('Syrian rebels, who shelled Aleppo, withdrew from the town on Friday.');
  assert.deepEqual(brief(ev.find((e) => e.type === 'RETREAT')!).slice(3, 4), ['2023-05-12..2023-05-12']);
  assert.notEqual(ev.find((e) => e.type === 'ASSAULT')!.date?.start, '2023-05-12');
});

test('"days before this meeting": dated from the meeting told before', () => {
  const ev = events([
    'Israeli jets struck Gaza on 12 May.',
    '',
    'These strikes came two days after Netanyahu met with Joe Biden.',
    '',
    'Days before this meeting Sergei Lavrov told media that Israel has not held up its end of the deal.',
  ].join('\n'), '2023-05-13');
  const meeting = ev.find((e) => e.type === 'CONSULT')!;
  assert.deepEqual(meeting.date && [meeting.date.start, meeting.date.end], ['2023-05-10', '2023-05-10']);
  const acc = ev.find((e) => e.type === 'ACCUSE')!;
  assert.deepEqual(acc.date && [acc.date.start, acc.date.end], ['2023-05-03', '2023-05-09']);
});

test('an attack dated only by publication takes the day of the same weapon and attacker told just before', () => {
  const ev = events([
    'After Russian airstrikes on Sunday, Turkey sent reinforcements to Idlib.',
    '',
    'Residents said Russian jets bombed villages around the town of Afrin.',
  ].join('\n'), '2023-05-16');
  const strike = ev.find((e) => e.type === 'ASSAULT')!;
  assert.deepEqual(strike.date && [strike.date.start, strike.date.basis], ['2023-05-14', 'relative']);
  assert.ok(strike.implied?.includes('date'));
});

test('habits are not events, unless the sentence dates them', () => {
  assert.equal(events('The regime has for years bombed hospitals in Idlib.').filter((e) => e.type === 'ASSAULT').length, 0);
  assert.equal(events('Yet the regime still frequently carries out attacks on civilians in Idlib.').filter((e) => e.type === 'ASSAULT').length, 0);
  assert.equal(events('Russian jets often bombed the town of Ariha on Sunday.').filter((e) => e.type === 'ASSAULT').length, 1);
});

test('a further act somewhere else is kept apart; the same meeting told both ways is one', () => {
  const ev = events('Turkey deployed troops to Jabal al-Zawiya. The Turkish military also deployed more troops on the M4 highway.');
  assert.equal(ev.filter((e) => e.type === 'MOBILIZE').length, 2);
  const m = events('Erdogan met Putin in Sochi on Wednesday. Putin met with Erdogan to discuss Idlib.', '2023-05-18');
  assert.equal(m.filter((e) => e.type === 'CONSULT').length, 1);
});

test('a meeting is placed where the sentence puts it, after the subject of the talks', () => {
  const ev = events('He said Vladimir Putin and Recep Tayyip Erdogan will discuss the issue of Idlib in their upcoming meeting on May 29 in the Black Sea resort of Sochi.');
  const m = ev.find((e) => e.type === 'CONSULT')!;
  assert.equal(m.place?.name, 'Sochi');
  assert.equal(m.status, 'planned');
});

test('criticism in a quotation names its target in an earlier sentence of the quotation, never the speaker\'s own side', () => {
  const ev = events('Sergei Lavrov went on to say: “The presidents of Russia and Turkey will meet again soon. Clearly, the pace of implementation has been slow.”');
  assert.deepEqual(ev.filter((e) => e.type === 'ACCUSE').map((e) => [e.actor?.id, e.recipient?.id]), [['PER.LAVROV', 'TUR']]);
  // with nobody but the speaker's own side named, no accusation
  assert.equal(events('Sergei Lavrov said: “Russia will keep its promises. Clearly, the pace of implementation has been slow.”').filter((e) => e.type === 'ACCUSE').length, 0);
});

test('a readout credits the events of its paragraph; "it was agreed" is agreed by the two sides of the call', () => {
  const ev = events('On May 2, Vladimir Putin had a telephone conversation with Recep Tayyip Erdogan. The sides discussed the situation in Idlib, the Kremlin said. It was agreed to hold further contacts.', '2023-05-04');
  const call = ev.find((e) => e.type === 'CONSULT')!;
  assert.equal(call.source?.id, 'RUS.GOV');
  const agreed = ev.find((e) => e.type === 'AGREE')!;
  assert.deepEqual([agreed.actor?.id, agreed.recipient?.id, agreed.date?.start], ['PER.PUTIN', 'PER.ERDOGAN', '2023-05-02']);
});

test('a state speaking of its own talks is not their source; a minister announcing his president\'s meeting is', () => {
  const own = events('“We are in consultations with our Iranian partners,” Sergei Lavrov said on Friday.').find((e) => e.type === 'CONSULT')!;
  assert.equal(own.source, null);
  const told = events('Sergei Lavrov said on Friday that Vladimir Putin will meet Recep Tayyip Erdogan next week.').find((e) => e.type === 'CONSULT')!;
  assert.equal(told.source?.id, 'PER.LAVROV');
});

test('a conditional threat in quoted words is the speaker\'s, aimed at whom he just criticised', () => {
  const ev = events([
    'Sergei Lavrov criticized Western powers for their aid plans on Friday.',
    '“If nothing changes, then we will shut down the crossings,” Lavrov said.',
  ].join(' '));
  const t = ev.find((e) => e.type === 'THREATEN')!;
  assert.deepEqual([t.actor?.id, t.recipient?.id, t.status], ['PER.LAVROV', 'WST', 'occurred']);
  assert.ok(t.implied?.includes('recipient'));
  // the same words outside anyone's quotation are no threat
  assert.equal(events('If nothing changes, then we will shut down the crossings.').filter((e) => e.type === 'THREATEN').length, 0);
});

test('"we" in a quotation is the speaker; a leader who liberates acts through the army', () => {
  const co = events('“We continue to cooperate with Russia,” said Turkish Foreign Minister Mevlut Cavusoglu.').find((e) => e.type === 'COOPERATE')!;
  // (the entity stage may already read "We" as the speaker's state)
  assert.ok(['PER.CAVUSOGLU', 'TUR.GOV'].includes(co.actor?.id ?? ''), co.actor?.id);
  const co2 = events('“Much remains to be done, we continue to cooperate with Russia,” said Turkish Foreign Minister Mevlut Cavusoglu.').find((e) => e.type === 'COOPERATE')!;
  assert.ok(['PER.CAVUSOGLU', 'TUR.GOV'].includes(co2.actor?.id ?? ''), co2.actor?.id);
  const cap = events('Assad has liberated thirteen villages west of Aleppo over the past 24 hours.').find((e) => e.type === 'ASSAULT')!;
  assert.deepEqual([cap.actor?.id, cap.mode, cap.status], ['SYR.MIL', 'capture', 'occurred']);
});

test('no event: a commitment\'s content, a trend, or history with no time of its own', () => {
  assert.equal(events('Turkey made a deal committing to fight terrorists and to cooperate with Russian troops.').filter((e) => e.type === 'COOPERATE').length, 0);
  assert.equal(events('He was asked why attacks on the last rebel bastion have been increasing.').filter((e) => e.type === 'ASSAULT').length, 0);
  assert.equal(events('During the past few years, Russian warplanes targeted rebel areas in Syria.').filter((e) => e.type === 'ASSAULT').length, 0);
  // "since its intervention in 2015" starts a period that runs to publication
  const acc = events('Rights groups have accused Russia of killing civilians in Syria since its intervention in 2015.').find((e) => e.type === 'ACCUSE')!;
  assert.deepEqual(acc.date && [acc.date.start, acc.date.end], ['2015-01-01', '2023-05-14']);
});

test('a ceasefire is placed where the fighting just told was, never in one of its parties', () => {
  const ev = events('Azerbaijan and Armenia fought in Nagorno-Karabakh last year. Russia brokered a ceasefire between Azerbaijan and Armenia.');
  const truce = ev.find((e) => e.type === 'AGREE')!;
  assert.equal(truce.place?.name, 'Nagorno-Karabakh');
});

test('an attack is not placed where envoys came to talk', () => {
  const ev = events([
    'The delegation, who came to Ankara to discuss the offensive in the province of Idlib, left Turkey on Friday.',
    'Envoys arrived in Ankara on May 8, a few days after eight Turkish soldiers died in shelling by Syrian government forces.',
  ].join(' '), '2023-05-12');
  const a = ev.find((e) => e.type === 'ASSAULT')!;
  assert.equal(a.place?.name, 'Idlib');
});

test('a toll over attacks in two provinces is a total, told as background; the incident after it is the event', () => {
  const ev = events([
    'Nine civilians were killed in rocket attacks on Aleppo and Homs on Monday.',
    'In Aleppo, five civilians were killed when rockets fired by militants hit the Midan neighbourhood.',
  ].join(' '));
  const total = ev.find((e) => e.killed?.min === 9)!;
  assert.equal(total.status, 'background');
  const one = ev.find((e) => e.killed?.min === 5)!;
  assert.equal(one.status, 'occurred');
  assert.equal(one.place?.name, 'Aleppo');
  // one province, or a town inside it: one event
  const single = events('Nine civilians were killed in rocket attacks on Aleppo and its countryside on Monday.');
  assert.equal(single.find((e) => e.killed?.min === 9)?.status, 'occurred');
});

test('conflict towns of the places supplement: Efrin, al-Quriyah, Hader', () => {
  const where = (s: string) => events(s).find((e) => e.type === 'ASSAULT')?.place?.admin1;
  assert.equal(where('Five fighters were killed in shelling near Efrin on Monday.'), 'Aleppo');
  assert.equal(where('Air strikes on the town of al-Quriyah in eastern Syria killed nine people on Monday.'), 'Deir ez-Zor');
  assert.equal(where('An Israeli drone strike killed two fighters in the Syrian village of Hader on Monday.'), 'Quneitra');
});

test("the opposition's political bodies speak and condemn; they never carry out the attack", () => {
  const ev = events('The Syrian Coalition mourns five rescue workers killed by Russian airstrikes on rural Idlib on Monday.');
  const a = ev.find((e) => e.type === 'ASSAULT')!;
  assert.equal(a.actor?.id, 'RUS.MIL');
  const ev2 = events('The Syrian National Coalition condemned the shelling that killed nine civilians in Douma on Monday.');
  assert.notEqual(ev2.find((e) => e.type === 'ASSAULT')?.actor?.id, 'SYR.OPP');
});

test("a headline's speaker before a colon is not the attacker", () => {
  const ev = events('Opposition fighters: 30 killed in gas attack on Douma on Monday.');
  const a = ev.find((e) => e.type === 'ASSAULT')!;
  assert.equal(a.actor, null);
  assert.equal(a.killed?.min, 30);
});

test('a name that qualifies kin or home ground, or owns the victims, is not the attacker', () => {
  const first = (s: string) => events(s).find((e) => e.type === 'ASSAULT')!;
  assert.equal(first('A suicide bomber killed four people in the Assad clan hometown on Sunday.').actor, null);
  assert.equal(first('A car bomb killed six people on Monday in a district that is home to members of Assads Alawite sect.').actor, null);
  assert.equal(first('Twelve members of the Islamic State were killed in a blast in Raqqa on Monday.').actor, null);
});

test('the target of an act told before the trigger is not its subject', () => {
  const first = (s: string) => events(s).find((e) => e.type === 'ASSAULT')!;
  assert.equal(first('An air strike by the US-led coalition fighting Daesh mistakenly killed 18 members of the SDF on Tuesday.').actor?.id, 'IGO.COALITION');
  assert.equal(first('Russian Aerospace Forces destroyed ISIS oil stations and killed 77 militants last week.').actor?.id, 'RUS.MIL');
});

test('a place named as a place before the trigger is passed over for the subject before it', () => {
  const a = events('Russian forces destroy a command post in Syria killing about 80 militants.').find((e) => e.type === 'ASSAULT')!;
  assert.equal(a.actor?.id, 'RUS.MIL');
  assert.equal(a.killed?.min, 80);
});

test("a country's name right before its arms is the attacker (headline style); named as a place it is not", () => {
  assert.equal(events('Syria air raids kill 20 militants in Raqqa.').find((e) => e.type === 'ASSAULT')?.actor?.id, 'SYR');
  assert.equal(events('Gunmen killed three people in Syria on Monday.').find((e) => e.type === 'ASSAULT')?.actor?.id !== 'SYR', true);
});

test('captives killed with no figure were executed; "chemical substances" name a chemical attack', () => {
  assert.equal(events('ISIS began to kill abducted villagers in Hasakeh on Monday.').find((e) => e.type === 'ASSAULT')?.mode, 'execution');
  assert.equal(events('Chemical substances were used in the attack, which left at least 30 people killed in Idlib on Tuesday.').find((e) => e.type === 'ASSAULT')?.mode, 'chemical');
});

test('"bombing" by a state\'s forces or the coalition is from the air; a bombing by no state is a planted bomb', () => {
  assert.equal(events("The coalition's bombing of Raqqa left 20 civilians dead on Friday.").find((e) => e.type === 'ASSAULT')?.mode, 'aerial');
  assert.equal(events('A bombing claimed by ISIS killed 20 people at a market in Qamishli on Friday.').find((e) => e.type === 'ASSAULT')?.mode, 'explosives');
});

test('an aircraft shot down is heavy weapons, not small arms; in a headline what was downed is no attacker', () => {
  const a = events('Two Russian airmen were killed when their helicopter was shot down east of Palmyra on Friday.').find((e) => e.type === 'ASSAULT')!;
  assert.equal(a.mode, 'heavy-weapons');
  const h = events('5 Killed as Russian Military Chopper Shot down in Syria.').find((e) => e.type === 'ASSAULT')!;
  assert.equal(h.actor, null);
  assert.equal(h.killed?.min, 5);
});

test('a day inside the year the same sentence names dates the event, not the year', () => {
  const e = events('In 2023 Russian jets killed 12 people in Idlib on Monday.').find((x) => x.type === 'ASSAULT')!;
  assert.equal(e.date?.precision, 'day');
  assert.equal(e.date?.start, '2023-05-08');
});

test("an attack with no place of its own takes the lede's first place below country level, a province named before a town", () => {
  const ev = events([
    'A suicide bomber killed 12 fighters on Sunday.',
    'The blast struck a checkpoint in the northern province of Idlib, a monitor said.',
    'The wounded were taken to a hospital in Azaz.',
  ].join(' '));
  const attack = ev.find((e) => e.type === 'ASSAULT' && e.killed)!;
  assert.equal(attack.place?.admin1, 'Idlib');
  assert.ok(attack.implied?.includes('place'));
});

test('a toll the verb puts in a country stays there, though the article is mostly about a town abroad', () => {
  const ev = events([
    'At least 23 militants were killed on Sunday in northern Syria, security sources said.',
    'Rockets have hit the Turkish border town of Kilis for months.',
    'Kilis residents fear more attacks, and schools in Kilis have closed.',
  ].join(' '));
  const attack = ev.find((e) => e.type === 'ASSAULT' && e.killed)!;
  assert.equal(attack.place?.country, 'SY');
});

test('the start of a period told just before ("since the conflict began six years ago") does not date the next toll', () => {
  const ev = events([
    'Airstrikes hit a school in the village of Hass early on Wednesday, in what may be the deadliest attack on a school since the conflict began nearly six years ago.',
    'Rescuers said that 35 people were killed by the attack, which struck the school as children gathered outside.',
  ].join(' '), '2016-10-27');
  const toll = ev.find((e) => e.type === 'ASSAULT' && e.killed?.min === 35)!;
  assert.equal(toll.status, 'occurred');
  assert.equal(toll.date?.start, '2016-10-26');
});

test('a total over two provinces told first does not swallow the incident its sentence tells next', () => {
  const ev = events('10 civilians killed in rocket attacks on Aleppo and Deir Ezzor 6 September 2016 a reporter in Aleppo said that 6 civilians were killed by rocket shells fired on a neighbourhood in Aleppo city on Tuesday.', '2016-09-06');
  const total = ev.find((e) => e.type === 'ASSAULT' && e.killed?.min === 10);
  const incident = ev.find((e) => e.type === 'ASSAULT' && e.killed?.min === 6)!;
  assert.ok(!total || total.status === 'background');
  assert.equal(incident.status, 'occurred');
  assert.equal(incident.place?.admin1, 'Aleppo');
});

test('a time in a contrasting "whilst" clause after the trigger does not date the toll', () => {
  const ev = events('Coalition airstrikes killed dozens of people in the village of Tokhar near Manbij on July 20. A news agency said that 160 civilians were killed in raids on the Manbij countryside whilst a coalition source did not deny that airstrikes had been carried out in Manbij recently.', '2016-07-20');
  const tolls = ev.filter((e) => e.type === 'ASSAULT' && e.killed);
  assert.equal(tolls.length, 1);
  assert.equal(tolls[0]!.killed?.min, 160);
  assert.equal(tolls[0]!.date?.start, '2016-07-20');
});

test('among places as precise in its clause, an act is where the words after its trigger put it', () => {
  const ev = events('Army units retook the town of Qaryatain in Homs and killed 50 militants in the city of Hama.');
  const kill = ev.find((e) => e.type === 'ASSAULT' && e.killed)!;
  assert.equal(kill.place?.admin1, 'Hama');
  // (not a less precise place after it: the town before the trigger stays)
  const town = events('In the town of Marea, jets killed five people in Aleppo province on Monday.').find((e) => e.type === 'ASSAULT' && e.killed)!;
  assert.equal(town.place?.name, 'Māri‘');
});
