import fs from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from 'yaml';
import { parsePartialDate } from './dates';
import {
  NODE_COMMON_FIELDS,
  REL_COMMON_FIELDS,
  SEED_DIR,
  SIZE_LIMITS,
  farLabels,
  maxLengthOf,
  type Model,
  type PropertySpec,
} from '../model';

/** One thing wrong with the seed, pinned to file, record and field. */
export interface Problem {
  file: string;
  record?: string;
  field?: string;
  message: string;
  /**
   * A reference to another record (an id, a source). When a file could not
   * be read, such problems mostly follow from that one error and are left
   * out rather than listed by the hundred.
   */
  reference?: boolean;
}

export interface NodeRow {
  label: string;
  id: string;
  props: Record<string, unknown>;
}

export interface RelRow {
  type: string;
  from: string;
  to: string;
  seedKey: string;
  props: Record<string, unknown>;
}

export interface SeedData {
  nodes: NodeRow[];
  rels: RelRow[];
  files: string[];
}

export type ValidationResult = { ok: true; data: SeedData } | { ok: false; problems: Problem[] };

interface RawRecord {
  file: string;
  index: number;
  line: number;
  value: Record<string, unknown>;
}

interface RawFile {
  file: string;
  kind: 'node' | 'rel';
  name: string;
  records: RawRecord[];
  /** Too large or not valid YAML: its records are unknown. */
  unreadable: boolean;
}

const FILE_NAME = /^([A-Za-z_]+)(?:\.[a-z0-9-]+)?\.yaml$/;

export function formatProblem(p: Problem): string {
  return (
    [p.file, p.record, p.field ? `field "${p.field}"` : undefined].filter(Boolean).join(', ') +
    `: ${p.message}`
  );
}

/**
 * Reads and checks every seed file against the model before anything is
 * written: a broken reference, a missing source, a quote that is not in its
 * document, a bad date or an unknown field is reported with its file, record
 * and field, and the whole seed is refused.
 */
