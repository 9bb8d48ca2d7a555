// The events stage's knowledge: trigger phrases per PLOVER type and mode
// (data/events/triggers/*.json) and mode cues (data/events/modes.json), compiled once.
import { readdirSync, readFileSync } from 'node:fs';
import type { EventType } from '../../model/index.js';

export interface Trigger { type: EventType; mode: string; phrase: string }
export interface ModeCue { mode: string; phrase: string }
/** A phrase list compiled into one alternation (longest phrase first), one group per phrase. */
export interface PhraseSet<T> { items: T[]; re: RegExp }
export interface EventKnowledge {
  triggers: PhraseSet<Trigger>;
  cues: PhraseSet<ModeCue>;
  /** Ids that report or suffer violence but never carry it out (data/events/roles.json). */
  reporter: (id: string) => boolean;
  civilian: (id: string) => boolean;
}
export interface RolesFile { reporters: string[]; civilians: string[] }

export interface TriggerFile { triggers: { type: EventType; mode: string; patterns: string[] }[] }
export interface ModeFile { modes: Record<string, string[]> }

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A lexicon phrase as a global, case-insensitive regular expression on word boundaries.
 * Spaces match any run of white space; " … " matches up to six intervening words.
 */
export function phraseSource(phrase: string): string {
  return phrase.trim().toLowerCase().split(/\s+…\s+/).map((part) => esc(part).replace(/ +/g, '\\s+')).join('\\s+(?:[^\\s.;:!?]+\\s+){0,6}?');
}

/** Longest phrase first; at one position the first alternative that matches wins. */
export function phraseSet<T extends { phrase: string }>(items: T[]): PhraseSet<T> {
  const sorted = [...items].sort((a, b) => b.phrase.length - a.phrase.length);
  const body = sorted.map((t) => `(${phraseSource(t.phrase)})`).join('|');
  return { items: sorted, re: new RegExp(`(?<![\\w-])(?:${body || '(?!)'})(?![\\w-])`, 'gi') };
}

/** `RUS.MED` matches `*.MED`, `NGO.HRW` matches `NGO.*`, `SOHR` matches `SOHR`. */
export function idMatcher(patterns: readonly string[]): (id: string) => boolean {
  const exact = new Set(patterns.filter((p) => !p.includes('*')));
  const prefixes = patterns.filter((p) => p.endsWith('*')).map((p) => p.slice(0, -1));
  const suffixes = patterns.filter((p) => p.startsWith('*')).map((p) => p.slice(1));
  return (id) => exact.has(id) || prefixes.some((p) => id.startsWith(p)) || suffixes.some((s) => id.endsWith(s));
}

export function compileEventKnowledge(data: TriggerFile, modes: ModeFile = { modes: {} }, roles: RolesFile = { reporters: [], civilians: [] }): EventKnowledge {
  const triggers: Trigger[] = [];
  for (const t of data.triggers) for (const p of t.patterns) triggers.push({ type: t.type, mode: t.mode, phrase: p });
  const cues: ModeCue[] = [];
  for (const [mode, phrases] of Object.entries(modes.modes)) for (const p of phrases) cues.push({ mode, phrase: p });
  return { triggers: phraseSet(triggers), cues: phraseSet(cues), reporter: idMatcher(roles.reporters), civilian: idMatcher(roles.civilians) };
}

/** Every lexicon file in data/events/triggers/ (one per family of types) and the mode cues. */
export function loadEventKnowledge(): EventKnowledge {
  const dir = new URL('../../../../data/events/triggers/', import.meta.url);
  const triggers: TriggerFile['triggers'] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    triggers.push(...(JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as TriggerFile).triggers);
  }
  const read = <T>(name: string) => JSON.parse(readFileSync(new URL(`../../../../data/events/${name}`, import.meta.url), 'utf8')) as T;
  return compileEventKnowledge({ triggers }, read<ModeFile>('modes.json'), read<RolesFile>('roles.json'));
}

export interface PhraseMatch<T> { item: T; start: number; end: number }

/** Non-overlapping matches of a phrase set in `text`, leftmost first, in text order. */
export function matchPhrases<T>(text: string, set: PhraseSet<T>): PhraseMatch<T>[] {
  const re = new RegExp(set.re.source, set.re.flags);
  const found: PhraseMatch<T>[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const g = m.findIndex((x, i) => i > 0 && x !== undefined);
    if (g > 0) found.push({ item: set.items[g - 1]!, start: m.index, end: m.index + m[0].length });
  }
  return found;
}
