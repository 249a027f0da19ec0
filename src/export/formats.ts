import { writeDatasetCsv, writeNodesCsv, writeRelationshipsCsv } from './csv';
import { writeGraphml } from './graphml';
import { writeJsonld } from './jsonld';
import type { GraphReader } from './reader';
import type { Sink } from './sink';
import { writeBibtex, writeCslJson } from './sources';

export interface ExportFile {
  /** File name, in the output folder and under /export/ on the API. */
  file: string;
  contentType: string;
  write(reader: GraphReader, sink: Sink): Promise<void>;
}

/** Every file an export can produce, by name. */
export const EXPORT_FILES: Record<string, ExportFile> = {
  graphml: {
    file: 'graph.graphml',
    contentType: 'application/graphml+xml; charset=utf-8',
    write: writeGraphml,
  },
  jsonld: {
    file: 'graph.jsonld',
    contentType: 'application/ld+json; charset=utf-8',
    write: writeJsonld,
  },
  nodes: { file: 'nodes.csv', contentType: 'text/csv; charset=utf-8', write: writeNodesCsv },
  relationships: {
    file: 'relationships.csv',
    contentType: 'text/csv; charset=utf-8',
    write: writeRelationshipsCsv,
  },
  dataset: {
    file: 'dataset.csv',
    contentType: 'text/csv; charset=utf-8',
    write: (reader, sink) => writeDatasetCsv(reader.meta.dataset, sink),
  },
  csl: {
    file: 'sources.csl.json',
    contentType: 'application/vnd.citationstyles.csl+json; charset=utf-8',
    write: writeCslJson,
  },
  bibtex: {
    file: 'sources.bib',
    contentType: 'application/x-bibtex; charset=utf-8',
    write: writeBibtex,
  },
};

/** `--format` values and the files each writes. */
export const FORMATS: Record<string, string[]> = {
  graphml: ['graphml'],
  jsonld: ['jsonld'],
  csv: ['nodes', 'relationships', 'dataset'],
  csl: ['csl'],
  bibtex: ['bibtex'],
  all: ['graphml', 'jsonld', 'nodes', 'relationships', 'dataset', 'csl', 'bibtex'],
};
