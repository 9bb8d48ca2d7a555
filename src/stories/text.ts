// Stories as plain text for a terminal: one line a story in the list; for one story its
// articles, its timeline with each event's ledger, and its summary.
import type { Claim, Story, StoryEvent } from '../model/index.js';
import type { StoredStory } from '../store/index.js';

const clean = (s: string) => s.replace(/[\t\n]+/g, ' ');

/** id, first date, last date, article count, outlets, title — tab-separated. */
export function storyRow(s: StoredStory): string {
  const outlets = Object.keys(s.outlets).sort().join(', ');
  return [String(s.id), s.firstDate ?? '', s.lastDate ?? '', String(s.articles), outlets, s.title ?? ''].map(clean).join('\t') + '\n';
}

export function storyText(s: Story): string {
  const out: string[] = [];
  const originals = (s.members ?? []).filter((m) => !m.duplicateOf);
  out.push(`story ${s.id}: ${s.title}`);
  out.push(`${s.firstDate ?? '?'} to ${s.lastDate ?? '?'}, ${originals.length} article(s), outlets: ${Object.keys(s.outlets ?? {}).sort().join(', ') || 'not named'}`);
  out.push('', 'articles:');
  for (const m of s.members ?? []) {
    const date = m.date ? `${m.date.date} (${m.date.basis})` : 'undated';
    out.push(`  ${date}\t${m.outlet ?? '-'}\t${clean(m.title ?? '')}\t${m.sourceId}${m.duplicateOf ? `\tcopy of ${m.duplicateOf}` : ''}`);
  }
  out.push('', 'timeline:');
  for (const e of s.events) {
    out.push(`  ${eventLine(e)}`);
    for (const c of e.claims) out.push(`      ${claimLine(c)}`);
  }
  if (s.summary?.length) {
    out.push('', 'summary:');
    for (const x of s.summary) out.push(`  ${clean(x.text)} [${x.sourceId} ${x.start}-${x.end}]`);
  }
  return out.join('\n') + '\n';
}

function eventLine(e: StoryEvent): string {
  const date = !e.date ? 'undated' : e.date.start === e.date.end ? e.date.start : `${e.date.start}..${e.date.end}`;
  const who = [e.actor?.id ?? '?', e.recipient ? `-> ${e.recipient.id}` : ''].filter((x) => x).join(' ');
  const toll = (label: string, c: StoryEvent['killed'], range?: { min: number; max: number }) =>
    c ? `${label} ${c.min}${range ? ` (${range.min} to ${range.max})` : c.max && c.max !== c.min ? `-${c.max}` : ''}` : '';
  const parts = [date, `${e.type}${e.mode ? ` ${e.mode}` : ''}`, who, e.place?.name ?? '', e.status,
    toll('killed', e.killed, e.killedRange), toll('injured', e.injured, e.injuredRange),
    `[${e.mentions.length} mention(s): ${[...new Set(e.mentions.map((m) => m.sourceId))].join(', ')}]`];
  return parts.filter((x) => x).join('  ');
}

function claimLine(c: Claim): string {
  const show = (v: unknown): string => {
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if ('min' in o) return `${o.min}${o.max && o.max !== o.min ? `-${o.max}` : ''}`;
      if ('id' in o) return String(o.id);
      if ('name' in o) return String(o.name);
      if ('start' in o) return o.start === o.end ? String(o.start) : `${o.start}..${o.end}`;
    }
    return String(v);
  };
  const values = c.values.map((v) => `${show(v.value)} (${[v.source?.text, v.outlet ?? v.sourceId].filter((x) => x).join(', via ')})`);
  return `${c.field}${c.disputed ? ' DISPUTED' : ''}: ${values.join(' | ')}`;
}
