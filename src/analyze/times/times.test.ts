// Each test: a sentence written for the test, the article's date, the expected values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from '../sentences/index.js';
import { docOf, type Doc } from '../types.js';
import { dayOf, isoDay } from './calendar.js';
import { findTimes, loadTimeKnowledge, type TimeMentionDetail } from './index.js';
import { dates } from './clauses.js';

const knowledge = loadTimeKnowledge();

function times(text: string, published: string | null): TimeMentionDetail[] {
  const doc: Doc = docOf(text, { published, sentences: splitSentences(text) });
  return findTimes(doc, knowledge);
}

/** The one mention whose text is `phrase`. */
function the(text: string, published: string | null, phrase: string): TimeMentionDetail {
  const found = times(text, published).filter((t) => t.text === phrase);
  assert.equal(found.length, 1, `expected one mention "${phrase}" in: ${text} (got ${JSON.stringify(times(text, published).map((t) => t.text))})`);
  return found[0]!;
}

const SUNDAY = '2021-09-26'; // a Sunday

test('weekdays told in the past tense resolve to the past', () => {
  assert.equal(the('The minister said on Saturday that talks were slow.', SUNDAY, 'Saturday').value, '2021-09-25');
  assert.equal(the('Jets bombed villages near the town on Friday.', SUNDAY, 'Friday').value, '2021-09-24');
  assert.equal(the('On Wednesday, the envoy met rebel leaders.', SUNDAY, 'Wednesday').value, '2021-09-22');
  // The same weekday as the article's date, in the past tense, is that day.
  assert.equal(the('Jets bombed the town on Sunday.', SUNDAY, 'Sunday').value, '2021-09-26');
});

test('weekdays told in the future tense resolve to the future', () => {
  assert.equal(the('The two leaders are due to meet on Wednesday.', SUNDAY, 'Wednesday').value, '2021-09-29');
  assert.equal(the('The summit will take place in Vienna on Friday.', SUNDAY, 'Friday').value, '2021-10-01');
  assert.equal(the('The summit is set to open in Geneva on Wednesday.', SUNDAY, 'Wednesday').value, '2021-09-29');
  assert.equal(the('Delegations are expected to arrive on Saturday.', SUNDAY, 'Saturday').value, '2021-10-02');
});

test('one sentence can hold a past and a future weekday', () => {
  const found = times('The minister said on Saturday that the presidents will meet on Wednesday.', SUNDAY);
  assert.deepEqual(found.map((t) => [t.text, t.value, t.tense]), [
    ['Saturday', '2021-09-25', 'past'],
    ['Wednesday', '2021-09-29', 'future'],
  ]);
});

test('weekdays with last and next', () => {
  assert.equal(the('Officials met last Friday.', SUNDAY, 'last Friday').value, '2021-09-24');
  assert.equal(the('Officials meet next Tuesday.', SUNDAY, 'next Tuesday').value, '2021-09-28');
  assert.equal(the("Sunday's attack killed seven fighters.", '2021-09-29', 'Sunday').value, '2021-09-26');
});

test('month-days without a year follow the tense too', () => {
  assert.equal(the('The presidents will hold talks on Sept. 29.', SUNDAY, 'Sept. 29').value, '2021-09-29');
  assert.equal(the('Rebels agreed to a truce on Sept. 6.', SUNDAY, 'Sept. 6').value, '2021-09-06');
  assert.equal(the('Police sealed the roads on 26 September.', SUNDAY, '26 September').value, '2021-09-26');
  // Told in the past, a date later in the year is last year's.
  assert.equal(the('The offensive began on December 3.', SUNDAY, 'December 3').value, '2020-12-03');
  // Told in the future, a date earlier in the year is next year's.
  assert.equal(the('Elections will be held on March 12.', SUNDAY, 'March 12').value, '2022-03-12');
});

test('dates with a year are explicit', () => {
  const d = the('The memorandum of September 17, 2018 set up the zone.', SUNDAY, 'September 17, 2018');
  assert.deepEqual([d.value, d.precision, d.basis, d.range], ['2018-09-17', 'day', 'explicit', ['2018-09-17', '2018-09-17']]);
  assert.equal(the('By Staff Reporter - September 26 2021', null, 'September 26 2021').value, '2021-09-26');
  assert.equal(the('Russia joined the war in September 2015.', SUNDAY, 'September 2015').value, '2015-09');
  assert.deepEqual(the('A truce was brokered in March 2020.', SUNDAY, 'March 2020').range, ['2020-03-01', '2020-03-31']);
  assert.equal(the('Patrols on 2021-09-16 were calm.', null, '2021-09-16').value, '2021-09-16');
});

