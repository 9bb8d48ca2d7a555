// The sector each person's role belongs to in a given year (`PER.LAVROV` -> `RUS.GOV` in
// 2021), from the actor dictionary's people (data/actors/people.json), so a person fits the
// sector an outlet names instead ("the Russian foreign ministry").
import { readActorData, type ActorEntry } from '../analyze/entities/index.js';

export type RolesIn = (year: number | null) => ReadonlyMap<string, string>;

/**
 * Roles by year from dictionary entries; the latest role when none covers the year. A
 * coalition "plays" its lead state's sector (`IGO.COALITION` -> `USA.MIL`): "US-led coalition
 * strikes" and "US strikes" name one attacker.
 */
export function rolesFrom(entries: readonly ActorEntry[]): RolesIn {
  const people = entries.filter((e) => e.roles?.length);
  const coalitions = entries.filter((e) => e.ledBy);
  const byYear = new Map<number | null, Map<string, string>>();
  return (year) => {
    let m = byYear.get(year);
    if (!m) {
      m = new Map();
      for (const e of people) {
        const roles = e.roles!;
        const role = roles.find((r) => year !== null && r.from <= year && (r.to === null || r.to >= year)) ?? roles[roles.length - 1]!;
        m.set(e.id, role.of);
      }
      for (const e of coalitions) m.set(e.id, e.ledBy!);
      byYear.set(year, m);
    }
    return m;
  };
}

let cached: RolesIn | undefined;

/** Roles from the actor dictionary, read once per process. */
export function loadRoles(): RolesIn {
  return (cached ??= rolesFrom(readActorData().entries));
}
