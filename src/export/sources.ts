import type { GraphReader } from './reader';
import type { Sink } from './sink';
import type { ExportMeta, ExportNode } from './types';

/**
 * The sources an export cites, for a reference manager (Zotero, Mendeley,
 * JabRef...): exactly the Source entities whose ids appear in the
 * `sourceIds` of an exported entity or relationship (with --as-of, of what
 * that date keeps). One pass over the graph; only sources are kept in memory.
 */
export async function citedSources(reader: GraphReader): Promise<ExportNode[]> {
  const cited = new Set<string>();
  const sources = new Map<string, ExportNode>();
  const note = (ids: unknown) => {
    if (Array.isArray(ids)) for (const id of ids) cited.add(String(id));
  };
  for await (const n of reader.nodes()) {
    if (n.labels.includes('Source')) sources.set(n.id, n);
    // A source cites itself (its sourceIds name it): that alone is not a citation by the graph.
    if (!n.labels.includes('Source')) note(n.props.sourceIds);
  }
  for await (const r of reader.relationships()) note(r.props.sourceIds);
  return [...cited]
    .map((id) => sources.get(id))
    .filter((s): s is ExportNode => s !== undefined)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The citation key of a source: its key in the reference fact sheet (S9), else its id without `source:`. */
export const citationKey = (s: ExportNode): string =>
  String(s.props.citation ?? s.id.replace(/^source:/, '')).replace(/[^A-Za-z0-9_.:-]/g, '-');

function describe(s: ExportNode, meta: ExportMeta): string {
  const where =
    s.props.kind === 'seed-document' && s.props.file
      ? ` Seed document seed/${String(s.props.file)}.`
      : '';
  return `Cited as ${s.id} in the CBSS Children at Risk knowledge graph, dataset ${meta.dataset.version}${meta.asOf ? ` (as of ${meta.asOf})` : ''}.${where}`;
}

/** CSL-JSON (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html): an array of items. */
export async function writeCslJson(reader: GraphReader, sink: Sink): Promise<void> {
  const sources = await citedSources(reader);
  await sink.write('[\n');
  for (const [i, s] of sources.entries()) {
    const item: Record<string, unknown> = {
      id: citationKey(s),
      'citation-key': citationKey(s),
      type: s.props.kind === 'web-page' ? 'webpage' : 'document',
      title: String(s.props.title ?? s.props.name ?? s.id),
      ...(s.props.url ? { URL: String(s.props.url) } : {}),
      note: describe(s, reader.meta),
    };
    await sink.write(`  ${JSON.stringify(item)}${i < sources.length - 1 ? ',' : ''}\n`);
  }
  await sink.write(']\n');
}

/** BibTeX: one @misc per cited source, the dataset version in a leading @comment. */
export async function writeBibtex(reader: GraphReader, sink: Sink): Promise<void> {
  const sources = await citedSources(reader);
  await sink.write(
    `@comment{Sources cited by the CBSS Children at Risk knowledge graph, dataset ${reader.meta.dataset.version}${reader.meta.asOf ? `, as of ${reader.meta.asOf}` : ''}, exported ${reader.meta.exportedAt}}\n\n`,
  );
  for (const s of sources) {
    const fields: [string, string][] = [
      ['title', `{${tex(String(s.props.title ?? s.props.name ?? s.id))}}`],
      ...(s.props.url
        ? ([
            ['url', String(s.props.url).replace(/[{}]/g, '')],
            ['howpublished', `\\url{${String(s.props.url).replace(/[{}]/g, '')}}`],
          ] as [string, string][])
        : []),
      ['note', tex(describe(s, reader.meta))],
    ];
    await sink.write(
      `@misc{${citationKey(s)},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n\n`,
    );
  }
}

/** Escapes the characters that mean something to (La)TeX. */
export function tex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (c) =>
    c === '\\'
      ? '\\textbackslash{}'
      : c === '~'
        ? '\\textasciitilde{}'
        : c === '^'
          ? '\\textasciicircum{}'
          : `\\${c}`,
  );
}