test('a day, a short month and a year, as datelines write them: "Saturday 16 Jul 2016", "Mon Jul 6 2015"', () => {
  assert.equal(the('Wire Saturday 16 Jul 2016 Jets struck the town on Saturday.', null, 'Saturday 16 Jul 2016').value, '2016-07-16');
  assert.equal(the('The report of 22 Mar 2017 listed the dead.', SUNDAY, '22 Mar 2017').value, '2017-03-22');
  assert.equal(the('22 Sep 2016 Jets pounded the city overnight.', null, '22 Sep 2016').value, '2016-09-22');
  assert.equal(the('Mon Jul 6 2015 A video shows the killing.', null, 'Jul 6 2015').value, '2015-07-06');
  // Alone, the same words are not months: "Jun" is a name, "mar" a verb.
  assert.ok(!times('Jun said the shelling would mar the truce in 2016.', SUNDAY).some((t) => /Jun|mar/.test(t.text)));
});

test('numeric dates that read both ways: the reading nearer publication, else day first', () => {
  assert.equal(the('04-09-2014 The army took the hill.', '2014-09-04', '04-09-2014').value, '2014-09-04');
  assert.equal(the('04/09/2014 The army took the hill.', '2014-04-10', '04/09/2014').value, '2014-04-09');
  assert.equal(the('04.09.2014 The army took the hill.', null, '04.09.2014').value, '2014-09-04');
  // Only one reading is a date: no choice to make.
  assert.equal(the('09/25/2016 Talks resumed.', '2016-01-01', '09/25/2016').value, '2016-09-25');
});

test('bare years', () => {
  const since = the('The border post has been held by the army since 2018.', SUNDAY, '2018');
  assert.deepEqual([since.value, since.precision, since.range], ['2018', 'year', ['2018-01-01', '2018-12-31']]);
  assert.equal(the('The uprising began in 2011.', SUNDAY, '2011').value, '2011');
  assert.equal(the('They discussed a 2020 agreement.', SUNDAY, '2020').value, '2020');
  // Numbers that are not years.
  assert.equal(times('The convoy carried 2000 troops and 1,950 tons of aid.', SUNDAY).length, 0);
});

test('durations are not dates', () => {
  const eight = the('Civilians have suffered for eight years.', SUNDAY, 'eight years');
  assert.deepEqual([eight.value, eight.precision, eight.range, eight.type], ['P8Y', 'duration', undefined, 'DURATION']);
  assert.equal(the('The now 10-year war has displaced millions.', SUNDAY, '10-year').value, 'P10Y');
  assert.equal(the('The siege lasted two years.', SUNDAY, 'two years').value, 'P2Y');
  assert.equal(the('In the last two weeks, the militia dug new trenches.', SUNDAY, 'the last two weeks').value, 'P2W');
  assert.equal(the('Talks went on for several months.', SUNDAY, 'several months').value, 'PXM');
  // An age is neither.
  assert.equal(times('A 6-year-old boy was hurt.', SUNDAY).length, 0);
});

test('"ago" makes a date of a duration', () => {
  const ago = the('The two sides signed a deal two years ago.', SUNDAY, 'two years ago');
  assert.deepEqual([ago.value, ago.precision, ago.range], ['2019', 'year', ['2019-01-01', '2019-12-31']]);
  assert.equal(the('The town fell three days ago.', SUNDAY, 'three days ago').value, '2021-09-23');
  assert.equal(the('Fighting flared a month ago.', SUNDAY, 'a month ago').value, '2021-08');
});

