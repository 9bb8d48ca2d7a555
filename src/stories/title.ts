// A story's title: the most central headline of its members — the one whose words the other
// headlines share most (the mean cosine of its word set with each other headline) — so a
// story is named by what most of its outlets lead with, not by whichever article came first
// or by one outlet's angle on it. On a tie (two members, or headlines sharing nothing), the
// earliest headline.
import { words } from './features.js';

export function centralTitle(titles: readonly (string | null)[]): string | null {
  const known = titles.filter((t): t is string => !!t && !!t.trim());
  if (known.length <= 2) return known[0] ?? null;
  const sets = known.map((t) => new Set(words(t)));
  let best = 0, bestScore = -1;
  sets.forEach((a, i) => {
    let score = 0;
    sets.forEach((b, j) => {
      if (i === j || !a.size || !b.size) return;
      let shared = 0;
      for (const w of a) if (b.has(w)) shared++;
      score += shared / Math.sqrt(a.size * b.size);
    });
    if (score > bestScore + 1e-9) [best, bestScore] = [i, score];
  });
  return known[best]!;
}