export function validateSeed(model: Model, seedDir = SEED_DIR): ValidationResult {
  const problems: Problem[] = [];
  // Problems name files as users know them: seed/... for the project's seed.
  const rel = (f: string) =>
    path.resolve(seedDir) === SEED_DIR ? `seed/${path.relative(seedDir, f)}` : f;
  const files: RawFile[] = [];

  for (const [kind, dir] of [
    ['node', path.join(seedDir, 'nodes')],
    ['rel', path.join(seedDir, 'relationships')],
  ] as const) {
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (!name.endsWith('.yaml')) {
        problems.push({ file: rel(full), message: 'only .yaml files belong here' });
        continue;
      }
      const m = FILE_NAME.exec(name);
      const target = m?.[1] ?? '';
      const known = kind === 'node' ? model.labels[target] : model.relationships[target];
      if (!m || !known) {
        problems.push({
          file: rel(full),
          message: `file name must be <${kind === 'node' ? 'Label' : 'TYPE'}>[.part].yaml with a ${kind === 'node' ? 'label' : 'relationship type'} from seed/model.yaml; "${target}" is not one`,
        });
        continue;
      }
      if (kind === 'rel' && model.relationships[target]?.derived) {
        problems.push({
          file: rel(full),
          message: `${target} is derived by the loader from other facts; it cannot be written in a seed file`,
        });
        continue;
      }
      files.push(readFile(full, rel(full), kind, target, problems));
    }
  }

  // Pass 1: every node id and its label, and what each Source is.
  const labelOf = new Map<string, string>();
  const sources = new Map<string, { kind: string; text?: string }>();
  for (const f of files.filter((x) => x.kind === 'node')) {
    for (const r of f.records) {
      const id = r.value.id;
      if (typeof id !== 'string') continue;
      if (labelOf.has(id)) {
        problems.push({
          file: f.file,
          record: recordName(r),
          field: 'id',
          message: `duplicate id "${id}"`,
        });
        continue;
      }
      labelOf.set(id, f.name);
      if (f.name === 'Source') {
        const kind = String(r.value.kind);
        let text: string | undefined;
        if (kind === 'seed-document' && typeof r.value.file === 'string') {
          const docPath = path.join(seedDir, r.value.file);
          if (fs.existsSync(docPath)) text = fs.readFileSync(docPath, 'utf8');
          else
            problems.push({
              file: f.file,
              record: recordName(r),
              field: 'file',
              message: `no such document seed/${r.value.file}`,
            });
        } else if (kind === 'seed-document') {
          problems.push({
            file: f.file,
            record: recordName(r),
            field: 'file',
            message: 'a seed-document source needs its file',
          });
        }
        sources.set(id, { kind, text });
      }
    }
  }

  const nodes: NodeRow[] = [];
  const rels: RelRow[] = [];
  const seedKeys = new Set<string>();

  for (const f of files) {
    for (const r of f.records) {
      const at: At = (field, message, reference) =>
        problems.push({ file: f.file, record: recordName(r), field, message, reference });
      const v = r.value;
      const props: Record<string, unknown> = { origin: 'seed' };

      if (f.kind === 'node') {
        const spec = model.labels[f.name]!;
        checkFields(v, [...NODE_COMMON_FIELDS, ...Object.keys(spec.properties)], at);
        const id = v.id;
        const idPattern = new RegExp(`^${spec.idPrefix}:[A-Za-z0-9][A-Za-z0-9._-]*$`);
        if (typeof id !== 'string' || !idPattern.test(id)) {
          at('id', `required, of the form "${spec.idPrefix}:<slug>" (letters, digits, . _ -)`);
        } else if (withinLength(id, SIZE_LIMITS.id, 'id', at)) {
          props.id = id;
        }
        convertProperties(v, spec.properties, props, at);
        convertProvenance(v, props, sources, model.confidence.values, at);
        if (typeof id === 'string') nodes.push({ label: f.name, id, props });
      } else {
        const spec = model.relationships[f.name]!;
        checkFields(v, [...REL_COMMON_FIELDS, ...Object.keys(spec.properties)], at);
        const ends: string[] = [];
        for (const [end, allowed] of [
          ['from', spec.from],
          ['to', spec.to],
        ] as const) {
          const ref = v[end];
          if (typeof ref !== 'string') {
            at(end, 'required: the id of a node');
            continue;
          }
          const label = labelOf.get(ref);
          if (!label) at(end, `no node has id "${ref}"`, true);
          else if (!allowed.includes(label))
            at(
              end,
              `"${ref}" is a ${label}; ${f.name} ${end === 'from' ? 'starts at' : 'ends at'} ${allowed.join(' or ')}`,
            );
          else ends.push(ref);
        }
        if (v.key !== undefined && (typeof v.key !== 'string' || v.key === ''))
          at('key', 'must be a non-empty string');
        else if (typeof v.key === 'string') withinLength(v.key, SIZE_LIMITS.id, 'key', at);
        const key = typeof v.key === 'string' ? v.key : '';
        if (key) props.key = key;
        convertPeriod(v.period, spec.period, props, at);
        convertProperties(v, spec.properties, props, at);
        convertProvenance(v, props, sources, model.confidence.values, at);
        if (ends.length === 2) {
          const seedKey = `${f.name}|${ends[0]}|${ends[1]}|${key}`;
          if (seedKeys.has(seedKey)) {
            at(
              'key',
              `duplicate ${f.name} from ${ends[0]} to ${ends[1]}${key ? ` with key "${key}"` : ''}: give each a distinct key`,
            );
          }
          seedKeys.add(seedKey);
          props.seedKey = seedKey;
          rels.push({ type: f.name, from: ends[0]!, to: ends[1]!, seedKey, props });
        }
      }
    }
  }

  problems.push(...cardinalityProblems(model, labelOf, rels));
  const unreadable = files.filter((f) => f.unreadable);
  if (unreadable.length > 0) {
    // The ids and sources of an unreadable file are unknown, so every
    // reference to them would be reported as broken: leave those out.
    const follow = problems.filter((p) => p.reference).length;
    const kept = problems.filter((p) => !p.reference);
    if (follow > 0) {
      kept.push({
        file: unreadable.map((f) => f.file).join(', '),
        message: `${follow} reference(s) to ids were not checked: fix ${unreadable.length === 1 ? 'this file' : 'these files'} first`,
      });
    }
    return { ok: false, problems: kept };
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, data: { nodes, rels, files: files.map((f) => f.file) } };
}

/** A field of cardinality one is a single link in the API: a second one would be lost there. */
function cardinalityProblems(
  model: Model,
  labelOf: Map<string, string>,
  rels: RelRow[],
): Problem[] {
  const problems: Problem[] = [];
  for (const [label, spec] of Object.entries(model.labels)) {
    for (const [name, field] of Object.entries(spec.fields)) {
      if (field.cardinality !== 'one') continue;
      const far = farLabels(model, field);
      const ends = new Map<string, string[]>();
      for (const r of rels) {
        if (r.type !== field.relationship) continue;
        const [near, other] = field.direction === 'out' ? [r.from, r.to] : [r.to, r.from];
        if (labelOf.get(near) !== label || !far.includes(labelOf.get(other) ?? '')) continue;
        ends.set(near, [...(ends.get(near) ?? []), other]);
      }
      for (const [near, others] of ends) {
        if (others.length > 1)
          problems.push({
            file: `seed/relationships/${field.relationship}.*.yaml`,
            record: near,
            message: `${label}.${name} is a single link, but ${near} has ${others.length}: ${others.join(', ')}`,
            reference: true,
          });
      }
    }
  }
  return problems;
}