test('this, last and next: month, year, week', () => {
  const earlier = the('Earlier this month, the army retook the district.', SUNDAY, 'Earlier this month');
  assert.deepEqual([earlier.value, earlier.precision, earlier.range], ['2021-09', 'month', ['2021-09-01', '2021-09-26']]);
  const last = the('The truce agreed last year ended the fighting.', SUNDAY, 'last year');
  assert.deepEqual([last.value, last.range], ['2020', ['2020-01-01', '2020-12-31']]);
  const week = the('The army took the highway last week.', '2020-02-17', 'last week');
  assert.deepEqual([week.value, week.precision, week.range], ['2020-W07', 'week', ['2020-02-10', '2020-02-16']]);
  assert.equal(the('Prices rose this year.', SUNDAY, 'this year').value, '2021');
  assert.equal(the('Talks resume next month.', SUNDAY, 'next month').value, '2021-10');
});

test('"the week": this week, or the coming one when a plan is written on a weekend', () => {
  const coming = the('The two presidents are set to hold talks during the week.', SUNDAY, 'the week');
  assert.deepEqual([coming.value, coming.range], ['2021-W39', ['2021-09-27', '2021-10-03']]);
  const current = the('The two presidents are set to hold talks during the week.', '2021-09-22', 'the week');
  assert.deepEqual([current.value, current.range], ['2021-W38', ['2021-09-20', '2021-09-26']]);
});

test('today, yesterday, tomorrow; "today, February 17"', () => {
  const text = 'The envoys will meet in Geneva today, February 17.';
  assert.deepEqual(times(text, '2020-02-17').map((t) => [t.text, t.value]), [['today', '2020-02-17'], ['February 17', '2020-02-17']]);
  assert.equal(the('Shelling resumed yesterday.', SUNDAY, 'yesterday').value, '2021-09-25');
  assert.equal(the('The envoy arrives tomorrow.', SUNDAY, 'tomorrow').value, '2021-09-27');
});

test('a weekday with its date agrees with the calendar', () => {
  // 10 February fell on a Monday in 2020: with an article of 2020, that is the day.
  assert.equal(the('On Monday, February 10, a patrol came under fire.', '2020-02-17', 'Monday, February 10').value, '2020-02-10');
});

test('"the same day" takes the last date the text gave', () => {
  const found = times('Police closed the bridge on 25 September. Shelling hit the port on the same day.', SUNDAY);
  assert.deepEqual(found.map((t) => [t.text, t.value]), [['25 September', '2021-09-25'], ['the same day', '2021-09-25']]);
});

test('quarters, seasons, decades', () => {
  assert.equal(the('Profit fell in the third quarter.', '1989-10-26', 'the third quarter').value, '1989-Q3');
  assert.equal(the('Sales rose from a year earlier.', '1989-10-26', 'a year earlier').value, '1988');
  assert.equal(the('Profit fell in the third quarter. Sales rose from a year earlier.', '1989-10-26', 'a year earlier').value, '1988-Q3');
  assert.equal(the('The talks collapsed last fall.', '1998-02-06', 'last fall').value, '1997-FA');
  assert.equal(the('The war dragged on through the 1980s.', SUNDAY, 'the 1980s').value, '198');
});

test('present, past and future at large', () => {
  const now = the('The town is now under government control.', SUNDAY, 'now');
  assert.deepEqual([now.value, now.range], ['PRESENT_REF', [SUNDAY, SUNDAY]]);
  const future = the('A settlement may come in the future.', SUNDAY, 'the future');
  assert.deepEqual([future.value, future.range], ['FUTURE_REF', undefined]);
});

test('without a publication date, only what carries its own year is dated', () => {
  const found = times('Jets struck on Sunday; the deal of March 2020 held since 2018 for eight years.', null);
  assert.deepEqual(found.map((t) => [t.text, t.value]), [['March 2020', '2020-03'], ['2018', '2018'], ['eight years', 'P8Y']]);
});

test('offsets point into the text', () => {
  const text = 'Ceasefire talks ended on Sunday.';
  for (const t of times(text, SUNDAY)) assert.equal(text.slice(t.start, t.end), t.text);
  // An empty sentence layer: the text is one sentence.
  const doc: Doc = docOf(text, { published: SUNDAY });
  assert.equal(findTimes(doc, knowledge)[0]!.value, '2021-09-26');
});

test('deadlines and postponements look ahead', () => {
  assert.equal(the('The offer was extended to Nov. 20.', '2021-10-30', 'Nov. 20').value, '2021-11-20');
  assert.equal(the('Rebels must hand over heavy weapons by Friday.', SUNDAY, 'Friday').value, '2021-10-01');
});

