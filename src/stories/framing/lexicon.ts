// The framing lexicon, read once from data/framing/ (label families, loaded terms, hedges,
// factives, voice kinds) and from the actor dictionary (label words, names, roles), and
// compiled so each word of an article is looked up once.
import { readDataJson } from '../../data-files.js';
import { readActorData, type ActorData, type Role } from '../../analyze/entities/index.js';
import { keyOf, tokenize } from '../../analyze/entities/tokens.js';

interface TermEntry {
  forms: string[];
  tone?: string;
  refers?: string;
}

export interface LabelsData {
  terms: Record<string, string[]>;
  things: string[];
  actorNames: Record<string, string>;
  sectorNames: Record<string, string>;
}

export interface LoadedData {
  loaded: Record<string, TermEntry>;
  hedges: Record<string, TermEntry>;
  factives: Record<string, TermEntry>;
  distancing: string[];
  naming: string[];
  negation: string[];
}

export interface VoicesData {
  placeholders?: string[];
  kinds: { kind: string; ids: string[]; side: boolean; person?: string }[];
}

/** Everything the lexicon is compiled from; tests may pass a small one. */
export interface FramingData {
  labels: LabelsData;
  loaded: LoadedData;
  voices: VoicesData;
  actors: ActorData;
}

/** A written form as word keys, with what it stands for. */
export interface Form<T> {
  keys: string[];
  value: T;
}

export interface TermInfo {
  term: string;
  category: 'loaded' | 'hedge' | 'factive';
  tone?: string;
  refers?: string;
}

/** Forms by their first word key, longest first. */
export type FormIndex<T> = Map<string, Form<T>[]>;

export interface FramingLexicon {
  /** Word key -> label family ("terror" -> terrorist). */
  family: Map<string, string>;
  /** Words that may be part of a label (the entity stage's label words, titles and families). */
  labelWords: Set<string>;
  /** One-word titles and offices ("president", "minister"): written in lower case in labels. */
  titleWords: Set<string>;
  things: Set<string>;
  backedWords: Set<string>;
  terms: FormIndex<TermInfo>;
  distancing: FormIndex<true>;
  naming: FormIndex<true>;
  negation: FormIndex<true>;
  /** A neutral display name for an actor id. */
  nameOf(id: string): string;
  /** A person's role in a year (the latest when none covers it). */
  roleOf(id: string, year: number | null): Role | undefined;
  /** The kind of voice an actor id is; `person`: the kind of a person whose role belongs to it. */
  voiceKind(id: string): { kind: string; side: boolean; person: string };
  /** Ids that name no actor (`SRC`, an unidentified source). */
  placeholders: Set<string>;
}

/** Word keys of a written form, as the tokenizer reads them ("so-called" -> so, called). */
export const formKeys = (form: string): string[] => tokenize(form).map((t) => t.key);

export function formIndex<T>(forms: Iterable<[string, T]>): FormIndex<T> {
  const index: FormIndex<T> = new Map();
  for (const [form, value] of forms) {
    const keys = formKeys(form);
    if (keys.length === 0) continue;
    const list = index.get(keys[0]!) ?? [];
    list.push({ keys, value });
    index.set(keys[0]!, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  return index;
}

/** `*.GOV` fits `RUS.GOV` (`*` is one part, or any parts at the end: `NGO.*` fits `NGO.MSF`). */
function idPattern(pattern: string): RegExp {
  const parts = pattern.split('.');
  const last = parts.length - 1;
  return new RegExp(`^${parts.map((p, n) => (p === '*' ? (n === last ? '.+' : '[^.]+') : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('\\.')}$`);
}

export function compileFramingLexicon(data: FramingData): FramingLexicon {
  const family = new Map<string, string>();
  for (const [name, forms] of Object.entries(data.labels.terms)) for (const f of forms) family.set(keyOf(f), name);
  const { labels } = data.actors;
  const titleWords = new Set(Object.values(labels.titles).flat().filter((t) => !t.includes(' ')).map(keyOf));
  const labelWords = new Set<string>([...Object.values(labels.sectors).flat(), ...labels.neutral, ...labels.modifiersOnly].map(keyOf));
  for (const k of titleWords) labelWords.add(k);
  for (const k of family.keys()) labelWords.add(k);

  const termForms: [string, TermInfo][] = [];
  const add = (entries: Record<string, TermEntry>, category: TermInfo['category']) => {
    for (const [term, e] of Object.entries(entries)) {
      for (const f of e.forms) termForms.push([f, { term, category, ...(e.tone ? { tone: e.tone } : {}), ...(e.refers ? { refers: e.refers } : {}) }]);
    }
  };
  add(data.loaded.loaded, 'loaded');
  add(data.loaded.hedges, 'hedge');
  add(data.loaded.factives, 'factive');
  const flag = (xs: string[]) => formIndex(xs.map((x): [string, true] => [x, true]));

  const names = new Map<string, string>();
  const roles = new Map<string, Role[]>();
  for (const c of data.actors.countries) if (c.names[0]) names.set(c.iso3, c.names[0]);
  for (const e of data.actors.entries) {
    if (!names.has(e.id) && e.names[0]) names.set(e.id, e.names[0]);
    if (e.roles?.length) roles.set(e.id, e.roles);
  }
  const nameOf = (id: string): string => {
    const given = data.labels.actorNames[id] ?? names.get(id);
    if (given) return given;
    const dot = id.indexOf('.');
    const country = dot > 0 ? names.get(id.slice(0, dot)) : undefined;
    const sector = dot > 0 ? data.labels.sectorNames[id.slice(dot + 1)] : undefined;
    return country && sector ? `${country}: ${sector}` : id;
  };
  const roleOf = (id: string, year: number | null): Role | undefined => {
    const rs = roles.get(id) ?? [];
    return rs.find((r) => year !== null && r.from <= year && (r.to === null || r.to >= year)) ?? rs[rs.length - 1];
  };
  const kinds = data.voices.kinds.map((k) => ({ ...k, ids: k.ids.map(idPattern) }));
  const voiceKind = (id: string) => {
    const rule = kinds.find((k) => k.ids.some((p) => p.test(id)));
    return rule ? { kind: rule.kind, side: rule.side, person: rule.person ?? rule.kind } : { kind: 'other', side: false, person: 'other' };
  };

  return {
    family, labelWords, titleWords, things: new Set(data.labels.things.map(keyOf)), backedWords: new Set(labels.backedWords.map(keyOf)),
    terms: formIndex(termForms), distancing: flag(data.loaded.distancing), naming: flag(data.loaded.naming),
    negation: flag(data.loaded.negation), nameOf, roleOf, voiceKind, placeholders: new Set(data.voices.placeholders ?? []),
  };
}

export function readFramingData(): FramingData {
  const json = <T>(name: string): T => readDataJson<T>(`framing/${name}`);
  return { labels: json('labels.json'), loaded: json('loaded.json'), voices: json('voices.json'), actors: readActorData() };
}

let cached: FramingLexicon | undefined;

/** The compiled framing lexicon; read and compiled once per process. */
export function loadFramingLexicon(): FramingLexicon {
  return (cached ??= compileFramingLexicon(readFramingData()));
}