function readFile(
  full: string,
  file: string,
  kind: 'node' | 'rel',
  name: string,
  problems: Problem[],
): RawFile {
  const out: RawFile = { file, kind, name, records: [], unreadable: false };
  const bytes = fs.statSync(full).size;
  if (bytes > SIZE_LIMITS.fileBytes) {
    problems.push({
      file,
      message: `is ${bytes.toLocaleString('en')} bytes; a seed file holds at most ${SIZE_LIMITS.fileBytes.toLocaleString('en')} (split it into <${kind === 'node' ? 'Label' : 'TYPE'}>.<part>.yaml files)`,
    });
    out.unreadable = true;
    return out;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(fs.readFileSync(full, 'utf8'), {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  // One syntax error makes the parser report many more after it (an unclosed
  // bracket swallows the rest of the file): only the first one is news.
  const [first] = doc.errors;
  if (first) {
    const more = doc.errors.length - 1;
    problems.push({
      file,
      message:
        `YAML error at line ${lineCounter.linePos(first.pos[0]).line}: ${first.message.split('\n')[0]}` +
        (more > 0
          ? ` (${more} more error(s) after it in this file, most likely caused by it)`
          : ''),
    });
    out.unreadable = true;
    return out;
  }
  if (doc.contents === null) return out;
  if (!isSeq(doc.contents)) {
    problems.push({ file, message: 'must be a YAML list of records' });
    return out;
  }
  doc.contents.items.forEach((item, index) => {
    const line = lineCounter.linePos((item as YamlNode).range?.[0] ?? 0).line;
    if (!isMap(item)) {
      problems.push({
        file,
        record: `record ${index + 1} (line ${line})`,
        message: 'must be a mapping of fields',
      });
      return;
    }
    out.records.push({ file, index, line, value: item.toJSON() as Record<string, unknown> });
  });
  return out;
}

function recordName(r: RawRecord): string {
  const v = r.value;
  const what =
    typeof v.id === 'string'
      ? v.id
      : typeof v.from === 'string'
        ? `${String(v.from)} -> ${String(v.to)}`
        : undefined;
  return `record ${r.index + 1} (${what ? `${what}, ` : ''}line ${r.line})`;
}

type At = (field: string | undefined, message: string, reference?: boolean) => void;

function checkFields(v: Record<string, unknown>, allowed: readonly string[], at: At): void {
  for (const field of Object.keys(v)) {
    if (!allowed.includes(field)) at(field, `unknown field (allowed: ${allowed.join(', ')})`);
  }
}

function convertProperties(
  v: Record<string, unknown>,
  specs: Record<string, PropertySpec>,
  out: Record<string, unknown>,
  at: At,
): void {
  for (const [name, spec] of Object.entries(specs)) {
    const value = v[name];
    if (value === undefined || value === null) {
      if (spec.required) at(name, 'required');
      continue;
    }
    switch (spec.type) {
      case 'string':
      case 'text':
        if (typeof value !== 'string' || value.trim() === '')
          at(name, 'must be a non-empty string');
        else if (withinLength(value, maxLengthOf(spec), name, at)) out[name] = value;
        break;
      case 'integer':
        if (!Number.isInteger(value)) at(name, 'must be a whole number');
        else out[name] = neo4j.int(value as number);
        break;
      case 'boolean':
        if (typeof value !== 'boolean') at(name, 'must be true or false');
        else out[name] = value;
        break;
      case 'strings':
        if (!Array.isArray(value) || value.some((s) => typeof s !== 'string' || s === ''))
          at(name, 'must be a list of non-empty strings');
        else if (value.length > SIZE_LIMITS.items)
          at(name, `holds ${value.length} items; at most ${SIZE_LIMITS.items}`);
        else if (
          (value as string[]).every((item, i) =>
            withinLength(item, maxLengthOf(spec), `${name}[${i}]`, at),
          )
        )
          out[name] = value;
        break;
      case 'enum':
        if (typeof value !== 'string' || !spec.values?.includes(value))
          at(name, `must be one of ${spec.values?.join(', ')}`);
        else out[name] = value;
        break;
      case 'date': {
        const d = typeof value === 'string' ? parsePartialDate(value) : undefined;
        if (!d) {
          at(
            name,
            `"${String(value)}" is not a date: write "YYYY", "YYYY-MM" or "YYYY-MM-DD" (in quotes)`,
          );
        } else {
          // An end date covers its whole year or month; any other date starts there.
          out[name] = toNeo4jDate(name === 'endDate' ? d.last : d.first);
          out[`${name}Precision`] = d.precision;
        }
        break;
      }
    }
  }
}

function convertPeriod(
  period: unknown,
  allowed: boolean,
  out: Record<string, unknown>,
  at: At,
): void {
  if (period === undefined || period === null) return;
  if (!allowed) {
    at('period', 'this relationship type holds no period');
    return;
  }
  if (typeof period !== 'object' || Array.isArray(period)) {
    at('period', 'must be a mapping { from: "YYYY[-MM[-DD]]", to: "YYYY[-MM[-DD]]" }');
    return;
  }
  const p = period as Record<string, unknown>;
  for (const k of Object.keys(p))
    if (k !== 'from' && k !== 'to') at(`period.${k}`, 'unknown field (allowed: from, to)');
  const parse = (k: 'from' | 'to') => {
    if (p[k] === undefined || p[k] === null) return undefined;
    const d = typeof p[k] === 'string' ? parsePartialDate(p[k]) : undefined;
    if (!d)
      at(
        `period.${k}`,
        `"${String(p[k])}" is not a date: write "YYYY", "YYYY-MM" or "YYYY-MM-DD" (in quotes)`,
      );
    return d;
  };
  const from = parse('from');
  const to = parse('to');
  if (from) {
    out.validFrom = toNeo4jDate(from.first);
    out.validFromPrecision = from.precision;
  }
  if (to) {
    // A period ending "2020" holds until the end of 2020.
    out.validTo = toNeo4jDate(to.last);
    out.validToPrecision = to.precision;
  }
  if (from && to && from.first > to.last)
    at('period', `starts (${from.text}) after it ends (${to.text})`);
}

function convertProvenance(
  v: Record<string, unknown>,
  out: Record<string, unknown>,
  sources: Map<string, { kind: string; text?: string }>,
  confidence: string[],
  at: At,
): void {
  const list = v.sources;
  if (!Array.isArray(list) || list.length === 0) {
    at('sources', 'required: a non-empty list of { source, quote? }');
  } else if (list.length > SIZE_LIMITS.sources) {
    at('sources', `cites ${list.length} sources; at most ${SIZE_LIMITS.sources}`);
  } else {
    const ids: string[] = [];
    const quotes: string[] = [];
    list.forEach((entry: unknown, i) => {
      const field = `sources[${i}]`;
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
        at(field, 'must be { source: <Source id>, quote?: text }');
        return;
      }
      const e = entry as Record<string, unknown>;
      for (const k of Object.keys(e))
        if (k !== 'source' && k !== 'quote')
          at(`${field}.${k}`, 'unknown field (allowed: source, quote)');
      const id = e.source;
      const src = typeof id === 'string' ? sources.get(id) : undefined;
      if (typeof id !== 'string' || !src) {
        at(`${field}.source`, `"${String(id)}" is not the id of a Source`, true);
        return;
      }
      const quote = e.quote;
      if (
        typeof quote === 'string' &&
        !withinLength(quote, SIZE_LIMITS.quote, `${field}.quote`, at)
      )
        return;
      if (src.kind === 'seed-document') {
        if (typeof quote !== 'string' || quote.trim() === '') {
          at(`${field}.quote`, `required: the exact words of ${id} that support this fact`);
          return;
        }
        if (src.text !== undefined && !src.text.includes(quote)) {
          at(
            `${field}.quote`,
            `does not appear verbatim in ${id}: "${quote.slice(0, 80)}${quote.length > 80 ? '…' : ''}"`,
          );
          return;
        }
      } else if (quote !== undefined) {
        at(`${field}.quote`, `quotes are checked against seed documents only; ${id} is a web page`);
        return;
      }
      ids.push(id);
      quotes.push(typeof quote === 'string' ? quote : '');
    });
    out.sourceIds = ids;
    out.sourceQuotes = quotes;
  }
  if (v.confidence !== undefined) {
    if (typeof v.confidence !== 'string' || !confidence.includes(v.confidence))
      at('confidence', `must be ${confidence.join(', ').replace(/, ([^,]*)$/, ' or $1')}`);
    else out.confidence = v.confidence;
  }
  if (v.unverified !== undefined && typeof v.unverified !== 'boolean')
    at('unverified', 'must be true or false');
  out.unverified = v.unverified === true;
  if (v.note !== undefined) {
    if (typeof v.note !== 'string') at('note', 'must be text');
    else if (withinLength(v.note, SIZE_LIMITS.note, 'note', at)) out.note = v.note;
  }
}

/** Reports a value longer than `max` characters; true when it fits. */
function withinLength(value: string, max: number, field: string, at: At): boolean {
  if (value.length <= max) return true;
  at(
    field,
    `is ${value.length.toLocaleString('en')} characters long; at most ${max.toLocaleString('en')}`,
  );
  return false;
}

function toNeo4jDate(iso: string) {
  const [y, m, d] = iso.split('-').map(Number);
  return new neo4j.types.Date(y!, m!, d!);
}
