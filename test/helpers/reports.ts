// Short invented reports for tests that need many distinct articles (never real text).

const ACTORS = ['Government artillery', 'Rebel fighters', 'A drone', 'Army units', 'Unidentified gunmen', 'Russian jets'];
const PLACES = ['Kafranbel', 'Tafas', 'Ariha', 'al-Bab', 'Saraqib', 'Jisr al-Shughur', 'Deraa', 'Afrin'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** `n` JSONL documents, each a different short report, as one string. */
export function reportsJsonl(n: number): string {
  const lines = [];
  for (let i = 0; i < n; i++) {
    const text =
      `${ACTORS[i % ACTORS.length]} struck positions near ${PLACES[i % PLACES.length]} on ${DAYS[i % DAYS.length]}, report ${i}. ` +
      `Monitors said ${i % 9} people were killed and ${i % 7} injured, according to the Syrian Observatory for Human Rights. ` +
      `Talks are due to resume next week.`;
    lines.push(JSON.stringify({ id: `report-${i}`, text, published: '2024-03-14' }));
  }
  return lines.join('\n') + '\n';
}