test('words that look like tense cues but are not', () => {
  // "next to" is a place, not the future: the village clash was in the past.
  assert.equal(the('The clash took place in a village next to the river in September.', '2022-02-10', 'September').value, '2021-09');
  // "a still unspecified date" is an adjective; "would be paid" is the future.
  assert.equal(the('It would be paid on a still unspecified date in January.', '2021-10-26', 'January').value, '2022-01');
});

test('numbers that are not years, names that are not centuries', () => {
  assert.equal(times('The council passed Resolution 2139 on aid.', SUNDAY).length, 0);
  assert.equal(times('Read more at 21st Century Wire.', SUNDAY).length, 0);
  assert.equal(the('Wars of the 21st century are fought by drones.', SUNDAY, 'the 21st century').value, '20');
});

test('"over the past day" is a duration', () => {
  assert.equal(the('The army advanced over the past day.', SUNDAY, 'the past day').value, 'P1D');
});

test('month names that are other words', () => {
  assert.equal(the('The appeal will be heard in May in the federal court.', '2000-03-29', 'May').value, '2000-05');
  assert.equal(times('Talks may resume, officials said.', SUNDAY).length, 0);
  assert.equal(times('Thousands joined the March for Life.', SUNDAY).length, 0);
});

test('"for years" is a stretch of unknown length; "the day before" an event is not a date', () => {
  assert.equal(the('The two sides have fought for years.', SUNDAY, 'years').value, 'PXY');
  assert.equal(the('Rebels reinforced the line. The day before, jets struck the town.', SUNDAY, 'The day before').value, '2021-09-25');
  assert.ok(!times('He was last seen the day before police issued a warrant.', SUNDAY).some((t) => t.text.includes('before')));
});

test('years are written with four digits, decades with three and centuries with two; a date before year 1 is none', () => {
  const ancient = the('The citadel was built ten centuries ago, historians say.', '1970-06-01', 'ten centuries ago');
  assert.deepEqual([ancient.value, ancient.range], ['0970', ['0970-01-01', '0970-12-31']]);
  const decade = the('Fighting this decade has emptied the valley.', '2021-05-03', 'this decade');
  assert.deepEqual([decade.value, decade.range], ['202', ['2020-01-01', '2029-12-31']]);
  // "9999 years ago" and "3000 centuries ago" fall before the calendar: no date, not a negative year.
  assert.deepEqual(times('The feud began 9999 years ago, a legend says.', '2021-05-03').filter((t) => t.range), []);
  assert.deepEqual(times('It started 3000 centuries ago.', '2021-05-03').filter((t) => t.range), []);
  // Days of the years 0-99 are those years, not 1900-1999.
  assert.equal(isoDay(dayOf(50, 3, 1)), '0050-03-01');
});

test('an offset from a date beside it places the event of its clause', () => {
  // "a few days after" a day: within the week before it; the mention stays a duration.
  const few = the('Envoys landed in Geneva on March 9, a few days after two guards were shot at the border.', '2020-03-12', 'a few days');
  assert.deepEqual([few.value, few.type, few.range], ['PXD', 'DURATION', undefined]);
  assert.deepEqual(few.placed, { range: ['2020-03-02', '2020-03-08'], precision: 'week', anchor: 'sentence' });
  // "before" counts forward; a stated number gives the day.
  const two = the('The ministers met on Tuesday, two days before the truce took effect.', '2020-03-12', 'two days');
  assert.deepEqual(two.placed, { range: ['2020-03-12', '2020-03-12'], precision: 'day', anchor: 'sentence' });
  // A duration with no after/before places nothing.
  assert.equal(the('The talks on March 9 lasted two days.', '2020-03-12', 'two days').placed, undefined);
});

test('"X comes two days after Y": the main clause is the event the text has just dated', () => {
  const text = 'Monitors reported on 4 May that jets struck a market.\n\nThe strikes come just two days after the two presidents met in a border town.';
  assert.deepEqual(the(text, '2021-05-05', 'two days').placed, { range: ['2021-05-02', '2021-05-02'], precision: 'day', anchor: 'text' });
  // With no date before it, "comes" is the time of writing.
  assert.deepEqual(the('The raid comes three days after the envoy left.', '2021-05-05', 'three days').placed?.range, ['2021-05-02', '2021-05-02']);
  // Sentence-initial "Two days after the attack, police arrested him": the clause has no date here.
  assert.equal(the('Jets struck on 4 May. Two days after the attack, police arrested a man.', '2021-05-07', 'Two days').placed, undefined);
});

