// Framing as plain text for a terminal: one column an outlet, side by side — the words
// each uses for each actor, its loaded terms, its voices and the story events it reports
// — and the outlet profiles one block an outlet. `--json` carries the sentences behind
// every number; this view shows the counts.
import type { FramingOutlet, LabelCount, OutletProfile, StoryFraming, TermCount, VoiceCount } from '../../model/index.js';

const LEFT = 26;
const WIDTH = 30;

/** A column's heading: the outlet, or for an article without one its file name. */
export const columnName = (o: Pick<FramingOutlet, 'key' | 'byArticle'>): string => (o.byArticle ? o.key.replace(/^.*[\\/]/, '') : o.key);

export function framingText(f: StoryFraming): string {
  const out: string[] = [`framing of story ${f.story}: ${f.title}`];
  if (f.note) out.push(`(${f.note})`);
  const keys = f.outlets.map((o) => o.key);
  const head = ['', ...f.outlets.map((o) => `${columnName(o)}${o.articles.length > 1 ? ` (${o.articles.length} articles)` : ''}`)];

  out.push('', 'labels: the words each outlet uses for each actor, its own first (‘…’ set apart by scare quotes or "so-called", not: negated, “…” quoted, [name] the words of the speaker named)');
  const actorRows = f.actors.map((a) => [`${a.name} [${a.id}]`, ...keys.map((k) => (a.outlets[k] ?? []).map(labelLine))]);
  out.push(grid(head, actorRows));

  out.push('', 'loaded terms, hedges and factives (own voice unless marked), with whom they are about');
  const rate = ['own loaded terms', ...keys.map((k) => {
    const l = f.loaded[k];
    return l ? [`${l.own} (${l.perThousandWords} per 1,000 words)`, `hedges ${l.hedges}, factives ${l.factives}`] : [];
  })];
  const categories = (['loaded', 'hedge', 'factive'] as const).map((c) => [c === 'loaded' ? 'loaded terms' : `${c}s`, ...keys.map((k) => (f.loaded[k]?.terms ?? []).filter((t) => t.category === c).map(termLine))]);
  out.push(grid(head, [rate, ...categories]));

  out.push('', 'voices: whom each outlet quotes or credits');
  const kinds = [...new Set(Object.values(f.voices).flat().map((v) => v.kind))].sort();
  out.push(grid(head, kinds.map((kind) => [kind, ...keys.map((k) => (f.voices[k] ?? []).filter((v) => v.kind === kind).map(voiceLine))])));

  out.push('', 'coverage: the story events each outlet reports (x = reported, . = left out while another reports it)');
  const events = f.coverage.events.map((e) => [
    [e.date ?? 'undated', `${e.type}${e.mode ? ` ${e.mode}` : ''}`, [e.actor, e.recipient].filter((x) => x).join(' -> '), e.place ?? ''].filter((x) => x).join(' '),
    ...keys.map((k) => [e.outlets[k] ? `x ${e.outlets[k].length > 1 ? `(${e.outlets[k].length} sentences)` : ''}`.trim() : '.']),
  ]);
  events.push(['left out', ...keys.map((k) => [`${f.coverage.blindspots[k]?.length ?? 0} of ${f.coverage.events.length}`])]);
  out.push(grid(head, events));
  return out.join('\n') + '\n';
}

function labelLine(l: LabelCount): string {
  const shown = l.voice === 'quoted' ? `“${l.label}”` : l.voice === 'distanced' ? `‘${l.label}’` : l.voice === 'negated' ? `not: ${l.label}` : l.label;
  const who = l.speaker && l.voice !== 'own' ? ` [${l.speaker}]` : '';
  return `${shown}${who} ${l.count}`;
}

function termLine(t: TermCount): string {
  const voice = t.voice === 'own' ? '' : ` (${t.voice}${t.speaker ? `, ${t.speaker}` : ''})`;
  return `${t.term} ${t.count}${t.about ? ` -> ${t.about}` : ''}${voice}`;
}

function voiceLine(v: VoiceCount): string {
  const about = [v.role, v.side].filter((x) => x).join(', ');
  return `${v.name}${about ? ` (${about})` : ''} ${v.count}`;
}

/** Rows of cells (each a list of lines) under a heading, columns wrapped to a fixed width. */
function grid(head: string[], rows: (string | string[])[][]): string {
  const widths = head.map((_, i) => (i === 0 ? LEFT : WIDTH));
  const lines: string[] = [];
  const render = (cells: (string | string[])[]) => {
    const wrapped = cells.map((c, i) => (Array.isArray(c) ? c : [c]).flatMap((x) => wrap(x, widths[i]!)));
    const height = Math.max(1, ...wrapped.map((c) => c.length));
    for (let n = 0; n < height; n++) lines.push(wrapped.map((c, i) => (c[n] ?? '').padEnd(widths[i]!)).join(' | ').trimEnd());
  };
  render(head);
  lines.push(widths.map((w) => '-'.repeat(w)).join('-+-'));
  for (const r of rows) {
    if (r.slice(1).every((c) => (Array.isArray(c) ? c.length === 0 : !c))) continue;
    render(r);
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}

function wrap(s: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of s.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = '';
    }
    line = line ? `${line} ${word}` : word;
    while (line.length > width) {
      out.push(line.slice(0, width));
      line = line.slice(width);
    }
  }
  if (line) out.push(line);
  return out;
}

/** One block an outlet: articles, labels per actor (own voice), voices, loaded terms, coverage. */
export function outletsText(profiles: OutletProfile[]): string {
  const out: string[] = [];
  for (const p of profiles) {
    out.push(`${p.byArticle ? `${columnName({ key: p.outlet, byArticle: true })} (one article; the store names no outlet)` : p.outlet}: ${p.articles} article(s) in ${p.stories ?? 0} stor${p.stories === 1 ? 'y' : 'ies'}, ${p.words ?? 0} words`);
    for (const [actor, labels] of Object.entries(p.labels).sort()) out.push(`  ${actor}: ${counts(labels)}`);
    if (Object.keys(p.voices).length) out.push(`  voices: ${counts(p.voiceKinds ?? {})}; ${counts(p.voices)}`);
    if (p.loaded) out.push(`  loaded terms: ${p.loaded.own} (${p.loaded.perThousandWords} per 1,000 words)${Object.keys(p.loaded.terms).length ? `: ${counts(p.loaded.terms)}` : ''}; hedges ${p.loaded.hedges}, factives ${p.loaded.factives}`);
    if (p.coverage?.events) out.push(`  coverage: reported ${p.coverage.reported} of ${p.coverage.events} story events compared across outlets, left out ${p.coverage.missed} another reported`);
    out.push('');
  }
  return out.join('\n');
}

const counts = (c: Record<string, number>) => Object.entries(c).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${k} ${n}`).join(', ');
