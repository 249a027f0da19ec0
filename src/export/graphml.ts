import type { GraphReader } from './reader';
import type { Sink } from './sink';
import { dateAtPrecision, INDEX_KEYS, plain } from './values';

/**
 * GraphML (http://graphml.graphdrawing.org/) that Gephi, igraph, networkx and
 * yEd open: one <node> per entity (its id as the node id), one directed
 * <edge> per relationship (its stable key as the edge id), and a typed
 * <key> per property. GraphML has no date or list types, so:
 *  - dates are strings at the precision the source gave ("2017", "2017-06",
 *    "2017-06-14"), with the `<key>Precision` attribute beside them;
 *  - lists (sourceIds, sourceQuotes, the evidence of derived links) are JSON arrays in a
 *    string.
 * The graph's own <data> carries the dataset version and the as-of date.
 */
export async function writeGraphml(reader: GraphReader, sink: Sink): Promise<void> {
  const nodeKeys = keysFor('n', reader.types.node, ['id']);
  const edgeKeys = keysFor('e', reader.types.relationship, []);
  const graphData: [string, string | null][] = [
    ['datasetVersion', reader.meta.dataset.version],
    ['seedVersion', reader.meta.dataset.seedVersion],
    ['checksum', reader.meta.dataset.checksum],
    ['filesChecksum', reader.meta.dataset.filesChecksum],
    ['loadedAt', reader.meta.dataset.loadedAt],
    ['asOf', reader.meta.asOf],
    ['exportedAt', reader.meta.exportedAt],
  ];
  await sink.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n',
  );
  for (const [name] of graphData)
    await sink.write(
      `  <key id="g_${name}" for="graph" attr.name="${name}" attr.type="string"/>\n`,
    );
  await sink.write(`  <key id="n_label" for="node" attr.name="label" attr.type="string"/>\n`);
  for (const k of nodeKeys)
    await sink.write(
      `  <key id="${k.id}" for="node" attr.name="${xml(k.name)}" attr.type="${k.type}"/>\n`,
    );
  await sink.write(`  <key id="e_label" for="edge" attr.name="label" attr.type="string"/>\n`);
  for (const k of edgeKeys)
    await sink.write(
      `  <key id="${k.id}" for="edge" attr.name="${xml(k.name)}" attr.type="${k.type}"/>\n`,
    );
  await sink.write('  <graph id="cbss-car" edgedefault="directed">\n');
  for (const [name, value] of graphData)
    if (value !== null) await sink.write(`    <data key="g_${name}">${xml(value)}</data>\n`);

  for await (const n of reader.nodes()) {
    let out = `    <node id="${xml(n.id)}">\n      <data key="n_label">${xml(n.labels.join(':'))}</data>\n`;
    out += dataElements(nodeKeys, n.props, '      ');
    await sink.write(`${out}    </node>\n`);
  }
  for await (const r of reader.relationships()) {
    let out = `    <edge id="${xml(r.key)}" source="${xml(r.from)}" target="${xml(r.to)}">\n      <data key="e_label">${xml(r.type)}</data>\n`;
    out += dataElements(edgeKeys, r.props, '      ');
    await sink.write(`${out}    </edge>\n`);
  }
  await sink.write('  </graph>\n</graphml>\n');
}

interface Key {
  id: string;
  name: string;
  /** GraphML attr.type */
  type: 'string' | 'long' | 'double' | 'boolean';
  date: boolean;
  list: boolean;
}

function keysFor(prefix: string, types: Map<string, string[]>, skip: string[]): Key[] {
  return [...types.entries()]
    .filter(([name]) => !skip.includes(name) && !INDEX_KEYS.has(name))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, t]) => {
      const one = t.length === 1 ? t[0]! : 'Mixed';
      return {
        id: `${prefix}_${name}`,
        name,
        type:
          one === 'Long'
            ? 'long'
            : one === 'Double'
              ? 'double'
              : one === 'Boolean'
                ? 'boolean'
                : 'string',
        date: one === 'Date',
        list: one.endsWith('Array'),
      };
    });
}

function dataElements(keys: Key[], props: Record<string, unknown>, indent: string): string {
  let out = '';
  for (const k of keys) {
    const v = props[k.name];
    if (v === undefined || v === null) continue;
    let text: string;
    if (k.date) text = dateAtPrecision(v, props[`${k.name}Precision`]);
    else if (Array.isArray(v)) text = JSON.stringify(plain(v));
    else text = String(plain(v));
    out += `${indent}<data key="${k.id}">${xml(text)}</data>\n`;
  }
  return out;
}

/** Escapes XML text and drops characters XML 1.0 cannot carry at all (C0 controls). */
export function xml(text: string): string {
  // The point: these control characters cannot appear in XML 1.0.
  // eslint-disable-next-line no-control-regex
  const invalid = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
  return text
    .replace(invalid, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