test('"earlier this week" on a Monday is the week that ended the day before', () => {
  const monday = the('The delegation left the capital earlier this week.', '2020-02-17', 'earlier this week');
  assert.deepEqual([monday.value, monday.range], ['2020-W07', ['2020-02-10', '2020-02-16']]);
  // Later in the week it is the days of this week gone by.
  const thursday = the('The delegation left the capital earlier this week.', '2020-02-20', 'earlier this week');
  assert.deepEqual([thursday.value, thursday.range], ['2020-W08', ['2020-02-17', '2020-02-20']]);
});

test("the issue's phrases in past and future tense", () => {
  const WED = '2021-09-22'; // a Wednesday
  // "on Sunday": the Sunday gone by, or the one to come.
  assert.equal(the('Jets bombed the market on Sunday.', WED, 'Sunday').value, '2021-09-19');
  assert.equal(the('The ministers will meet on Sunday.', WED, 'Sunday').value, '2021-09-26');
  // "On 25 September" at the head of a sentence, past and future.
  assert.equal(the('On 25 September, the minister announced a summit.', '2021-09-26', '25 September').value, '2021-09-25');
  assert.equal(the('On 25 September, the parliament will vote on the deal.', WED, '25 September').value, '2021-09-25');
  // Four months either way: the tense decides between last January and the next.
  assert.equal(the('On 25 January, the parliament voted on the deal.', WED, '25 January').value, '2021-01-25');
  assert.equal(the('On 25 January, the parliament will vote on the deal.', WED, '25 January').value, '2022-01-25');
  // "earlier this month" and "later this month" split the month at the article's date.
  assert.deepEqual(the('Later this month, the envoys will return.', WED, 'Later this month').range, [WED, '2021-09-30']);
  // "last year", "next year"; "two years ago" and "in two years".
  assert.equal(the('Elections are due next year.', WED, 'next year').value, '2022');
  assert.deepEqual(the('The army retook the town two years ago.', WED, 'two years ago').range, ['2019-01-01', '2019-12-31']);
  // "the week" told in the past is the current week.
  assert.deepEqual(the('The two presidents held talks during the week.', WED, 'the week').range, ['2021-09-20', '2021-09-26']);
  // "on Wednesday" as a meeting to come, written on a Thursday: next Wednesday.
  assert.equal(the('The leaders are due to meet on Wednesday.', '2021-09-23', 'Wednesday').value, '2021-09-29');
  // "today, February 17" told in the past tense is the article's day.
  assert.deepEqual(times('State media reported today, February 17, that the road had reopened.', '2020-02-17').map((t) => t.value), ['2020-02-17', '2020-02-17']);
  // Durations: "for eight years", "the 10-year conflict"; years: "since 2018", "in 2011".
  assert.equal(the('The town has been besieged for eight years.', WED, 'eight years').type, 'DURATION');
  assert.deepEqual([the('Talks to end the 10-year conflict failed.', WED, '10-year').value, the('Talks to end the 10-year conflict failed.', WED, '10-year').range], ['P10Y', undefined]);
  assert.equal(the('The crossing will stay shut, as it has been since 2018.', WED, '2018').value, '2018');
  assert.equal(the('The protests that began in 2011 will be remembered.', WED, '2011').value, '2011');
});

test('"three days later" counts from the story, not the article: a duration', () => {
  const later = the('The rebels took the hill. Three days later, the army retook it.', SUNDAY, 'Three days');
  assert.deepEqual([later.value, later.type, later.range], ['P3D', 'DURATION', undefined]);
  assert.equal(the('Talks stalled; a day earlier the envoy had left.', SUNDAY, 'a day').value, 'P1D');
  // "a year earlier" in a report keeps its date: the same period a year back.
  assert.equal(the('Sales rose from a year earlier.', SUNDAY, 'a year earlier').value, '2020');
});

