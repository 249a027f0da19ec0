import { exportContext, ID_BASE, schemaTypeOf } from './context';
import type { GraphReader } from './reader';
import type { Sink } from './sink';
import { INDEX_KEYS, plain } from './values';

/** The IRI of an entity: urn:cbss-car:state:LT for state:LT. */
export const entityIri = (id: string) => `${ID_BASE}${id}`;
/** The IRI of a relationship: its stable key, percent-encoded, under urn:cbss-car:rel:. */
export const relationshipIri = (key: string) => `${ID_BASE}rel:${encodeURIComponent(key)}`;
/** The IRI of a dataset version. */
export const datasetIri = (version: string) => `${ID_BASE}dataset:${encodeURIComponent(version)}`;

const XSD_OF_PRECISION: Record<string, string> = {
  year: 'xsd:gYear',
  month: 'xsd:gYearMonth',
  day: 'xsd:date',
};

/**
 * JSON-LD for linked-data stores. The document is the dataset version
 * (schema:Dataset with its version, checksums and as-of date) whose @graph
 * holds every entity and every relationship. A relationship is written
 * twice: as a resource of its own (a reified statement carrying its period,
 * confidence, evidence and sources; see exportContext for the vocabulary),
 * and right after it as the direct triple `<from> car:TYPE <to>`, so that a
 * plain pattern such as `?state car:PURSUES ?priority` finds it. The direct
 * triple carries nothing else: what qualifies it lives on the resource.
 * The @context is embedded, the same object /export/context.jsonld serves.
 *
 * Dates are typed at the precision the source gave: "2017" is xsd:gYear,
 * "2017-06" xsd:gYearMonth, "2017-06-14" xsd:date; the stored
 * `<key>Precision` is kept beside them.
 */
export async function writeJsonld(reader: GraphReader, sink: Sink): Promise<void> {
  const { dataset, asOf, exportedAt } = reader.meta;
  const dateKeys = {
    node: dateKeysOf(reader.types.node),
    relationship: dateKeysOf(reader.types.relationship),
  };
  const head = {
    '@context': exportContext(),
    '@id': datasetIri(dataset.version),
    '@type': 'Dataset',
    name: 'CBSS Expert Group on Children at Risk knowledge graph',
    version: dataset.version,
    // A null would be dropped by expansion: absent values are left out.
    ...(dataset.seedVersion ? { seedVersion: dataset.seedVersion } : {}),
    ...(dataset.checksum ? { checksum: dataset.checksum } : {}),
    ...(dataset.filesChecksum ? { filesChecksum: dataset.filesChecksum } : {}),
    ...(dataset.loadedAt
      ? { dateModified: { '@value': dataset.loadedAt, '@type': 'xsd:dateTime' } }
      : {}),
    ...(asOf ? { asOf: { '@value': asOf, '@type': 'xsd:date' } } : {}),
    dateCreated: { '@value': exportedAt, '@type': 'xsd:dateTime' },
  };
  const text = JSON.stringify(head, null, 1);
  await sink.write(`${text.slice(0, text.lastIndexOf('}')).trimEnd()},\n "@graph": [\n`);
  let first = true;
  const item = async (obj: Record<string, unknown>) => {
    await sink.write(`${first ? '' : ',\n'}  ${JSON.stringify(obj)}`);
    first = false;
  };
  for await (const n of reader.nodes()) {
    const types = [...n.labels, ...n.labels.map(schemaTypeOf).filter((t) => t !== undefined)];
    await item({
      '@id': entityIri(n.id),
      '@type': types,
      identifier: n.id,
      ...properties(n.props, dateKeys.node, ['id']),
    });
  }
  // Relationships come sorted by start, type and end: parallel relationships
  // (two periods of one membership, PURSUES through several ways) are
  // adjacent, and their direct triple is written once.
  let lastTriple = '';
  for await (const r of reader.relationships()) {
    await item({
      '@id': relationshipIri(r.key),
      '@type': 'Relationship',
      subject: entityIri(r.from),
      predicate: r.type,
      object: entityIri(r.to),
      ...properties(r.props, dateKeys.relationship, []),
    });
    const triple = `${r.from} ${r.type} ${r.to}`;
    if (triple !== lastTriple) await item(directTriple(r.from, r.type, r.to));
    lastTriple = triple;
  }
  await sink.write('\n ]\n}\n');
}

/** `<from> car:TYPE <to>` as a node object: the context types every relationship term as an IRI. */
export function directTriple(from: string, type: string, to: string): Record<string, unknown> {
  return { '@id': entityIri(from), [type]: entityIri(to) };
}

function dateKeysOf(types: Map<string, string[]>): Set<string> {
  return new Set([...types].filter(([, t]) => t.length === 1 && t[0] === 'Date').map(([k]) => k));
}

/** A fact's properties as JSON-LD: typed dates, provenance in PROV-O, the rest as stored. */
function properties(
  props: Record<string, unknown>,
  dateKeys: Set<string>,
  skip: string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(props).sort()) {
    const value = props[key];
    if (value === null || value === undefined || skip.includes(key) || INDEX_KEYS.has(key))
      continue;
    if (key === 'sourceIds' || key === 'sourceQuotes') continue;
    if (dateKeys.has(key)) {
      const precision = String(props[`${key}Precision`] ?? 'day');
      const iso = String(value);
      out[key] = {
        '@value':
          precision === 'year' ? iso.slice(0, 4) : precision === 'month' ? iso.slice(0, 7) : iso,
        '@type': XSD_OF_PRECISION[precision] ?? 'xsd:date',
      };
      continue;
    }
    out[key] = plain(value);
  }
  const sources = (props.sourceIds as string[] | undefined) ?? [];
  const quotes = (props.sourceQuotes as string[] | undefined) ?? [];
  if (sources.length > 0) {
    out.wasDerivedFrom = sources.map(entityIri);
    out.qualifiedDerivation = sources.map((s, i) => ({
      '@type': 'Derivation',
      entity: entityIri(s),
      ...(quotes[i] ? { quote: quotes[i] } : {}),
    }));
  }
  return out;
}
