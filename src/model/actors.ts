// How canonical actor ids relate (EVENTS.md, "Canonical actor ids"): an id names a part of
// the id before its last dot (`RUS.MIL` is part of `RUS`), and a person stands for the
// sector of the role they hold (`PER.LAVROV` fits `RUS.GOV`). Shared by the story-level
// event merge and the event evaluation, so both read the matching rule the same way.

/** True when `part` is `whole` or lies inside it (`RUS.MIL` in `RUS`, `SYR.REB.TUR` in `SYR.REB`). */
export function isPartOf(part: string, whole: string): boolean {
  return part === whole || part.startsWith(whole + '.');
}

/**
 * Whether two actor ids can name the same actor: equal, one a part of the other, or a
 * person and the sector of their role (`role` maps a person id to that sector id). Two
 * absent ids agree; an absent and a present one do not.
 */
export function compatible(a: string | undefined, b: string | undefined, role: ReadonlyMap<string, string>): boolean {
  if (!a || !b) return !a && !b;
  const norm = (x: string) => [x, role.get(x)].filter((y): y is string => !!y);
  for (const x of norm(a)) for (const y of norm(b)) {
    if (isPartOf(x, y) || isPartOf(y, x)) return true;
  }
  return false;
}