test('the year two thousand, said in words', () => {
  assert.equal(the('The plan was to halve the deficit by the year two thousand.', '1998-03-05', 'the year two thousand').value, '2000');
  assert.equal(the('Elections are due in the year two thousand and one.', '1998-03-05', 'the year two thousand and one').value, '2001');
  // A count stays a count.
  assert.equal(times('Two thousand troops crossed the river.', '1998-03-05').length, 0);
});

test('"Days before this meeting": an offset from the event just dated dates the main clause', () => {
  const text = 'The strikes come two days after the two presidents met. Days before this meeting, the envoy warned of delays.';
  const found = times(text, '2021-05-15');
  // "two days after" places the meeting on 13 May; "Days before this meeting" is the week before it.
  assert.deepEqual(found.find((t) => t.text === 'two days')?.placed?.range, ['2021-05-13', '2021-05-13']);
  const days = found.find((t) => t.text === 'Days');
  assert.deepEqual([days?.value, days?.type, days?.range], ['2021-05', 'DATE', ['2021-05-06', '2021-05-12']]);
  // Bare "days" with nothing to count from is not a time expression; a number of days stays a duration.
  assert.equal(times('In the days before the vote, rebels shelled the town.', '2021-05-05').length, 0);
  assert.equal(the('Two days after the attack, police arrested a man.', '2021-05-05', 'Two days').value, 'P2D');
});

test('a clock time with its day after a comma', () => {
  const t = the('The offer was extended until 5 p.m. EST, Nov. 6.', '1989-10-30', '5 p.m. EST, Nov. 6');
  assert.deepEqual([t.value, t.type], ['1989-11-06T17:00', 'TIME']);
});

test('"the full year" in a report is the current year', () => {
  assert.equal(the('The company forecast higher earnings for the full year.', '1989-10-26', 'the full year').value, '1989');
});

test('plans told in the past: "were planning to" looks ahead, "had been due to" looks back', () => {
  const FRI = '2000-01-07'; // a Friday
  assert.equal(the('Exiles called a big march in the city centre on Saturday and were planning more.', FRI, 'Saturday').value, '2000-01-08');
  // The offer was extended: the old deadline has gone by.
  assert.equal(the('The offer was extended; it had been due to expire on Wednesday.', FRI, 'Wednesday').value, '2000-01-05');
  assert.equal(the('The offer is due to expire on Wednesday.', FRI, 'Wednesday').value, '2000-01-12');
});

test('"was set on fire" is still the past', () => {
  assert.equal(the('The depot was set on fire on Wednesday, residents said.', '2000-01-07', 'Wednesday').value, '2000-01-05');
});

test('a relative clause is a clause of its own: what a time in it dates, and what it does not', () => {
  // A time inside the relative clause dates only it: the talks are not two years old.
  const text = 'We are in talks with partners who signed a pact with us two years ago, the envoy said.';
  const ago = the(text, SUNDAY, 'two years ago');
  assert.equal(text.slice(...ago.scope![0]!), 'who signed a pact with us two years ago');
  assert.equal(dates(ago.scope, text.indexOf('talks')), false);
  assert.equal(dates(ago.scope, text.indexOf('signed')), true);
  // A relative clause told before the main clause's time gives background: the request is not of this week.
  const left = 'The envoy, who came at the request of the rebels, left the city earlier this week.';
  const week = the(left, '2020-02-20', 'earlier this week');
  assert.equal(dates(week.scope, left.indexOf('request')), false);
  assert.equal(dates(week.scope, left.indexOf('left')), true);
  // One told after the dated event goes on with it and keeps its time.
  const went = 'A second blast hit the port on Monday, which killed five sailors.';
  assert.equal(the(went, SUNDAY, 'Monday').scope, undefined);
  // A relative clause with a time of its own is cut out of the main clause's time, wherever it stands.
  const held = 'Rebels said on Sunday that the town, which they have held since 2018, would be handed over.';
  const sunday = the(held, SUNDAY, 'Sunday');
  assert.equal(dates(sunday.scope, held.indexOf('held since')), false);
  assert.equal(dates(sunday.scope, held.indexOf('handed')), true);
  assert.equal(dates(the(held, SUNDAY, '2018').scope, held.indexOf('said')), false);
  // An indirect question is no relative clause; nor is "when" ("On Monday, when envoys met, ...").
  assert.equal(the('Officials could not say who fired on Sunday.', SUNDAY, 'Sunday').scope, undefined);
  assert.equal(the('On Monday, when envoys met in the capital, a blast hit the port.', SUNDAY, 'Monday').scope, undefined);
});

