// Event exports shared by the CLI and the API: ACLED-style CSV rows, GeoJSON features and
// JSON records, each carrying the article it came from. Streams, so memory stays flat.
import { stringify } from 'csv-stringify/sync';
import type { StoredEvent } from '../store/index.js';
import { ACLED_COLUMNS, acledCsvRow, acledRecord, loadAcledMapping } from './acled.js';

export { ACLED_COLUMNS, acledRecord, loadAcledMapping } from './acled.js';

export const CSV_COLUMNS = [
  'event_id', 'event_date', 'date_end', 'date_precision', 'date_basis', 'event_type', 'sub_event_type',
  'actor1', 'actor1_text', 'actor2', 'actor2_text', 'location', 'admin1', 'country', 'latitude', 'longitude',
  'geo_precision', 'status', 'fatalities', 'fatalities_max', 'injured', 'source', 'source_text', 'confidence',
  'evidence_sentence', 'evidence_start', 'evidence_end', 'article_source_id', 'article_url', 'outlet',
  'article_title', 'published',
] as const;

export function eventCsvRow({ id, event: e, article: a }: StoredEvent): (string | number | null)[] {
  return [
    id, e.date?.start ?? null, e.date?.end ?? null, e.date?.precision ?? null, e.date?.basis ?? null, e.type, e.mode,
    e.actor?.id ?? null, e.actor?.text ?? null, e.recipient?.id ?? null, e.recipient?.text ?? null,
    e.place?.name ?? null, e.place?.admin1 ?? null, e.place?.country ?? null, e.place?.lat ?? null, e.place?.lon ?? null,
    e.place?.precision ?? null, e.status, e.killed?.min ?? null, e.killed?.max ?? null, e.injured?.min ?? null,
    e.source?.id ?? null, e.source?.text ?? null, e.confidence, e.evidence.sentence, e.evidence.start, e.evidence.end,
    a.sourceId, a.url, a.outlet, a.title, a.published,
  ];
}

/** The CSV columns of an event as one flat object: `event_date`, `actor1`, `fatalities`, … */
export function flatColumns(row: StoredEvent): Record<string, string | number | null> {
  const values = eventCsvRow(row);
  return Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, values[i] ?? null]));
}

export function eventJson({ id, event, article }: StoredEvent) {
  return { id, ...event, article: { sourceId: article.sourceId, url: article.url, outlet: article.outlet, title: article.title, published: article.published } };
}

export type ExportFormat = 'json' | 'jsonl' | 'csv' | 'geojson';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'jsonl', 'csv', 'geojson'];

/**
 * CSV column sets: `sitrep` (CSV_COLUMNS, every field, the default and a public contract) or
 * `acled` (ACLED_COLUMNS: ACLED's names and categories, one row per event ACLED would code).
 */
export type CsvColumns = 'sitrep' | 'acled';
export const CSV_COLUMN_SETS: readonly CsvColumns[] = ['sitrep', 'acled'];

export interface ExportOptions {
  /** CSV only; default `sitrep`. */
  columns?: CsvColumns;
  /** Called for each event the `acled` columns leave out (a statement, or not occurred/claimed). */
  onSkipped?: (row: StoredEvent) => void;
}

/** The export as text chunks, one per event plus header and footer. */
export async function* exportEvents(
  events: AsyncIterable<StoredEvent>, format: ExportFormat, options: ExportOptions = {},
): AsyncGenerator<string> {
  let first = true;
  if (format === 'csv' && options.columns === 'acled') {
    const mapping = loadAcledMapping();
    yield stringify([ACLED_COLUMNS as unknown as string[]]);
    for await (const row of events) {
      const record = acledRecord(row, mapping);
      if (record) yield stringify([acledCsvRow(record)]);
      else options.onSkipped?.(row);
    }
    return;
  }
  if (format === 'csv') yield stringify([CSV_COLUMNS as unknown as string[]]);
  if (format === 'json') yield '[';
  if (format === 'geojson') yield '{"type":"FeatureCollection","features":[';
  for await (const row of events) {
    if (format === 'csv') {
      yield stringify([eventCsvRow(row)]);
      continue;
    }
    if (format === 'jsonl') {
      yield JSON.stringify(eventJson(row)) + '\n';
      continue;
    }
    // An event without coordinates has no place on a map; GeoJSON keeps only placed events.
    if (format === 'geojson' && !row.event.place) continue;
    const body = format === 'geojson'
      ? JSON.stringify({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [row.event.place!.lon, row.event.place!.lat] },
          // the nested record (the contract) and, beside it, the CSV's flat columns, which GIS
          // tools (QGIS, ogr2ogr) read as typed fields without flattening options
          properties: { ...flatColumns(row), ...eventJson(row) },
        })
      : JSON.stringify(eventJson(row));
    yield (first ? '\n' : ',\n') + body;
    first = false;
  }
  if (format === 'json') yield '\n]\n';
  if (format === 'geojson') yield '\n]}\n';
}
