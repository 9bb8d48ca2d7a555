// Framing: how each outlet tells the same story (src/stories/framing). Every count keeps
// the sentences it counts, so a reader can check each number against the text.
import type { Span } from './index.js';

/** A counted word or phrase: its article, its sentence (index and offsets) and its own offsets. */
export interface FramingEvidence {
  sourceId: string;
  /** Index of the sentence in the article's sentences layer (-1 when outside every sentence). */
  sentence: number;
  /** The sentence's offsets in the article's clean text. */
  start: number;
  end: number;
  /** The counted words' offsets. */
  span: Span;
}

/**
 * Whose words a use is: the outlet's `own`; someone's words in quotation marks (`quoted`)
 * or reported speech (`reported`); set apart by scare quotes, "so-called" or "what X calls"
 * (`distanced`); or negated ("are not terrorists"). Only `own` uses count as the outlet's.
 */
export type FramingVoice = 'own' | 'quoted' | 'reported' | 'distanced' | 'negated';

/** Who is credited with words that are not the outlet's own. */
export interface FramingSpeaker {
  text: string;
  id?: string;
}

/** One use of a word for an actor in one article. */
export interface LabelUse {
  /** Canonical actor id of the mention the label belongs to. */
  actor: string;
  /** The label as compared: determiners and trailing things ("positions") dropped, label words in lower case. */
  label: string;
  /** The words as written. */
  text: string;
  /** `label`: descriptive words the outlet chose; `name`: the actor's proper name ("Syrian Arab Army"). */
  kind: 'label' | 'name';
  /** Label families of its words (data/framing/labels.json): "terror groups" -> terrorist, group. */
  terms: string[];
  voice: FramingVoice;
  speaker?: FramingSpeaker | null;
  /** Words inside the label that scare quotes set apart ("militant ‘opposition’ fighters" -> opposition). */
  distanced?: string[];
  evidence: FramingEvidence;
}

/** One loaded term, hedge or factive in one article, and whom it is about. */
export interface TermUse {
  /** The entry of data/framing/loaded.json ("liberate" for "liberated"). */
  term: string;
  text: string;
  category: 'loaded' | 'hedge' | 'factive';
  /** For loaded terms: delegitimising, legitimising, atrocity. */
  tone?: string;
  /** The actor it is about: the mention it is part of, else the nearest actor in its clause. */
  about: { id: string; text: string } | null;
  voice: FramingVoice;
  speaker?: FramingSpeaker | null;
  evidence: FramingEvidence;
}

/** One credited voice in one article: a speaker of the attribution layer or an event's source. */
export interface VoiceUse {
  /** The actor id, else the words as written in lower case. */
  key: string;
  id?: string;
  /** How the article names the speaker. */
  text: string;
  /** official, armed group, monitor, residents, state media, international, unnamed source, unidentified. */
  kind: string;
  /** The actor the voice speaks for (`RUS.GOV` for Lavrov), when it speaks for one. */
  side?: string;
  /** A person's role in the story's year ("spokesperson"). */
  role?: string;
  how: 'quoted' | 'reported' | 'source';
  evidence: FramingEvidence;
}

/** Per-article counts of one item of an outlet column. */
export interface Counted {
  count: number;
  /** sourceId -> count. */
  articles: Record<string, number>;
  evidence: FramingEvidence[];
}

export interface LabelCount extends Counted {
  label: string;
  kind: LabelUse['kind'];
  terms: string[];
  voice: FramingVoice;
  /** Whose words, for uses that are not the outlet's own. */
  speaker?: string;
  distanced?: string[];
}

export interface TermCount extends Counted {
  term: string;
  category: TermUse['category'];
  tone?: string;
  /** Actor id, or null when the clause names none. */
  about: string | null;
  voice: FramingVoice;
  speaker?: string;
}

export interface VoiceCount extends Counted {
  key: string;
  id?: string;
  /** The most frequent way the outlet names the speaker, or the dictionary name. */
  name: string;
  kind: string;
  side?: string;
  role?: string;
  how: VoiceUse['how'][];
}

/** One column: an outlet, or one article when the store names no outlet for it. */
export interface FramingOutlet {
  key: string;
  outlet: string | null;
  /** True when the outlet is unknown and the article's sourceId stands for it. */
  byArticle: boolean;
  articles: string[];
  /** Words in its articles (the denominator of the loaded-term rate). */
  words: number;
}

export interface ActorFraming {
  id: string;
  /** A neutral name for the row (data/framing/labels.json `actorNames`, else the dictionary). */
  name: string;
  /** Outlet key -> its labels for this actor, most used first. */
  outlets: Record<string, LabelCount[]>;
}

export interface OutletLoaded {
  words: number;
  /** Loaded terms in the outlet's own voice. */
  own: number;
  /** Own loaded terms per 1,000 words. */
  perThousandWords: number;
  hedges: number;
  factives: number;
  terms: TermCount[];
}

export interface CoverageEvent {
  id: string;
  type: string;
  mode: string;
  status: string;
  date: string | null;
  place: string | null;
  actor: string | null;
  recipient: string | null;
  /** Outlet key -> the sentences in which it reports the event. */
  outlets: Record<string, FramingEvidence[]>;
  /** Outlets that leave it out. */
  missing: string[];
}

export interface StoryFraming {
  story: string;
  title: string;
  outlets: FramingOutlet[];
  /** Says how columns were formed when some outlet is unknown. */
  note?: string;
  actors: ActorFraming[];
  /** Outlet key -> its loaded terms, hedges and factives. */
  loaded: Record<string, OutletLoaded>;
  /** Outlet key -> whom it quotes or credits, most credited first. */
  voices: Record<string, VoiceCount[]>;
  coverage: {
    events: CoverageEvent[];
    /** Outlet key -> ids of the story events another outlet reports and it leaves out. */
    blindspots: Record<string, string[]>;
  };
}