test('a dateline run into the lede dates nothing but itself when the sentence names a day of its own', () => {
  const FRI = '2017-04-14'; // a Friday
  const strike = 'Published April 14 2017 An air strike on Tuesday killed five people in the town.';
  const line = the(strike, FRI, 'April 14 2017');
  assert.equal(dates(line.scope, strike.indexOf('air strike')), false);
  assert.equal(dates(the(strike, FRI, 'Tuesday').scope, strike.indexOf('air strike')), true);
  // a date repeated in an "(updated …)" stamp is the dateline too
  const toll = '14.04.2017(updated 1618 14.04.2017) The toll of the bombing near the city on April 8 rose to 30.';
  const stamps = times(toll, FRI).filter((t) => t.value === FRI);
  assert.equal(stamps.length, 2);
  for (const t of stamps) assert.equal(dates(t.scope, toll.indexOf('bombing')), false);
  // a wire city and a weekday may stand before it
  const wire = 'BEIRUT, Friday April 14 2017 Jets bombed the market on Wednesday.';
  assert.equal(dates(times(wire, FRI)[0]!.scope, wire.indexOf('bombed')), false);
  // with no day of its own (a week, "the last 24 hours"), the sentence keeps the dateline's date
  assert.equal(the('Fri 14 Apr 2017 Jets bombed the town, killing six.', FRI, '14 Apr 2017').scope, undefined);
  assert.equal(the('14 April 2017 Shelling killed 12 in the last 24 hours as talks over the weekend failed.', FRI, '14 April 2017').scope, undefined);
  // a date the lede tells ("On April 14 2017 ...") is no dateline
  assert.equal(the('On April 14 2017 jets bombed the town, officials said on Saturday.', '2017-04-16', 'April 14 2017').scope, undefined);
});

test('"last year" after a quarter: that quarter a year back only in a comparison', () => {
  const q = 'Profit fell in the third quarter.';
  assert.equal(the(`${q} It compared with a loss of $3 million last year.`, '1989-10-26', 'last year').value, '1988-Q3');
  assert.equal(the(`${q} Sales for last year's quarter were $9 million.`, '1989-10-26', 'last year').value, '1988-Q3');
  // Told for itself, or as the point a figure moved from, it is the year.
  assert.equal(the(`${q} Last year, the firm had large charges.`, '1989-10-26', 'Last year').value, '1988');
  assert.equal(the(`${q} Sales were $14 million, down from $21 million last year.`, '1989-10-26', 'last year').value, '1988');
});

test('a year and its quarter; halves; titles and rates are no times', () => {
  assert.equal(the('Profit rose from the 1988 second quarter.', '1989-10-26', 'the 1988 second quarter').value, '1988-Q2');
  assert.equal(the('The talks lasted 2 1/2 years.', '1989-10-26', '2 1/2 years').value, 'P2Y6M');
  assert.equal(the('The vote took 5 1/2 hours.', '1989-10-26', '5 1/2 hours').value, 'PT5H30M');
  assert.equal(the('The blast came a minute and a half later.', '1989-10-26', 'a minute and a half').value, 'PT1M30S');
  assert.equal(the('Banks have lost money in recent quarters.', '1989-10-26', 'recent quarters').value, 'PAST_REF');
  // A programme's name, and a growth rate.
  assert.deepEqual(times('The minister told "This Week" that talks were over.', '1989-10-26').map((t) => t.text), []);
  assert.deepEqual(times('He spoke on "60 Minutes" about the war.', '1989-10-26').map((t) => t.text), []);
  assert.deepEqual(times('Sales should rise 8% annually.', '1989-10-26').map((t) => t.text), []);
  assert.equal(the('Pilgrims gather there annually.', '1989-10-26', 'annually').value, 'P1Y');
});

