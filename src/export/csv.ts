import type { GraphReader } from './reader';
import type { Sink } from './sink';
import type { DatasetVersion } from './types';
import { plain } from './values';

/**
 * CSV in the header format of `neo4j-admin database import full`
 * (https://neo4j.com/docs/operations-manual/5/tools/neo4j-admin/neo4j-admin-import/),
 * so that an export imports into an empty Neo4j as the same graph:
 *
 *   nodes.csv          id:ID, :LABEL, then one typed column per property
 *   relationships.csv  :START_ID, :END_ID, :TYPE, then one typed column per property
 *   dataset.csv        the Dataset node (the version the graph records), a third --nodes file
 *
 * Every row also has `datasetVersion:IGNORE`: the version is on every row for
 * someone who opens one file in a spreadsheet, and the importer skips it.
 * Strings are always quoted, so an empty string ("") stays an empty string
 * and an empty field is a missing property. Dates are full ISO dates (typed
 * `date`) with their `<key>Precision` column beside them: the stored form,
 * so the import gives back exactly what was exported. Lists use
 * ARRAY_DELIMITER between elements (`--array-delimiter`).
 */
export const ARRAY_DELIMITER = '|';

/** The import command for the three files (documented in docs/exports.md). */
export const IMPORT_OPTIONS = [
  `--array-delimiter=${ARRAY_DELIMITER}`,
  '--multiline-fields=true',
  '--id-type=string',
];

/** neo4j-admin column types for the types Neo4j's schema procedures report. */
const ADMIN_TYPE: Record<string, string> = {
  String: 'string',
  Long: 'long',
  Double: 'double',
  Boolean: 'boolean',
  Date: 'date',
  DateTime: 'datetime',
  LocalDateTime: 'localdatetime',
  LocalTime: 'localtime',
  Time: 'time',
  Duration: 'duration',
  StringArray: 'string[]',
  LongArray: 'long[]',
  DoubleArray: 'double[]',
  BooleanArray: 'boolean[]',
  DateArray: 'date[]',
};

interface Column {
  name: string;
  header: string;
  list: boolean;
}

function columns(types: Map<string, string[]>, skip: string[]): Column[] {
  return [...types.entries()]
    .filter(([name]) => !skip.includes(name))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, t]) => {
      // A key stored with two types cannot have one typed column: it is
      // written as text (and comes back as text; docs/exports.md says so).
      const type = t.length === 1 ? (ADMIN_TYPE[t[0]!] ?? 'string') : 'string';
      return {
        name,
        header: type === 'string' ? name : `${name}:${type}`,
        list: type.endsWith('[]'),
      };
    });
}

export async function writeNodesCsv(reader: GraphReader, sink: Sink): Promise<void> {
  const cols = columns(reader.types.node, ['id']);
  const version = field(reader.meta.dataset.version);
  await sink.write(row(['id:ID', ':LABEL', ...cols.map((c) => c.header), 'datasetVersion:IGNORE']));
  for await (const n of reader.nodes()) {
    await sink.write(
      row([
        field(n.id),
        field(['Entity', ...n.labels], n.id),
        ...cols.map((c) => field(n.props[c.name], n.id)),
        version,
      ]),
    );
  }
}

export async function writeRelationshipsCsv(reader: GraphReader, sink: Sink): Promise<void> {
  const cols = columns(reader.types.relationship, []);
  const version = field(reader.meta.dataset.version);
  await sink.write(
    row([':START_ID', ':END_ID', ':TYPE', ...cols.map((c) => c.header), 'datasetVersion:IGNORE']),
  );
  for await (const r of reader.relationships()) {
    await sink.write(
      row([
        field(r.from),
        field(r.to),
        field(r.type),
        ...cols.map((c) => field(r.props[c.name], r.key)),
        version,
      ]),
    );
  }
}

/** The Dataset node, as the graph records it after a seed load (cypher/seed/record-dataset.cypher). */
export async function writeDatasetCsv(dataset: DatasetVersion, sink: Sink): Promise<void> {
  await sink.write(
    row(['id:ID', ':LABEL', 'filesChecksum', 'checksum', 'seedVersion', 'loadedAt:datetime']),
  );
  if (dataset.seedVersion === null) return;
  await sink.write(
    row([
      field('dataset'),
      field('Dataset'),
      field(dataset.filesChecksum),
      field(dataset.checksum),
      field(dataset.seedVersion),
      field(dataset.loadedAt),
    ]),
  );
}

const row = (fields: string[]) => `${fields.join(',')}\n`;

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** One CSV field: quoted text, a bare number or boolean, or nothing for a missing value. */
export function field(value: unknown, owner?: string): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) {
    const items = (plain(value) as unknown[]).map(String);
    const clash = items.find((i) => i.includes(ARRAY_DELIMITER));
    // The importer has no escape for its array delimiter: refuse rather than
    // export a list that would come back split differently.
    if (clash !== undefined)
      throw new Error(
        `A list value of ${owner ?? 'a fact'} contains the CSV array delimiter "${ARRAY_DELIMITER}": ${clash.slice(0, 80)}`,
      );
    return quote(items.join(ARRAY_DELIMITER));
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return quote(String(plain(value)));
}