test('noon and parts of the day, decades and seasons in words, the near term, the weeks ahead', () => {
  const FRI = '1998-02-13'; // a Friday
  assert.equal(the('Talks broke off at noon Thursday.', FRI, 'noon Thursday').value, '1998-02-12T12:00');
  assert.equal(the('The convoy left at midday.', FRI, 'midday').value, '1998-02-13T12:00');
  assert.equal(the('Shelling resumed in mid-afternoon yesterday.', FRI, 'mid-afternoon yesterday').value, '1998-02-12TAF');
  assert.deepEqual(times('For the people, high noon comes at last.', FRI).map((t) => t.text), []);
  assert.equal(the('The town grew fast in the nineties.', FRI, 'the nineties').value, '199');
  assert.equal(the('Rebels held the pass this past spring.', '1998-10-30', 'this past spring').value, '1998-SP');
  assert.equal(the('The front should hold by year\'s end.', FRI, 'year\'s end').value, '1998-12-31');
  assert.equal(the('Prices may fall in the near term.', FRI, 'the near term').value, 'FUTURE_REF');
  assert.equal(the('Little will change over the short term, he said.', FRI, 'the short term').value, 'FUTURE_REF');
  assert.deepEqual(times('The firm repaid the short term debt.', FRI).map((t) => t.text), []);
  assert.equal(the('Aid will be flown in over the weeks ahead.', FRI, 'the weeks ahead').value, 'PXW');
});

test('counts per unit of time and the present at large are no dates', () => {
  assert.deepEqual(times('The airline runs four flights a week to the island.', SUNDAY).map((t) => t.text), []);
  assert.deepEqual(times('The camp takes in 700 refugees a day.', SUNDAY).map((t) => t.text), []);
  assert.deepEqual(times("Militias recruit from today's youth.", SUNDAY).map((t) => t.text), []);
  assert.equal(the("The offer ran in today's papers.", SUNDAY, 'today').value, SUNDAY);
  assert.equal(the('The strike lasted a week.', SUNDAY, 'a week').value, 'P1W');
});

test('working days, an additional year, the quarter a year ago', () => {
  assert.equal(the('Envoys have three working days to reply.', SUNDAY, 'three working days').value, 'P3D');
  assert.equal(the('The truce may be extended for an additional year.', SUNDAY, 'an additional year').value, 'P1Y');
  assert.equal(the('Profit fell in the third quarter. For the quarter a year ago, it rose.', '1989-10-26', 'the quarter a year ago').value, '1988-Q3');
  // A report's "year-ago period" is its quarter a year back, even with no quarter named near.
  assert.equal(the('In the year-ago period, the firm earned $4 million.', '1989-10-26', 'the year-ago period').value, '1988-Q3');
});

test('sets of days: every Friday, Fridays, Tuesday nights, each July', () => {
  const every = the('Crowds march every Friday after prayers.', SUNDAY, 'every Friday');
  assert.deepEqual([every.value, every.type, every.range], ['XXXX-WXX-5', 'SET', undefined]);
  assert.equal(the('The market is shut on Fridays.', SUNDAY, 'Fridays').value, 'XXXX-WXX-5');
  assert.equal(the('Curfew starts on Tuesday nights.', SUNDAY, 'Tuesday nights').value, 'XXXX-WXX-2TNI');
  assert.equal(the('Pilgrims come each July.', SUNDAY, 'each July').value, 'XXXX-07');
  // One Friday is still a day.
  assert.equal(the('Crowds marched on Friday.', SUNDAY, 'Friday').value, '2021-09-24');
});

test('"recently" stays PAST_REF and covers the month before the reference day', () => {
  // Late in a month: that month up to the day before.
  const late = the('The two leaders recently met in the capital.', '2021-09-26', 'recently');
  assert.equal(late.value, 'PAST_REF');
  assert.equal(late.precision, 'month');
  assert.deepEqual(late.range, ['2021-09-01', '2021-09-25']);
  // Early in a month: at least two weeks back, across the month's start.
  assert.deepEqual(the('Fighting has lately eased near the border.', '2021-10-03', 'lately').range, ['2021-09-19', '2021-10-02']);
  // The past at large has no days; without a reference day "recently" has none either.
  assert.equal(the('Such raids were common in the past.', '2021-09-26', 'the past').range, undefined);
  assert.equal(the('The envoy recently left.', null, 'recently').range, undefined);
});
